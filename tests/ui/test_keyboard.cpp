// Keyboard and focus on every page: Tab walks what is on screen in reading order (the sidebar,
// then the page from top to bottom, left to right across a row); the first Down in a list picks its
// first row; a pupil opened from the dashboard or a group is picked in the sidebar too.
#include "app/appcontroller.h"
#include "app/schooldocument.h"
#include "dashboard/dashboardpage.h"
#include "dashboard/reviewduemodel.h"
#include "group/grouppage.h"
#include "pupil/evidencepanel.h"
#include "pupil/planeditor.h"
#include "pupil/pupilpage.h"
#include "pupil/targetmodel.h"
#include "pupil/targetspanel.h"
#include "settings.h"
#include "shell/mainactions.h"
#include "shell/mainwindow.h"
#include "sidebar/sidebar.h"
#include "sidebar/sidebarfilter.h"
#include "sidebar/sidebarmodel.h"
#include "testsupport.h"
#include "uitestsupport.h"
#include "welcome/welcomedialog.h"
#include "widgets/focusring.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QCommandLinkButton>
#include <QImage>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {

struct Fixture : test::ShellWindowFixture
{
    Fixture() : test::ShellWindowFixture(true) {}
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
        for (int tab :
             {PupilPage::PlanTab, PupilPage::DetailsTab, PupilPage::CharacteristicsTab, PupilPage::EvidenceTab}) {
            page->tabs()->setCurrentIndex(tab);
            QApplication::processEvents();
            checkTabOrder(w, {w.sidebar()->tree(), page->tabs()->tabBar()},
                          QStringLiteral("pupil tab %1").arg(page->tabs()->tabText(tab)));
        }
    }
}

TEST_CASE("The first Down in a list picks its first row, not the second")
{
    Fixture f;
    MainWindow& w = f.window();
    std::vector<std::pair<QString, QAbstractItemView*>> lists;
    SECTION("the dashboard's lists")
    {
        w.showDashboard();
        lists.emplace_back(QStringLiteral("overdue"), w.dashboardPage()->overdueView());
        lists.emplace_back(QStringLiteral("due"), w.dashboardPage()->dueView());
    }
    SECTION("a group's members")
    {
        REQUIRE(w.showGroup(f.school.mathsClass));
        lists.emplace_back(QStringLiteral("group"), w.groupPage()->view());
    }
    SECTION("a pupil's targets and evidence")
    {
        REQUIRE(w.showPupil(f.school.amara));
        PupilPage* page = w.pupilPage();
        lists.emplace_back(QStringLiteral("targets"), page->targets()->view());
        page->tabs()->setCurrentIndex(PupilPage::EvidenceTab);
        QApplication::processEvents();
        lists.emplace_back(QStringLiteral("evidence"), page->evidence()->view());
        page->tabs()->setCurrentIndex(PupilPage::PlanTab);
    }
    for (auto& [name, view] : lists) {
        INFO(name.toStdString());
        if (name == QLatin1String("evidence"))
            w.pupilPage()->tabs()->setCurrentIndex(PupilPage::EvidenceTab);
        QApplication::processEvents();
        if (view->model()->rowCount() == 0)
            continue;
        REQUIRE(view->isVisible());
        view->setFocus(Qt::TabFocusReason);
        QTest::keyClick(view, Qt::Key_Down);
        CHECK(view->currentIndex().row() == 0);
        CHECK(view->selectionModel()->isRowSelected(0, view->currentIndex().parent()));
        QTest::keyClick(view, Qt::Key_Down);
        if (view->model()->rowCount() > 1)
            CHECK(view->currentIndex().row() == 1);
    }
}

TEST_CASE("A pupil opened from the dashboard or a group is the one marked in the sidebar, even after a search")
{
    Fixture f;
    MainWindow& w = f.window();
    Sidebar* sidebar = w.sidebar();
    const auto markedPupil = [&] {
        const QModelIndex current = sidebar->filter()->mapToSource(sidebar->tree()->currentIndex());
        if (!sidebar->tree()->selectionModel()->isSelected(sidebar->tree()->currentIndex()))
            return RowId(0);
        return current.data(SidebarModel::NodeKindRole).toInt() == int(SidebarModel::NodeKind::Pupil)
                   ? RowId(current.data(SidebarModel::RowIdRole).toLongLong())
                   : RowId(-1);
    };
    // The teacher found Ben by searching, and opened him.
    sidebar->setSearchText(QStringLiteral("carter"));
    QTest::keyClick(sidebar->searchField(), Qt::Key_Return);
    REQUIRE(w.pupilPage());
    REQUIRE(w.pupilPage()->pupilId() == f.school.ben);
    CHECK(markedPupil() == f.school.ben);

    SECTION("then Amara from the dashboard's overdue list")
    {
        w.showDashboard();
        DashboardPage* d = w.dashboardPage();
        QAbstractItemModel* list = d->overdueView()->model();
        QModelIndex amara;
        for (int row = 0; row < list->rowCount(); ++row)
            if (list->index(row, 0).data(ReviewDueModel::PupilIdRole).toLongLong() == f.school.amara)
                amara = list->index(row, 0);
        REQUIRE(amara.isValid());
        d->overdueView()->setFocus();
        d->overdueView()->setCurrentIndex(amara);
        QTest::keyClick(d->overdueView(), Qt::Key_Return);
    }
    SECTION("then Amara from her tutor group's page")
    {
        REQUIRE(w.showGroup(f.school.tutor1));
        QAbstractItemModel* members = w.groupPage()->view()->model();
        QModelIndex amara;
        for (int row = 0; row < members->rowCount(); ++row)
            if (members->index(row, 0).data(Qt::DisplayRole).toString().contains(QStringLiteral("Ami")) ||
                members->index(row, 0).data(Qt::DisplayRole).toString().contains(QStringLiteral("Amara")))
                amara = members->index(row, 0);
        REQUIRE(amara.isValid());
        w.groupPage()->view()->setFocus();
        w.groupPage()->view()->setCurrentIndex(amara);
        QTest::keyClick(w.groupPage()->view(), Qt::Key_Return);
    }
    REQUIRE(w.pages()->currentWidget() == w.pupilPage());
    REQUIRE(w.pupilPage()->pupilId() == f.school.amara);
    CHECK(markedPupil() == f.school.amara);
    CHECK(sidebar->searchField()->text().isEmpty());
}

