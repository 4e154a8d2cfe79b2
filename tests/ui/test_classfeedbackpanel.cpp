// The whole-class feedback panel: counts and lists from the sheet, the teacher's class notes typed
// as one undo step per visit to a box, and printing or saving the slips and the class sheet.
#include "marking/classfeedbackcommands.h"
#include "marking/classfeedbackmodels.h"
#include "marking/classfeedbackpanel.h"
#include "marking/printing.h"
#include "reporttestsupport.h"
#include "services/classfeedback.h"
#include "services/marksheet.h"
#include "services/schoolsession.h"
#include "services/tasksetup.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace waymark;
using marking::ClassNote;

namespace {
struct PanelFixture
{
    PanelFixture(int pupils = 12, int marked = 9) : school(pupils, marked)
    {
        session = std::make_unique<SchoolSession>(std::move(school.db));
        sheet = *marking::markSheet(session->db(), school.task);
        panel = std::make_unique<ClassFeedbackPanel>(*session, stack);
        QObject::connect(panel.get(), &ClassFeedbackPanel::problem, [this](const QString& m) { problems << m; });
        panel->resize(900, 700);
        panel->setSheet(sheet);
        panel->show();
    }
    Database& db() { return session->db(); }
    marking::ClassNotes stored() { return marking::taskFeedback(db(), school.task); }
    QPlainTextEdit* box(ClassNote note) { return panel->noteEditor(note); }

    test::MarkedClass school;
    std::unique_ptr<SchoolSession> session;
    QUndoStack stack;
    marking::MarkSheet sheet;
    std::unique_ptr<ClassFeedbackPanel> panel;
    QStringList problems;
};

// Types a file name into a save dialog, as the teacher would.
void typeFileName(QFileDialog* dialog, const QString& path)
{
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    REQUIRE(name);
    name->setText(path);
}
} // namespace

