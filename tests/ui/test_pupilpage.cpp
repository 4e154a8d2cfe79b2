// The pupil page on real school files: its models checked by QAbstractItemModelTester, what it shows,
// read-only, paging through years of evidence, and a demo school end to end.
#include "demo/demogenerator.h"
#include "pupil/detailsform.h"
#include "pupil/evidencepanel.h"
#include "pupil/evidencetimelinemodel.h"
#include "pupil/planeditor.h"
#include "pupil/pupileditor.h"
#include "pupil/pupilheader.h"
#include "pupil/targetmodel.h"
#include "pupil/targetspanel.h"
#include "pupiltestsupport.h"
#include "records/pupilrecord.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

#include <catch2/catch.hpp>

using namespace waymark;
using namespace waymark::test;

TEST_CASE("The target and timeline models pass QAbstractItemModelTester through loads, edits and paging")
{
    PupilPageFixture f;
    ModelTestLog log;
    PupilEditor editor(*f.session, f.undo);
    TargetModel targets(editor);
    EvidenceTimelineModel timeline(*f.session);
    QAbstractItemModelTester targetTester(&targets, QAbstractItemModelTester::FailureReportingMode::Warning);
    QAbstractItemModelTester timelineTester(&timeline, QAbstractItemModelTester::FailureReportingMode::Warning);
    QObject::connect(f.session.get(), &SchoolSession::changed, &targets, [&](const QSet<QString>& tables) {
        if (tables.contains(QStringLiteral("target")))
            targets.reload();
        if (tables.contains(QStringLiteral("evidence")))
            timeline.reload();
    });

    targets.setToday(f.school.today);
    targets.setPupil(f.school.pupilId);
    REQUIRE(targets.rowCount() == 3);
    CHECK(targets.earlierCount() == 0);
    CHECK(targets.index(0, TargetModel::TextColumn).data().toString() ==
          QStringLiteral("Read a short text aloud with expression."));
    CHECK(targets.index(2, TargetModel::StatusColumn).data().toString() == displayName(TargetStatus::Achieved));
    CHECK_FALSE(targets.index(2, TargetModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull());

    REQUIRE(targets.setData(targets.index(1, TargetModel::AreaColumn), QStringLiteral("Number")));
    CHECK(targets.index(1, TargetModel::AreaColumn).data().toString() == QStringLiteral("Number"));
    Target blank;
    blank.pupilId = f.school.pupilId;
    const RowId added = editor.addTarget(blank);
    REQUIRE(added != 0);
    CHECK(targets.rowCount() == 4);
    f.undo.undo();
    CHECK(targets.rowCount() == 3);
    f.undo.redo();
    CHECK(targets.rowOf(added) == 3);
    REQUIRE(editor.removeTarget(added));
    CHECK(targets.rowCount() == 3);

    timeline.setPupil(f.school.historyPupilId);
    CHECK(timeline.rowCount() >= EvidenceTimelineModel::kPageSize);
    while (timeline.canFetchMore({}))
        timeline.fetchMore({});
    CHECK(timeline.rowCount() == f.school.historyEvidence);
    timeline.setPupil(f.school.pupilId);
    CHECK(timeline.rowCount() == 3);
    CHECK(timeline.index(0, EvidenceTimelineModel::TeacherLightColumn).data().toString() == QStringLiteral("G"));
    CHECK(timeline.index(0, EvidenceTimelineModel::FilesColumn).data().toInt() == 1);
    CHECK(timeline.index(2, EvidenceTimelineModel::TeacherLightColumn)
              .data(EvidenceTimelineModel::TrafficLightRole)
              .toInt() == static_cast<int>(TrafficLight::Red));

    INFO(log.text().toStdString());
    CHECK(log.messages().isEmpty());
}

TEST_CASE("A target is this year's while active, undated or set since September; the rest are earlier")
{
    Target t;
    t.setOn = QDate(2025, 10, 6); // academic year 2025/26
    t.status = TargetStatus::Achieved;
    CHECK(isCurrentTarget(t, QDate(2026, 7, 20)));  // the same school year
    CHECK_FALSE(isCurrentTarget(t, QDate(2026, 9, 1))); // the next one
    t.status = TargetStatus::Active;
    CHECK(isCurrentTarget(t, QDate(2030, 1, 1))); // still being worked on, however old
    t.status = TargetStatus::Discontinued;
    t.setOn = QDate();
    CHECK(isCurrentTarget(t, QDate(2030, 1, 1))); // undated: never folded out of sight
}

TEST_CASE("Earlier targets are folded away, counted, unfolded at the end, and a listed target stays listed")
{
    PupilPageFixture f;
    ModelTestLog log;
    PupilEditor editor(*f.session, f.undo);
    TargetModel targets(editor);
    QAbstractItemModelTester tester(&targets, QAbstractItemModelTester::FailureReportingMode::Warning);
    QObject::connect(f.session.get(), &SchoolSession::changed, &targets, [&](const QSet<QString>& tables) {
        if (tables.contains(QStringLiteral("target")))
            targets.reload();
    });
    QSignalSpy counted(&targets, &TargetModel::earlierCountChanged);

    // The next school year: the achieved target set in January folds away; the active two stay.
    targets.setToday(QDate(2026, 10, 5));
    targets.setPupil(f.school.pupilId);
    REQUIRE(targets.rowCount() == 2);
    CHECK(targets.earlierCount() == 1);
    CHECK(counted.count() == 1);
    const RowId first = targets.targetIdAt(0);
    const RowId second = targets.targetIdAt(1);

    targets.setShowEarlier(true);
    REQUIRE(targets.rowCount() == 3);
    CHECK(targets.targetIdAt(0) == first); // unfolded rows come after this year's
    CHECK(targets.index(2, TargetModel::StatusColumn).data().toString() == displayName(TargetStatus::Achieved));
    CHECK(targets.earlierCount() == 1);
    targets.setShowEarlier(false);
    CHECK(targets.rowCount() == 2);

    // Marking last year's active target achieved does not whisk it out of sight while it is open...
    REQUIRE(targets.setData(targets.index(1, TargetModel::StatusColumn), int(TargetStatus::Achieved)));
    CHECK(targets.rowCount() == 2);
    CHECK(targets.targetIdAt(1) == second);
    CHECK(targets.earlierCount() == 1);
    // ...but it is an earlier target the next time the pupil is opened.
    targets.setPupil(f.school.pupilId);
    CHECK(targets.rowCount() == 1);
    CHECK(targets.earlierCount() == 2);

    // A new target belongs to this year and is added at the end of the list.
    Target fresh;
    fresh.pupilId = f.school.pupilId;
    fresh.setOn = QDate(2026, 10, 5);
    const RowId added = editor.addTarget(fresh);
    CHECK(targets.rowOf(added) == 1);

    // Back in the school year they were set, nothing is earlier: the list is arranged afresh.
    targets.setToday(f.school.today);
    CHECK(targets.earlierCount() == 0);
    CHECK(targets.rowCount() == 4);

    INFO(log.text().toStdString());
    CHECK(log.messages().isEmpty());
}

TEST_CASE("The targets panel offers the earlier targets behind a toggle, and only when there are any")
{
    PupilPageFixture f;
    f.page.setToday(QDate(2026, 10, 5));
    f.page.resize(1086, 700);
    f.page.show();
    f.page.showPupil(f.school.pupilId);
    QToolButton* toggle = f.page.targets()->earlierToggle();
    REQUIRE(toggle->isVisible());
    CHECK(toggle->text() == QStringLiteral("Show ear&lier targets (1)"));
    CHECK(toggle->accessibleName() == QStringLiteral("Show earlier targets (1)"));
    CHECK_FALSE(toggle->isCheckable()); // its words say what it does; no pressed state as well
    CHECK(f.page.targetModel()->rowCount() == 2);
    toggle->click();
    CHECK(f.page.targetModel()->rowCount() == 3);
    CHECK(toggle->text() == QStringLiteral("Hide ear&lier targets (1)"));
    toggle->click();
    CHECK(f.page.targetModel()->rowCount() == 2);

    // From the keyboard: Alt+L, as its underlined letter says; Tab reaches it before Add target.
    f.page.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&f.page));
    // (A mnemonic "animates" the click: it lands a moment later.)
    QTest::keyClick(&f.page, Qt::Key_L, Qt::AltModifier);
    CHECK(QTest::qWaitFor([&] { return f.page.targetModel()->rowCount() == 3; }));
    QTest::keyClick(&f.page, Qt::Key_L, Qt::AltModifier);
    CHECK(QTest::qWaitFor([&] { return f.page.targetModel()->rowCount() == 2; }));
    CHECK(toggle->nextInFocusChain() == f.page.targets()->findChild<QPushButton*>());

    // In the school year the targets were set there is nothing earlier to offer.
    f.page.setToday(f.school.today);
    CHECK(f.page.targetModel()->rowCount() == 3);
    CHECK_FALSE(toggle->isVisible());

    // A long single word in Area is not cut short when the pupil is opened.
    QTableView* view = f.page.targets()->view();
    const int wordWidth = view->fontMetrics().horizontalAdvance(QStringLiteral("Communication"));
    REQUIRE(view->horizontalHeader()->sectionSize(TargetModel::AreaColumn) < wordWidth);
    REQUIRE(f.page.targetModel()->setData(f.page.targetModel()->index(0, TargetModel::AreaColumn),
                                          QStringLiteral("Communication")));
    f.page.showPupil(f.school.otherPupilId);
    f.page.showPupil(f.school.pupilId);
    CHECK(view->horizontalHeader()->sectionSize(TargetModel::AreaColumn) > wordWidth);
}

