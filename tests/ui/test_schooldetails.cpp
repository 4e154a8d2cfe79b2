// File ▸ School Details: typed by keyboard, checked as typed, one undo step, and never written over a
// change made elsewhere.
#include "app/appcontroller.h"
#include "app/schooldocument.h"
#include "services/schoolsession.h"
#include "services/schoolsetup.h"
#include "settings.h"
#include "pupil/pupilpage.h"
#include "setup/addpupildialog.h"
#include "setup/schooldetailsdialog.h"
#include "shell/mainactions.h"
#include "shell/mainwindow.h"
#include "storage/database.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {
struct Fixture : test::ShellWindowFixture
{
    setup::SchoolDetails stored()
    {
        auto db = Database::open(school.path);
        return setup::schoolDetails(*db);
    }
};
} // namespace

TEST_CASE("The school's name and numbers are changed in the app, checked as typed, and undone in one step")
{
    Fixture f;
    MainWindow& w = f.window();
    REQUIRE(w.actions().schoolDetails->isEnabled());
    bool sawDialog = false;
    test::answerNextModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<SchoolDetailsDialog*>(modal);
        REQUIRE(dialog);
        sawDialog = true;
        CHECK(dialog->nameField()->text() == f.school.schoolName);
        CHECK_FALSE(dialog->saveButton()->isEnabled()); // nothing changed yet
        // The name field has the focus, its text chosen: typing replaces it.
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Oakfield Primary"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        REQUIRE(QApplication::focusWidget() == dialog->urnField());
        QTest::keyClicks(dialog->urnField(), QStringLiteral("13742"));
        CHECK_FALSE(dialog->saveButton()->isEnabled());
        CHECK(dialog->problemText().contains(QStringLiteral("6 digits")));
        QTest::keyClicks(dialog->urnField(), QStringLiteral("5"));
        CHECK(dialog->problemText().isEmpty());
        QTest::keyClick(dialog->urnField(), Qt::Key_Tab);
        REQUIRE(QApplication::focusWidget() == dialog->laField());
        QTest::keyClicks(dialog->laField(), QStringLiteral("873"));
        QTest::keyClick(dialog->laField(), Qt::Key_Tab);
        REQUIRE(QApplication::focusWidget() == dialog->estabField());
        QTest::keyClicks(dialog->estabField(), QStringLiteral("4001"));
        QTest::keyClick(dialog->estabField(), Qt::Key_Tab);
        REQUIRE(QApplication::focusWidget() == dialog->phaseField());
        dialog->phaseField()->setCurrentIndex(dialog->phaseField()->findData(int(SchoolPhase::Primary)));
        REQUIRE(dialog->saveButton()->isEnabled());
        QTest::keyClick(dialog->phaseField(), Qt::Key_Return); // the default button: Save
    });
    w.actions().schoolDetails->trigger();
    REQUIRE(sawDialog);

    setup::SchoolDetails now = f.stored();
    CHECK(now.name == QStringLiteral("Oakfield Primary"));
    CHECK(now.urn == QStringLiteral("137425"));
    CHECK(now.laCode == QStringLiteral("873"));
    CHECK(now.estab == QStringLiteral("4001"));
    CHECK(now.phase == SchoolPhase::Primary);
    CHECK(f.app.document().undoStack().undoText() == QStringLiteral("Change the school's details"));
    CHECK(test::waitFor([&] { return w.windowTitle().startsWith(QStringLiteral("Oakfield Primary")); }));

    // One step back restores everything.
    w.actions().undo->trigger();
    now = f.stored();
    CHECK(now.name == f.school.schoolName);
    CHECK(now.urn.isEmpty());
    CHECK(test::waitFor([&] { return w.windowTitle().startsWith(f.school.schoolName); }));

    SECTION("redo, then a change in another window: undo keeps that newer change and says so")
    {
        w.actions().redo->trigger();
        CHECK(f.stored().name == QStringLiteral("Oakfield Primary"));
        {
            auto other = Database::open(f.school.path);
            setup::SchoolDetails theirs = setup::schoolDetails(*other);
            theirs.name = QStringLiteral("Oakfield Federation");
            setup::changeSchoolDetails(*other, theirs);
        }
        QString told;
        test::answerNextModal([&](QWidget* box) {
            told = test::messageBoxText(box);
            qobject_cast<QMessageBox*>(box)->accept();
        });
        w.actions().undo->trigger();
        CHECK(test::waitFor([&] { return !told.isEmpty(); }));
        CHECK(told.contains(QStringLiteral("changed elsewhere")));
        CHECK(f.stored().name == QStringLiteral("Oakfield Federation"));
    }
}

TEST_CASE("School details are not offered for a school opened read-only")
{
    Fixture f;
    Database::Options options;
    options.readOnly = true;
    f.app.openSchoolOrThrow(f.school.path, options);
    CHECK_FALSE(f.window().actions().schoolDetails->isEnabled());
}

