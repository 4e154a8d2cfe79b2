#include "app/appcontroller.h"
#include "app/schooldocument.h"
#include "dashboard/dashboardpage.h"
#include "pupil/pupilpage.h"
#include "queries/dashboardqueries.h"
#include "queries/rosterqueries.h"
#include "services/schoolsession.h"
#include "settings.h"
#include "shell/mainwindow.h"
#include "sidebar/sidebar.h"
#include "sidebar/sidebarfilter.h"
#include "sidebar/sidebarmodel.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QTest>

#include <catch2/catch.hpp>

using namespace waymark;

// Timings on a large school (e.g. `waymark-cli demo --pupils 1500 --years 5 big.waymark`), named by
// WAYMARK_BIG_SCHOOL. Hidden from the normal run: `test_shell_models "[perf]"`.
TEST_CASE("Shell timings on a large school", "[.][perf]")
{
    const QString path = qEnvironmentVariable("WAYMARK_BIG_SCHOOL");
    if (path.isEmpty())
        WAYMARK_SKIP("set WAYMARK_BIG_SCHOOL to a large school file");
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    Settings settings(dir.path(QStringLiteral("settings.ini")));
    QElapsedTimer timer;

    timer.start();
    AppController app(settings);
    app.window().setRemembersState(false);
    app.openSchoolOrThrow(path);
    app.window().resize(1366, 768);
    app.window().show();
    QApplication::processEvents();
    WARN("open + first layout: " << timer.elapsed() << " ms");
    MainWindow& w = app.window();
    WARN("pupils on roll: " << w.sidebar()->model()->pupilCount()
                            << ", sidebar rows in tree: " << w.sidebar()->model()->rowCount());

    timer.restart();
    w.sidebar()->reload();
    WARN("sidebar reload: " << timer.elapsed() << " ms");

    {
        SchoolSession& session = *app.document().session();
        const QDate today = app.document().today();
        timer.restart();
        const auto facts = reviewFacts(session.db(), today, rosterYear(session.db(), today));
        WARN("reviewFacts: " << timer.elapsed() << " ms");
        timer.restart();
        schoolCounts(session.db(), today, 2026, today.addDays(-21), today);
        WARN("schoolCounts: " << timer.elapsed() << " ms");
        timer.restart();
        const auto due = reviewsDue(session.calendar(), facts, today);
        WARN("reviewsDue over " << facts.size() << " pupils: " << timer.elapsed() << " ms");
    }
    timer.restart();
    w.dashboardPage()->refresh();
    WARN("dashboard refresh: " << timer.elapsed() << " ms");

    w.sidebar()->focusSearch();
    qint64 worst = 0;
    for (const QChar c : QStringLiteral("smith j")) {
        timer.restart();
        QTest::keyClick(w.sidebar()->searchField(), c.toLatin1());
        QApplication::processEvents();
        worst = std::max(worst, timer.elapsed());
    }
    WARN("worst keystroke while searching (filter + expand + paint): " << worst << " ms");
    timer.restart();
    w.sidebar()->searchField()->clear();
    QApplication::processEvents();
    WARN("clearing the search: " << timer.elapsed() << " ms");

    const auto pupils = pupilsOnRoll(app.document().session()->db(), app.document().today());
    REQUIRE_FALSE(pupils.empty());
    qint64 worstPupil = 0;
    for (std::size_t i = 0; i < pupils.size(); i += pupils.size() / 10 + 1) {
        timer.restart();
        REQUIRE(w.showPupil(pupils[i].id));
        QApplication::processEvents();
        worstPupil = std::max(worstPupil, timer.elapsed());
    }
    WARN("worst pupil page open: " << worstPupil << " ms");
}
