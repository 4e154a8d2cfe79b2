// The window on a laptop's screen at 100%, 125%, 150% and 200%, and on a 1024×700 screen. CTest
// runs this file once per screen (see CMakeLists.txt): QT_SCALE_FACTOR and an offscreen screen of
// the laptop's size are set before the application starts.
//
// What a teacher must never see: a column of words squeezed to "T…", a status cut to "Not ye…hieved",
// a name or a date cut short, or a window taller than the screen. Pictures of every page are saved
// beside the test (WAYMARK_SHOTS_DIR, or the working folder) for a person to look at.
#include "app/appcontroller.h"
#include "app/filetasks.h"
#include "app/schooldocument.h"
#include "dashboard/dashboardpage.h"
#include "dashboard/reviewduemodel.h"
#include "demo/demogenerator.h"
#include "domain/enums.h"
#include "pupil/characteristicspanel.h"
#include "pupil/detailsform.h"
#include "pupil/evidencepanel.h"
#include "pupil/evidencetimelinemodel.h"
#include "pupil/pupilpage.h"
#include "pupil/targetmodel.h"
#include "pupil/targetspanel.h"
#include "settings.h"
#include "setup/schooldetailsdialog.h"
#include "shell/mainwindow.h"
#include "storage/database.h"
#include "testsupport.h"
#include "uitestsupport.h"
#include "welcome/newschooldialog.h"
#include "welcome/welcomedialog.h"
#include "widgets/columnlayout.h"

#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeView>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {

QString scaleName()
{
    const QString scale = qEnvironmentVariable("QT_SCALE_FACTOR", QStringLiteral("1"));
    const QSize screen =
        QGuiApplication::primaryScreen()->size() * QGuiApplication::primaryScreen()->devicePixelRatio();
    return QStringLiteral("%1x%2-at-%3").arg(screen.width()).arg(screen.height()).arg(scale);
}

void savePicture(QWidget& window, const QString& page)
{
    const QString folder = qEnvironmentVariable("WAYMARK_SHOTS_DIR", QDir::currentPath());
    window.grab().save(QDir(folder).filePath(QStringLiteral("scaling-%1-%2.png").arg(scaleName(), page)));
}

// The narrowest a column of words may be: ten average characters, two or three short words.
int readable(const QAbstractItemView& view)
{
    return view.fontMetrics().averageCharWidth() * 10;
}

int widestWord(const QFontMetrics& fm, const QString& text)
{
    int widest = 0;
    for (const QString& word : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
        widest = std::max(widest, fm.horizontalAdvance(word));
    return widest;
}

// Every column shown: as wide as a readable line, or as its content where that is shorter. In a
// table that wraps, a word must fit whole; in one that does not, the whole value must.
void checkColumns(const QAbstractItemView& view, const QHeaderView& header, const QString& what,
                  const QSet<int>& iconColumns = {})
{
    const QAbstractItemModel& model = *view.model();
    const QFontMetrics fm = view.fontMetrics();
    const int rows = std::min(model.rowCount(), 40);
    const bool wraps = [&] {
        if (auto* table = qobject_cast<const QTableView*>(&view))
            return table->wordWrap();
        return qobject_cast<const QTreeView*>(&view)->wordWrap();
    }();
    for (int c = 0; c < model.columnCount(); ++c) {
        if (header.isSectionHidden(c) || iconColumns.contains(c))
            continue;
        int content = 0;
        for (int r = 0; r < rows; ++r) {
            const QModelIndex index = model.index(r, c);
            const QString text = index.data(Qt::DisplayRole).toString();
            int width = wraps ? widestWord(fm, text) : fm.horizontalAdvance(text);
            if (!index.data(Qt::DecorationRole).isNull())
                width += view.iconSize().isValid() ? view.iconSize().width() : fm.height();
            content = std::max(content, width);
        }
        const QString title = model.headerData(c, Qt::Horizontal).toString();
        INFO(what.toStdString() << ", column \"" << title.toStdString() << "\": " << header.sectionSize(c)
                                << " wide; content " << content << ", readable " << readable(view));
        CHECK(header.sectionSize(c) >= std::min(readable(view), content + 4));
    }
}

struct Fixture
{
    test::TempDir dir;
    QString path = dir.path(QStringLiteral("demo.waymark"));
    QDate today{2026, 11, 23};
    RowId pupilId = 0;
    Settings settings{dir.path(QStringLiteral("settings.ini"))};
    std::unique_ptr<AppController> app;

    Fixture()
    {
        test::isolateUserFolders(dir.path(QStringLiteral("home")));
        DemoOptions options;
        options.pupils = 40;
        options.years = 2;
        options.seed = 7;
        options.today = today;
        REQUIRE(filetasks::generateDemoSchool(nullptr, path, options));
        {
            // The pupil with the most targets, long words and earlier years among them.
            auto db = Database::open(path);
            auto s = db->prepare("SELECT p.id FROM pupil p JOIN target t ON t.pupil_id = p.id AND t.deleted = 0 "
                                 "WHERE p.deleted = 0 AND p.left_on IS NULL GROUP BY p.id "
                                 "ORDER BY count(*) DESC, p.id LIMIT 1");
            REQUIRE(s.step());
            pupilId = s.int64(0);
        }
        app = std::make_unique<AppController>(settings);
        app->window().setRemembersState(false);
        app->document().setFixedToday(today);
        REQUIRE(app->openSchool(path));
        // The window a teacher gets: the screen, up to 1366×768 in the screen's own units.
        const QSize screen = QGuiApplication::primaryScreen()->availableGeometry().size();
        app->window().resize(screen.boundedTo(QSize(1366, 768)));
        app->window().show();
        settle();
    }

    static void settle()
    {
        for (int i = 0; i < 5; ++i)
            QApplication::processEvents();
    }
};

} // namespace

