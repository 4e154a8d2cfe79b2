// File ▸ Import from MIS: a CSV with columns Waymark cannot name, mapped from the keyboard with a live
// preview, previewed before anything is written, applied as one undo step, and the mapping
// remembered for that MIS; a file that is no roster is refused on the first page.
#include "app/appcontroller.h"
#include "app/schooldocument.h"
#include "settings.h"
#include "services/schoolsetup.h"
#include "setup/importwizard.h"
#include "shell/mainactions.h"
#include "shell/mainwindow.h"
#include "storage/database.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {
// An export whose surname and forename columns no MIS Waymark knows would call so.
const QByteArray kRoster = "Adno,UPN,Family,Given,DOB,Year,Reg\r\n"
                           "1001,,Aydin,Emre,02/09/2014,7,7R\r\n"
                           "1002,,Smith,Jo,15/01/2014,7,7R\r\n"
                           "1003,,Wrobel,Lucja,01/05/2014,7,7S\r\n";

int livePupilsNamed(const QString& path, const QString& family)
{
    auto db = Database::open(path);
    auto s = db->prepare("SELECT count(*) FROM pupil WHERE deleted = 0 AND legal_family_name = ?1");
    s.bindAll(family);
    s.step();
    return int(s.int64(0));
}

QComboBox* fieldBoxFor(ImportColumnsPage* page, const QString& header)
{
    QTableWidget* table = page->columnsTable();
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0)->text() == header)
            return qobject_cast<QComboBox*>(table->cellWidget(r, 2));
    return nullptr;
}

// Picks an item from the keyboard, as a teacher would: Down until it shows.
void pickByKeyboard(QComboBox* box, const QString& text)
{
    box->setFocus();
    for (int i = 0; i < box->count() && box->currentText() != text; ++i)
        QTest::keyClick(box, Qt::Key_Down);
}

// Enter presses the wizard's default button: Next, then Import on the last page.
void pressEnter(QWidget* wizard)
{
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : wizard, Qt::Key_Return);
}
} // namespace

