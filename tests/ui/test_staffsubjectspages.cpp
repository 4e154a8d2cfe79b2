// School Set-up ▸ Staff and Subjects: driven by keyboard on a real school file, each change one undo
// step that undo and redo take back and bring again, refusals said and nothing changed.
#include "services/groupsetup.h"
#include "services/schoolsetup.h"
#include "services/staffsetup.h"
#include "services/subjectsetup.h"
#include "setup/staffpage.h"
#include "setup/subjectspage.h"
#include "storage/database.h"
#include "testsupport.h"
#include "uitestsupport.h"
#include "widgets/datefield.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>

using namespace waymark;

namespace {
const QDate kToday(2026, 3, 10);

// A new school file, open, with a real undo stack; what the pages say through `problem` is kept.
struct SchoolFixture
{
    SchoolFixture()
    {
        test::isolateUserFolders(dir.path(QStringLiteral("home")));
        setup::createSchoolFile(path, QStringLiteral("Oakfield Academy"));
        db = Database::open(path);
    }

    std::function<void(const QString&)> problemSink()
    {
        return [this](const QString& message) { problems << message; };
    }

    // Shows a page as a window of its own with the keyboard, as a tab of School Set-up would.
    static void showActive(QWidget& page)
    {
        page.resize(900, 520);
        page.show();
        page.activateWindow();
        REQUIRE(test::waitFor([&] { return QApplication::activeWindow() == &page; }));
    }

    test::TempDir dir;
    QString path = dir.path(QStringLiteral("oakfield.waymark"));
    std::unique_ptr<Database> db;
    QUndoStack undo;
    QStringList problems;
};

// The dialog that `act` opens is answered by `answer`; fails if none opened. (A mnemonic "animates"
// its button's click, so the dialog opens a moment after the key.)
void withModal(const std::function<void(QWidget*)>& answer, const std::function<void()>& act)
{
    auto seen = std::make_shared<bool>(false);
    auto pending = std::make_shared<std::function<void(QWidget*)>>(answer);
    test::answerNextModal([seen, pending](QWidget* modal) {
        if (!*pending)
            return; // given up on: a later dialog is not this one's
        *seen = true;
        // Its Alt+letters and typing reach it once it is the active window (QWindow::isActive is true
        // as soon as its parent is, so qWaitForWindowActive would not wait).
        REQUIRE(test::waitFor([&] { return QApplication::activeWindow() == modal; }));
        (*pending)(modal);
    });
    act();
    const bool opened = test::waitFor([&] { return *seen; });
    *pending = nullptr;
    REQUIRE(opened);
}

// Alt+letter on `window`, as the teacher presses it: the window has the keyboard again first (once
// a dialog has closed, the offscreen platform gives it back only when asked).
void altKey(QWidget& window, Qt::Key letter)
{
    window.activateWindow();
    REQUIRE(test::waitFor([&] { return QApplication::activeWindow() == &window; }));
    QTest::keyClick(&window, letter, Qt::AltModifier);
}

// Alt+letter on `window`, waiting until `button` (the one with that underlined letter) was clicked.
void pressMnemonic(QWidget& window, Qt::Key letter, QPushButton* button)
{
    bool clicked = false;
    const QMetaObject::Connection c = QObject::connect(button, &QPushButton::clicked, [&] { clicked = true; });
    altKey(window, letter);
    const bool done = test::waitFor([&] { return clicked; }, 2000);
    QObject::disconnect(c);
    REQUIRE(done);
}

void typeInto(QWidget* field, const QString& text)
{
    QTest::keyClicks(field, text);
}

std::optional<setup::StaffMember> staffNamed(Database& db, const QString& familyName)
{
    for (const setup::StaffMember& m : setup::staffList(db))
        if (m.details.familyName == familyName)
            return m;
    return std::nullopt;
}

std::optional<setup::SubjectEntry> subjectNamed(Database& db, const QString& name)
{
    for (const setup::SubjectEntry& s : setup::subjectList(db))
        if (s.details.name == name)
            return s;
    return std::nullopt;
}

QString shotsFolder()
{
    return qEnvironmentVariable("WAYMARK_SHOTS_DIR");
}
} // namespace

