#include "testsupport.h"
#include "uitestsupport.h"

#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the real waymark binary offscreen, with its own empty data and settings folders.
Run runWaymark(const test::TempDir& dir, const QStringList& args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Offscreen, on the screen CTest names (a 1366×768 laptop's) if it names one.
    if (!env.value(QStringLiteral("QT_QPA_PLATFORM")).startsWith(QLatin1String("offscreen")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.path(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("qt.qpa.*=false"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(WAYMARK_GUI_BINARY), args);
    REQUIRE(process.waitForStarted(10000));
    REQUIRE(process.waitForFinished(60000));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromLocal8Bit(process.readAllStandardOutput()),
            QString::fromLocal8Bit(process.readAllStandardError())};
}

// True if the picture has more than a handful of colours: a window, not a blank rectangle.
bool looksDrawn(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return colours.size() > 8;
}
} // namespace

TEST_CASE("waymark --screenshot renders the window at 1366×768 and exits")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("oakfield.waymark")));
    const QByteArray before = test::sha256Of(school.path);
    const QString png = dir.path(QStringLiteral("shot.png"));

    QStringList args{school.path, QStringLiteral("--screenshot"), png};
    SECTION("the dashboard") {}
    SECTION("a pupil")
    {
        args << QStringLiteral("--show") << (QStringLiteral("pupil:") + school.amaraUpn);
    }
    SECTION("a group")
    {
        args << QStringLiteral("--show") << QStringLiteral("group:9T1");
    }

    const Run run = runWaymark(dir, args);
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    const QImage image(png);
    REQUIRE_FALSE(image.isNull());
    CHECK(image.size() == QSize(1366, 768));
    CHECK(looksDrawn(image));
    CHECK(QFileInfo(png).size() > 10000);
    // Looking is not touching: the school file is unchanged and nothing was remembered.
    CHECK(test::sha256Of(school.path) == before);
    CHECK_FALSE(QFileInfo::exists(dir.path(QStringLiteral("config/Waymark/Waymark.conf"))));
}

TEST_CASE("waymark --screenshot fails clearly when the place or the file is not there")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("oakfield.waymark")));
    const QString png = dir.path(QStringLiteral("shot.png"));

    const Run noGroup = runWaymark(dir, {school.path, QStringLiteral("--show"), QStringLiteral("group:11Z9"),
                                         QStringLiteral("--screenshot"), png});
    CHECK(noGroup.exitCode == 3);
    CHECK(noGroup.err.contains(QStringLiteral("11Z9")));
    CHECK_FALSE(QFileInfo::exists(png));

    const QString bad = dir.path(QStringLiteral("bad.waymark"));
    test::writeAll(bad, QByteArray("not a school\n").repeated(100));
    const QByteArray before = test::sha256Of(bad);
    const Run badFile = runWaymark(dir, {bad, QStringLiteral("--screenshot"), png});
    CHECK(badFile.exitCode == 2);
    CHECK(badFile.err.contains(QStringLiteral("bad.waymark")));
    CHECK(test::sha256Of(bad) == before);

    const Run unwritable = runWaymark(
        dir, {school.path, QStringLiteral("--screenshot"), dir.path(QStringLiteral("no/such/folder/shot.png"))});
    CHECK(unwritable.exitCode == 4);
    CHECK(unwritable.err.contains(QStringLiteral("shot.png")));
}

TEST_CASE("waymark --version and a bad argument")
{
    test::TempDir dir;
    const Run version = runWaymark(dir, {QStringLiteral("--version")});
    CHECK(version.exitCode == 0);
    CHECK(version.out.startsWith(QStringLiteral("waymark ")));
    const Run bad = runWaymark(dir, {QStringLiteral("--show"), QStringLiteral("nowhere")});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.contains(QStringLiteral("nowhere")));
}