TEST_CASE("Showing a pupil fills the header, details, plan, targets and the first page of evidence")
{
    PupilPageFixture f;
    QSignalSpy shown(&f.page, &PupilPage::pupilShown);
    f.page.showPupil(f.school.pupilId);
    CHECK(shown.count() == 1);
    CHECK(f.page.pupilId() == f.school.pupilId);
    CHECK(f.page.targetModel()->rowCount() == 3);
    // Only the plan tab is on show: the other tabs are not built and the timeline is not read...
    CHECK_FALSE(f.page.isTabBuilt(PupilPage::DetailsTab));
    CHECK_FALSE(f.page.isTabBuilt(PupilPage::EvidenceTab));
    CHECK(f.page.timelineModel()->rowCount() == 0);
    CHECK(f.page.tabs()->tabText(PupilPage::EvidenceTab).contains(QStringLiteral("(3)"))); // ...but counted
    // ...until the tab is opened.
    f.page.tabs()->setCurrentIndex(PupilPage::EvidenceTab);
    CHECK(f.page.isTabBuilt(PupilPage::EvidenceTab));
    CHECK(f.page.timelineModel()->rowCount() == 3);
    const QString facts = f.page.header()->findChildren<QLabel*>().at(2)->text();
    CHECK(facts.contains(f.school.pupilUpn));
    CHECK(facts.contains(QStringLiteral("(valid)")));
    CHECK(facts.contains(QStringLiteral("8RT")));
    CHECK(facts.contains(QStringLiteral("Mr D Evans")));
    CHECK(facts.contains(QStringLiteral("age 12")));
    // The last review was 14 Jan 2026 (Spring 1), so the next is due by the end of Spring 2: not overdue.
    CHECK_FALSE(f.page.header()->reviewOverdue());
    CHECK(f.page.header()->reviewText().contains(QStringLiteral("Next review due by")));
    CHECK(f.page.plan()->editor(PlanEditor::Strengths)->toPlainText().startsWith(QStringLiteral("Loves drawing")));
    CHECK(lineEditNamed(f.page.details(), QStringLiteral("Pronouns"))->text() == QStringLiteral("she/her"));

    // Without a review the history pupil is due by the end of this half-term; a later "today" makes it overdue.
    f.page.setToday(QDate(2026, 4, 20));
    CHECK(f.page.header()->reviewOverdue());
    CHECK(f.page.header()->reviewText().contains(QStringLiteral("overdue")));

    // The timeline is kept while another tab is looked at, and let go for another pupil.
    f.page.tabs()->setCurrentIndex(PupilPage::PlanTab);
    CHECK(f.page.timelineModel()->rowCount() == 3);
    f.page.showPupil(f.school.otherPupilId);
    CHECK(f.page.timelineModel()->pupilId() == 0);
    CHECK(lineEditNamed(f.page.details(), QStringLiteral("Pronouns"))->text().isEmpty());
}

