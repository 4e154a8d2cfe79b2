// Editing on the pupil page through the real widgets, models and undo stack, with the file read back
// after every step: targets, details, the plan, the UPN check and characteristics.
#include "domain/upn.h"
#include "pupil/characteristicspanel.h"
#include "pupil/detailsform.h"
#include "pupil/evidencepanel.h"
#include "pupil/planeditor.h"
#include "pupil/pupileditor.h"
#include "pupil/targetmodel.h"
#include "pupil/targetspanel.h"
#include "pupiltestsupport.h"
#include "widgets/datefield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QStyledItemDelegate>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace waymark;
using namespace waymark::test;

TEST_CASE("Editing a target's text through the view is stored with history, and undo and redo restore it")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    TargetModel* model = f.page.targetModel();
    QTableView* view = f.page.targets()->view();
    f.page.tabs()->setCurrentIndex(PupilPage::PlanTab);
    const RowId targetId = model->targetIdAt(0);
    const auto before = stored<Target>(f.school.path, targetId);
    REQUIRE(before);
    const QString oldText = before->text;
    const QString newText = QStringLiteral("Read a poem aloud with expression and pauses.");

    // Through the view and its delegate, as a teacher would: F2, type, Enter.
    const QModelIndex cell = model->index(0, TargetModel::TextColumn);
    view->setFocus();
    view->setCurrentIndex(cell);
    QTest::keyClick(view, Qt::Key_F2);
    auto* editor = qobject_cast<QLineEdit*>(view->indexWidget(cell));
    REQUIRE(editor);
    editor->selectAll();
    QTest::keyClicks(editor, newText);
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate commits from a queued call

    CHECK(stored<Target>(f.school.path, targetId)->text == newText);
    CHECK(historyRowsWith(f.school.path, "target", before->uuid, "text", oldText) == 1);
    CHECK(model->index(0, TargetModel::TextColumn).data().toString() == newText);
    REQUIRE(f.undo.count() == 1);
    CHECK(f.undo.undoText() == QStringLiteral("Change a target"));

    f.undo.undo();
    CHECK(stored<Target>(f.school.path, targetId)->text == oldText);
    CHECK(model->index(0, TargetModel::TextColumn).data().toString() == oldText);
    f.undo.redo();
    CHECK(stored<Target>(f.school.path, targetId)->text == newText);
    CHECK(model->index(0, TargetModel::TextColumn).data().toString() == newText);

    // Status through setData, as the combo delegate does.
    REQUIRE(model->setData(model->index(0, TargetModel::StatusColumn), static_cast<int>(TargetStatus::Achieved)));
    CHECK(stored<Target>(f.school.path, targetId)->status == TargetStatus::Achieved);
    CHECK(f.undo.count() == 2); // separate edits are separate steps
    f.undo.undo();
    CHECK(stored<Target>(f.school.path, targetId)->status == TargetStatus::Active);
    CHECK(stored<Target>(f.school.path, targetId)->text == newText); // undoing one field leaves the others
}

