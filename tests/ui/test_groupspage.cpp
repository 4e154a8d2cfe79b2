// School Set-up ▸ Groups: groups made, changed and removed, and pupils put in and taken out, all by
// keyboard on the real page, each one undo step checked in the file through the set-up services.
#include "domain/entities.h"
#include "repo/repository.h"
#include "services/groupsetup.h"
#include "services/pupilsetup.h"
#include "services/schoolsetup.h"
#include "services/staffsetup.h"
#include "services/subjectsetup.h"
#include "setup/groupspage.h"
#include "storage/database.h"
#include "testsupport.h"
#include "text/englishplurals.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <memory>

using namespace waymark;

namespace {

struct Fixture
{
    Fixture()
    {
        static const bool plurals = [] {
            installEnglishPlurals(*QCoreApplication::instance()); // as the app does: "3 pupils", "1 pupil"
            return true;
        }();
        (void)plurals;
        path = dir.path(QStringLiteral("school.waymark"));
        setup::createSchoolFile(path, QStringLiteral("Hillside Academy"));
        db = Database::open(path);
        for (const auto& [given, family, yearGroup] : {std::tuple{"Ali", "Khan", 7},
                                                       {"Alice", "Walker", 7},
                                                       {"Bella", "Jones", 7},
                                                       {"Carl", "Smith", 7},
                                                       {"Dana", "Brown", 8},
                                                       {"Emre", "Aydin", 7}}) {
            setup::NewPupil p;
            p.legalGivenName = QString::fromUtf8(given);
            p.legalFamilyName = QString::fromUtf8(family);
            p.dateOfBirth = QDate(2019 - yearGroup, 10, 1);
            p.yearGroup = yearGroup;
            pupils[p.legalGivenName] = setup::addPupil(*db, p, today);
        }
        setup::StaffDetails patel;
        patel.title = QStringLiteral("Mrs");
        patel.givenName = QStringLiteral("Jane");
        patel.familyName = QStringLiteral("Patel");
        patelId = setup::addStaff(*db, patel);
        setup::StaffDetails okafor;
        okafor.title = QStringLiteral("Mr");
        okafor.givenName = QStringLiteral("Sam");
        okafor.familyName = QStringLiteral("Okafor");
        setup::addStaff(*db, okafor);
        setup::addUsualSubjects(*db);
    }

    RowId addGroup(const QString& name, GroupKind kind, std::optional<int> yearGroup = 7)
    {
        setup::GroupDetails d;
        d.name = name;
        d.kind = kind;
        d.yearGroup = yearGroup;
        d.academicYear = year;
        return setup::addGroup(*db, d);
    }

    // The page, shown in a window the size it has in School Set-up, with the keyboard.
    GroupsPage& page()
    {
        if (!page_) {
            page_ = std::make_unique<GroupsPage>(*db, undo, today, [this](const QString& text) { problems << text; });
            page_->resize(1300, 620);
            page_->show();
            page_->activateWindow();
            REQUIRE(QTest::qWaitForWindowActive(page_.get()));
        }
        return *page_;
    }

    std::optional<setup::GroupEntry> group(const QString& name)
    {
        for (const setup::GroupEntry& g : setup::groupList(*db, year))
            if (g.details.name == name)
                return g;
        return std::nullopt;
    }

    std::vector<RowId> members(RowId groupId) { return setup::membersOf(*db, groupId); }
    std::vector<RowId> ids(std::initializer_list<const char*> names)
    {
        std::vector<RowId> out;
        for (const char* n : names)
            out.push_back(pupils.at(QString::fromUtf8(n)));
        return out;
    }

    // Waits until a dialog just shown has the keyboard (the window system gives it a moment later).
    static bool hasKeyboard(QWidget* modal)
    {
        return test::waitFor([modal] {
            QWidget* focus = QApplication::focusWidget();
            return focus && (focus == modal || modal->isAncestorOf(focus));
        });
    }