TEST_CASE("Read-only disables every editor and the add and remove actions")
{
    SECTION("asked for by the window")
    {
        PupilPageFixture f;
        f.page.showPupil(f.school.pupilId);
        f.page.details(); // built before the change...
        f.page.setReadOnly(true);
        f.page.characteristics(); // ...and after it: both read-only
        CHECK(f.page.isReadOnly());
        for (auto* edit : f.page.findChildren<QLineEdit*>())
            if (!edit->parent()->inherits("QAbstractSpinBox") && !edit->parent()->inherits("QComboBox"))
                CHECK(edit->isReadOnly());
        for (auto* edit : f.page.findChildren<QPlainTextEdit*>())
            CHECK(edit->isReadOnly());
        for (auto* box : f.page.findChildren<QCheckBox*>())
            CHECK_FALSE(box->isEnabled());
        for (auto* combo : f.page.findChildren<QComboBox*>())
            CHECK_FALSE(combo->isEnabled());
        CHECK_FALSE(f.page.targets()->addTargetAction()->isEnabled());
        CHECK_FALSE(f.page.targets()->removeTargetAction()->isEnabled());
        const QModelIndex cell = f.page.targetModel()->index(0, TargetModel::TextColumn);
        CHECK_FALSE(f.page.targetModel()->flags(cell).testFlag(Qt::ItemIsEditable));
        CHECK_FALSE(f.page.targetModel()->setData(cell, QStringLiteral("changed")));
        CHECK(f.page.targets()->addTarget() == 0);
        CHECK(f.undo.count() == 0);

        f.page.setReadOnly(false);
        CHECK(f.page.targets()->addTargetAction()->isEnabled());
        CHECK(f.page.targetModel()->flags(cell).testFlag(Qt::ItemIsEditable));
    }
    SECTION("because the file was opened read-only")
    {
        PupilPageFixture f(10, Database::Options{true, 5000});
        const QByteArray hash = sha256Of(f.school.path);
        f.page.showPupil(f.school.pupilId);
        CHECK(f.page.isReadOnly());
        f.page.setReadOnly(false); // the file decides
        CHECK(f.page.isReadOnly());
        CHECK(f.page.plan()->editor(PlanEditor::Needs)->isReadOnly());
        CHECK_FALSE(f.page.targets()->addTargetAction()->isEnabled());
        f.page.commitPendingEdits();
        CHECK(sha256Of(f.school.path) == hash);
    }
}