TEST_CASE("Adding and removing targets is undoable and nothing is erased")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    TargetsPanel* panel = f.page.targets();
    CHECK(liveTargets(f.school.path, f.school.pupilId) == 3);

    const RowId added = panel->addTarget();
    REQUIRE(added != 0);
    CHECK(liveTargets(f.school.path, f.school.pupilId) == 4);
    const auto fresh = stored<Target>(f.school.path, added);
    CHECK(fresh->setOn == f.school.today);
    CHECK(fresh->reviewBy > f.school.today);
    CHECK(fresh->position == 3);
    // The new target's text cell is open for typing.
    QTableView* view = panel->view();
    CHECK(view->currentIndex().row() == f.page.targetModel()->rowOf(added));
    CHECK(view->indexWidget(view->currentIndex()) != nullptr);
    view->closePersistentEditor(view->currentIndex());

    f.undo.undo();
    CHECK(liveTargets(f.school.path, f.school.pupilId) == 3);
    CHECK(stored<Target>(f.school.path, added)->deleted); // a tombstone, not a hole
    f.undo.redo();
    CHECK(liveTargets(f.school.path, f.school.pupilId) == 4);
    CHECK(f.page.targetModel()->rowOf(added) == 3);

    // Delete on the table removes the current target.
    const RowId first = f.page.targetModel()->targetIdAt(0);
    view->setFocus();
    view->setCurrentIndex(f.page.targetModel()->index(0, TargetModel::AreaColumn));
    QTest::keyClick(view, Qt::Key_Delete);
    CHECK(liveTargets(f.school.path, f.school.pupilId) == 3);
    CHECK(stored<Target>(f.school.path, first)->deleted);
    CHECK(f.page.targetModel()->rowOf(first) == -1);
    f.undo.undo();
    CHECK_FALSE(stored<Target>(f.school.path, first)->deleted);
    CHECK(f.page.targetModel()->rowOf(first) == 0);

    // Insert on the table adds one.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Insert);
    CHECK(liveTargets(f.school.path, f.school.pupilId) == 5);
}

TEST_CASE("Typing in a detail field is written after a pause, merged into one undo step, and undone")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    f.page.tabs()->setCurrentIndex(PupilPage::DetailsTab);
    QLineEdit* pronouns = lineEditNamed(f.page.details(), QStringLiteral("Pronouns"));
    REQUIRE(pronouns);

    typeInto(pronouns, QStringLiteral("they"));
    // Not per keystroke: nothing is written until the teacher pauses.
    CHECK(stored<Pupil>(f.school.path, f.school.pupilId)->pronouns == QStringLiteral("she/her"));
    QTRY_COMPARE_WITH_TIMEOUT(stored<Pupil>(f.school.path, f.school.pupilId)->pronouns, QStringLiteral("they"), 3000);
    QTest::keyClicks(pronouns, QStringLiteral("/them"));
    pronouns->clearFocus(); // leaving the field writes at once
    CHECK(stored<Pupil>(f.school.path, f.school.pupilId)->pronouns == QStringLiteral("they/them"));
    CHECK(f.undo.count() == 1); // one visit to the field, one step
    CHECK(f.undo.undoText() == QStringLiteral("Change pronouns"));

    f.undo.undo();
    CHECK(stored<Pupil>(f.school.path, f.school.pupilId)->pronouns == QStringLiteral("she/her"));
    CHECK(pronouns->text() == QStringLiteral("she/her")); // the page follows the undo
    f.undo.redo();
    CHECK(pronouns->text() == QStringLiteral("they/them"));

    // A choice is written at once: the learning guide.
    auto* guide = f.page.details()->findChild<QComboBox*>();
    REQUIRE(guide);
    guide->setFocus();
    QTest::keyClick(guide, Qt::Key_Down);
    CHECK(stored<Pupil>(f.school.path, f.school.pupilId)->learningGuideId == f.school.otherStaffId);
    f.undo.undo();
    CHECK(stored<Pupil>(f.school.path, f.school.pupilId)->learningGuideId == f.school.staffId);
}

TEST_CASE("The Details tab, built late, shows what changed before it was built")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    REQUIRE_FALSE(f.page.isTabBuilt(PupilPage::DetailsTab));
    Staff newcomer;
    newcomer.givenName = QStringLiteral("Nia");
    newcomer.familyName = QStringLiteral("Roberts");
    newcomer.displayName = QStringLiteral("Ms N Roberts");
    Repository<Staff>(f.session->db()).insert(newcomer);
    Pupil p = *stored<Pupil>(f.school.path, f.school.pupilId);
    p.pronouns = QStringLiteral("they/them");
    Repository<Pupil>(f.session->db()).update(p);

    auto* guide = f.page.details()->findChild<QComboBox*>();
    REQUIRE(guide);
    CHECK(guide->findText(QStringLiteral("Ms N Roberts"), Qt::MatchContains) >= 0);
    CHECK(lineEditNamed(f.page.details(), QStringLiteral("Pronouns"))->text() == QStringLiteral("they/them"));
}

