// The search across the school in the main window, driven by real key presses offscreen: Ctrl+K,
// results as the teacher types, Down and Enter (or a click) to open the pupil at the record found,
// Escape to clear. The results model is checked by QAbstractItemModelTester.
#include "app/schooldocument.h"
#include "domain/entities.h"
#include "pupil/evidencepanel.h"
#include "pupil/evidencetimelinemodel.h"
#include "pupil/planeditor.h"
#include "pupil/pupilpage.h"
#include "pupil/targetmodel.h"
#include "pupil/targetspanel.h"
#include "repo/repository.h"
#include "search/recordsearch.h"
#include "search/searchresultsmodel.h"
#include "services/schoolsession.h"
#include "shell/mainwindow.h"
#include "storage/database.h"
#include "storage/transaction.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {

struct Fixture : test::ShellWindowFixture
{
    RowId benPiece = 0; // Ben's piece of evidence with "aloud" in its feedback, older than 60 others

    Fixture() : test::ShellWindowFixture(true)
    {
        Database& db = app.document().session()->db();
        Transaction tx(db);
        Evidence e;
        e.pupilId = school.ben;
        e.kind = EvidenceKind::WorkSample;
        e.recordedOn = school.today.addDays(-70);
        benPiece = Repository<Evidence>(db).insert(e);
        Feedback f;
        f.evidenceId = benPiece;
        f.nextStep = QStringLiteral("Practise reading aloud with expression.");
        Repository<Feedback>(db).insert(f);
        // Newer pieces: Ben's timeline shows a page of 50 first, so this one is further down.
        for (int day = 1; day <= 60; ++day) {
            Evidence later;
            later.pupilId = school.ben;
            later.kind = EvidenceKind::Observation;
            later.recordedOn = school.today.addDays(-70 + day);
            later.note = QStringLiteral("Observed.");
            Repository<Evidence>(db).insert(later);
        }
        tx.commit();
        QApplication::processEvents();
    }

    RecordSearch& search() { return *window().recordSearch(); }

    // Types the words into the field with real key presses and waits for the results.
    void type(const QString& words)
    {
        QLineEdit* field = search().field();
        REQUIRE(QApplication::focusWidget() == field);
        QTest::keyClicks(field, words);
        REQUIRE(test::waitFor([&] { return search().resultsShown() && search().model()->words() == field->text(); }));
    }

    int rowOfKind(SearchKind kind)
    {
        SearchResultsModel* model = search().model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row).data(SearchResultsModel::KindRole).toInt() == int(kind))
                return row;
        }
        return -1;
    }
};

} // namespace

TEST_CASE("The results model holds up under QAbstractItemModelTester through searches and clearing")
{
    test::TempDir dir;
    const test::ShellSchool school = test::buildShellSchool(dir.path(QStringLiteral("school.waymark")));
    auto db = Database::open(school.path);
    SearchResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.search(*db, QStringLiteral("aloud"));
    REQUIRE(model.rowCount() == 2); // Amara's target and her evidence note
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        CHECK(index.data(SearchResultsModel::PupilIdRole).toLongLong() == school.amara);
        CHECK(index.data(SearchResultsModel::PupilNameRole).toString().startsWith(QStringLiteral("Ami ")));
        CHECK(index.data(SearchResultsModel::SnippetHtmlRole).toString().contains(QStringLiteral("<b>aloud</b>")));
        CHECK_FALSE(index.data(Qt::AccessibleTextRole).toString().isEmpty());
        CHECK(index.data(SearchResultsModel::DateRole).toDate().isValid());
    }
    model.search(*db, QStringLiteral("times tab"));
    CHECK(model.rowCount() == 1);
    model.search(*db, QStringLiteral("a")); // too short to search for
    CHECK(model.rowCount() == 0);
    model.search(*db, QStringLiteral("paragraphs"));
    CHECK(model.rowCount() == 1);
    model.clear();
    CHECK(model.rowCount() == 0);
    CHECK(model.words().isEmpty());
}

