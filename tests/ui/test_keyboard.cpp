// Keyboard and focus on every page: Tab walks what is on screen in reading order (the sidebar,
// then the page from top to bottom, left to right across a row); the first Down in a list picks its
// first row; a pupil opened from the dashboard or a group is picked in the sidebar too.
#include "app/appcontroller.h"
#include "app/schooldocument.h"
#include "dashboard/dashboardpage.h"
#include "dashboard/reviewduemodel.h"
#include "group/grouppage.h"
#include "pupil/pupilpage.h"
#include "settings.h"
#include "shell/mainactions.h"
#include "shell/mainwindow.h"
#include "sidebar/sidebar.h"
#include "sidebar/sidebarfilter.h"
#include "sidebar/sidebarmodel.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {

struct Fixture
{
    test::TempDir dir;
    test::ShellSchool school = test::buildShellSchool(dir.path(QStringLiteral("oakfield.waymark")));
    Settings settings{dir.path(QStringLiteral("settings.ini"))};
    AppController app{settings};

    Fixture()
    {
        test::isolateUserFolders(dir.path(QStringLiteral("home")));
        app.document().setFixedToday(school.today);
        app.window().setRemembersState(false);
        app.openSchoolOrThrow(school.path);
        app.window().resize(1366, 768);
        app.window().show();
        app.window().activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&app.window()));
    }
    MainWindow& window() { return app.window(); }
};

QString describe(const QWidget* w)
{
    QString name = w->accessibleName();
    if (name.isEmpty())
        name = w->objectName();
    return QStringLiteral("%1 “%2”").arg(QString::fromLatin1(w->metaObject()->className()), name);
}

// Where a widget is on screen, in the window's coordinates.
QRect placeOf(const QWidget* w)
{
    return QRect(w->mapTo(w->window(), QPoint(0, 0)), w->size());
}

// True if going from a to b goes back against the reading order: to the left within a row (their
// heights overlap), or up the screen, unless b starts a column to the right of a (a form laid out
// in two columns is read down the first, then down the second).
bool goesBack(const QRect& a, const QRect& b)
{
    const bool sideBySide = a.top() < b.bottom() && b.top() < a.bottom();
    if (sideBySide)
        return b.left() < a.left();
    const bool up = b.bottom() <= a.top();
    const bool nextColumn = b.left() >= a.right();
    return up && !nextColumn;
}

// Presses Tab from `start` until the focus comes back round (or leaves the window), and returns
// every widget that took the focus on the way.
std::vector<QWidget*> tabChain(QWidget* start)
{
    start->setFocus(Qt::TabFocusReason);
    REQUIRE(QApplication::focusWidget() == start);
    std::vector<QWidget*> chain{start};
    for (int i = 0; i < 100; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget* now = QApplication::focusWidget();
        if (!now || now == start || std::find(chain.begin(), chain.end(), now) != chain.end())
            break;
        chain.push_back(now);
    }
    return chain;
}

// Walks the Tab chain from the search field and checks that each step goes on in reading order,
// and that every widget in `mustReach` is reached.
void checkTabOrder(MainWindow& w, const std::vector<QWidget*>& mustReach, const QString& page)
{
    const std::vector<QWidget*> chain = tabChain(w.sidebar()->searchField());
    QStringList walked;
    for (QWidget* widget : chain)
        walked << describe(widget);
    INFO(page.toStdString() << ": Tab walks " << walked.join(QStringLiteral(" → ")).toStdString());
    REQUIRE(chain.size() >= 3);
    for (std::size_t i = 1; i < chain.size(); ++i) {
        INFO("from " << describe(chain[i - 1]).toStdString() << " to " << describe(chain[i]).toStdString());
        CHECK_FALSE(goesBack(placeOf(chain[i - 1]), placeOf(chain[i])));
    }
    for (QWidget* widget : mustReach) {
        INFO("reaches " << describe(widget).toStdString());
        CHECK(std::find(chain.begin(), chain.end(), widget) != chain.end());
    }
}

} // namespace

TEST_CASE("Tab follows the screen on the dashboard, a group's page and every tab of a pupil's page")
{
    Fixture f;
    MainWindow& w = f.window();

    SECTION("the dashboard")
    {
        w.showDashboard();
        checkTabOrder(w, {w.sidebar()->tree(), w.dashboardPage()->overdueView(), w.dashboardPage()->dueView()},
                      QStringLiteral("dashboard"));
    }
    SECTION("a group")
    {
        REQUIRE(w.showGroup(f.school.tutor1));
        checkTabOrder(w, {w.sidebar()->tree(), w.groupPage()->view()}, QStringLiteral("group"));
    }
    SECTION("a pupil, each tab")
    {
        REQUIRE(w.showPupil(f.school.amara));
        PupilPage* page = w.pupilPage();
        for (int tab : {PupilPage::PlanTab, PupilPage::DetailsTab, PupilPage::CharacteristicsTab, PupilPage::EvidenceTab}) {
            page->tabs()->setCurrentIndex(tab);
            QApplication::processEvents();
            checkTabOrder(w, {w.sidebar()->tree(), page->tabs()->tabBar()},
                          QStringLiteral("pupil tab %1").arg(page->tabs()->tabText(tab)));
        }
    }
}