TEST_CASE("A change from elsewhere refreshes the page without disturbing a field being typed into")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    f.page.tabs()->setCurrentIndex(PupilPage::DetailsTab);
    QLineEdit* pronouns = lineEditNamed(f.page.details(), QStringLiteral("Pronouns"));
    QLineEdit* given = lineEditNamed(f.page.details(), QStringLiteral("Preferred first name"));
    typeInto(given, QStringLiteral("Amy"));
    given->setCursorPosition(1);

    // Another window changes the pronouns while "Amy" waits to be written.
    PupilEditor other(*f.session, f.undo);
    REQUIRE(other.changePupil(f.school.pupilId, &Pupil::pronouns, QStringLiteral("she/they"), QStringLiteral("x")));
    CHECK(pronouns->text() == QStringLiteral("she/they"));
    CHECK(given->text() == QStringLiteral("Amy"));
    CHECK(given->cursorPosition() == 1);
    CHECK(given->hasFocus());

    // Switching pupil writes what was waiting: nothing typed is lost.
    f.page.showPupil(f.school.otherPupilId);
    CHECK(stored<Pupil>(f.school.path, f.school.pupilId)->preferredGivenName == QStringLiteral("Amy"));
    CHECK(given->text().isEmpty());
}

TEST_CASE("The learning plan is written without losing text and undone as one step per visit")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.historyPupilId); // no plan yet
    QPlainTextEdit* strategies = f.page.plan()->editor(PlanEditor::Strategies);
    typeInto(strategies, QStringLiteral("Sit near the front."));
    QTest::keyClicks(strategies, QStringLiteral(" Check in after instructions."));
    f.page.commitPendingEdits();

    auto db = Database::open(f.school.path, Database::Options{true, 5000});
    const auto plan = Repository<LearningPlan>(*db).first("pupil_id = ?1", f.school.historyPupilId);
    REQUIRE(plan);
    CHECK(plan->strategies == QStringLiteral("Sit near the front. Check in after instructions."));
    CHECK(f.undo.count() == 1);

    // Text still waiting is written when the page is hidden (the window closing).
    QPlainTextEdit* provision = f.page.plan()->editor(PlanEditor::Provision);
    typeInto(provision, QStringLiteral("Reading group, twice a week"));
    f.page.hide();
    CHECK(stored<LearningPlan>(f.school.path, plan->id)->provision == QStringLiteral("Reading group, twice a week"));

    f.undo.undo();
    f.undo.undo();
    CHECK(stored<LearningPlan>(f.school.path, plan->id)->strategies.isEmpty());
    CHECK(stored<LearningPlan>(f.school.path, plan->id)->provision.isEmpty());
}

TEST_CASE("A UPN with the wrong check letter is refused with a clear reason, and a right one is kept")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.historyPupilId);
    f.page.tabs()->setCurrentIndex(PupilPage::DetailsTab);
    QLineEdit* upnEdit = f.page.details()->upnEdit();
    const QString good = upn::withCheckLetter(u"801200005002");
    QString wrong = good;
    wrong[0] = good[0] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');

    typeInto(upnEdit, wrong);
    f.page.commitPendingEdits();
    CHECK(stored<Pupil>(f.school.path, f.school.historyPupilId)->upn.isEmpty());
    CHECK(f.undo.count() == 0);
    CHECK(upnEdit->text() == wrong); // kept on screen to be corrected
    const QString hint = f.page.details()->upnHint()->text();
    CHECK(f.page.details()->upnHint()->isVisibleTo(&f.page));
    CHECK(hint.contains(QStringLiteral("not been saved")));
    CHECK(hint.contains(QStringLiteral("should start with %1").arg(good[0])));

    // Someone else's UPN is refused too.
    typeInto(upnEdit, f.school.otherUpn);
    f.page.commitPendingEdits();
    CHECK(stored<Pupil>(f.school.path, f.school.historyPupilId)->upn.isEmpty());
    CHECK(f.page.details()->upnHint()->text().contains(QStringLiteral("Chloe Brown")));

    // Lower case and spaces are tidied; the right letter is stored.
    typeInto(upnEdit, good.toLower().insert(4, QLatin1Char(' ')));
    f.page.commitPendingEdits();
    CHECK(stored<Pupil>(f.school.path, f.school.historyPupilId)->upn == good);
    CHECK(f.undo.count() == 1);
    CHECK(f.page.details()->upnHint()->text().isEmpty());
}

