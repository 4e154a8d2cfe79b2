#include "app/appcontroller.h"
#include "app/filetasks.h"
#include "app/schooldocument.h"
#include "demo/demogenerator.h"
#include "domain/entities.h"
#include "pupil/pupilpage.h"
#include "pupil/targetmodel.h"
#include "repo/repository.h"
#include "services/schoolsession.h"
#include "settings.h"
#include "shell/mainactions.h"
#include "shell/mainwindow.h"
#include "sidebar/sidebar.h"
#include "sidebar/sidebarfilter.h"
#include "sidebar/sidebarmodel.h"
#include "storage/database.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTest>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace waymark;

TEST_CASE("End to end on a demo school: find a pupil, open them, edit a target, undo it")
{
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    const QDate today(2026, 3, 10);
    const QString path = dir.path(QStringLiteral("demo.waymark"));
    DemoOptions options;
    options.pupils = 40;
    options.seed = 7;
    options.today = today;
    REQUIRE(filetasks::generateDemoSchool(nullptr, path, options));

    // A pupil with an active target, chosen from the file rather than assumed.
    RowId pupilId = 0;
    QString upnText;
    {
        auto db = Database::open(path);
        auto s = db->prepare("SELECT p.id, p.upn FROM pupil p JOIN target t ON t.pupil_id = p.id "
                             "WHERE t.deleted = 0 AND p.deleted = 0 AND p.upn <> '' ORDER BY p.id LIMIT 1");
        REQUIRE(s.step());
        pupilId = s.int64(0);
        upnText = s.text(1);
    }

    Settings settings(dir.path(QStringLiteral("settings.ini")));
    AppController app(settings);
    app.window().setRemembersState(false);
    app.document().setFixedToday(today);
    REQUIRE(app.openSchool(path));
    MainWindow& w = app.window();
    w.resize(1366, 768);
    w.show();
    QAbstractItemModelTester sidebarTester(w.sidebar()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester filterTester(w.sidebar()->filter(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(w.sidebar()->model()->pupilCount() == 40);

    // Ctrl+F, type the UPN, Enter: the pupil's page opens.
    w.actions().focusSearch->trigger();
    QTest::keyClicks(w.sidebar()->searchField(), upnText);
    QTest::keyClick(w.sidebar()->searchField(), Qt::Key_Return);
    REQUIRE(w.pages()->currentWidget() == w.pupilPage());
    REQUIRE(w.pupilPage()->pupilId() == pupilId);

    TargetModel* targets = w.pupilPage()->targetModel();
    REQUIRE(targets->rowCount() > 0);
    const QModelIndex cell = targets->index(0, TargetModel::TextColumn);
    const RowId targetId = cell.data(TargetModel::TargetIdRole).toLongLong();
    const QString before = Repository<Target>(app.document().session()->db()).find(targetId)->text;
    REQUIRE(targets->setData(cell, QStringLiteral("Explain my reasoning in every maths answer.")));
    CHECK(Repository<Target>(app.document().session()->db()).find(targetId)->text ==
          QStringLiteral("Explain my reasoning in every maths answer."));
    CHECK(app.document().undoStack().canUndo());

    // Ctrl+Z through the window's shortcut.
    w.activateWindow();
    QTest::keySequence(&w, QKeySequence::Undo);
    if (app.document().undoStack().canUndo())
        w.actions().undo->trigger(); // offscreen windows may not receive shortcuts
    CHECK(Repository<Target>(app.document().session()->db()).find(targetId)->text == before);
    CHECK(test::waitFor([&] { return targets->index(0, TargetModel::TextColumn).data().toString() == before; }));
}