TEST_CASE("Staff are added by keyboard, as one undo step, and undo takes them back")
{
    SchoolFixture f;
    StaffPage page(*f.db, f.undo, kToday, f.problemSink());
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    SchoolFixture::showActive(page);
    CHECK(page.model()->rowCount() == 0);
    CHECK_FALSE(page.editButton()->isEnabled());

    withModal(
        [](QWidget* modal) {
            auto* dialog = qobject_cast<StaffDialog*>(modal);
            REQUIRE(dialog);
            CHECK_FALSE(dialog->okButton()->isEnabled()); // nothing typed yet
            CHECK(dialog->problemText().isEmpty());       // and not scolded for it
            REQUIRE(QApplication::focusWidget() == dialog->titleField());
            typeInto(dialog->titleField(), QStringLiteral("Mrs"));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            REQUIRE(QApplication::focusWidget() == dialog->forenameField());
            typeInto(dialog->forenameField(), QStringLiteral("Jaspreet"));
            CHECK(dialog->problemText().contains(QStringLiteral("surname")));
            CHECK_FALSE(dialog->okButton()->isEnabled());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            REQUIRE(QApplication::focusWidget() == dialog->surnameField());
            typeInto(dialog->surnameField(), QStringLiteral("Patel"));
            CHECK(dialog->displayNameField()->placeholderText() == QStringLiteral("Mrs J Patel"));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            REQUIRE(QApplication::focusWidget() == dialog->displayNameField());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            REQUIRE(QApplication::focusWidget() == dialog->emailField());
            typeInto(dialog->emailField(), QStringLiteral("j.patel"));
            CHECK(dialog->problemText().contains(QStringLiteral("not an e-mail address")));
            CHECK_FALSE(dialog->okButton()->isEnabled());
            typeInto(dialog->emailField(), QStringLiteral("@oakfield.sch.uk"));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            REQUIRE(QApplication::focusWidget() == dialog->roleField());
            typeInto(dialog->roleField(), QStringLiteral("SENCo"));
            CHECK(dialog->problemText().isEmpty());
            REQUIRE(dialog->okButton()->isEnabled());
            QTest::keyClick(dialog->roleField(), Qt::Key_Return);
        },
        [&] { altKey(page, Qt::Key_A); });

    const std::optional<setup::StaffMember> patel = staffNamed(*f.db, QStringLiteral("Patel"));
    REQUIRE(patel);
    CHECK(patel->details.displayName == QStringLiteral("Mrs J Patel"));
    CHECK(patel->details.email == QStringLiteral("j.patel@oakfield.sch.uk"));
    CHECK(patel->details.role == QStringLiteral("SENCo"));
    CHECK(f.undo.undoText() == QStringLiteral("Add Mrs J Patel"));
    CHECK(page.selectedId() == patel->id); // the new member of staff is chosen
    CHECK(page.model()->rowCount() == 1);

    f.undo.undo();
    CHECK(setup::staffList(*f.db).empty());
    CHECK(page.model()->rowCount() == 0);
    f.undo.redo();
    REQUIRE(setup::staffList(*f.db).size() == 1);
    CHECK(setup::staffList(*f.db).front().id == patel->id);
    CHECK(page.model()->rowCount() == 1);
    CHECK(f.problems.isEmpty());
}