TEST_CASE("Characteristics are edited with undo in a panel marked sensitive, notes folded away")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    f.page.tabs()->setCurrentIndex(PupilPage::CharacteristicsTab);
    CharacteristicsPanel* panel = f.page.characteristics();
    CHECK_FALSE(panel->notesShown());
    auto* notes = panel->findChild<QPlainTextEdit*>();
    REQUIRE(notes);
    CHECK_FALSE(notes->isVisibleTo(panel));
    panel->setNotesShown(true);
    CHECK(notes->isVisibleTo(panel));
    CHECK(notes->toPlainText() == QStringLiteral("Prefers a quiet start to the day."));

    QCheckBox* lookedAfter = nullptr;
    for (auto* box : panel->findChildren<QCheckBox*>())
        if (box->text().remove(QLatin1Char('&')) == QStringLiteral("Looked-after"))
            lookedAfter = box;
    REQUIRE(lookedAfter);
    lookedAfter->setFocus();
    QTest::keyClick(lookedAfter, Qt::Key_Space);
    CHECK(stored<Pupil>(f.school.path, f.school.pupilId)->lookedAfter);
    f.undo.undo();
    CHECK_FALSE(stored<Pupil>(f.school.path, f.school.pupilId)->lookedAfter);
    CHECK_FALSE(lookedAfter->isChecked());

    // Another pupil's notes start folded away again.
    f.page.showPupil(f.school.otherPupilId);
    CHECK_FALSE(panel->notesShown());
}

TEST_CASE("Another program's edit is noticed and shown; an edit begun before it is saved and the teacher told")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    f.page.tabs()->setCurrentIndex(PupilPage::DetailsTab);
    QLineEdit* pronouns = lineEditNamed(f.page.details(), QStringLiteral("Pronouns"));
    const QString before = pronouns->text();

    // A second window (another connection, as a second Waymark would have) changes the pronouns.
    auto other = SchoolSession::open(f.school.path);
    CHECK_FALSE(f.session->checkForOutsideChanges()); // nothing yet
    REQUIRE(editElsewhere(*other, [&](PupilEditor& elsewhere) {
        return elsewhere.changePupil(f.school.pupilId, &Pupil::pronouns, QStringLiteral("she/they"),
                                     QStringLiteral("x"));
    }));
    CHECK(pronouns->text() == before); // not seen until the file is looked at again
    CHECK(f.session->checkForOutsideChanges());
    CHECK(pronouns->text() == QStringLiteral("she/they"));
    CHECK_FALSE(f.session->checkForOutsideChanges()); // once only

    // This window's teacher starts typing; meanwhile the other window changes the field again.
    typeInto(pronouns, QStringLiteral("they/them"));
    REQUIRE(editElsewhere(*other, [&](PupilEditor& elsewhere) {
        return elsewhere.changePupil(f.school.pupilId, &Pupil::pronouns, QStringLiteral("he/him"), QStringLiteral("x"));
    }));
    CHECK(f.session->checkForOutsideChanges());
    CHECK(pronouns->text() == QStringLiteral("they/them")); // the teacher's typing is not disturbed
    f.page.commitPendingEdits();
    // Their newer typing is saved, the other window's version is in history, and they are told.
    CHECK(stored<Pupil>(f.school.path, f.school.pupilId)->pronouns == QStringLiteral("they/them"));
    CHECK(f.page.lastProblem().contains(QStringLiteral("changed elsewhere while you were editing it")));
    {
        auto db = Database::open(f.school.path, {.readOnly = true});
        auto history = db->prepare("SELECT count(*) FROM history WHERE entity = 'pupil' AND old_row LIKE "
                                   "'%\"pronouns\":\"he/him\"%'");
        REQUIRE(history.step());
        CHECK(history.integer(0) == 1);
    }

    // The other window changes it once more; undo here must not write the stale "he/him" over it.
    REQUIRE(editElsewhere(*other, [&](PupilEditor& elsewhere) {
        return elsewhere.changePupil(f.school.pupilId, &Pupil::pronouns, QStringLiteral("xe/xem"), QStringLiteral("x"));
    }));
    f.undo.undo();
    CHECK(stored<Pupil>(f.school.path, f.school.pupilId)->pronouns == QStringLiteral("xe/xem"));
    CHECK(f.page.lastProblem().contains(QStringLiteral("changed elsewhere since")));
}

