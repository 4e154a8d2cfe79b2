#include "app/appcontroller.h"
#include "pupil/characteristicspanel.h"
#include "pupil/pupilpage.h"
#include "settings.h"
#include "shell/mainactions.h"
#include "shell/mainwindow.h"
#include "shell/windowgeometry.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QSettings>
#include <QStyle>
#include <QStyleOptionButton>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace waymark;

TEST_CASE("Settings start from their defaults and keep what is set")
{
    test::TempDir dir;
    const QString ini = dir.path(QStringLiteral("settings.ini"));
    {
        Settings s(ini);
        CHECK(s.windowGeometry().isEmpty());
        CHECK(s.recentFiles().isEmpty());
        CHECK(s.lastOpenedFile().isEmpty());
        s.setWindowGeometry("geometry");
        s.setSplitterState("splitter");
        s.setLastOpenedFile(dir.path(QStringLiteral("a/../school.waymark")));
        s.sync();
    }
    Settings again(ini);
    CHECK(again.windowGeometry() == "geometry");
    CHECK(again.splitterState() == "splitter");
    CHECK(again.lastOpenedFile() == dir.path(QStringLiteral("school.waymark")));
    CHECK(QSettings(ini, QSettings::IniFormat).value(QStringLiteral("settingsVersion")).toInt() == Settings::kVersion);
}

TEST_CASE("Recent files: newest first, no duplicates, at most eight")
{
    test::TempDir dir;
    Settings s(dir.path(QStringLiteral("settings.ini")));
    for (int i = 0; i < 10; ++i)
        s.addRecentFile(dir.path(QStringLiteral("school%1.waymark").arg(i)));
    QStringList recent = s.recentFiles();
    REQUIRE(recent.size() == Settings::kMaxRecentFiles);
    CHECK(recent.front() == dir.path(QStringLiteral("school9.waymark")));
    CHECK(recent.back() == dir.path(QStringLiteral("school2.waymark")));

    s.addRecentFile(dir.path(QStringLiteral("./school5.waymark")));
    recent = s.recentFiles();
    CHECK(recent.size() == Settings::kMaxRecentFiles);
    CHECK(recent.front() == dir.path(QStringLiteral("school5.waymark")));
    CHECK(recent.count(dir.path(QStringLiteral("school5.waymark"))) == 1);

    s.removeRecentFile(dir.path(QStringLiteral("school5.waymark")));
    CHECK_FALSE(s.recentFiles().contains(dir.path(QStringLiteral("school5.waymark"))));
    s.clearRecentFiles();
    CHECK(s.recentFiles().isEmpty());
}

TEST_CASE("A remembered window is shrunk and moved onto the screen it lands on")
{
    const QRect laptop(0, 0, 1366, 728); // 1366×768 less a taskbar
    CHECK(fitToScreen(QRect(100, 50, 800, 600), laptop) == QRect(100, 50, 800, 600));
    CHECK(fitToScreen(QRect(-300, -20, 1920, 1080), laptop) == laptop);
    CHECK(fitToScreen(QRect(2000, 900, 800, 600), laptop) == QRect(566, 128, 800, 600));
    const QRect second(1366, 0, 1920, 1080);
    CHECK(fitToScreen(QRect(1500, 100, 1000, 700), second) == QRect(1500, 100, 1000, 700));

    CHECK(defaultWindowSize(laptop).width() <= 1366);
    CHECK(defaultWindowSize(laptop).height() <= 728);
    CHECK(defaultWindowSize(QRect(0, 0, 2560, 1440)) == QSize(1280, 720));
}

TEST_CASE("Recent files list a file once however it was reached (a link, a relative path, an older list)")
{
    test::TempDir dir;
    const QString school = dir.path(QStringLiteral("real/school.waymark"));
    REQUIRE(QDir().mkpath(dir.path(QStringLiteral("real"))));
    test::writeAll(school, "x");
    REQUIRE(QFile::link(dir.path(QStringLiteral("real")), dir.path(QStringLiteral("linked"))));
    const QString ini = dir.path(QStringLiteral("settings.ini"));
    {
        Settings s(ini);
        s.addRecentFile(school);
        s.addRecentFile(dir.path(QStringLiteral("linked/school.waymark")));
        CHECK(s.recentFiles().size() == 1);
        s.sync();
    }
    // A list saved by an earlier version with the same file twice, by two routes.
    {
        QSettings raw(ini, QSettings::IniFormat);
        raw.setValue(QStringLiteral("files/recent"),
                     QStringList{dir.path(QStringLiteral("linked/school.waymark")), school});
    }
    Settings again(ini);
    CHECK(again.recentFiles() == QStringList{QFileInfo(school).canonicalFilePath()});
}

