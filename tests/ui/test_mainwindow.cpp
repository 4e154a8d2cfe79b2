#include "app/appcontroller.h"
#include "app/commandline.h"
#include "app/schooldocument.h"
#include "app/version.h"
#include "dashboard/dashboardpage.h"
#include "dashboard/reviewduemodel.h"
#include "domain/entities.h"
#include "group/grouppage.h"
#include "pupil/pupilpage.h"
#include "pupil/targetmodel.h"
#include "repo/repository.h"
#include "services/schoolsession.h"
#include "settings.h"
#include "shell/mainactions.h"
#include "shell/mainwindow.h"
#include "shell/messagebanner.h"
#include "sidebar/sidebar.h"
#include "sidebar/sidebarfilter.h"
#include "sidebar/sidebarmodel.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/transaction.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QAction>
#include <QTabWidget>
#include <QTabBar>
#include <QMultiMap>
#include <QMenuBar>
#include <QDir>
#include <QLabel>
#include <QStatusBar>
#include <QAbstractButton>
#include <QLineEdit>
#include <QMessageBox>
#include <QStackedWidget>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {
using Fixture = test::ShellWindowFixture;
} // namespace

TEST_CASE("The main window shows the open school: title, dashboard first, sidebar filled")
{
    Fixture f;
    MainWindow& w = f.window();
    CHECK(w.windowTitle().contains(f.school.schoolName));
    CHECK(w.windowTitle().contains(QStringLiteral("oakfield.waymark")));
    CHECK_FALSE(w.windowTitle().contains(QStringLiteral("read-only")));
    CHECK(w.pages()->currentWidget() == w.dashboardPage());
    CHECK(w.sidebar()->model()->pupilCount() == f.school.pupilsOnRoll);
    CHECK_FALSE(w.readOnlyBanner()->isVisible());
    CHECK(w.actions().backUp->isEnabled());
    CHECK(f.settings.recentFiles().value(0).endsWith(QStringLiteral("oakfield.waymark")));
}

TEST_CASE("Keyboard: Ctrl+F finds a pupil, Enter opens them, a group opens its page, Ctrl+1 the dashboard")
{
    Fixture f;
    MainWindow& w = f.window();
    w.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w));

    w.actions().focusSearch->trigger();
    CHECK(w.sidebar()->searchField()->hasFocus());
    QTest::keyClicks(w.sidebar()->searchField(), QStringLiteral("carter"));
    QTest::keyClick(w.sidebar()->searchField(), Qt::Key_Return);
    REQUIRE(w.pupilPage());
    CHECK(w.pages()->currentWidget() == w.pupilPage());
    CHECK(w.pupilPage()->pupilId() == f.school.ben);

    w.sidebar()->searchField()->clear();
    QTreeView* tree = w.sidebar()->tree();
    const QModelIndex group =
        w.sidebar()->filter()->mapFromSource(w.sidebar()->model()->groupIndex(f.school.scienceSet));
    tree->setFocus();
    tree->setCurrentIndex(group);
    QTest::keyClick(tree, Qt::Key_Return);
    CHECK(w.pages()->currentWidget() == w.groupPage());
    CHECK(w.groupPage()->groupId() == f.school.scienceSet);

    w.actions().dashboard->trigger();
    CHECK(w.pages()->currentWidget() == w.dashboardPage());
}

TEST_CASE("Going to a place (--show): a pupil by UPN, a group by name, the dashboard; unknown places are named")
{
    Fixture f;
    MainWindow& w = f.window();
    CHECK(w.showPlace(ShowTarget{ShowTarget::Kind::Pupil, f.school.amaraUpn}).isEmpty());
    CHECK(w.pupilPage()->pupilId() == f.school.amara);
    CHECK(w.pages()->currentWidget() == w.pupilPage());
    // The sidebar follows, so the teacher sees where they are.
    const QModelIndex current = w.sidebar()->filter()->mapToSource(w.sidebar()->tree()->currentIndex());
    CHECK(current.data(SidebarModel::RowIdRole).toLongLong() == f.school.amara);

    CHECK(w.showPlace(ShowTarget{ShowTarget::Kind::Group, QStringLiteral("9sc/X")}).isEmpty());
    CHECK(w.groupPage()->groupId() == f.school.scienceSet);
    CHECK(w.showPlace(ShowTarget{ShowTarget::Kind::Dashboard, {}}).isEmpty());
    CHECK(w.pages()->currentWidget() == w.dashboardPage());

    const QString noPupil = w.showPlace(ShowTarget{ShowTarget::Kind::Pupil, QStringLiteral("A801200005999")});
    CHECK(noPupil.contains(QStringLiteral("A801200005999")));
    const QString noGroup = w.showPlace(ShowTarget{ShowTarget::Kind::Group, QStringLiteral("8T1")});
    CHECK(noGroup.contains(QStringLiteral("8T1"))); // last year's group is not this year's
    CHECK(w.pages()->currentWidget() == w.dashboardPage());
}