TEST_CASE("The window fits the screen at every scale")
{
    Fixture f;
    const QSize screen = QGuiApplication::primaryScreen()->availableGeometry().size();
    MainWindow& w = f.app->window();
    INFO("screen " << screen.width() << "x" << screen.height() << " (" << scaleName().toStdString() << ")");
    REQUIRE(w.showPupil(f.pupilId));
    f.settle();
    const QSize least = w.minimumSizeHint();
    INFO("the window needs at least " << least.width() << "x" << least.height());
    CHECK(least.width() <= screen.width());
    CHECK(least.height() <= screen.height());
    CHECK(w.width() <= screen.width());
    CHECK(w.height() <= screen.height());
}

TEST_CASE("No column of words or values is cut to nothing at this scale")
{
    Fixture f;
    MainWindow& w = f.app->window();

    SECTION("the dashboard's review lists")
    {
        w.showDashboard();
        f.settle();
        savePicture(w, QStringLiteral("dashboard"));
        DashboardPage* d = w.dashboardPage();
        REQUIRE(d->dueModel()->rowCount() > 0);
        checkColumns(*d->dueView(), *d->dueView()->header(), QStringLiteral("reviews due"));
        if (d->overdueModel()->rowCount() > 0)
            checkColumns(*d->overdueView(), *d->overdueView()->header(), QStringLiteral("overdue reviews"));
    }

    SECTION("the targets, with earlier years unfolded, a long area and every status")
    {
        REQUIRE(w.showPupil(f.pupilId));
        PupilPage* page = w.pupilPage();
        TargetModel* model = page->targetModel();
        model->setShowEarlier(true);
        f.settle();
        REQUIRE(model->rowCount() >= 3);
        // Every status shows somewhere, and an area typed longer than the column widens it.
        int row = 0;
        for (TargetStatus status : allValues<TargetStatus>()) {
            REQUIRE(model->setData(model->index(row % model->rowCount(), TargetModel::StatusColumn),
                                   static_cast<int>(status), Qt::EditRole));
            ++row;
        }
        REQUIRE(model->setData(model->index(0, TargetModel::AreaColumn),
                               QStringLiteral("Communication and interaction"), Qt::EditRole));
        f.settle();
        savePicture(w, QStringLiteral("targets"));
        QTableView* view = page->targets()->view();
        checkColumns(*view, *view->horizontalHeader(), QStringLiteral("targets"));
        // The words columns share the room, each at least a readable line.
        for (int c : {TargetModel::TextColumn, TargetModel::SuccessColumn, TargetModel::SupportColumn}) {
            INFO("column " << c << " is " << view->horizontalHeader()->sectionSize(c) << " wide");
            CHECK(page->targets()->columns().isShared(c));
            CHECK(view->horizontalHeader()->sectionSize(c) >= view->fontMetrics().averageCharWidth() * 14);
        }
        // Statuses, dates and the new area are never cut (wrapping aside).
        const QFontMetrics fm = view->fontMetrics();
        const int icon = view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view);
        for (TargetStatus status : allValues<TargetStatus>()) {
            INFO(displayName(status).toStdString());
            CHECK(view->horizontalHeader()->sectionSize(TargetModel::StatusColumn) >=
                  fm.horizontalAdvance(displayName(status)) + icon + 4);
        }
        CHECK(view->horizontalHeader()->sectionSize(TargetModel::AreaColumn) >=
              fm.horizontalAdvance(QStringLiteral("Communication")) + 4);
        const int date = fm.horizontalAdvance(QLocale().toString(QDate(2026, 12, 28), QLocale::ShortFormat));
        CHECK(view->horizontalHeader()->sectionSize(TargetModel::SetOnColumn) >= date + 4);
        CHECK(view->horizontalHeader()->sectionSize(TargetModel::ReviewByColumn) >= date + 4);
    }

    SECTION("the details and characteristics tabs: no scrolling sideways")
    {
        REQUIRE(w.showPupil(f.pupilId));
        PupilPage* page = w.pupilPage();
        for (int tab : {PupilPage::DetailsTab, PupilPage::CharacteristicsTab}) {
            page->tabs()->setCurrentIndex(tab);
            f.settle();
            QWidget* content = tab == PupilPage::DetailsTab ? static_cast<QWidget*>(page->details())
                                                            : static_cast<QWidget*>(page->characteristics());
            auto* area = qobject_cast<QScrollArea*>(content->parentWidget()->parentWidget());
            REQUIRE(area);
            savePicture(w,
                        tab == PupilPage::DetailsTab ? QStringLiteral("details") : QStringLiteral("characteristics"));
            INFO("tab " << tab << ": content needs " << content->minimumSizeHint().width() << ", the tab has "
                        << area->viewport()->width());
            CHECK_FALSE(area->horizontalScrollBar()->isVisible());
        }
    }

    SECTION("the evidence timeline")
    {
        REQUIRE(w.showPupil(f.pupilId));
        PupilPage* page = w.pupilPage();
        page->tabs()->setCurrentIndex(PupilPage::EvidenceTab);
        f.settle();
        EvidencePanel* evidence = page->evidence();
        REQUIRE(evidence->view()->model()->rowCount() > 0);
        evidence->view()->setCurrentIndex(evidence->view()->model()->index(0, 0));
        f.settle();
        savePicture(w, QStringLiteral("evidence"));
        // The piece in full: beside the list on a wide tab, below it on a narrow one, never squeezed.
        const QRect list = evidence->view()->geometry();
        const QRect pane = evidence->detail()->geometry();
        const int em = evidence->fontMetrics().horizontalAdvance(QLatin1Char('M'));
        INFO("tab " << evidence->width() << " wide (" << evidence->width() / em << " em)");
        if (evidence->width() < em * 70)
            CHECK(pane.top() >= list.bottom());
        else
            CHECK(pane.left() >= list.right());
        CHECK(evidence->detail()->width() >= em * 16);
        // The lights are pictures; the rest is words.
        checkColumns(*evidence->view(), *evidence->view()->horizontalHeader(), QStringLiteral("evidence"),
                     {EvidenceTimelineModel::TeacherLightColumn, EvidenceTimelineModel::SelfLightColumn,
                      EvidenceTimelineModel::PeerLightColumn});
    }
}