TEST_CASE("A member of staff is edited with Enter on their row, and undo puts back what was there")
{
    SchoolFixture f;
    const RowId khan = setup::addStaff(*f.db, {QStringLiteral("Mr"),
                                               QStringLiteral("Tariq"),
                                               QStringLiteral("Khan"),
                                               {},
                                               QStringLiteral("t.khan@oakfield.sch.uk"),
                                               QStringLiteral("Teacher")});
    setup::addStaff(*f.db, {{}, QStringLiteral("Sam"), QStringLiteral("Okafor"), {}, {}, QStringLiteral("TA")});
    const setup::StaffDetails before = setup::staffMember(*f.db, khan)->details;
    StaffPage page(*f.db, f.undo, kToday, f.problemSink());
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    SchoolFixture::showActive(page);
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_Down); // the first row: Khan
    REQUIRE(page.selectedId() == khan);

    withModal(
        [&](QWidget* modal) {
            auto* dialog = qobject_cast<StaffDialog*>(modal);
            REQUIRE(dialog);
            CHECK(dialog->surnameField()->text() == QStringLiteral("Khan"));
            CHECK(dialog->displayNameField()->text().isEmpty()); // made from the names
            CHECK_FALSE(dialog->okButton()->isEnabled());        // nothing changed yet
            REQUIRE(QApplication::focusWidget() == dialog->forenameField());
            QTest::keyClick(dialog, Qt::Key_R, Qt::AltModifier); // &Role
            REQUIRE(QApplication::focusWidget() == dialog->roleField());
            dialog->roleField()->selectAll();
            typeInto(dialog->roleField(), QStringLiteral("Head of Year 9"));
            REQUIRE(dialog->okButton()->isEnabled());
            QTest::keyClick(dialog->roleField(), Qt::Key_Return);
        },
        [&] { QTest::keyClick(page.view(), Qt::Key_Return); });

    CHECK(setup::staffMember(*f.db, khan)->details.role == QStringLiteral("Head of Year 9"));
    CHECK(f.undo.undoText() == QStringLiteral("Change Mr T Khan's details"));
    CHECK(page.selectedId() == khan); // still chosen after the list is read again
    CHECK(page.model()->data(page.model()->index(0, StaffTableModel::RoleColumn)).toString() ==
          QStringLiteral("Head of Year 9"));

    f.undo.undo();
    CHECK(setup::staffMember(*f.db, khan)->details == before);
    f.undo.redo();
    CHECK(setup::staffMember(*f.db, khan)->details.role == QStringLiteral("Head of Year 9"));

    SECTION("a surname corrected: the display name made from it follows, and undo restores both")
    {
        withModal(
            [&](QWidget* modal) {
                auto* dialog = qobject_cast<StaffDialog*>(modal);
                REQUIRE(dialog);
                QTest::keyClick(dialog, Qt::Key_S, Qt::AltModifier); // &Surname
                REQUIRE(QApplication::focusWidget() == dialog->surnameField());
                dialog->surnameField()->selectAll();
                typeInto(dialog->surnameField(), QStringLiteral("Khan-Ali"));
                CHECK(dialog->displayNameField()->placeholderText() == QStringLiteral("Mr T Khan-Ali"));
                QTest::keyClick(dialog->surnameField(), Qt::Key_Return);
            },
            [&] { altKey(page, Qt::Key_E); });
        CHECK(setup::staffMember(*f.db, khan)->details.displayName == QStringLiteral("Mr T Khan-Ali"));
        f.undo.undo();
        CHECK(setup::staffMember(*f.db, khan)->details.displayName == QStringLiteral("Mr T Khan"));
        CHECK(setup::staffMember(*f.db, khan)->details.familyName == QStringLiteral("Khan"));
        CHECK(f.problems.isEmpty()); // undo found what the edit stored (the made display name)
        f.undo.redo();
        CHECK(setup::staffMember(*f.db, khan)->details.familyName == QStringLiteral("Khan-Ali"));
    }
    CHECK(f.problems.isEmpty());
}

TEST_CASE("A member of staff is marked as left on a day asked for, greyed at the end, and brought back")
{
    SchoolFixture f;
    const RowId khan =
        setup::addStaff(*f.db, {QStringLiteral("Mr"), QStringLiteral("Tariq"), QStringLiteral("Khan"), {}, {}, {}});
    const RowId patel = setup::addStaff(
        *f.db, {QStringLiteral("Mrs"), QStringLiteral("Jaspreet"), QStringLiteral("Patel"), {}, {}, {}});
    StaffPage page(*f.db, f.undo, kToday, f.problemSink());
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    SchoolFixture::showActive(page);
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_Down);
    REQUIRE(page.selectedId() == khan);
    CHECK(page.leftButton()->text() == QStringLiteral("Mark as &Left…"));

    withModal(
        [&](QWidget* modal) {
            auto* dialog = qobject_cast<LeftOnDialog*>(modal);
            REQUIRE(dialog);
            CHECK(dialog->date() == kToday); // today unless changed
            REQUIRE(QApplication::focusWidget() == dialog->dateField());
            typeInto(dialog->dateField(), QStringLiteral("27/2/2026")); // replaces the chosen text
            QTest::keyClick(dialog->dateField(), Qt::Key_Return);
        },
        [&] { altKey(page, Qt::Key_L); });

    CHECK(setup::staffMember(*f.db, khan)->leftOn == QDate(2026, 2, 27));
    CHECK(f.undo.undoText() == QStringLiteral("Mark Mr T Khan as left"));
    // Those who have left are listed last, greyed; the choice follows them there.
    REQUIRE(page.model()->rowOf(khan) == 1);
    CHECK(page.model()->rowOf(patel) == 0);
    CHECK(page.selectedId() == khan);
    const QModelIndex left = page.model()->index(1, StaffTableModel::LeftColumn);
    CHECK(left.data().toString() == QStringLiteral("27 Feb 2026"));
    CHECK(left.data(Qt::ForegroundRole).value<QColor>() ==
          QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
    CHECK_FALSE(page.model()->index(0, StaffTableModel::NameColumn).data(Qt::ForegroundRole).isValid());
    CHECK(page.leftButton()->text() == QStringLiteral("&Back on Staff"));

    f.undo.undo();
    CHECK_FALSE(setup::staffMember(*f.db, khan)->leftOn.isValid());
    CHECK(page.model()->rowOf(khan) == 0);
    f.undo.redo();
    CHECK(setup::staffMember(*f.db, khan)->leftOn == QDate(2026, 2, 27));

    // Back on the staff: no question asked, one undo step.
    pressMnemonic(page, Qt::Key_B, page.leftButton());
    CHECK_FALSE(setup::staffMember(*f.db, khan)->leftOn.isValid());
    CHECK(f.undo.undoText() == QStringLiteral("Bring Mr T Khan back on the staff"));
    f.undo.undo();
    CHECK(setup::staffMember(*f.db, khan)->leftOn == QDate(2026, 2, 27));
    CHECK(f.problems.isEmpty());
}