TEST_CASE("The timeline loads 50 at a time, newest first, and a five-year pupil opens without loading it all")
{
    PupilPageFixture f(1200);
    QElapsedTimer timer;
    timer.start();
    f.page.showPupil(f.school.historyPupilId);
    EvidenceTimelineModel* model = f.page.timelineModel();
    CHECK(model->rowsFetched() == 0); // not read until its tab is opened
    f.page.tabs()->setCurrentIndex(PupilPage::EvidenceTab);
    const qint64 openMs = timer.elapsed();
    // The page is not on screen, so no view has asked for more than the first page.
    CHECK(model->rowCount() == EvidenceTimelineModel::kPageSize);
    CHECK(model->rowsFetched() == EvidenceTimelineModel::kPageSize);
    CHECK(model->canFetchMore({}));
    CHECK(f.page.tabs()->tabText(PupilPage::EvidenceTab).contains(QStringLiteral("1200")));
    WARN("opening a pupil with 1200 pieces of evidence took " << openMs << " ms");
    CHECK(openMs < 1000);

    model->fetchMore({});
    CHECK(model->rowCount() == 2 * EvidenceTimelineModel::kPageSize);
    CHECK(model->rowsFetched() == 2 * EvidenceTimelineModel::kPageSize);

    while (model->canFetchMore({}))
        model->fetchMore({});
    REQUIRE(model->rowCount() == 1200);
    QSet<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        ids.insert(model->index(row, 0).data(EvidenceTimelineModel::EvidenceIdRole).toLongLong());
        if (row > 0) {
            const QDate newer = model->index(row - 1, 0).data(EvidenceTimelineModel::RecordedOnRole).toDate();
            const QDate older = model->index(row, 0).data(EvidenceTimelineModel::RecordedOnRole).toDate();
            REQUIRE(newer >= older);
        }
    }
    CHECK(ids.size() == 1200); // no piece twice, none missed at page boundaries

    // Showing the evidence tab lets the view fetch only what fills it.
    PupilPageFixture g(1200);
    g.page.showPupil(g.school.historyPupilId);
    g.page.tabs()->setCurrentIndex(PupilPage::EvidenceTab);
    QCoreApplication::processEvents();
    CHECK(g.page.timelineModel()->rowsFetched() <= 2 * EvidenceTimelineModel::kPageSize);
}

