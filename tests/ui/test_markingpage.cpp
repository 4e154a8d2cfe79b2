// The marking page through its real widgets, offscreen, keyboard only: a class of 30 marked from
// the grid, fill down as one undo step, each kind of edit undone and redone, and the feedback
// beside the grid saved as it is typed.
#include "app/schooldocument.h"
#include "group/grouppage.h"
#include "marking/awaitedsteps.h"
#include "pupil/pupilpage.h"
#include "marking/commentbankpanel.h"
#include "marking/taskdialog.h"
#include "services/commentbank.h"
#include "services/marksheet.h"
#include "shell/mainactions.h"
#include "marking/markingmodel.h"
#include "marking/markingpage.h"
#include "marking/markingview.h"
#include "repo/repository.h"
#include "domain/entities.h"
#include "services/groupsetup.h"
#include "services/marking.h"
#include "services/pupilsetup.h"
#include "services/schoolsession.h"
#include "services/tasksetup.h"
#include "shell/mainwindow.h"
#include "uitestsupport.h"

#include "attachments/attachmentstore.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QListWidget>
#include <QMimeData>
#include <QUrl>
#include <QWheelEvent>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTreeView>
#include <QTest>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace waymark;
using namespace waymark::marking;
using Column = MarkingModel::Column;

namespace {

struct MarkingWindow : test::ShellWindowFixture
{
    RowId group = 0;
    RowId task = 0;
    std::vector<RowId> pupils;
    RowId sc1 = 0, sc2 = 0;

    MarkingWindow() : test::ShellWindowFixture(true)
    {
        Database& db = app.document().session()->db();
        setup::GroupDetails g;
        g.name = QStringLiteral("10X/En1");
        g.kind = GroupKind::Class;
        g.yearGroup = 10;
        g.academicYear = school.academicYear;
        group = setup::addGroup(db, g);
        for (int i = 0; i < 30; ++i) {
            setup::NewPupil p;
            p.legalGivenName = QStringLiteral("Pupil%1").arg(i, 2, 10, QLatin1Char('0'));
            p.legalFamilyName = QStringLiteral("Family%1").arg(i, 2, 10, QLatin1Char('0'));
            pupils.push_back(setup::addPupil(db, p, school.today));
        }
        setup::addMembers(db, group, pupils);
        TaskDetails d;
        d.groupId = group;
        d.title = QStringLiteral("Persuasive letter");
        d.setOn = school.today;
        d.criteria = {QStringLiteral("I can open with a hook"), QStringLiteral("I can use rhetorical questions")};
        d.scaleId = Repository<Scale>(db).first("code = 'gcse'")->id;
        task = createTask(db, d);
        const auto criteria = Repository<SuccessCriterion>(db).where("task_id = ?1 ORDER BY position", task);
        sc1 = criteria.at(0).id;
        sc2 = criteria.at(1).id;
        REQUIRE(window().showTask(task));
        REQUIRE(test::waitFor([&] { return view()->hasFocus(); }));
    }
    Database& db() { return app.document().session()->db(); }
    MarkingPage* page() { return window().markingPage(); }
    MarkingView* view() { return page()->view(); }
    MarkingModel* model() { return page()->model(); }
    QUndoStack& undo() { return app.document().undoStack(); }
    QVariant mark(std::size_t i, MarkField f, RowId criterion = 0) { return markOf(db(), task, pupils[i], f, criterion); }
    void go(Column kind, int row, RowId criterion = 0)
    {
        // Placed, then moved by the arrow keys (as a teacher would arrive), so Shift+arrow extends from it.
        const bool last = row == model()->rowCount() - 1;
        view()->setCurrentIndex(model()->index(last ? row - 1 : row + 1, model()->columnOf(kind, criterion)));
        QTest::keyClick(view(), last ? Qt::Key_Down : Qt::Key_Up);
    }
    void key(Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier)
    {
        QTest::keyClick(QApplication::focusWidget(), k, m);
        QCoreApplication::processEvents(); // a cell's editor closes a moment after Enter
    }
    void type(const QString& text)
    {
        for (const QChar c : text)
            QTest::keyClicks(QApplication::focusWidget(), QString(c));
    }
};

} // namespace