TEST_CASE("A change written by another process (the sqlite3 shell) is noticed")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    f.page.tabs()->setCurrentIndex(PupilPage::DetailsTab);
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"),
                {f.school.path, QStringLiteral("UPDATE pupil SET pronouns = 'ze/zir', hlc = hlc + 65536 WHERE id = %1")
                                    .arg(f.school.pupilId)});
    if (!shell.waitForStarted(5000))
        WAYMARK_SKIP("the sqlite3 shell is not installed");
    REQUIRE(shell.waitForFinished(10000));
    REQUIRE(shell.exitCode() == 0);
    CHECK(f.session->checkForOutsideChanges());
    CHECK(lineEditNamed(f.page.details(), QStringLiteral("Pronouns"))->text() == QStringLiteral("ze/zir"));
}

TEST_CASE("A target's review date is typed the UK way in its cell; text that is not a date changes nothing")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    TargetModel* model = f.page.targetModel();
    QTableView* view = f.page.targets()->view();
    f.page.tabs()->setCurrentIndex(PupilPage::PlanTab);
    const RowId targetId = model->targetIdAt(0);
    const QModelIndex cell = model->index(0, TargetModel::ReviewByColumn);

    const auto typeInCell = [&](const QString& text) {
        view->setFocus();
        view->setCurrentIndex(cell);
        QTest::keyClick(view, Qt::Key_F2);
        auto* editor = qobject_cast<QLineEdit*>(view->indexWidget(cell));
        REQUIRE(editor);
        editor->selectAll();
        QTest::keyClick(editor, Qt::Key_Backspace);
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        QCoreApplication::processEvents(); // the delegate commits from a queued call
    };
    typeInCell(QStringLiteral("15 Jan 2027"));
    CHECK(stored<Target>(f.school.path, targetId)->reviewBy == QDate(2027, 1, 15));
    typeInCell(QStringLiteral("2/3/27"));
    CHECK(stored<Target>(f.school.path, targetId)->reviewBy == QDate(2027, 3, 2));
    const int steps = f.undo.count();
    typeInCell(QStringLiteral("after half-term"));
    CHECK(stored<Target>(f.school.path, targetId)->reviewBy == QDate(2027, 3, 2));
    CHECK(f.undo.count() == steps);
}