TEST_CASE("A school made without a name is named, and undo takes it back to no name without a complaint")
{
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    const QString path = dir.path(QStringLiteral("new.waymark"));
    setup::createSchoolFile(path, QString());
    Settings settings(dir.path(QStringLiteral("settings.ini")));
    AppController app(settings);
    app.window().setRemembersState(false);
    app.openSchoolOrThrow(path);
    test::answerNextModal([](QWidget* modal) {
        auto* dialog = qobject_cast<SchoolDetailsDialog*>(modal);
        REQUIRE(dialog);
        QTest::keyClicks(dialog->nameField(), QStringLiteral("Hillside Primary"));
        dialog->saveButton()->click();
    });
    app.window().actions().schoolDetails->trigger();
    CHECK(app.document().session()->schoolName() == QStringLiteral("Hillside Primary"));
    app.window().actions().undo->trigger();
    QApplication::processEvents();
    CHECK(app.document().session()->schoolName().isEmpty());
    CHECK(app.document().undoStack().canRedo());
    CHECK_FALSE(app.window().statusBar()->currentMessage().contains(QStringLiteral("name")));
    app.window().actions().redo->trigger();
    CHECK(app.document().session()->schoolName() == QStringLiteral("Hillside Primary"));
}

TEST_CASE("A name longer than Waymark writes is kept whole when the school's other details are changed")
{
    Fixture f;
    const QString longName = QString(150, QLatin1Char('N'));
    {
        auto db = Database::open(f.school.path);
        db->prepare("UPDATE school SET name = ?1").bindAll(longName).run();
    }
    f.app.document().session()->checkForOutsideChanges();
    test::answerNextModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<SchoolDetailsDialog*>(modal);
        REQUIRE(dialog);
        CHECK(dialog->nameField()->isReadOnly());
        CHECK(dialog->nameField()->text() == longName);
        QTest::keyClicks(dialog->urnField(), QStringLiteral("137425"));
        CHECK(dialog->problemText().isEmpty());
        REQUIRE(dialog->saveButton()->isEnabled());
        dialog->saveButton()->click();
    });
    f.window().actions().schoolDetails->trigger();
    CHECK(f.stored().name == longName);
    CHECK(f.stored().urn == QStringLiteral("137425"));
}

TEST_CASE("Details refused because another window changed them meanwhile come back in the dialog, with why")
{
    Fixture f;
    QString told;
    bool typedBack = false;
    test::answerNextModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<SchoolDetailsDialog*>(modal);
        REQUIRE(dialog);
        dialog->nameField()->setText(QStringLiteral("Oakfield Primary"));
        QTest::keyClicks(dialog->urnField(), QStringLiteral("137425"));
        {
            // Meanwhile, in another window.
            auto other = Database::open(f.school.path);
            setup::SchoolDetails theirs = setup::schoolDetails(*other);
            theirs.name = QStringLiteral("Oakfield Federation");
            setup::changeSchoolDetails(*other, theirs);
        }
        test::answerNextModal([&](QWidget* box) {
            told = test::messageBoxText(box);
            qobject_cast<QMessageBox*>(box)->accept();
            test::answerNextModal([&](QWidget* again) {
                auto* second = qobject_cast<SchoolDetailsDialog*>(again);
                REQUIRE(second);
                typedBack = second->nameField()->text() == QStringLiteral("Oakfield Primary") &&
                            second->urnField()->text() == QStringLiteral("137425");
                second->reject();
            });
        });
        dialog->saveButton()->click();
    });
    f.window().actions().schoolDetails->trigger();
    CHECK(told.contains(QStringLiteral("changed elsewhere")));
    CHECK(typedBack);
    CHECK(f.stored().name == QStringLiteral("Oakfield Federation"));
    CHECK_FALSE(f.app.document().undoStack().canUndo());
}

TEST_CASE("File > Add Pupil: the UPN checked as typed, a taken one named, the pupil opened, undone and redone")
{
    Fixture f;
    MainWindow& w = f.window();
    REQUIRE(w.actions().addPupil->isEnabled());
    bool sawDialog = false;
    test::answerNextModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<AddPupilDialog*>(modal);
        REQUIRE(dialog);
        sawDialog = true;
        CHECK_FALSE(dialog->addButton()->isEnabled());
        CHECK(dialog->problemText().isEmpty()); // nothing typed, nothing said
        QTest::keyClicks(dialog->upnField(), QStringLiteral("A801200005001"));
        CHECK(dialog->problemText().contains(QStringLiteral("should start with B")));
        dialog->upnField()->setText(f.school.amaraUpn); // Amara's
        CHECK(dialog->problemText().contains(QStringLiteral("already has the UPN")));
        dialog->upnField()->setText(QStringLiteral("R201100018042"));
        QTest::keyClick(dialog->upnField(), Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Emre"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        REQUIRE(QApplication::focusWidget() == dialog->surnameField());
        dialog->surnameField()->insert(QStringLiteral("Aydın")); // QTest types ASCII only
        INFO(dialog->problemText().toStdString() << " | forename " << dialog->forenameField()->text().toStdString());
        CHECK(dialog->problemText().isEmpty());
        REQUIRE(dialog->addButton()->isEnabled());
        dialog->addButton()->click();
    });
    w.actions().addPupil->trigger();
    REQUIRE(sawDialog);
    const auto emre = [&] {
        auto db = Database::open(f.school.path);
        auto s = db->prepare("SELECT id, deleted FROM pupil WHERE upn = 'R201100018042'");
        return s.step() ? std::pair<RowId, bool>{s.int64(0), s.int64(1) != 0} : std::pair<RowId, bool>{0, false};
    };
    const RowId id = emre().first;
    REQUIRE(id != 0);
    CHECK(f.app.document().undoStack().undoText() == QStringLiteral("Add Emre Aydın"));
    CHECK(test::waitFor([&] { return w.pupilPage() && w.pupilPage()->pupilId() == id; }));

    w.actions().undo->trigger();
    CHECK(emre().second); // taken back: tombstoned, not erased
    w.actions().redo->trigger();
    CHECK(emre() == std::pair<RowId, bool>{id, false});
}