TEST_CASE("A class of 30 is marked from the keyboard alone, ending with the right rows in the file")
{
    MarkingWindow w;
    QAbstractItemModelTester tester(w.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(w.model()->rowCount() == 30);
    w.go(Column::Criterion, 0, w.sc1);
    const int grade = w.model()->columnOf(Column::Grade);
    for (int i = 0; i < 30; ++i) {
        REQUIRE(w.view()->currentIndex().row() == i);
        w.type(QStringLiteral("3"));                          // SC1 met
        w.key(Qt::Key_Right);
        w.type(i % 2 ? QStringLiteral("1") : QStringLiteral("2")); // SC2 not yet / partly
        w.key(Qt::Key_Right);
        w.type(i % 3 ? QStringLiteral("g") : QStringLiteral("A")); // light, either case
        w.key(Qt::Key_Right);
        REQUIRE(w.view()->currentIndex().column() == grade);
        w.type(QString::number(4 + i % 5)); // starts typing the grade
        w.key(Qt::Key_Return);              // saves it and goes down to the next pupil
        if (i < 29)
            REQUIRE(w.view()->currentIndex() == w.model()->index(i + 1, grade));
        w.key(Qt::Key_Left);
        w.key(Qt::Key_Left);
        w.key(Qt::Key_Left);
        if (i == 29)
            w.key(Qt::Key_Down); // the last Enter had nowhere to go
    }
    // The next step for everyone, down the column: type, Enter, type, Enter...
    w.go(Column::NextStep, 0);
    for (int i = 0; i < 30; ++i) {
        w.type(QStringLiteral("Check spelling %1").arg(i));
        w.key(Qt::Key_Return);
    }
    for (std::size_t i = 0; i < 30; ++i) {
        INFO(i);
        CHECK(w.mark(i, MarkField::Judgement, w.sc1) == QStringLiteral("met"));
        CHECK(w.mark(i, MarkField::Judgement, w.sc2) == (i % 2 ? QStringLiteral("not_yet") : QStringLiteral("partly")));
        CHECK(w.mark(i, MarkField::Light) == (i % 3 ? QStringLiteral("green") : QStringLiteral("amber")));
        const auto rung = Repository<Rung>(w.db()).find(w.mark(i, MarkField::Rung).toLongLong());
        REQUIRE(rung);
        CHECK(rung->code == QString::number(4 + i % 5));
        CHECK(w.mark(i, MarkField::NextStep) == QStringLiteral("Check spelling %1").arg(i));
    }
    // Every pupil has one record of the task, and every edit was its own undo step.
    auto count = w.db().prepare("SELECT count(*) FROM evidence WHERE task_id = ?1 AND deleted = 0");
    count.bind(1, qint64(w.task));
    REQUIRE(count.step());
    CHECK(count.int64(0) == 30);
    CHECK(w.undo().count() == 30 * 5);
    // The grid shows what the file holds.
    CHECK(w.model()->index(0, w.model()->columnOf(Column::Light)).data().toString() == QStringLiteral("Amber"));
}

TEST_CASE("Ctrl+D fills the column below as one undo step, Delete clears, and each kind of edit undoes and redoes")
{
    MarkingWindow w;
    // Peer light for the first pupil, then Ctrl+D: the 29 empty cells below, one step.
    w.go(Column::PeerLight, 0);
    w.type(QStringLiteral("g"));
    const int before = w.undo().count();
    w.key(Qt::Key_D, Qt::ControlModifier);
    CHECK(w.undo().count() == before + 1);
    for (std::size_t i = 0; i < 30; ++i)
        CHECK(w.mark(i, MarkField::PeerLight) == QStringLiteral("green"));
    w.key(Qt::Key_Z, Qt::ControlModifier);
    CHECK(w.mark(0, MarkField::PeerLight) == QStringLiteral("green"));
    for (std::size_t i = 1; i < 30; ++i)
        CHECK(w.mark(i, MarkField::PeerLight) == QString());
    w.key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(w.mark(29, MarkField::PeerLight) == QStringLiteral("green"));

    // A selection of five criterion cells takes the top one's value.
    w.go(Column::Criterion, 3, w.sc2);
    w.type(QStringLiteral("m"));
    REQUIRE(w.mark(3, MarkField::Judgement, w.sc2) == QStringLiteral("met"));
    for (int i = 0; i < 4; ++i)
        w.key(Qt::Key_Down, Qt::ShiftModifier);
    CHECK(w.view()->selectionModel()->selectedIndexes().size() == 5);
    w.key(Qt::Key_D, Qt::ControlModifier);
    for (std::size_t i = 3; i < 8; ++i)
        CHECK(w.mark(i, MarkField::Judgement, w.sc2) == QStringLiteral("met"));
    CHECK(w.mark(8, MarkField::Judgement, w.sc2) == QString());
    // Delete clears the five, as one step.
    w.key(Qt::Key_Delete);
    for (std::size_t i = 3; i < 8; ++i)
        CHECK(w.mark(i, MarkField::Judgement, w.sc2) == QString());
    w.key(Qt::Key_Z, Qt::ControlModifier);
    CHECK(w.mark(7, MarkField::Judgement, w.sc2) == QStringLiteral("met"));

    // Space cycles a light: none, red, amber, green, none; each press a step undone in turn.
    w.go(Column::Light, 10);
    w.key(Qt::Key_Space);
    CHECK(w.mark(10, MarkField::Light) == QStringLiteral("red"));
    w.key(Qt::Key_Space);
    CHECK(w.mark(10, MarkField::Light) == QStringLiteral("amber"));
    w.key(Qt::Key_Z, Qt::ControlModifier);
    CHECK(w.mark(10, MarkField::Light) == QStringLiteral("red"));

    // A grade typed, undone, redone; a code not on the scale is refused and writes nothing.
    w.go(Column::Grade, 11);
    w.type(QStringLiteral("7"));
    w.key(Qt::Key_Return);
    const QVariant seven = w.mark(11, MarkField::Rung);
    CHECK_FALSE(seven.isNull());
    w.key(Qt::Key_Z, Qt::ControlModifier);
    CHECK(w.mark(11, MarkField::Rung).isNull());
    w.key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(w.mark(11, MarkField::Rung) == seven);
    // The grade's codes are completed in the box, never in a popup list that would take the Enter
    // (a real window showed that: the grade was lost and the next keys typed into the box).
    w.go(Column::Grade, 12);
    w.type(QStringLiteral("5"));
    auto* gradeBox = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    REQUIRE(gradeBox);
    REQUIRE(gradeBox->completer());
    CHECK(gradeBox->completer()->completionMode() == QCompleter::InlineCompletion);
    w.key(Qt::Key_Escape);
    w.go(Column::Grade, 12);
    w.type(QStringLiteral("Z"));
    w.key(Qt::Key_Return);
    CHECK(w.mark(12, MarkField::Rung).isNull());

    // Feedback typed in a cell: F2 starts, Enter saves; undone whole.
    w.go(Column::WhatWentWell, 13);
    w.key(Qt::Key_F2);
    w.type(QStringLiteral("Strong hook"));
    w.key(Qt::Key_Return);
    CHECK(w.mark(13, MarkField::WhatWentWell) == QStringLiteral("Strong hook"));
    CHECK(w.view()->currentIndex().row() == 14);
    w.key(Qt::Key_Z, Qt::ControlModifier);
    CHECK(w.mark(13, MarkField::WhatWentWell) == QString());
}

TEST_CASE("Feedback beside the grid is saved as it is typed, for the pupil it was typed for")
{
    MarkingWindow w;
    w.go(Column::Light, 4);
    QPlainTextEdit* next = w.page()->feedbackEditor(2);
    REQUIRE(next);
    next->setFocus();
    REQUIRE(test::waitFor([&] { return next->hasFocus(); }));
    w.type(QStringLiteral("Use a counter-argument in paragraph three"));
    // Written after a pause in typing, with no other action.
    REQUIRE(test::waitFor([&] {
        return w.mark(4, MarkField::NextStep) == QStringLiteral("Use a counter-argument in paragraph three");
    }, 3000));
    // Typing then moving to another pupil at once: written for the first pupil, not the second.
    w.type(QStringLiteral("."));
    w.view()->setFocus();
    w.go(Column::Light, 5);
    CHECK(w.mark(4, MarkField::NextStep) == QStringLiteral("Use a counter-argument in paragraph three."));
    CHECK(w.mark(5, MarkField::NextStep) == QString());
    CHECK(next->toPlainText().isEmpty()); // the next pupil's, empty
    // The typing was one undo step (the pause does not split it).
    w.key(Qt::Key_Z, Qt::ControlModifier);
    CHECK(w.mark(4, MarkField::NextStep) == QString());
}

TEST_CASE("A new task is made from the group page by keyboard, opens at its grid, and its making undoes")
{
    MarkingWindow w;
    REQUIRE(w.window().showGroup(w.group));
    REQUIRE(w.window().groupPage()->tasksView()->model()->rowCount() == 1); // the fixture's own task
    bool answered = false;
    test::answerNextModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<TaskDialog*>(modal);
        REQUIRE(dialog);
        answered = true;
        CHECK(dialog->groupBox()->currentData().toLongLong() == w.group); // the group on show
        QApplication::setActiveWindow(dialog);
        REQUIRE(QApplication::focusWidget() == dialog->titleEdit());
        QTest::keyClicks(dialog->titleEdit(), QStringLiteral("Speech writing"));
        // Reuse the first task's criteria, then mark out of 10.
        dialog->reuseBox()->setCurrentIndex(1);
        Q_EMIT dialog->reuseBox()->activated(1);
        CHECK(dialog->criteriaEdit()->toPlainText().contains(QStringLiteral("rhetorical questions")));
        dialog->scaleBox()->setCurrentIndex(dialog->scaleBox()->findText(QStringLiteral("Marks out of…")));
        dialog->marksBox()->setValue(10);
        QTest::keyClick(dialog->titleEdit(), Qt::Key_Return);
    });
    const int steps = w.undo().count();
    w.window().actions().newTask->trigger();
    REQUIRE(answered);
    CHECK(w.undo().count() == steps + 1);
    REQUIRE(w.window().pages()->currentWidget() == w.page());
    const RowId made = w.page()->taskId();
    CHECK(made != w.task);
    CHECK(w.page()->model()->sheet().title == QStringLiteral("Speech writing"));
    CHECK(w.page()->model()->sheet().criteria.size() == 2);
    CHECK(w.page()->model()->sheet().scaleName == QStringLiteral("Marks out of 10"));
    CHECK(w.page()->model()->rowCount() == 30);
    QApplication::setActiveWindow(&w.window()); // no window manager gives it back after the dialog
    REQUIRE(test::waitFor([&] { return w.view()->hasFocus(); }));
    w.key(Qt::Key_Z, Qt::ControlModifier);
    CHECK_FALSE(marking::markSheet(w.db(), made));
    // The group's list of tasks opens a task's grid on Enter.
    REQUIRE(w.window().showGroup(w.group));
    QTreeView* tasks = w.window().groupPage()->tasksView();
    REQUIRE(tasks->model()->rowCount() == 1);
    tasks->setFocus();
    tasks->setCurrentIndex(tasks->model()->index(0, 0));
    QTest::keyClick(tasks, Qt::Key_Return);
    CHECK(w.window().pages()->currentWidget() == w.page());
    CHECK(w.page()->taskId() == w.task);
}