TEST_CASE("“This is me” is chosen and cleared by keyboard, and undo goes back through both")
{
    SchoolFixture f;
    const RowId khan =
        setup::addStaff(*f.db, {QStringLiteral("Mr"), QStringLiteral("Tariq"), QStringLiteral("Khan"), {}, {}, {}});
    StaffPage page(*f.db, f.undo, kToday, f.problemSink());
    SchoolFixture::showActive(page);
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_Down);
    REQUIRE(page.selectedId() == khan);
    CHECK_FALSE(page.meButton()->isChecked());

    pressMnemonic(page, Qt::Key_M, page.meButton());
    CHECK(setup::whoIAm(*f.db) == khan);
    CHECK(page.meButton()->isChecked());
    CHECK(page.model()->index(0, StaffTableModel::MeColumn).data().toString() == QStringLiteral("This is me"));
    CHECK(f.undo.undoText() == QStringLiteral("This is me: Mr T Khan"));

    pressMnemonic(page, Qt::Key_M, page.meButton()); // toggles off
    CHECK_FALSE(setup::whoIAm(*f.db).has_value());
    CHECK_FALSE(page.meButton()->isChecked());

    f.undo.undo();
    CHECK(setup::whoIAm(*f.db) == khan);
    CHECK(page.meButton()->isChecked());
    f.undo.undo();
    CHECK_FALSE(setup::whoIAm(*f.db).has_value());
    f.undo.redo();
    CHECK(setup::whoIAm(*f.db) == khan);
    CHECK(f.problems.isEmpty());
}

TEST_CASE("A new school is offered the usual subjects, added in one undo step that leaves none when undone")
{
    SchoolFixture f;
    SubjectsPage page(*f.db, f.undo, f.problemSink());
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    SchoolFixture::showActive(page);
    CHECK(page.emptyNote()->isVisible());
    CHECK(page.emptyNote()->text() == QStringLiteral("This school has no subjects yet."));
    REQUIRE(page.usualButton()->isEnabled());

    pressMnemonic(page, Qt::Key_U, page.usualButton());
    const std::size_t usual = setup::usualSubjects().size();
    CHECK(setup::subjectList(*f.db).size() == usual);
    CHECK(page.model()->rowCount() == int(usual));
    CHECK_FALSE(page.emptyNote()->isVisible());
    CHECK_FALSE(page.usualButton()->isEnabled()); // none missing now
    CHECK(f.undo.undoText() == QStringLiteral("Add the usual subjects"));

    f.undo.undo();
    CHECK(setup::subjectList(*f.db).empty());
    CHECK(page.model()->rowCount() == 0);
    CHECK(page.emptyNote()->isVisible());
    CHECK(page.usualButton()->isEnabled());
    // Beside the note, above the list (with subjects, it stands with the other buttons).
    CHECK(test::waitFor([&] { return page.usualButton()->geometry().bottom() < page.view()->geometry().top(); }));
    f.undo.redo();
    CHECK(
        test::waitFor([&] { return page.usualButton()->geometry().top() > page.removeButton()->geometry().bottom(); }));
    CHECK(setup::subjectList(*f.db).size() == usual);

    SECTION("with one of them removed, only that one is offered and added")
    {
        const RowId music = *setup::findSubject(*f.db, QStringLiteral("Music"));
        setup::setSubjectsRemoved(*f.db, {music}, true);
        page.reload();
        REQUIRE(page.usualButton()->isEnabled());
        pressMnemonic(page, Qt::Key_U, page.usualButton());
        CHECK(setup::subjectList(*f.db).size() == usual);
        f.undo.undo();
        CHECK(setup::subjectList(*f.db).size() == usual - 1);
        CHECK_FALSE(setup::findSubject(*f.db, QStringLiteral("Music")).has_value());
    }
    CHECK(f.problems.isEmpty());
}