TEST_CASE("The dialogs fit the screen at this scale")
{
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    const QSize screen = QGuiApplication::primaryScreen()->availableGeometry().size();
    WelcomeDialog welcome;
    NewSchoolDialog newSchool(dir.path());
    setup::SchoolDetails details;
    details.name = QStringLiteral("Castle View Academy");
    SchoolDetailsDialog schoolDetails(details);
    for (QDialog* dialog : std::initializer_list<QDialog*>{&welcome, &newSchool, &schoolDetails}) {
        dialog->show();
        QApplication::processEvents();
        INFO(dialog->windowTitle().toStdString() << ": " << dialog->width() << "x" << dialog->height() << " on "
                                                 << screen.width() << "x" << screen.height());
        CHECK(dialog->minimumSizeHint().width() <= screen.width());
        CHECK(dialog->minimumSizeHint().height() <= screen.height());
        CHECK(dialog->height() <= screen.height());
        const QString folder = qEnvironmentVariable("WAYMARK_SHOTS_DIR", QDir::currentPath());
        dialog->grab().save(QDir(folder).filePath(
            QStringLiteral("scaling-%1-dialog-%2.png")
                .arg(scaleName(),
                     QString::fromLatin1(dialog->metaObject()->className()).section(QStringLiteral("::"), -1))));
        dialog->hide();
    }
}