TEST_CASE("A CSV roster is mapped by keyboard, previewed, imported as one undo step, and its mapping remembered")
{
    test::ShellWindowFixture f(true);
    MainWindow& w = f.window();
    const QString csv = f.dir.path(QStringLiteral("export.csv"));
    test::writeAll(csv, kRoster);
    REQUIRE(w.actions().importRoster->isEnabled());
    const int before = livePupilsNamed(f.school.path, QStringLiteral("Aydin"));
    REQUIRE(before == 0);

    bool finished = false;
    test::answerNextModal([&](QWidget* modal) {
        auto* wizard = qobject_cast<ImportWizard*>(modal);
        REQUIRE(wizard);
        auto* source = static_cast<ImportSourcePage*>(wizard->page(ImportWizard::SourcePage));
        REQUIRE(test::waitFor([&] { return QApplication::focusWidget() == source->pathEdit(); }));
        QTest::keyClicks(source->pathEdit(), csv);
        source->sourceCombo()->setCurrentText(QStringLiteral("Arbor"));
        CHECK(source->isComplete());
        pressEnter(wizard);
        if (wizard->currentId() != ImportWizard::ColumnsPage) {
            for (const QLabel* l : source->findChildren<QLabel*>())
                UNSCOPED_INFO(l->text().toStdString());
            UNSCOPED_INFO("focus " << (QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className() : "none"));
        }
        REQUIRE(wizard->currentId() == ImportWizard::ColumnsPage);

        // "Family" and "Given" are not known: no surname, so nothing can be read yet.
        auto* columns = static_cast<ImportColumnsPage*>(wizard->currentPage());
        CHECK_FALSE(columns->isComplete());
        QComboBox* family = fieldBoxFor(columns, QStringLiteral("Family"));
        QComboBox* given = fieldBoxFor(columns, QStringLiteral("Given"));
        REQUIRE(family);
        REQUIRE(given);
        CHECK(family->currentText() == QStringLiteral("(not imported)"));
        pickByKeyboard(family, QStringLiteral("Legal surname"));
        CHECK(family->currentText() == QStringLiteral("Legal surname"));
        pickByKeyboard(given, QStringLiteral("Legal forename"));
        CHECK(given->currentText() == QStringLiteral("Legal forename"));
        // The live preview reads the first pupils with the mapping as it stands.
        const QAbstractItemModel* preview = columns->previewView()->model();
        REQUIRE(preview->rowCount() == 3);
        CHECK(preview->index(0, 2).data().toString() == QStringLiteral("Aydin"));
        CHECK(preview->index(2, 3).data().toString() == QStringLiteral("Lucja"));
        CHECK(columns->isComplete());
        pressEnter(wizard);
        REQUIRE(wizard->currentId() == ImportWizard::PreviewPage);

        auto* preview2 = static_cast<ImportPreviewPage*>(wizard->currentPage());
        INFO(preview2->summaryLabel()->text().toStdString());
        CHECK(preview2->summaryLabel()->text().contains(QStringLiteral("3 new")));
        CHECK(preview2->rowsView()->model()->rowCount() == 3);
        CHECK(livePupilsNamed(f.school.path, QStringLiteral("Aydin")) == 0); // nothing written yet
        pressEnter(wizard);
        finished = true;
    });
    w.actions().importRoster->trigger();
    REQUIRE(finished);
    CHECK(livePupilsNamed(f.school.path, QStringLiteral("Aydin")) == 1);
    CHECK(livePupilsNamed(f.school.path, QStringLiteral("Wrobel")) == 1);
    QUndoStack& stack = f.app.document().undoStack();
    CHECK(stack.undoText() == QStringLiteral("Import of 3 pupils"));

    w.actions().undo->trigger();
    CHECK(livePupilsNamed(f.school.path, QStringLiteral("Aydin")) == 0);
    w.actions().redo->trigger();
    CHECK(livePupilsNamed(f.school.path, QStringLiteral("Aydin")) == 1);

    // The next export from Arbor needs no mapping: and, imported again, it changes nothing.
    bool again = false;
    test::answerNextModal([&](QWidget* modal) {
        auto* wizard = qobject_cast<ImportWizard*>(modal);
        REQUIRE(wizard);
        auto* source = static_cast<ImportSourcePage*>(wizard->page(ImportWizard::SourcePage));
        CHECK(source->sourceCombo()->currentText() == QStringLiteral("Arbor")); // remembered too
        wizard->setPath(csv);
        pressEnter(wizard);
        auto* columns = static_cast<ImportColumnsPage*>(wizard->currentPage());
        REQUIRE(wizard->currentId() == ImportWizard::ColumnsPage);
        CHECK(fieldBoxFor(columns, QStringLiteral("Family"))->currentText() == QStringLiteral("Legal surname"));
        CHECK(columns->isComplete());
        pressEnter(wizard);
        auto* preview = static_cast<ImportPreviewPage*>(wizard->currentPage());
        CHECK(preview->summaryLabel()->text().contains(QStringLiteral("0 new")));
        CHECK(preview->summaryLabel()->text().contains(QStringLiteral("3 unchanged")));
        wizard->reject();
        again = true;
    });
    w.actions().importRoster->trigger();
    CHECK(again);
    CHECK(livePupilsNamed(f.school.path, QStringLiteral("Aydin")) == 1);
}

TEST_CASE("A file that is no roster is refused on the first page, saying why, and nothing is written")
{
    test::ShellWindowFixture f(true);
    const QString junk = f.dir.path(QStringLiteral("photo.csv"));
    test::writeAll(junk, QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + QByteArray(4000, '\0'));
    const QByteArray before = test::sha256Of(f.school.path);
    bool sawWizard = false;
    test::answerNextModal([&](QWidget* modal) {
        auto* wizard = qobject_cast<ImportWizard*>(modal);
        REQUIRE(wizard);
        sawWizard = true;
        wizard->setPath(junk);
        pressEnter(wizard);
        CHECK(wizard->currentId() == ImportWizard::SourcePage); // it stays, and says why
        const QList<QLabel*> labels = wizard->currentPage()->findChildren<QLabel*>();
        const bool said = std::any_of(labels.begin(), labels.end(), [](const QLabel* l) {
            return l->text().contains(QStringLiteral("could not be read"));
        });
        CHECK(said);
        wizard->reject();
    });
    f.window().actions().importRoster->trigger();
    CHECK(sawWizard);
    CHECK(test::sha256Of(f.school.path) == before);
}