namespace {
// How many pixels of the colour (within a small tolerance) lie on the line from `from` to `to`.
int pixelsOfColour(const QImage& image, QPoint from, QPoint to, const QColor& colour)
{
    int count = 0;
    const int steps = std::max(std::abs(to.x() - from.x()), std::abs(to.y() - from.y()));
    for (int i = 0; i <= steps; ++i) {
        const QPoint p = from + (to - from) * i / std::max(steps, 1);
        const QColor c = image.pixelColor(p);
        if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                std::abs(c.blue() - colour.blue()) <
            40)
            ++count;
    }
    return count;
}
} // namespace

TEST_CASE("Focus shows: the welcome's choices have a ring, and a table marks the current cell, not only the row")
{
    Fixture f;
    SECTION("welcome")
    {
        WelcomeDialog welcome;
        welcome.show();
        REQUIRE(QTest::qWaitForWindowExposed(&welcome));
        welcome.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&welcome));
        const auto choices = welcome.findChildren<QCommandLinkButton*>();
        REQUIRE(choices.size() == 3);
        const QColor ring = welcome.palette().color(QPalette::Active, QPalette::Highlight);
        for (QCommandLinkButton* choice : choices) {
            INFO(choice->accessibleName().toStdString());
            choice->setFocus(Qt::TabFocusReason);
            QApplication::processEvents();
            const QImage focused = choice->grab().toImage();
            const int y = focused.height() / 2;
            const int x = focused.width() / 2;
            // The edges of the focused choice: left and right, top and bottom, all in the ring's colour.
            CHECK(pixelsOfColour(focused, {1, y - 5}, {1, y + 5}, ring) >= 9);
            CHECK(pixelsOfColour(focused, {x - 20, 1}, {x + 20, 1}, ring) >= 35);
            // ... and none of it on another choice.
            QCommandLinkButton* other = choices.at((choices.indexOf(choice) + 1) % choices.size());
            const QImage unfocused = other->grab().toImage();
            CHECK(pixelsOfColour(unfocused, {x - 20, 1}, {x + 20, 1}, ring) < 5);
        }
    }
    SECTION("a ring round the text box, list or table with the keyboard")
    {
        MainWindow& w = f.window();
        REQUIRE(w.showPupil(f.school.amara));
        FocusRing* ring = w.focusRing();
        REQUIRE(ring);
        QPlainTextEdit* strengths = w.pupilPage()->plan()->editor(PlanEditor::Strengths);
        strengths->setFocus(Qt::TabFocusReason);
        QApplication::processEvents();
        CHECK(ring->target() == strengths);
        REQUIRE(ring->isVisible());
        // Drawn in the highlight colour on the box's left edge, all the way down.
        QWidget* parent = strengths->parentWidget();
        const QImage image = parent->grab().toImage();
        const QRect box = strengths->geometry();
        const QColor highlight = w.palette().color(QPalette::Active, QPalette::Highlight);
        CHECK(pixelsOfColour(image, {box.left() + 1, box.top() + 6}, {box.left() + 1, box.bottom() - 6}, highlight) >=
              (box.height() - 12) * 9 / 10);
        w.sidebar()->tree()->setFocus(Qt::TabFocusReason);
        QApplication::processEvents();
        CHECK(ring->target() == w.sidebar()->tree());
        // A line edit marks its own focus: no ring.
        w.sidebar()->searchField()->setFocus(Qt::TabFocusReason);
        QApplication::processEvents();
        CHECK_FALSE(ring->isVisible());
        // The page going (another file opened) takes nothing of the ring with it.
        strengths->setFocus(Qt::TabFocusReason);
        QApplication::processEvents();
        f.app.openSchoolOrThrow(f.school.path);
        QApplication::processEvents();
        CHECK(w.focusRing() != nullptr);
    }
    SECTION("the targets table")
    {
        MainWindow& w = f.window();
        REQUIRE(w.showPupil(f.school.amara));
        QTableView* view = w.pupilPage()->targets()->view();
        REQUIRE(view->model()->rowCount() > 0);
        view->setFocus(Qt::TabFocusReason);
        const QModelIndex cell = view->model()->index(0, 2);
        view->setCurrentIndex(cell);
        QApplication::processEvents();
        const QImage image = view->viewport()->grab().toImage();
        const QRect rect = view->visualRect(cell);
        const QColor ring = view->palette().color(QPalette::Active, QPalette::HighlightedText);
        const int height = rect.height() - 8;
        INFO("cell " << rect.x() << "," << rect.y() << " " << rect.width() << "x" << rect.height());
        // The current cell's left edge is ringed all the way down; its neighbour in the row is not.
        CHECK(pixelsOfColour(image, {rect.left() + 2, rect.top() + 4}, {rect.left() + 2, rect.bottom() - 4}, ring) >=
              height * 9 / 10);
        const QRect neighbour = view->visualRect(view->model()->index(0, 1));
        CHECK(pixelsOfColour(image, {neighbour.left() + 2, neighbour.top() + 4},
                             {neighbour.left() + 2, neighbour.bottom() - 4}, ring) < height / 2);
    }
}