TEST_CASE("A next step awaiting a response is opened from the class list and its response recorded")
{
    MarkingWindow w;
    setMarks(w.db(), w.task, {{Mark{w.pupils[7], MarkField::NextStep, 0, QStringLiteral("Add a counter-argument")}, QString()}},
             w.school.today);
    REQUIRE(w.window().showGroup(w.group));
    QTreeView* awaited = w.window().groupPage()->awaitedView();
    REQUIRE(test::waitFor([&] { return awaited->model()->rowCount() == 1; }));
    awaited->setFocus();
    awaited->setCurrentIndex(awaited->model()->index(0, 0));
    QTest::keyClick(awaited, Qt::Key_Return);
    REQUIRE(w.window().pages()->currentWidget() == w.page());
    CHECK(w.page()->currentPupil() == w.pupils[7]);
    REQUIRE(test::waitFor([&] { return w.page()->responseEditor()->hasFocus(); }));
    w.type(QStringLiteral("Done in green pen"));
    w.page()->commitPendingEdits();
    CHECK(w.mark(7, MarkField::PupilResponse) == QStringLiteral("Done in green pen"));
    REQUIRE(w.window().showGroup(w.group));
    CHECK(test::waitFor([&] { return awaited->model()->rowCount() == 0; }));
}

TEST_CASE("The pupil's own and a peer's light per criterion are set beside the grid, and the grid shows where views differ")
{
    MarkingWindow w;
    w.go(Column::Criterion, 2, w.sc1);
    w.type(QStringLiteral("1")); // the teacher: not yet
    QComboBox* self = w.page()->criterionLightBox(0, false);
    QComboBox* peer = w.page()->criterionLightBox(1, true);
    REQUIRE(self);
    REQUIRE(peer);
    self->setFocus();
    REQUIRE(test::waitFor([&] { return self->hasFocus(); }));
    w.type(QStringLiteral("g"));
    CHECK(w.mark(2, MarkField::SelfCriterion, w.sc1) == QStringLiteral("green"));
    peer->setFocus();
    REQUIRE(test::waitFor([&] { return peer->hasFocus(); }));
    w.type(QStringLiteral("a"));
    CHECK(w.mark(2, MarkField::PeerCriterion, w.sc2) == QStringLiteral("amber"));
    // The pupil thinks green, the teacher said not yet: the grid says so.
    const QModelIndex cell = w.model()->index(2, w.model()->columnOf(Column::Criterion, w.sc1));
    REQUIRE(test::waitFor([&] { return !cell.data(MarkingModel::DiffersRole).toString().isEmpty(); }));
    CHECK(cell.data(MarkingModel::DiffersRole).toString().contains(QStringLiteral("green")));
    // And the task's own self light against the teacher's light.
    w.view()->setFocus();
    w.go(Column::Light, 2);
    w.type(QStringLiteral("r"));
    w.go(Column::SelfLight, 2);
    w.type(QStringLiteral("g"));
    CHECK(w.model()->index(2, w.model()->columnOf(Column::SelfLight)).data(MarkingModel::DiffersRole).toString().contains(
        QStringLiteral("red")));
    w.key(Qt::Key_Z, Qt::ControlModifier);
    CHECK(w.model()->index(2, w.model()->columnOf(Column::SelfLight)).data(MarkingModel::DiffersRole).toString().isEmpty());
}