    // A key (with Alt: a mnemonic) pressed where the keyboard is.
    static void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        // After a dialog closes, a window manager gives the page the keyboard back; offscreen, the
        // test does.
        if (!QApplication::focusWidget() && !QApplication::activeModalWidget()) {
            for (QWidget* window : QApplication::topLevelWidgets())
                if (qobject_cast<GroupsPage*>(window) && window->isVisible())
                    window->activateWindow();
        }
        test::waitFor([] { return QApplication::focusWidget() != nullptr; });
        QWidget* focus = QApplication::focusWidget();
        REQUIRE(focus);
        QTest::keyClick(focus, key, modifiers);
    }
    static void type(const QString& text)
    {
        QWidget* focus = QApplication::focusWidget();
        REQUIRE(focus);
        QTest::keyClicks(focus, text);
    }
    // Alt+G, then the group's name typed: the list finds it.
    void chooseGroup(const QString& name)
    {
        press(Qt::Key_G, Qt::AltModifier);
        REQUIRE(QApplication::focusWidget() == page().groupsView());
        type(name);
        QTest::qWait(QApplication::keyboardInputInterval() + 50); // the next typing starts a new search
        REQUIRE(page().selectedGroup() == group(name)->id);
    }

    test::TempDir dir;
    QString path;
    std::unique_ptr<Database> db;
    QUndoStack undo;
    QDate today{2026, 3, 10};
    int year = 2025;
    std::map<QString, RowId> pupils;
    RowId patelId = 0;
    QStringList problems;
    std::unique_ptr<GroupsPage> page_;
};

} // namespace

TEST_CASE("A class with a subject and a teacher is made by keyboard, renamed with Enter, each undone and redone")
{
    Fixture f;
    f.addGroup(QStringLiteral("7R"), GroupKind::Class);
    GroupsPage& page = f.page();
    CHECK(page.academicYear() == 2025);
    CHECK(page.yearChooser()->currentText() == QStringLiteral("2025/26 (this year)"));

    bool answered = false;
    test::answerNextModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<GroupDialog*>(modal);
        CHECK(dialog);
        if (!dialog)
            return;
        CHECK(Fixture::hasKeyboard(dialog));
        answered = true;
        CHECK(QApplication::focusWidget() == dialog->nameField());
        Fixture::type(QStringLiteral("9X/Ma1"));
        Fixture::press(Qt::Key_Tab);
        CHECK(QApplication::focusWidget() == dialog->kindField());
        CHECK(dialog->kindField()->currentText() == QStringLiteral("Class"));
        Fixture::press(Qt::Key_Tab);
        CHECK(QApplication::focusWidget() == dialog->yearField());
        Fixture::type(QStringLiteral("9"));
        Fixture::press(Qt::Key_Tab);
        CHECK(QApplication::focusWidget() == dialog->subjectField());
        Fixture::type(QStringLiteral("Math"));
        Fixture::press(Qt::Key_Tab);
        CHECK(QApplication::focusWidget() == dialog->teacherField());
        Fixture::type(QStringLiteral("Mrs"));
        CHECK(dialog->problemText().isEmpty());
        CHECK(dialog->okButton()->isEnabled());
        Fixture::press(Qt::Key_Return);
    });
    Fixture::press(Qt::Key_N, Qt::AltModifier);
    REQUIRE(test::waitFor([&] { return answered; })); // a mnemonic clicks the button a moment later

    std::optional<setup::GroupEntry> made = f.group(QStringLiteral("9X/Ma1"));
    REQUIRE(made);
    CHECK(made->details.kind == GroupKind::Class);
    CHECK(made->details.yearGroup == 9);
    CHECK(made->subjectName == QStringLiteral("Mathematics"));
    CHECK(made->details.teacherId == f.patelId);
    CHECK(made->details.academicYear == 2025);
    CHECK(f.undo.undoText() == QStringLiteral("Add 9X/Ma1"));
    CHECK(page.selectedGroup() == made->id); // the new group is chosen
    CHECK(f.problems.isEmpty());

    f.undo.undo();
    CHECK_FALSE(f.group(QStringLiteral("9X/Ma1")));
    CHECK(page.groupsModel()->rowOf(made->id) < 0);
    f.undo.redo();
    REQUIRE(f.group(QStringLiteral("9X/Ma1")));
    CHECK(f.group(QStringLiteral("9X/Ma1"))->id == made->id); // the same row back
    CHECK(page.groupsModel()->rowOf(made->id) >= 0);

    // Enter on the chosen group edits it.
    f.chooseGroup(QStringLiteral("9X/Ma1"));
    answered = false;
    test::answerNextModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<GroupDialog*>(modal);
        CHECK(dialog);
        if (!dialog)
            return;
        CHECK(Fixture::hasKeyboard(dialog));
        answered = true;
        CHECK(dialog->nameField()->text() == QStringLiteral("9X/Ma1"));
        CHECK_FALSE(dialog->okButton()->isEnabled()); // nothing changed yet
        Fixture::type(QStringLiteral("9X/Ma2"));      // the name is chosen: typing replaces it
        CHECK(dialog->okButton()->isEnabled());
        Fixture::press(Qt::Key_Return);
    });
    Fixture::press(Qt::Key_Return);
    REQUIRE(answered);
    CHECK(f.group(QStringLiteral("9X/Ma2")));
    CHECK(f.undo.undoText() == QStringLiteral("Rename 9X/Ma1 to 9X/Ma2"));
    f.undo.undo();
    CHECK(f.group(QStringLiteral("9X/Ma1")));
    CHECK(page.selectedGroup() == made->id); // kept, by id
    f.undo.redo();
    CHECK(f.group(QStringLiteral("9X/Ma2")));
    CHECK(f.problems.isEmpty());
}