TEST_CASE("Ctrl+Z is the app's Undo wherever the focus is: the search field, a cell being typed in")
{
    Fixture f;
    MainWindow& w = f.window();
    QUndoStack& undo = f.app.document().undoStack();
    REQUIRE(w.showPupil(f.school.amara));
    TargetModel* model = w.pupilPage()->targetModel();
    REQUIRE(model->rowCount() > 0);
    const QModelIndex text = model->index(0, TargetModel::TextColumn);
    const QString original = text.data(Qt::EditRole).toString();

    SECTION("in the search field, Ctrl+Z undoes the last change to the school, not the search typing")
    {
        REQUIRE(model->setData(text, QStringLiteral("Read aloud every day."), Qt::EditRole));
        REQUIRE(undo.canUndo());
        QLineEdit* search = w.sidebar()->searchField();
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("zz"));
        QTest::keyClick(search, Qt::Key_Z, Qt::ControlModifier);
        CHECK(test::waitFor(
            [&] { return model->index(0, TargetModel::TextColumn).data(Qt::EditRole).toString() == original; }));
        CHECK(search->text() == QStringLiteral("zz"));
        QTest::keyClick(search, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        CHECK(test::waitFor([&] {
            return model->index(0, TargetModel::TextColumn).data(Qt::EditRole).toString() ==
                   QStringLiteral("Read aloud every day.");
        }));
    }
    SECTION("in a cell being typed in, the typing becomes a step and Ctrl+Z takes it back; Ctrl+Y puts it again")
    {
        QTableView* view = w.pupilPage()->targets()->view();
        view->setFocus();
        view->setCurrentIndex(text);
        view->edit(text);
        auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        REQUIRE(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Use a number line"));
        const int steps = undo.count();
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
        CHECK(undo.count() == steps + 1); // the typing was written as a step, then undone
        CHECK(model->index(0, TargetModel::TextColumn).data(Qt::EditRole).toString() == original);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Y, Qt::ControlModifier);
        CHECK(model->index(0, TargetModel::TextColumn).data(Qt::EditRole).toString() ==
              QStringLiteral("Use a number line"));
    }
}

TEST_CASE("A tab chosen by its Alt+letter takes the keyboard into it")
{
    Fixture f;
    MainWindow& w = f.window();
    REQUIRE(w.showPupil(f.school.amara));
    PupilPage* page = w.pupilPage();
    w.sidebar()->searchField()->setFocus();
    QTest::keyClick(w.sidebar()->searchField(), Qt::Key_I, Qt::AltModifier);
    REQUIRE(page->tabs()->currentIndex() == PupilPage::EvidenceTab);
    CHECK(QApplication::focusWidget() == page->evidence()->view());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_P, Qt::AltModifier);
    REQUIRE(page->tabs()->currentIndex() == PupilPage::PlanTab);
    CHECK(QApplication::focusWidget() == page->targets()->view()); // where Insert adds a target
}

TEST_CASE("The sidebar marks who is on show: nobody on the dashboard, and while searching the one Enter opens")
{
    Fixture f;
    MainWindow& w = f.window();
    Sidebar* sidebar = w.sidebar();
    REQUIRE(w.showPupil(f.school.amara));
    CHECK(sidebar->tree()->selectionModel()->hasSelection());
    w.actions().dashboard->trigger();
    CHECK_FALSE(sidebar->tree()->selectionModel()->hasSelection());

    sidebar->setSearchText(QStringLiteral("carter"));
    const QModelIndex marked = sidebar->filter()->mapToSource(sidebar->tree()->currentIndex());
    CHECK(marked.data(SidebarModel::NodeKindRole).toInt() == int(SidebarModel::NodeKind::Pupil));
    CHECK(marked.data(SidebarModel::RowIdRole).toLongLong() == f.school.ben);
}