TEST_CASE("A bank comment found by typing goes into the feedback filled in for the pupil, and typed words go to the bank")
{
    MarkingWindow w;
    {
        Pupil p = *Repository<Pupil>(w.db()).find(w.pupils[5]);
        p.preferredGivenName = QStringLiteral("Sam");
        p.pronouns = QStringLiteral("she/her");
        Repository<Pupil>(w.db()).update(p);
    }
    commentbank::add(w.db(), {CommentCategory::NextStep, std::nullopt,
                              QStringLiteral("{name}, check {their} quotations against the text.")});
    w.page()->refresh();
    w.go(Column::Light, 5);
    QPlainTextEdit* next = w.page()->feedbackEditor(2);
    next->setFocus();
    REQUIRE(test::waitFor([&] { return next->hasFocus(); }));
    w.key(Qt::Key_Space, Qt::ControlModifier); // to the bank, on Next step
    REQUIRE(test::waitFor([&] { return w.page()->commentBank()->searchField()->hasFocus(); }));
    CHECK(w.page()->commentBank()->category() == CommentCategory::NextStep);
    w.type(QStringLiteral("quotations"));
    w.key(Qt::Key_Return);
    REQUIRE(test::waitFor([&] { return next->hasFocus(); }));
    CHECK(next->toPlainText() == QStringLiteral("Sam, check her quotations against the text."));
    w.page()->commitPendingEdits();
    CHECK(w.mark(5, MarkField::NextStep) == QStringLiteral("Sam, check her quotations against the text."));

    // Words typed for a pupil go to the bank with the name made {name}.
    QPlainTextEdit* well = w.page()->feedbackEditor(0);
    well->setFocus();
    REQUIRE(test::waitFor([&] { return well->hasFocus(); }));
    w.type(QStringLiteral("Sam chose vivid verbs."));
    w.key(Qt::Key_B, Qt::ControlModifier);
    const auto bank = commentbank::list(w.db(), CommentCategory::WhatWentWell, std::nullopt, QStringLiteral("vivid verbs"));
    REQUIRE(bank.size() == 1);
    CHECK(bank[0].text == QStringLiteral("{name} chose vivid verbs."));
}