TEST_CASE("Pupils found by searching are added, one is taken out with Delete, each undone and redone")
{
    Fixture f;
    const RowId seven = f.addGroup(QStringLiteral("7R"), GroupKind::Class);
    f.addGroup(QStringLiteral("7S"), GroupKind::Tutor);
    GroupsPage& page = f.page();
    f.chooseGroup(QStringLiteral("7R"));

    bool answered = false;
    test::answerNextModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<AddMembersDialog*>(modal);
        CHECK(dialog);
        if (!dialog)
            return;
        CHECK(Fixture::hasKeyboard(dialog));
        answered = true;
        CHECK(QApplication::focusWidget() == dialog->searchField());
        CHECK(dialog->view()->model()->rowCount() == 6);
        CHECK_FALSE(dialog->addButton()->isEnabled());
        // "Ali" finds Ali Khan and Alice Walker; Down goes to the first, Space ticks it.
        Fixture::type(QStringLiteral("Ali"));
        CHECK(dialog->view()->model()->rowCount() == 2);
        Fixture::press(Qt::Key_Down);
        CHECK(QApplication::focusWidget() == dialog->view());
        Fixture::press(Qt::Key_Space);
        for (const char* name : {"Bella", "Carl"}) {
            Fixture::press(Qt::Key_S, Qt::AltModifier);
            CHECK(QApplication::focusWidget() == dialog->searchField());
            Fixture::press(Qt::Key_A, Qt::ControlModifier);
            Fixture::type(QString::fromUtf8(name));
            CHECK(dialog->view()->model()->rowCount() == 1);
            Fixture::press(Qt::Key_Down);
            Fixture::press(Qt::Key_Space);
        }
        // What was ticked stays ticked while the list is filtered.
        CHECK(dialog->chosen().size() == 3);
        CHECK(dialog->addButton()->text() == QStringLiteral("&Add 3 Pupils"));
        Fixture::press(Qt::Key_Return);
    });
    Fixture::press(Qt::Key_A, Qt::AltModifier);
    REQUIRE(test::waitFor([&] { return answered; })); // a mnemonic clicks the button a moment later

    const std::vector<RowId> three = f.ids({"Bella", "Ali", "Carl"}); // Jones, Khan, Smith
    CHECK(f.members(seven) == three);
    CHECK(f.undo.undoText() == QStringLiteral("Add 3 pupils to 7R"));
    CHECK(page.membersModel()->rowCount() == 3);
    CHECK(f.group(QStringLiteral("7R"))->members == 3);
    f.undo.undo();
    CHECK(f.members(seven).empty());
    CHECK(page.membersModel()->rowCount() == 0);
    f.undo.redo();
    CHECK(f.members(seven) == three);
    CHECK(page.membersModel()->rowCount() == 3);

    // Alt+P goes to the pupils; Down chooses the first (Bella Jones); Delete takes her out.
    Fixture::press(Qt::Key_P, Qt::AltModifier);
    REQUIRE(QApplication::focusWidget() == page.membersView());
    Fixture::press(Qt::Key_Down);
    CHECK(page.removePupilsButton()->isEnabled());
    Fixture::press(Qt::Key_Delete);
    CHECK(f.members(seven) == f.ids({"Ali", "Carl"}));
    CHECK(f.undo.undoText() == QStringLiteral("Remove Bella Jones from 7R"));
    CHECK(page.membersModel()->rowCount() == 2);
    f.undo.undo();
    CHECK(f.members(seven) == three);
    f.undo.redo();
    CHECK(f.members(seven) == f.ids({"Ali", "Carl"}));
    CHECK(f.problems.isEmpty());
}