TEST_CASE("Subjects are added, renamed with F2 and removed with Delete, each undone and redone")
{
    SchoolFixture f;
    setup::addSubject(*f.db, {QStringLiteral("English"), QStringLiteral("EN")});
    SubjectsPage page(*f.db, f.undo, f.problemSink());
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    SchoolFixture::showActive(page);
    CHECK_FALSE(page.emptyNote()->isVisible());

    withModal(
        [](QWidget* modal) {
            auto* dialog = qobject_cast<SubjectDialog*>(modal);
            REQUIRE(dialog);
            REQUIRE(QApplication::focusWidget() == dialog->nameField());
            typeInto(dialog->nameField(), QStringLiteral("english"));
            CHECK(dialog->problemText().contains(QStringLiteral("already has a subject")));
            CHECK_FALSE(dialog->okButton()->isEnabled());
            dialog->nameField()->selectAll();
            typeInto(dialog->nameField(), QStringLiteral("Latin"));
            CHECK(dialog->problemText().isEmpty());
            QTest::keyClick(dialog->nameField(), Qt::Key_Tab);
            REQUIRE(QApplication::focusWidget() == dialog->codeField());
            typeInto(dialog->codeField(), QStringLiteral("LA"));
            QTest::keyClick(dialog->codeField(), Qt::Key_Return);
        },
        [&] { altKey(page, Qt::Key_A); });
    const std::optional<setup::SubjectEntry> latin = subjectNamed(*f.db, QStringLiteral("Latin"));
    REQUIRE(latin);
    CHECK(latin->details.code == QStringLiteral("LA"));
    CHECK(f.undo.undoText() == QStringLiteral("Add the subject Latin"));
    CHECK(page.selectedId() == latin->id);
    f.undo.undo();
    CHECK_FALSE(subjectNamed(*f.db, QStringLiteral("Latin")));
    f.undo.redo();
    CHECK(subjectNamed(*f.db, QStringLiteral("Latin")));

    // F2 renames the chosen subject.
    page.selectSubject(latin->id);
    page.view()->setFocus();
    withModal(
        [](QWidget* modal) {
            auto* dialog = qobject_cast<SubjectDialog*>(modal);
            REQUIRE(dialog);
            CHECK(dialog->nameField()->text() == QStringLiteral("Latin"));
            CHECK_FALSE(dialog->okButton()->isEnabled());              // nothing changed yet
            typeInto(dialog->nameField(), QStringLiteral("Classics")); // the name is chosen: replaced
            QTest::keyClick(dialog->nameField(), Qt::Key_Return);
        },
        [&] { QTest::keyClick(page.view(), Qt::Key_F2); });
    CHECK(subjectNamed(*f.db, QStringLiteral("Classics")));
    CHECK(f.undo.undoText() == QStringLiteral("Rename Latin to Classics"));
    CHECK(page.selectedId() == latin->id);
    f.undo.undo();
    CHECK(subjectNamed(*f.db, QStringLiteral("Latin")));
    CHECK_FALSE(subjectNamed(*f.db, QStringLiteral("Classics")));
    f.undo.redo();
    CHECK(subjectNamed(*f.db, QStringLiteral("Classics")));

    // Delete removes it; the next subject is chosen.
    page.selectSubject(latin->id);
    QTest::keyClick(page.view(), Qt::Key_Delete);
    CHECK_FALSE(subjectNamed(*f.db, QStringLiteral("Classics")));
    CHECK(f.undo.undoText() == QStringLiteral("Remove the subject Classics"));
    CHECK(page.selectedId().has_value());
    f.undo.undo();
    CHECK(subjectNamed(*f.db, QStringLiteral("Classics")));
    f.undo.redo();
    CHECK_FALSE(subjectNamed(*f.db, QStringLiteral("Classics")));
    CHECK(f.problems.isEmpty());
}