TEST_CASE("The evidence detail pane reads the chosen piece in full, lights in words")
{
    PupilPageFixture f(10);
    f.page.showPupil(f.school.pupilId);
    f.page.tabs()->setCurrentIndex(PupilPage::EvidenceTab);
    QTableView* view = f.page.evidence()->view();
    view->setCurrentIndex(f.page.timelineModel()->index(2, 0));
    const QString text = f.page.evidence()->detail()->toPlainText();
    CHECK(text.contains(QStringLiteral("Fractions of amounts")));
    CHECK(text.contains(QStringLiteral("Check the denominator")));
    CHECK(text.contains(QStringLiteral("Teacher: Red (R)")));
    CHECK(text.contains(QStringLiteral("Self: Green (G)")));
}

TEST_CASE("On a demo school with five years of history: open the busiest pupil, edit a target, undo it")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.waymark"));
    DemoOptions options;
    options.pupils = 40;
    options.years = 5;
    options.seed = 7;
    options.today = QDate(2026, 3, 10);
    Database::createAtomically(path, [&](Database& db) { generateDemoSchool(db, options); });

    // The pupil with the most evidence who also has targets, chosen from the file, not assumed.
    RowId pupilId = 0;
    int evidence = 0;
    {
        auto db = Database::open(path, Database::Options{true, 5000});
        auto s = db->prepare("SELECT e.pupil_id, count(*) AS n FROM evidence e WHERE e.deleted = 0 AND EXISTS "
                             "(SELECT 1 FROM target t WHERE t.pupil_id = e.pupil_id AND t.deleted = 0) "
                             "GROUP BY e.pupil_id ORDER BY n DESC, e.pupil_id LIMIT 1");
        REQUIRE(s.step());
        pupilId = s.int64(0);
        evidence = s.integer(1);
    }
    REQUIRE(evidence > 2 * EvidenceTimelineModel::kPageSize);

    auto session = SchoolSession::open(path);
    QUndoStack undo;
    PupilPage page(*session, undo);
    page.setToday(options.today);
    page.resize(1086, 700);
    page.show();
    ModelTestLog log;
    QAbstractItemModelTester targetTester(page.targetModel(), QAbstractItemModelTester::FailureReportingMode::Warning);
    QAbstractItemModelTester timelineTester(page.timelineModel(),
                                            QAbstractItemModelTester::FailureReportingMode::Warning);

    QElapsedTimer timer;
    timer.start();
    page.showPupil(pupilId);
    page.tabs()->setCurrentIndex(PupilPage::EvidenceTab); // the heaviest tab, on show
    QCoreApplication::processEvents();
    const qint64 openMs = timer.elapsed();
    WARN("demo pupil with " << evidence << " pieces of evidence opened in " << openMs << " ms");
    // Only the first page: the model tester itself may ask for one more.
    CHECK(page.timelineModel()->rowsFetched() <= 2 * EvidenceTimelineModel::kPageSize);
    CHECK(page.timelineModel()->rowCount() < evidence);
    CHECK(page.tabs()->tabText(PupilPage::EvidenceTab).contains(QString::number(evidence)));

    TargetModel* targets = page.targetModel();
    REQUIRE(targets->rowCount() > 0);
    const QModelIndex cell = targets->index(0, TargetModel::TextColumn);
    const RowId targetId = cell.data(TargetModel::TargetIdRole).toLongLong();
    const auto before = stored<Target>(path, targetId);
    const QString edited = QStringLiteral("Explain my reasoning in every maths answer.");
    REQUIRE(targets->setData(cell, edited));
    CHECK(stored<Target>(path, targetId)->text == edited);
    CHECK(historyRowsWith(path, "target", before->uuid, "text", before->text) >= 1);
    undo.undo();
    CHECK(stored<Target>(path, targetId)->text == before->text);
    CHECK(targets->index(0, TargetModel::TextColumn).data().toString() == before->text);

    INFO(log.text().toStdString());
    CHECK(log.messages().isEmpty());
}