TEST_CASE("A pupil is moved to another tutor group of the year, undone and redone")
{
    Fixture f;
    const RowId s7 = f.addGroup(QStringLiteral("7S"), GroupKind::Tutor);
    const RowId t7 = f.addGroup(QStringLiteral("7T"), GroupKind::Tutor);
    f.addGroup(QStringLiteral("7R"), GroupKind::Class); // not a tutor group: not offered
    const RowId emre = f.pupils.at(QStringLiteral("Emre"));
    setup::addMembers(*f.db, s7, {emre, f.pupils.at(QStringLiteral("Ali"))});
    GroupsPage& page = f.page();

    f.chooseGroup(QStringLiteral("7R"));
    CHECK_FALSE(page.moveButton()->isVisibleTo(&page)); // only for a tutor group
    f.chooseGroup(QStringLiteral("7S"));
    CHECK(page.moveButton()->isVisibleTo(&page));
    CHECK_FALSE(page.moveButton()->isEnabled()); // nobody chosen yet
    Fixture::press(Qt::Key_P, Qt::AltModifier);
    Fixture::press(Qt::Key_Down); // Emre Aydin, first by surname
    CHECK(page.moveButton()->isEnabled());

    bool answered = false;
    QStringList offered;
    test::answerNextModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<MoveToTutorGroupDialog*>(modal);
        CHECK(dialog);
        if (!dialog)
            return;
        CHECK(Fixture::hasKeyboard(dialog));
        answered = true;
        CHECK(QApplication::focusWidget() == dialog->groupField());
        for (int i = 0; i < dialog->groupField()->count(); ++i)
            offered << dialog->groupField()->itemText(i);
        Fixture::press(Qt::Key_Return);
    });
    Fixture::press(Qt::Key_M, Qt::AltModifier);
    REQUIRE(test::waitFor([&] { return answered; })); // a mnemonic clicks the button a moment later
    CHECK(offered == QStringList{QStringLiteral("7T (Year 7)")});

    CHECK(f.members(s7) == f.ids({"Ali"}));
    CHECK(f.members(t7) == std::vector<RowId>{emre});
    CHECK(f.undo.undoText() == QStringLiteral("Move Emre Aydin to 7T"));
    CHECK(page.membersModel()->rowCount() == 1);
    f.undo.undo();
    CHECK(f.members(s7) == f.ids({"Emre", "Ali"}));
    CHECK(f.members(t7).empty());
    f.undo.redo();
    CHECK(f.members(s7) == f.ids({"Ali"}));
    CHECK(f.members(t7) == std::vector<RowId>{emre});
    CHECK(f.problems.isEmpty());
}