TEST_CASE("Ctrl+K, a few letters, Down and Enter open the pupil at the piece of evidence found")
{
    Fixture f;
    MainWindow& w = f.window();
    QLineEdit* field = f.search().field();
    CHECK(field->placeholderText() == QStringLiteral("Search feedback, notes, targets and plans"));
    CHECK(field->accessibleName() == QStringLiteral("Search records"));

    w.showDashboard();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_K, Qt::ControlModifier);
    REQUIRE(QApplication::focusWidget() == field);
    f.type(QStringLiteral("aloud"));
    REQUIRE(f.search().model()->rowCount() == 3);
    CHECK(f.search().results()->isVisible());
    CHECK(f.search().message().isEmpty());
    if (const QString shots = qEnvironmentVariable("WAYMARK_SHOTS_DIR"); !shots.isEmpty()) {
        QTest::keyClick(field, Qt::Key_Down);
        w.grab().save(QDir(shots).filePath(QStringLiteral("search-results.png")));
        QTest::keyClick(field, Qt::Key_Up); // back to none marked: the steps below start from there
        f.search().results()->setCurrentIndex({});
    }

    // The keyboard stays in the field: Down marks the first result, then the next.
    QTest::keyClick(field, Qt::Key_Down);
    CHECK(f.search().results()->currentIndex().row() == 0);
    QTest::keyClick(field, Qt::Key_Down);
    CHECK(f.search().results()->currentIndex().row() == 1);
    QTest::keyClick(field, Qt::Key_Up);
    CHECK(f.search().results()->currentIndex().row() == 0);
    CHECK(QApplication::focusWidget() == field);

    const int feedback = f.rowOfKind(SearchKind::Feedback);
    REQUIRE(feedback >= 0);
    for (int i = 0; i < feedback; ++i)
        QTest::keyClick(field, Qt::Key_Down);
    REQUIRE(f.search().results()->currentIndex().row() == feedback);
    QTest::keyClick(field, Qt::Key_Return);

    REQUIRE(w.pages()->currentWidget() == w.pupilPage());
    PupilPage* page = w.pupilPage();
    CHECK(page->pupilId() == f.school.ben);
    CHECK(page->tabs()->currentIndex() == PupilPage::EvidenceTab);
    QTableView* timeline = page->evidence()->view();
    REQUIRE(timeline->currentIndex().isValid());
    CHECK(timeline->currentIndex().row() >= EvidenceTimelineModel::kPageSize); // read on to find it
    CHECK(timeline->currentIndex().data(EvidenceTimelineModel::EvidenceIdRole).toLongLong() == f.benPiece);
    CHECK(QApplication::focusWidget() == timeline);
    CHECK_FALSE(f.search().resultsShown());
    CHECK(field->text() == QStringLiteral("aloud")); // kept, for the next result
}

TEST_CASE("A result clicked opens a target in the targets table, Escape clears, and no match says so")
{
    Fixture f;
    MainWindow& w = f.window();
    QLineEdit* field = f.search().field();
    w.showDashboard();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_K, Qt::ControlModifier);
    f.type(QStringLiteral("Read alo"));
    const int target = f.rowOfKind(SearchKind::Target);
    REQUIRE(target >= 0);
    const RowId targetId = f.search().model()->index(target).data(SearchResultsModel::RowIdRole).toLongLong();
    QListView* list = f.search().results();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualRect(f.search().model()->index(target)).center());

    REQUIRE(w.pages()->currentWidget() == w.pupilPage());
    PupilPage* page = w.pupilPage();
    CHECK(page->pupilId() == f.school.amara);
    CHECK(page->tabs()->currentIndex() == PupilPage::PlanTab);
    const QModelIndex current = page->targets()->view()->currentIndex();
    REQUIRE(current.isValid());
    CHECK(page->targetModel()->targetIdAt(current.row()) == targetId);
    CHECK(QApplication::focusWidget() == page->targets()->view());

    // Ctrl+K again: the words and their results are back; Escape clears both.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_K, Qt::ControlModifier);
    REQUIRE(QApplication::focusWidget() == field);
    CHECK(field->selectedText() == QStringLiteral("Read alo"));
    CHECK(f.search().resultsShown());
    QTest::keyClick(field, Qt::Key_Escape);
    CHECK(field->text().isEmpty());
    CHECK_FALSE(f.search().resultsShown());

    // One letter is not searched for; words nothing holds are said to match nothing.
    QTest::keyClicks(field, QStringLiteral("x"));
    QTest::qWait(RecordSearch::kDelayMs * 2);
    CHECK_FALSE(f.search().resultsShown());
    f.type(QStringLiteral("ylophone"));
    CHECK(f.search().model()->rowCount() == 0);
    CHECK(f.search().message().contains(QStringLiteral("No feedback, notes, targets or plans match “xylophone”")));

    // Shown results follow the file: a note written now is found at once.
    {
        Database& db = f.app.document().session()->db();
        Evidence e;
        e.pupilId = f.school.dev;
        e.kind = EvidenceKind::Observation;
        e.recordedOn = f.school.today;
        e.note = QStringLiteral("Played the xylophone in assembly.");
        Repository<Evidence>(db).insert(e);
    }
    CHECK(test::waitFor([&] { return f.search().model()->rowCount() == 1; }));
    CHECK(f.search().message().isEmpty());
    QTest::keyClick(field, Qt::Key_Return); // Enter with none marked opens the first
    CHECK(w.pupilPage()->pupilId() == f.school.dev);
    CHECK(w.pupilPage()->tabs()->currentIndex() == PupilPage::EvidenceTab);

    // A plan opens at the box that holds the words, with the keyboard in it.
    {
        Database& db = f.app.document().session()->db();
        LearningPlan plan;
        plan.pupilId = f.school.chloe;
        plan.strategies = QStringLiteral("Sit near the front, away from the window.");
        Repository<LearningPlan>(db).insert(plan);
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_K, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Escape);
    f.type(QStringLiteral("near front"));
    REQUIRE(f.search().model()->rowCount() == 1);
    QTest::keyClick(field, Qt::Key_Down);
    QTest::keyClick(field, Qt::Key_Enter);
    CHECK(w.pupilPage()->pupilId() == f.school.chloe);
    CHECK(w.pupilPage()->tabs()->currentIndex() == PupilPage::PlanTab);
    CHECK(QApplication::focusWidget() == static_cast<QWidget*>(w.pupilPage()->plan()->editor(PlanEditor::Strategies)));
}