TEST_CASE("Tab on the plan tab goes through the targets before the four boxes below them, in reading order")
{
    PupilPageFixture f;
    f.page.resize(1200, 760);
    f.page.show();
    f.page.showPupil(f.school.pupilId);
    f.page.tabs()->setCurrentIndex(PupilPage::PlanTab);
    // The focus chain from the tab bar onwards, as Tab walks it, keeping what the plan tab shows.
    QWidget* start = f.page.tabs()->tabBar();
    std::vector<QWidget*> visited;
    for (QWidget* w = start->nextInFocusChain(); w && w != start && visited.size() < 200; w = w->nextInFocusChain()) {
        if (w->isVisibleTo(&f.page) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus))
            visited.push_back(w);
    }
    const auto position = [&](QWidget* w) {
        const auto it = std::find(visited.begin(), visited.end(), w);
        return it == visited.end() ? -1 : int(it - visited.begin());
    };
    const int table = position(f.page.targets()->view());
    REQUIRE(table >= 0);
    int previous = table;
    for (PlanEditor::Part part :
         {PlanEditor::Strengths, PlanEditor::Needs, PlanEditor::Strategies, PlanEditor::Provision}) {
        INFO("plan part " << int(part));
        const int here = position(f.page.plan()->editor(part));
        CHECK(here > previous);
        previous = here;
    }
}

TEST_CASE(
    "A target cell typed in while another window changes it: the typing is saved, the other kept, the teacher told")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    QTableView* view = f.page.targets()->view();
    TargetModel* model = f.page.targetModel();
    const QModelIndex cell = model->index(0, TargetModel::TextColumn);
    const RowId targetId = cell.data(TargetModel::TargetIdRole).toLongLong();
    auto* editor = qobject_cast<QLineEdit*>(openCellEditor(view, cell));
    REQUIRE(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Count on in fives to 100"));

    // Meanwhile, another window changes the same target's words; this one notices (its timer).
    auto other = SchoolSession::open(f.school.path);
    REQUIRE(editElsewhere(*other, [&](PupilEditor& elsewhere) {
        return elsewhere.changeTarget(targetId, &Target::text, QStringLiteral("Count in tens"), QStringLiteral("x"));
    }));
    CHECK(f.session->checkForOutsideChanges());
    CHECK(editor->text() == QStringLiteral("Count on in fives to 100")); // the typing is untouched

    QTest::keyClick(editor, Qt::Key_Return);
    QApplication::processEvents(); // the delegate commits on Enter once the key has been handled
    CHECK(stored<Target>(f.school.path, targetId)->text == QStringLiteral("Count on in fives to 100"));
    CHECK(f.page.lastProblem().contains(QStringLiteral("changed elsewhere while you were editing it")));
    auto db = Database::open(f.school.path, {.readOnly = true});
    auto history = db->prepare("SELECT count(*) FROM history WHERE entity = 'target' AND old_row LIKE "
                               "'%\"text\":\"Count in tens\"%'");
    REQUIRE(history.step());
    CHECK(history.integer(0) == 1);
}

TEST_CASE("A target's words longer than the table shows are not edited in the cell (the rest would be lost)")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    TargetModel* model = f.page.targetModel();
    const RowId targetId = model->index(0, TargetModel::TextColumn).data(TargetModel::TargetIdRole).toLongLong();
    {
        auto db = Database::open(f.school.path);
        db->prepare("UPDATE target SET text = ?1 WHERE id = ?2")
            .bindAll(QString(5000, QLatin1Char('w')), targetId)
            .run();
    }
    REQUIRE(f.session->checkForOutsideChanges());
    const QModelIndex cell = model->index(model->rowOf(targetId), TargetModel::TextColumn);
    CHECK_FALSE(model->flags(cell).testFlag(Qt::ItemIsEditable));
    CHECK(model->flags(model->index(cell.row(), TargetModel::SupportColumn)).testFlag(Qt::ItemIsEditable));
}