TEST_CASE("A name another group of the year has is said as it is typed")
{
    Fixture f;
    f.addGroup(QStringLiteral("7R"), GroupKind::Class);
    f.page();
    bool answered = false;
    test::answerNextModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<GroupDialog*>(modal);
        CHECK(dialog);
        if (!dialog)
            return;
        CHECK(Fixture::hasKeyboard(dialog));
        answered = true;
        CHECK(dialog->problemText().isEmpty()); // not begun: not scolded
        Fixture::type(QStringLiteral("7r"));
        CHECK(dialog->problemText() == QStringLiteral("There is already a group called “7r” this year."));
        CHECK_FALSE(dialog->okButton()->isEnabled());
        Fixture::type(QStringLiteral("2"));
        CHECK(dialog->problemText().isEmpty());
        CHECK(dialog->okButton()->isEnabled());
        Fixture::press(Qt::Key_Escape);
    });
    Fixture::press(Qt::Key_N, Qt::AltModifier);
    REQUIRE(test::waitFor([&] { return answered; })); // a mnemonic clicks the button a moment later
    CHECK(f.undo.count() == 0);
    CHECK_FALSE(f.group(QStringLiteral("7r2")));
}

TEST_CASE("A group with a task is not removed, and says why: one without is, and undo brings it back")
{
    Fixture f;
    const RowId seven = f.addGroup(QStringLiteral("7R"), GroupKind::Class);
    const RowId tutor = f.addGroup(QStringLiteral("7S"), GroupKind::Tutor);
    setup::addMembers(*f.db, tutor, f.ids({"Ali", "Bella"}));
    Task task; // no service sets tasks yet: the test writes the row itself
    task.groupId = seven;
    task.title = QStringLiteral("Fractions quiz");
    task.setOn = f.today;
    Repository<Task>(*f.db).insert(task);
    GroupsPage& page = f.page();

    f.chooseGroup(QStringLiteral("7R"));
    Fixture::press(Qt::Key_V, Qt::AltModifier);
    CHECK(test::waitFor([&] { return !f.problems.isEmpty(); }));
    CHECK(f.problems == QStringList{QStringLiteral(
                            "Tasks have been set for “7R”, so it was not removed: their marking belongs to it.")});
    CHECK(f.group(QStringLiteral("7R")));
    CHECK(f.undo.count() == 0); // nothing to undo
    CHECK(page.selectedGroup() == seven);

    f.problems.clear();
    f.chooseGroup(QStringLiteral("7S"));
    Fixture::press(Qt::Key_V, Qt::AltModifier);
    CHECK(test::waitFor([&] { return f.undo.count() == 1; }));
    CHECK_FALSE(f.group(QStringLiteral("7S")));
    CHECK(f.undo.undoText() == QStringLiteral("Remove 7S"));
    CHECK(page.selectedGroup() == seven); // the group now in its place
    f.undo.undo();
    REQUIRE(f.group(QStringLiteral("7S")));
    CHECK(f.members(tutor) == f.ids({"Bella", "Ali"})); // back with its members
    f.undo.redo();
    CHECK_FALSE(f.group(QStringLiteral("7S")));
    CHECK(f.problems.isEmpty());
}