TEST_CASE("A whole roll offers the pupils it does not list as leavers, and ticking it marks them as left")
{
    test::ShellWindowFixture f(true);
    const QString csv = f.dir.path(QStringLiteral("roll.csv"));
    test::writeAll(csv, kRoster); // three new pupils; none of the school's six
    bool finished = false;
    test::answerNextModal([&](QWidget* modal) {
        auto* wizard = qobject_cast<ImportWizard*>(modal);
        REQUIRE(wizard);
        auto* source = static_cast<ImportSourcePage*>(wizard->page(ImportWizard::SourcePage));
        wizard->setPath(csv);
        source->sourceCombo()->setCurrentText(QStringLiteral("Arbor"));
        source->fullRollBox()->setChecked(true);
        pressEnter(wizard);
        auto* columns = static_cast<ImportColumnsPage*>(wizard->currentPage());
        pickByKeyboard(fieldBoxFor(columns, QStringLiteral("Family")), QStringLiteral("Legal surname"));
        pickByKeyboard(fieldBoxFor(columns, QStringLiteral("Given")), QStringLiteral("Legal forename"));
        pressEnter(wizard);
        REQUIRE(wizard->currentId() == ImportWizard::PreviewPage);
        auto* preview = static_cast<ImportPreviewPage*>(wizard->currentPage());
        REQUIRE(preview->leaversBox()->isVisible());
        CHECK(preview->leaversBox()->text().contains(QStringLiteral("6 pupils")));
        preview->leaversBox()->setFocus();
        QTest::keyClick(preview->leaversBox(), Qt::Key_Space);
        REQUIRE(preview->leaversBox()->isChecked());
        wizard->accept();
        finished = true;
    });
    f.window().actions().importRoster->trigger();
    REQUIRE(finished);
    auto db = Database::open(f.school.path);
    auto s = db->prepare("SELECT left_on FROM pupil WHERE id = ?1");
    s.bindAll(f.school.amara);
    REQUIRE(s.step());
    CHECK(s.text(0) == f.school.today.toString(Qt::ISODate));
}

TEST_CASE("A school with nobody on roll offers the import on its dashboard, and the link opens the wizard")
{
    test::ShellWindowFixture f(true);
    const QString empty = f.dir.path(QStringLiteral("new.waymark"));
    setup::createSchoolFile(empty, QStringLiteral("Castle View School"));
    f.app.openSchoolOrThrow(empty);
    f.window().showDashboard();
    QLabel* link = nullptr;
    REQUIRE(test::waitFor([&] {
        for (QLabel* label : f.window().findChildren<QLabel*>())
            if (label->accessibleName() == QStringLiteral("Bring in your pupils, staff and groups from the MIS") &&
                label->isVisible())
                link = label;
        return link != nullptr;
    }));
    bool opened = false;
    test::answerNextModal([&](QWidget* modal) {
        opened = qobject_cast<ImportWizard*>(modal) != nullptr;
        static_cast<QDialog*>(modal)->reject();
    });
    link->setFocus();
    QTest::keyClick(link, Qt::Key_Tab); // into the link
    QTest::keyClick(link, Qt::Key_Return);
    CHECK(test::waitFor([&] { return opened; }));

    // Once pupils are in, the offer goes.
    f.app.openSchoolOrThrow(f.school.path);
    f.window().showDashboard();
    QCoreApplication::processEvents();
    CHECK_FALSE(link->isVisible());
}