TEST_CASE("A date being typed, or one that cannot be read, is not replaced by a change from another window")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    f.page.tabs()->setCurrentIndex(PupilPage::DetailsTab);
    DateField* born = dateFieldNamed(f.page.details(), QStringLiteral("Date of birth"));
    REQUIRE(born);
    born->setFocus();
    born->selectAll();
    QTest::keyClicks(born, QStringLiteral("31/02/2015")); // no such day
    born->commitText();
    REQUIRE(born->hasUnreadableText());

    auto other = SchoolSession::open(f.school.path);
    REQUIRE(editElsewhere(*other, [&](PupilEditor& elsewhere) {
        return elsewhere.changePupil(f.school.pupilId, &Pupil::dateOfBirth, QDate(2015, 3, 3), QStringLiteral("x"));
    }));
    CHECK(f.session->checkForOutsideChanges());
    CHECK(born->text() == QStringLiteral("31/02/2015")); // still what the teacher typed, to fix

    // They fix it: their date is saved, the other window's kept in history, and they are told.
    born->selectAll();
    QTest::keyClicks(born, QStringLiteral("28/02/2015"));
    QTest::keyClick(born, Qt::Key_Return);
    QApplication::processEvents();
    CHECK(stored<Pupil>(f.school.path, f.school.pupilId)->dateOfBirth == QDate(2015, 2, 28));
    CHECK(f.page.lastProblem().contains(QStringLiteral("changed elsewhere while you were editing it")));
}

TEST_CASE("Undoing an added target, or redoing a removal, never takes away words another window wrote since")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    const RowId added = f.page.targets()->addTarget();
    REQUIRE(added != 0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape); // leave the new target's cell
    const auto changeElsewhere = [&](RowId id, const QString& words) {
        auto other = SchoolSession::open(f.school.path);
        REQUIRE(editElsewhere(*other, [&](PupilEditor& elsewhere) {
            return elsewhere.changeTarget(id, &Target::text, words, QStringLiteral("x"));
        }));
    };

    SECTION("undo Add target")
    {
        changeElsewhere(added, QStringLiteral("Written in the other window"));
        f.undo.undo();
        const auto target = stored<Target>(f.school.path, added);
        REQUIRE(target);
        CHECK_FALSE(target->deleted);
        CHECK(target->text == QStringLiteral("Written in the other window"));
        CHECK(f.page.lastProblem().contains(QStringLiteral("changed elsewhere since")));
    }
    SECTION("redo Remove target")
    {
        TargetModel* model = f.page.targetModel();
        f.page.targets()->view()->setCurrentIndex(model->index(model->rowOf(added), TargetModel::TextColumn));
        REQUIRE(f.page.targets()->removeCurrentTarget());
        f.undo.undo(); // it is back
        REQUIRE_FALSE(stored<Target>(f.school.path, added)->deleted);
        changeElsewhere(added, QStringLiteral("Kept by the other window"));
        f.undo.redo();
        CHECK_FALSE(stored<Target>(f.school.path, added)->deleted);
        CHECK(f.page.lastProblem().contains(QStringLiteral("changed elsewhere since")));
    }
}

TEST_CASE(
    "A date typed but not yet read is written by Ctrl+Z or leaving the page; the same date typed again ends the typing")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    f.page.tabs()->setCurrentIndex(PupilPage::DetailsTab);
    DateField* born = dateFieldNamed(f.page.details(), QStringLiteral("Date of birth"));
    REQUIRE(born);
    const QDate before = stored<Pupil>(f.school.path, f.school.pupilId)->dateOfBirth;

    SECTION("written when the page's typing is committed (as Ctrl+Z and quitting do)")
    {
        born->setFocus();
        born->selectAll();
        QTest::keyClicks(born, QStringLiteral("3/3/15"));
        f.page.commitPendingEdits();
        CHECK(stored<Pupil>(f.school.path, f.school.pupilId)->dateOfBirth == QDate(2015, 3, 3));
    }
    SECTION("the same date typed again, then a change from elsewhere: the field shows the newer date")
    {
        born->setFocus();
        born->selectAll();
        QTest::keyClicks(born, born->text());
        QTest::keyClick(born, Qt::Key_Return);
        auto other = SchoolSession::open(f.school.path);
        REQUIRE(editElsewhere(*other, [&](PupilEditor& elsewhere) {
            return elsewhere.changePupil(f.school.pupilId, &Pupil::dateOfBirth, before.addDays(1), QStringLiteral("x"));
        }));
        CHECK(f.session->checkForOutsideChanges());
        CHECK(born->date() == before.addDays(1));
    }
}