TEST_CASE("The page's models pass Qt's model checks as groups and pupils change")
{
    Fixture f;
    const RowId seven = f.addGroup(QStringLiteral("7R"), GroupKind::Class);
    f.addGroup(QStringLiteral("7S"), GroupKind::Tutor);
    f.addGroup(QStringLiteral("Choir"), GroupKind::Set, std::nullopt);
    GroupsPage& page = f.page();
    QAbstractItemModelTester groups(page.groupsModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester members(page.membersModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    setup::addMembers(*f.db, seven, f.ids({"Ali", "Dana"}));
    page.selectGroup(seven);
    page.reload();
    CHECK(page.groupsModel()->rowCount() == 3);
    CHECK(page.membersModel()->rowCount() == 2);
    const QModelIndex choir =
        page.groupsModel()->index(page.groupsModel()->rowOf(f.group(QStringLiteral("Choir"))->id), 0);
    CHECK(choir.siblingAtColumn(SetupGroupsModel::YearColumn).data().toString() == QStringLiteral("Vertical"));
    CHECK(choir.siblingAtColumn(SetupGroupsModel::KindColumn).data().toString() == QStringLiteral("Set"));
    page.setAcademicYear(2026);
    CHECK(page.groupsModel()->rowCount() == 0);
    CHECK(page.membersModel()->rowCount() == 0);
    page.setAcademicYear(2025);
    CHECK(page.groupsModel()->rowCount() == 3);

    std::vector<PupilSummary> candidates;
    for (const auto& [name, id] : f.pupils) {
        PupilSummary p;
        p.id = id;
        p.givenName = name;
        p.familyName = QStringLiteral("Test");
        candidates.push_back(p);
    }
    AddMembersDialog dialog(QStringLiteral("7R"), candidates);
    QAbstractItemModelTester pupils(dialog.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester shown(dialog.view()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QTest::keyClicks(dialog.searchField(), QStringLiteral("a"));
    QTest::keyClick(dialog.searchField(), Qt::Key_Down);
    QTest::keyClick(dialog.view(), Qt::Key_A, Qt::ControlModifier); // ticks all shown
    CHECK(dialog.chosen().size() == std::size_t(dialog.view()->model()->rowCount()));
    QTest::keyClick(dialog.view(), Qt::Key_A, Qt::ControlModifier); // and unticks them
    CHECK(dialog.chosen().empty());
    dialog.searchField()->clear();
    CHECK(dialog.view()->model()->rowCount() == 6);
}

TEST_CASE("A picture of the page with a year's groups, for a person to look at")
{
    const QString folder = qEnvironmentVariable("WAYMARK_SHOTS_DIR");
    if (folder.isEmpty())
        WAYMARK_SKIP("WAYMARK_SHOTS_DIR is not set");
    Fixture f;
    const RowId s7 = f.addGroup(QStringLiteral("7S"), GroupKind::Tutor);
    f.addGroup(QStringLiteral("7T"), GroupKind::Tutor);
    f.addGroup(QStringLiteral("8B"), GroupKind::Tutor, 8);
    setup::GroupDetails maths;
    maths.name = QStringLiteral("7X/Ma1");
    maths.kind = GroupKind::Set;
    maths.yearGroup = 7;
    maths.academicYear = f.year;
    maths.subjectId = setup::findSubject(*f.db, QStringLiteral("Mathematics"));
    maths.teacherId = f.patelId;
    const RowId ma = setup::addGroup(*f.db, maths);
    f.addGroup(QStringLiteral("Choir"), GroupKind::Class, std::nullopt);
    setup::addMembers(*f.db, s7, f.ids({"Ali", "Alice", "Bella", "Emre"}));
    setup::addMembers(*f.db, ma, f.ids({"Ali", "Carl"}));
    GroupsPage& page = f.page();
    page.reload();
    f.chooseGroup(QStringLiteral("7S"));
    Fixture::press(Qt::Key_P, Qt::AltModifier);
    Fixture::press(Qt::Key_Down);
    QDir().mkpath(folder);
    CHECK(page.grab().save(QDir(folder).filePath(QStringLiteral("groupspage.png"))));

    // And its dialogs, as a teacher is part way through them.
    const auto picture = [&](Qt::Key mnemonic, const QString& name, const std::function<void()>& typing) {
        bool saved = false;
        test::answerNextModal([&](QWidget* modal) {
            CHECK(Fixture::hasKeyboard(modal));
            typing();
            saved = modal->grab().save(QDir(folder).filePath(name));
            Fixture::press(Qt::Key_Escape);
        });
        Fixture::press(mnemonic, Qt::AltModifier);
        CHECK(test::waitFor([&] { return saved; }));
    };
    picture(Qt::Key_A, QStringLiteral("groupspage-addpupils.png"), [] {
        Fixture::type(QStringLiteral("a"));
        Fixture::press(Qt::Key_Down);
        Fixture::press(Qt::Key_Space);
    });
    picture(Qt::Key_N, QStringLiteral("groupspage-newgroup.png"), [] { Fixture::type(QStringLiteral("7s")); });
    picture(Qt::Key_M, QStringLiteral("groupspage-move.png"), [] {});
}