TEST_CASE("Files reach a pupil's row by drop, paste and Add Files, are listed with thumbnails, undone, and too large is refused")
{
    MarkingWindow w;
    // A photo of the work dropped on the fourth pupil's row.
    const QString photo = w.dir.path(QStringLiteral("essay page 1.png"));
    QImage picture(64, 48, QImage::Format_RGB32);
    picture.fill(Qt::darkCyan);
    REQUIRE(picture.save(photo));
    auto* mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(photo)});
    const QPoint at = w.view()->visualRect(w.model()->index(3, 0)).center();
    // As a drag from a file manager arrives: it enters, moves over the row, and drops.
    QDragEnterEvent enter(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(w.view()->viewport(), &enter);
    CHECK(enter.isAccepted());
    QDragMoveEvent move(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(w.view()->viewport(), &move);
    CHECK(move.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(w.view()->viewport(), &drop);
    delete mime;
    CHECK(drop.isAccepted());
    const int files = w.model()->columnOf(Column::Files);
    REQUIRE(test::waitFor([&] { return w.model()->index(3, files).data().toString() == QStringLiteral("1"); }));
    CHECK(w.page()->currentPupil() == w.pupils[3]);
    REQUIRE(w.page()->filesList()->count() == 1);
    CHECK(w.page()->filesList()->item(0)->text() == QStringLiteral("essay page 1.png"));
    CHECK_FALSE(w.page()->filesList()->item(0)->icon().isNull()); // a thumbnail

    // A picture pasted into the grid for the sixth pupil; Ctrl+Z sets it aside again.
    QApplication::clipboard()->setImage(picture);
    w.go(Column::Light, 5);
    w.key(Qt::Key_V, Qt::ControlModifier);
    REQUIRE(test::waitFor([&] { return w.model()->index(5, files).data().toString() == QStringLiteral("1"); }));
    CHECK(w.page()->filesList()->item(0)->text().startsWith(QStringLiteral("pasted picture")));
    w.key(Qt::Key_Z, Qt::ControlModifier);
    REQUIRE(test::waitFor([&] { return w.model()->index(5, files).data().toString().isEmpty(); }));

    // A file over the limit: refused, said, and nothing added.
    const QString huge = w.dir.path(QStringLiteral("lesson video.mp4"));
    {
        QFile f(huge);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.resize(AttachmentStore::kMaxBytes + 1));
    }
    QStringList said;
    QObject::connect(w.page(), &LazyPage::problem, [&](const QString& m) { said << m; });
    const int steps = w.undo().index();
    CHECK_FALSE(w.page()->addFiles(w.pupils[6], {huge}));
    CHECK(w.undo().index() == steps);
    REQUIRE(said.size() == 1);
    CHECK(said[0].contains(QStringLiteral("more than")));
    CHECK(w.model()->index(6, files).data().toString().isEmpty());
}

TEST_CASE("A pupil's own next steps awaiting a response are listed on their Evidence tab and open the task")
{
    MarkingWindow w;
    setMarks(w.db(), w.task, {{Mark{w.pupils[8], MarkField::NextStep, 0, QStringLiteral("Redraft the opening")}, QString()}},
             w.school.today);
    REQUIRE(w.window().showPupil(w.pupils[8]));
    PupilPage* pupil = w.window().pupilPage();
    REQUIRE(pupil->evidence());
    AwaitedStepsView* awaited = pupil->awaitedSteps();
    REQUIRE(awaited);
    REQUIRE(awaited->count() == 1);
    QTreeView* list = awaited->view();
    CHECK(list->model()->index(0, 0).data().toString() == QStringLiteral("Persuasive letter"));
    CHECK(list->model()->index(0, 1).data().toString() == QStringLiteral("Redraft the opening"));
    list->setFocus();
    list->setCurrentIndex(list->model()->index(0, 0));
    QTest::keyClick(list, Qt::Key_Return);
    REQUIRE(w.window().pages()->currentWidget() == w.page());
    CHECK(w.page()->currentPupil() == w.pupils[8]);
}

TEST_CASE("Review fixes: Shift+Enter goes up, a refused grade stays being typed, a fill never clears, a step that changes nothing keeps Redo")
{
    MarkingWindow w;
    // Shift+Enter after typing in a cell: saved, and up to the pupil before.
    w.go(Column::NextStep, 6);
    w.type(QStringLiteral("Check units"));
    w.key(Qt::Key_Return, Qt::ShiftModifier);
    CHECK(w.mark(6, MarkField::NextStep) == QStringLiteral("Check units"));
    CHECK(w.view()->currentIndex().row() == 5);

    // A grade not on the scale: not written, and still in the cell being typed, not lost.
    w.go(Column::Grade, 9);
    w.type(QStringLiteral("Q"));
    w.key(Qt::Key_Return);
    CHECK(w.mark(9, MarkField::Rung).isNull());
    CHECK(w.view()->currentIndex().row() == 9);
    auto* box = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    REQUIRE(box);
    CHECK(box->text() == QStringLiteral("Q"));
    box->setText(QStringLiteral("6"));
    w.key(Qt::Key_Return);
    CHECK_FALSE(w.mark(9, MarkField::Rung).isNull());

    // A fill whose top cell is empty leaves the cells below as they are.
    w.go(Column::Light, 12);
    w.type(QStringLiteral("g"));
    w.go(Column::Light, 10);
    w.key(Qt::Key_Down, Qt::ShiftModifier);
    w.key(Qt::Key_Down, Qt::ShiftModifier);
    w.key(Qt::Key_D, Qt::ControlModifier);
    CHECK(w.mark(12, MarkField::Light) == QStringLiteral("green"));

    // Undo, then a key that leaves the cell as it is: Redo is still there.
    w.go(Column::Light, 14);
    w.type(QStringLiteral("a"));
    w.key(Qt::Key_Z, Qt::ControlModifier);
    REQUIRE(w.undo().canRedo());
    w.type(QStringLiteral("r"));
    w.type(QStringLiteral("r")); // the second changes nothing
    w.key(Qt::Key_Z, Qt::ControlModifier);
    CHECK(w.mark(14, MarkField::Light) == QString());
    CHECK(w.undo().canRedo());
}

TEST_CASE("The wheel over a choice beside the grid scrolls past it, never changing a mark")
{
    MarkingWindow w;
    w.go(Column::Light, 3);
    QComboBox* self = w.page()->criterionLightBox(0, false);
    REQUIRE(self);
    const QPoint centre = self->rect().center();
    QWheelEvent wheel(centre, self->mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(self, &wheel);
    CHECK(self->currentIndex() == 0);
    CHECK(w.mark(3, MarkField::SelfCriterion, w.sc1) == QString());
}