TEST_CASE("Starting on a pupil reads only what is on show: the dashboard waits until it is opened")
{
    test::TempDir dir;
    const test::ShellSchool school = test::buildShellSchool(dir.path(QStringLiteral("oakfield.waymark")));
    {
        // Enough pupils listed before and after Amara Okafor that she can be scrolled to the middle.
        auto db = Database::open(school.path);
        Transaction write(*db, Transaction::Kind::Write);
        for (int i = 0; i < 120; ++i) {
            Pupil p;
            p.legalGivenName = QStringLiteral("Sam");
            p.legalFamilyName = QStringLiteral("%1 %2").arg(i % 2 ? u"Adams" : u"Young").arg(i, 3, 10, QLatin1Char('0'));
            Repository<Pupil>(*db).insert(p);
        }
        write.commit();
    }
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    Settings settings{dir.path(QStringLiteral("settings.ini"))};
    AppController app{settings};
    app.window().setRemembersState(false);
    CommandLine commandLine;
    commandLine.file = school.path;
    commandLine.show = ShowTarget{ShowTarget::Kind::Pupil, school.amaraUpn};
    commandLine.today = school.today; // --today
    REQUIRE_FALSE(app.start(commandLine).has_value());
    CHECK(app.document().today() == school.today);
    MainWindow& w = app.window();
    REQUIRE(QTest::qWaitForWindowExposed(&w));

    CHECK(w.pages()->currentWidget() == w.pupilPage());
    CHECK(w.pupilPage()->pupilId() == school.amara);
    CHECK(w.dashboardPage()->isStale());
    CHECK(w.dashboardPage()->overdueModel()->rowCount() == 0); // never read
    // The pupil chosen before the window had a size is centred in the sidebar once it has one, with
    // the pupils around them in view.
    QTreeView* tree = w.sidebar()->tree();
    const QRect row = tree->visualRect(tree->currentIndex());
    CHECK(tree->viewport()->rect().contains(row));
    CHECK(std::abs(row.center().y() - tree->viewport()->height() / 2) <= row.height());

    w.actions().dashboard->trigger();
    CHECK(w.pages()->currentWidget() == w.dashboardPage());
    CHECK_FALSE(w.dashboardPage()->isStale());
    CHECK(w.dashboardPage()->overdueModel()->rowCount() == 1);
    CHECK(w.dashboardPage()->dueModel()->rowCount() == 4 + 120); // never reviewed: due this half-term
}