TEST_CASE("View > Appearance is a setting: light or dark at once, remembered, and the desktop's look restored")
{
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    Settings settings(dir.path(QStringLiteral("settings.ini")));
    CHECK(settings.appearance() == QStringLiteral("system"));
    const QPalette desktop = QApplication::palette();
    {
        AppController app(settings);
        MainActions& actions = app.window().actions();
        CHECK(actions.appearanceSystem->isChecked());
        actions.appearanceDark->trigger();
        CHECK(QApplication::palette().color(QPalette::Window).lightness() < 80);
        CHECK(settings.appearance() == QStringLiteral("dark"));

        // An unticked box stands out against a dark window: its edge is drawn light.
        QCheckBox box(QStringLiteral("Looked after"));
        box.resize(box.sizeHint());
        const QImage image = box.grab().toImage();
        QStyleOptionButton option;
        option.initFrom(&box);
        const QRect indicator = box.style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
        int brightest = 0;
        const qreal ratio = image.devicePixelRatio();
        for (int y = int(indicator.top() * ratio); y < int((indicator.bottom() + 1) * ratio); ++y)
            for (int x = int(indicator.left() * ratio); x < int((indicator.right() + 1) * ratio); ++x)
                brightest = std::max(brightest, QColor(image.pixel(x, y)).lightness());
        CHECK(brightest > QApplication::palette().color(QPalette::Window).lightness() + 60);

        actions.appearanceLight->trigger();
        CHECK(QApplication::palette().color(QPalette::Window).lightness() > 180);
        actions.appearanceSystem->trigger();
        CHECK(QApplication::palette() == desktop);
        CHECK(settings.appearance() == QStringLiteral("system"));
        actions.appearanceDark->trigger();
    }
    // Remembered for the next start.
    Settings again(dir.path(QStringLiteral("settings.ini")));
    CHECK(again.appearance() == QStringLiteral("dark"));
    AppController next(again);
    CHECK(next.window().actions().appearanceDark->isChecked());
    next.window().actions().appearanceSystem->trigger(); // leave the desktop's look for other tests
}

TEST_CASE("The Sensitive padlock follows the appearance: light on dark, dark on light")
{
    test::TempDir dir;
    test::isolateUserFolders(dir.path(QStringLiteral("home")));
    Settings settings(dir.path(QStringLiteral("settings.ini")));
    AppController app(settings);
    MainActions& actions = app.window().actions();
    actions.appearanceLight->trigger();
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("oakfield.waymark")));
    app.openSchoolOrThrow(school.path);
    REQUIRE(app.window().showPupil(school.amara));
    CharacteristicsPanel* panel = app.window().pupilPage()->characteristics();
    auto* lock = panel->findChild<QLabel*>(QString(), Qt::FindChildrenRecursively);
    for (QLabel* label : panel->findChildren<QLabel*>())
        if (label->accessibleName() == QStringLiteral("Sensitive"))
            lock = label;
    REQUIRE(lock);
    const auto inkLightness = [&] {
        // The padlock's strokes: the darkest pixel on light, the lightest on dark.
        const QImage image = lock->pixmap().toImage();
        int darkest = 255, lightest = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (qAlpha(image.pixel(x, y)) > 200) {
                    darkest = std::min(darkest, QColor(image.pixel(x, y)).lightness());
                    lightest = std::max(lightest, QColor(image.pixel(x, y)).lightness());
                }
        return std::pair{darkest, lightest};
    };
    CHECK(inkLightness().first < 80);
    actions.appearanceDark->trigger();
    QApplication::processEvents();
    CHECK(inkLightness().second > 180);
    actions.appearanceSystem->trigger(); // leave the desktop's look for other tests
}