TEST_CASE("The class feedback models pass Qt's model tester and show the summary", "[classfeedbackpanel]")
{
    test::MarkedClass c(9, 9);
    const marking::ClassSummary summary = marking::classSummary(*marking::markSheet(*c.db, c.task));
    CriterionCountsModel counts;
    PupilNotesModel pupils;
    QAbstractItemModelTester countsTester(&counts, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester pupilsTester(&pupils, QAbstractItemModelTester::FailureReportingMode::Fatal);
    counts.setCounts(summary.criteria);
    pupils.setPupils(summary.revisit);
    REQUIRE(counts.rowCount() == 2);
    CHECK(counts.data(counts.index(0, CriterionCountsModel::Criterion)).toString() ==
          QStringLiteral("I can add fractions"));
    CHECK(counts.data(counts.index(0, CriterionCountsModel::Met)).toInt() == summary.criteria[0].met);
    CHECK(counts.data(counts.index(1, CriterionCountsModel::NotYet)).toInt() == summary.criteria[1].notYet);
    CHECK(counts.headerData(CriterionCountsModel::NotYet, Qt::Horizontal).toString() == QStringLiteral("✗ Not yet"));
    REQUIRE(pupils.rowCount() == int(summary.revisit.size()));
    REQUIRE(pupils.rowCount() > 0);
    CHECK(pupils.data(pupils.index(0, PupilNotesModel::Pupil)).toString() == summary.revisit[0].name);
    CHECK(pupils.data(pupils.index(0, PupilNotesModel::Why)).toString() ==
          summary.revisit[0].reasons.join(QStringLiteral("; ")));
    CHECK(pupils.data(pupils.index(0, 0), PupilNotesModel::PupilIdRole).toLongLong() == summary.revisit[0].pupilId);
    counts.setCounts({});
    pupils.setPupils({});
    CHECK(counts.rowCount() == 0);
    CHECK(pupils.rowCount() == 0);
}

TEST_CASE("The panel shows the counts and lists of the sheet it is given", "[classfeedbackpanel]")
{
    PanelFixture f(12, 9);
    const marking::ClassSummary& s = f.panel->summary();
    CHECK(f.panel->lightsLabel()->text() == QStringLiteral("9 of 12 marked"));
    CHECK(f.panel->lightsLabel()->accessibleName() == QStringLiteral("Red: %1, Amber: %2, Green: %3, No light: %4")
                                                          .arg(s.red)
                                                          .arg(s.amber)
                                                          .arg(s.green)
                                                          .arg(s.noLight));
    CHECK(f.panel->criteriaView()->model()->rowCount() == 2);
    CHECK(f.panel->revisitView()->model()->rowCount() == int(s.revisit.size()));
    CHECK(f.panel->praiseView()->model()->rowCount() == int(s.praise.size()));
    CHECK(s.red == 3);
    CHECK(s.noLight == 3);
}

TEST_CASE("Typing in a class notes box is one undo step, undone and redone whole", "[classfeedbackpanel]")
{
    PanelFixture f;
    QPlainTextEdit* praise = f.box(ClassNote::Praise);
    praise->setFocus();
    QTest::keyClicks(praise, QStringLiteral("Well done"));
    f.panel->commitPending();
    CHECK(f.stored().praise == QStringLiteral("Well done"));
    QTest::keyClicks(praise, QStringLiteral(" everyone"));
    f.panel->commitPending();
    CHECK(f.stored().praise == QStringLiteral("Well done everyone"));
    CHECK(f.stack.count() == 1);
    CHECK(f.stack.undoText() == QStringLiteral("Type Praise"));

    f.stack.undo();
    CHECK(f.stored().praise.isEmpty());
    CHECK(test::waitFor([&] { return praise->toPlainText().isEmpty(); }, 5000));
    f.stack.redo();
    CHECK(test::waitFor([&] { return praise->toPlainText() == QStringLiteral("Well done everyone"); }, 5000));
    CHECK(f.problems.isEmpty());

    SECTION("another box is another step")
    {
        QPlainTextEdit* literacy = f.box(ClassNote::Literacy);
        literacy->setFocus();
        QTest::keyClicks(literacy, QStringLiteral("their, there"));
        f.panel->commitPending();
        CHECK(f.stack.count() == 2);
        CHECK(f.stored().literacy == QStringLiteral("their, there"));
        CHECK(f.panel->notes().praise == QStringLiteral("Well done everyone"));
    }
    SECTION("notes changed elsewhere since are never written over, and the teacher is told")
    {
        praise->moveCursor(QTextCursor::End);
        auto other = Database::open(f.school.path);
        marking::setTaskFeedback(*other, f.school.task,
                                 {{ClassNote::Praise, QStringLiteral("Theirs"), QStringLiteral("Well done everyone")}});
        QTest::keyClicks(praise, QStringLiteral("!"));
        f.panel->commitPending();
        CHECK_FALSE(f.problems.isEmpty());
        CHECK(f.stored().praise == QStringLiteral("Theirs"));
        CHECK(f.stack.count() == 1);
    }
    SECTION("another task's sheet shows that task's notes, and typing pending for the last task goes to it")
    {
        praise->moveCursor(QTextCursor::End);
        QTest::keyClicks(praise, QStringLiteral("!"));
        marking::TaskDetails d;
        d.groupId = f.school.group;
        d.title = QStringLiteral("Decimals");
        d.setOn = QDate(2026, 12, 1);
        const RowId decimals = marking::createTask(f.db(), d);
        f.panel->setSheet(*marking::markSheet(f.db(), decimals));
        CHECK(f.stored().praise == QStringLiteral("Well done everyone!"));
        CHECK(praise->toPlainText().isEmpty());
        CHECK(marking::taskFeedback(f.db(), decimals).praise.isEmpty());
    }
}

TEST_CASE("The panel saves the slips and the class sheet as PDFs, and prints through the print dialog",
          "[classfeedbackpanel]")
{
    if (test::pdfTool("pdftotext").isEmpty())
        WAYMARK_SKIP("pdftotext is not installed (Debian: poppler-utils)");
    PanelFixture f(8, 6);
    test::isolateUserFolders(f.school.dir.path(QStringLiteral("home")));

    // Save as PDF: the teacher picks a name in the save dialog.
    const QString slips = f.school.dir.path(QStringLiteral("slips"));
    test::answerNextModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<QFileDialog*>(modal);
        REQUIRE(dialog);
        typeFileName(dialog, slips);
        static_cast<QDialog*>(dialog)->accept(); // QFileDialog::accept() is protected
    });
    f.panel->saveSlipsAction()->trigger();
    REQUIRE(QFile::exists(slips + QStringLiteral(".pdf")));
    const QString text = test::pdfText(slips + QStringLiteral(".pdf"));
    for (int i = 0; i < 8; ++i)
        CHECK(text.contains(f.school.names[i]) == (i < 6));

    // The class sheet, with the notes being typed.
    QTest::keyClicks(f.box(ClassNote::Misconceptions), QStringLiteral("Adding the denominators"));
    const QString sheet = f.school.dir.path(QStringLiteral("class.pdf"));
    test::answerNextModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<QFileDialog*>(modal);
        REQUIRE(dialog);
        typeFileName(dialog, sheet);
        static_cast<QDialog*>(dialog)->accept(); // QFileDialog::accept() is protected
    });
    f.panel->saveSheetAction()->trigger();
    REQUIRE(QFile::exists(sheet));
    CHECK(test::pdfText(sheet).contains(QStringLiteral("Adding the denominators")));
    CHECK(f.stored().misconceptions == QStringLiteral("Adding the denominators"));

    // Print: the print dialog's printer, sent to a PDF file.
    const QString printed = f.school.dir.path(QStringLiteral("printed.pdf"));
    test::answerNextModal([&](QWidget* modal) {
        auto* dialog = qobject_cast<QPrintDialog*>(modal);
        REQUIRE(dialog);
        CHECK(dialog->printer()->pageLayout().pageSize().id() == QPageSize::A4);
        dialog->printer()->setOutputFormat(QPrinter::PdfFormat);
        dialog->printer()->setOutputFileName(printed);
        dialog->done(QDialog::Accepted);
    });
    f.panel->printSlipsAction()->trigger();
    REQUIRE(QFile::exists(printed));
    CHECK(test::pdfText(printed).contains(f.school.names[0]));

    // Cancelled: nothing printed.
    QFile::remove(printed);
    test::answerNextModal([&](QWidget* modal) { qobject_cast<QDialog*>(modal)->reject(); });
    f.panel->printSheetAction()->trigger();
    CHECK_FALSE(QFile::exists(printed));
}

TEST_CASE("Printing slips for a task nobody was marked for says so and prints nothing", "[classfeedbackpanel]")
{
    test::MarkedClass c(4, 0);
    const marking::MarkSheet sheet = *marking::markSheet(*c.db, c.task);
    QString said;
    test::answerNextModal([&](QWidget* modal) {
        said = test::messageBoxText(modal);
        qobject_cast<QDialog*>(modal)->accept();
    });
    CHECK_FALSE(printFeedbackSlips(nullptr, sheet));
    CHECK(said.contains(QStringLiteral("Nobody has been marked for “Fractions” yet")));
}