namespace {
// The letter a text's "&" underlines (lower case), or 0. "&&" is a literal ampersand.
QChar mnemonicOf(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

// Every Alt+letter that is live in the window as it stands: menus, tab titles, and the visible
// buttons and labels (with a buddy) of the page on show, each with who claims it.
QMultiMap<QChar, QString> liveMnemonics(MainWindow& w)
{
    QMultiMap<QChar, QString> out;
    auto add = [&](const QString& text) {
        if (const QChar c = mnemonicOf(text); !c.isNull())
            out.insert(c, text);
    };
    for (QAction* menu : w.menuBar()->actions())
        add(menu->text());
    for (QTabBar* bar : w.findChildren<QTabBar*>()) {
        if (bar->isVisible())
            for (int i = 0; i < bar->count(); ++i)
                add(bar->tabText(i));
    }
    for (QAbstractButton* button : w.findChildren<QAbstractButton*>()) {
        if (button->isVisible())
            add(button->text());
    }
    for (QLabel* label : w.findChildren<QLabel*>()) {
        if (label->isVisible() && label->buddy())
            add(label->text());
    }
    return out;
}
} // namespace

TEST_CASE("Keyboard: no two Alt+letters clash on any tab of the pupil page, menus included")
{
    Fixture f;
    MainWindow& w = f.window();
    REQUIRE(w.showPupil(f.school.amara));
    PupilPage* page = w.pupilPage();
    for (int tab = 0; tab < page->tabs()->count(); ++tab) {
        page->tabs()->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        const QMultiMap<QChar, QString> live = liveMnemonics(w);
        for (const QChar letter : live.uniqueKeys()) {
            INFO("tab " << page->tabs()->tabText(tab).toStdString() << ", Alt+" << QString(letter).toStdString()
                        << ": " << QStringList(live.values(letter)).join(QStringLiteral(" | ")).toStdString());
            CHECK(live.count(letter) == 1);
        }
    }
}

TEST_CASE("Edits go on the school's undo stack; Edit ▸ Undo names and reverts them; another file clears it")
{
    Fixture f;
    MainWindow& w = f.window();
    REQUIRE(w.showPupil(f.school.amara));
    TargetModel* targets = w.pupilPage()->targetModel();
    REQUIRE(targets->rowCount() >= 1);
    const QModelIndex text = targets->index(0, TargetModel::TextColumn);
    const QString before = text.data(Qt::EditRole).toString();
    const RowId targetId = text.data(TargetModel::TargetIdRole).toLongLong();

    REQUIRE(targets->setData(text, QStringLiteral("Read aloud every night.")));
    QUndoStack& undo = f.app.document().undoStack();
    CHECK(undo.count() == 1);
    CHECK(w.actions().undo->isEnabled());
    CHECK(w.actions().undo->text().startsWith(QStringLiteral("&Undo ")));
    CHECK(Repository<Target>(f.app.document().session()->db()).find(targetId)->text ==
          QStringLiteral("Read aloud every night."));

    w.actions().undo->trigger();
    CHECK(Repository<Target>(f.app.document().session()->db()).find(targetId)->text == before);
    CHECK(w.actions().redo->isEnabled());

    // Opening another school starts a fresh history: these commands belong to the old file.
    const auto other = test::buildShellSchool(f.dir.path(QStringLiteral("other.waymark")));
    f.app.openSchoolOrThrow(other.path);
    CHECK(undo.count() == 0);
    CHECK_FALSE(w.actions().undo->isEnabled());
    CHECK(w.windowTitle().contains(QStringLiteral("other.waymark")));
}

TEST_CASE("A write to the file refreshes the sidebar and the dashboard")
{
    Fixture f;
    MainWindow& w = f.window();
    Pupil p;
    p.legalGivenName = QStringLiteral("Zara");
    p.legalFamilyName = QStringLiteral("Adeyemi");
    Repository<Pupil>(f.app.document().session()->db()).insert(p);
    CHECK(test::waitFor([&] { return w.sidebar()->model()->pupilCount() == f.school.pupilsOnRoll + 1; }));
    // Zara has never been reviewed, so she is due by the end of this half-term.
    CHECK(test::waitFor([&] { return w.dashboardPage()->dueModel()->rowCount() == 5; }));
}

TEST_CASE("Help ▸ About names the version, the licence, the file and its version")
{
    Fixture f;
    QString shown;
    test::answerNextModal([&](QWidget* box) {
        shown = test::messageBoxText(box);
        box->close();
    });
    f.window().actions().about->trigger();
    CHECK(shown.contains(appVersion()));
    CHECK(shown.contains(QStringLiteral("GPL-3.0-or-later")));
    CHECK(shown.contains(QStringLiteral("oakfield.waymark")));
    CHECK(shown.contains(QStringLiteral("File version: %1").arg(Migrations::currentVersion())));
}

TEST_CASE("The window fits a 1366×768 screen")
{
    Fixture f;
    MainWindow& w = f.window();
    const QSize minimum = w.minimumSizeHint();
    CHECK(minimum.width() <= 1366);
    CHECK(minimum.height() <= 768 - 40); // room for a taskbar
    w.resize(1366, 768);
    CHECK(w.size() == QSize(1366, 768));
    // Every page fits too, the pupil page included.
    REQUIRE(w.showPupil(f.school.amara));
    CHECK(w.minimumSizeHint().width() <= 1366);
    CHECK(w.minimumSizeHint().height() <= 768 - 40);
}

TEST_CASE("The status bar names the school's file; where it is shows on hovering")
{
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("Castle View.waymark")));
    Settings settings(dir.path(QStringLiteral("settings.ini")));
    AppController app(settings);
    app.window().setRemembersState(false);
    app.openSchoolOrThrow(school.path);
    QLabel* file = nullptr;
    for (QLabel* label : app.window().statusBar()->findChildren<QLabel*>())
        if (label->accessibleName() == QStringLiteral("School file"))
            file = label;
    REQUIRE(file);
    CHECK(file->text() == QStringLiteral("Castle View.waymark"));
    CHECK(file->toolTip() == QDir::toNativeSeparators(school.path));
}