TEST_CASE("Targets table details a teacher noticed: Remove needs a marked row, a bad date keeps its cell open, "
          "statuses whole")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    TargetsPanel* panel = f.page.targets();
    QTableView* view = panel->view();
    TargetModel* model = f.page.targetModel();

    SECTION("Remove is off until a row is marked, however the focus arrived")
    {
        view->setFocus(Qt::TabFocusReason);
        view->selectionModel()->setCurrentIndex(model->index(0, 0), QItemSelectionModel::NoUpdate);
        CHECK_FALSE(panel->removeTargetAction()->isEnabled());
        CHECK_FALSE(panel->removeCurrentTarget());
        QTest::keyClick(view, Qt::Key_Down); // the first Down marks the first row
        CHECK(panel->removeTargetAction()->isEnabled());
    }
    SECTION("a review date that cannot be read: Enter keeps the cell open with its message")
    {
        const QModelIndex cell = model->index(0, TargetModel::ReviewByColumn);
        const QDate before = cell.data(Qt::EditRole).toDate();
        auto* date = qobject_cast<DateField*>(openCellEditor(view, cell));
        REQUIRE(date);
        date->selectAll();
        QTest::keyClicks(date, QStringLiteral("31/2/27"));
        QTest::keyClick(date, Qt::Key_Return);
        QApplication::processEvents();
        CHECK(QApplication::focusWidget() == date); // still open, to mend
        CHECK(date->hasUnreadableText());
        CHECK(date->accessibleDescription().contains(QStringLiteral("not a date")));
        CHECK(model->index(0, TargetModel::ReviewByColumn).data(Qt::EditRole).toDate() == before);
        // Leaving it anyway (focus elsewhere) still says so on the page.
        f.page.tabs()->tabBar()->setFocus();
        QApplication::processEvents();
        CHECK(f.page.lastProblem().contains(QStringLiteral("not a date")));
    }
    SECTION("the status list shows every status whole and covers its cell")
    {
        const QModelIndex cell = model->index(0, TargetModel::StatusColumn);
        auto* combo = qobject_cast<QComboBox*>(openCellEditor(view, cell));
        REQUIRE(combo);
        CHECK(combo->geometry() == view->visualRect(cell));
        // Drawn as a plain list: the style's menu-like items cut "Not yet achieved" to "Not ye…hieved".
        CHECK(qobject_cast<QStyledItemDelegate*>(combo->itemDelegate()) != nullptr);
        for (int i = 0; i < combo->count(); ++i)
            CHECK(combo->view()->minimumWidth() >=
                  combo->fontMetrics().horizontalAdvance(combo->itemText(i)) + combo->iconSize().width());
    }
}

TEST_CASE("The evidence pane shows only the piece whose row is marked")
{
    PupilPageFixture f;
    f.page.showPupil(f.school.pupilId);
    f.page.tabs()->setCurrentIndex(PupilPage::EvidenceTab);
    EvidencePanel* panel = f.page.evidence();
    QTableView* list = panel->view();
    REQUIRE(list->model()->rowCount() >= 2);
    list->setFocus(Qt::TabFocusReason);
    list->selectionModel()->setCurrentIndex(list->model()->index(0, 0), QItemSelectionModel::NoUpdate);
    QApplication::processEvents();
    CHECK(panel->detail()->toPlainText().isEmpty()); // current but not marked: nothing shown
    QTest::keyClick(list, Qt::Key_Down);
    CHECK(list->selectionModel()->isRowSelected(0, {}));
    CHECK_FALSE(panel->detail()->toPlainText().isEmpty());
}