TEST_CASE("A subject with groups is not removed: the page says why, and nothing changes")
{
    SchoolFixture f;
    const RowId maths = setup::addSubject(*f.db, {QStringLiteral("Mathematics"), QStringLiteral("MA")});
    setup::GroupDetails group;
    group.name = QStringLiteral("9Ma1");
    group.subjectId = maths;
    group.yearGroup = 9;
    group.academicYear = 2025;
    setup::addGroup(*f.db, group);
    SubjectsPage page(*f.db, f.undo, f.problemSink());
    SchoolFixture::showActive(page);
    CHECK(page.model()->index(0, SubjectTableModel::GroupsColumn).data().toInt() == 1);

    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_Down);
    REQUIRE(page.selectedId() == maths);
    pressMnemonic(page, Qt::Key_M, page.removeButton()); // Re&move
    REQUIRE(f.problems.size() == 1);
    CHECK(f.problems.front().contains(QStringLiteral("“Mathematics” has groups")));
    CHECK(subjectNamed(*f.db, QStringLiteral("Mathematics")));
    CHECK(f.undo.count() == 0); // nothing to undo
    CHECK(page.model()->rowCount() == 1);
    CHECK(page.selectedId() == maths);
}

TEST_CASE("Screenshots of the Staff and Subjects pages with real data")
{
    const QString folder = shotsFolder();
    if (folder.isEmpty())
        return; // only when asked (WAYMARK_SHOTS_DIR)
    SchoolFixture f;
    const auto add = [&](const char* title, const char* given, const char* family, const char* role) {
        return setup::addStaff(
            *f.db, {QString::fromUtf8(title),
                    QString::fromUtf8(given),
                    QString::fromUtf8(family),
                    {},
                    QStringLiteral("%1.%2@oakfield.sch.uk")
                        .arg(QString::fromUtf8(given).left(1).toLower(), QString::fromUtf8(family).toLower()),
                    QString::fromUtf8(role)});
    };
    const RowId patel = add("Mrs", "Jaspreet", "Patel", "SENCo");
    const RowId khan = add("Mr", "Tariq", "Khan", "Head of Year 9");
    add("Ms", "Aoife", "Brennan", "Teacher of English");
    add("", "Sam", "Okafor", "Teaching assistant");
    add("Dr", "Helen", "Wright", "Teacher of Science");
    add("Miss", "Chloe", "Evans", "Teacher of Mathematics");
    const RowId leaver = add("Mr", "David", "Hughes", "Teacher of History");
    setup::setStaffLeftOn(*f.db, leaver, QDate(2025, 7, 22));
    setup::setWhoIAm(*f.db, patel);
    setup::addUsualSubjects(*f.db);
    setup::addSubject(*f.db, {QStringLiteral("Latin"), QStringLiteral("LA")});
    for (const auto& [name, subject] : {std::pair{"9Ma1", "Mathematics"}, std::pair{"9Ma2", "Mathematics"},
                                        std::pair{"9En1", "English"}, std::pair{"9Sc/x", "Science"}}) {
        setup::GroupDetails group;
        group.name = QString::fromUtf8(name);
        group.subjectId = *setup::findSubject(*f.db, QString::fromUtf8(subject));
        group.yearGroup = 9;
        group.academicYear = 2025;
        group.teacherId = khan;
        setup::addGroup(*f.db, group);
    }

    QDir().mkpath(folder);
    StaffPage staff(*f.db, f.undo, kToday, f.problemSink());
    SchoolFixture::showActive(staff);
    staff.selectStaff(khan);
    QApplication::processEvents();
    REQUIRE(staff.grab().save(QDir(folder).filePath(QStringLiteral("staffpage.png"))));

    SubjectsPage subjects(*f.db, f.undo, f.problemSink());
    SchoolFixture::showActive(subjects);
    subjects.selectSubject(*setup::findSubject(*f.db, QStringLiteral("Mathematics")));
    QApplication::processEvents();
    REQUIRE(subjects.grab().save(QDir(folder).filePath(QStringLiteral("subjectspage.png"))));

    // A new school's Subjects page: the line saying there are none, beside the button.
    SchoolFixture empty;
    SubjectsPage none(*empty.db, empty.undo, empty.problemSink());
    SchoolFixture::showActive(none);
    REQUIRE(none.grab().save(QDir(folder).filePath(QStringLiteral("subjectspage-new.png"))));
}
