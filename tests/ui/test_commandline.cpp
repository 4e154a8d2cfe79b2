#include "app/commandline.h"
#include "app/version.h"

#include <QProcess>
#include <QProcessEnvironment>

#include <catch2/catch.hpp>

#include <tuple>

using namespace waymark;

namespace {
ParsedCommandLine parse(QStringList args)
{
    args.prepend(QStringLiteral("waymark"));
    return parseCommandLine(args);
}
} // namespace

TEST_CASE("The --show option takes dashboard, pupil:<UPN> or group:<name>")
{
    CHECK(ShowTarget::parse(QStringLiteral("dashboard")) == ShowTarget{ShowTarget::Kind::Dashboard, {}});
    CHECK(ShowTarget::parse(QStringLiteral("Dashboard")) == ShowTarget{ShowTarget::Kind::Dashboard, {}});
    // The UPN is tidied as a teacher might type it.
    CHECK(ShowTarget::parse(QStringLiteral("pupil: b801 2000 05001")) ==
          ShowTarget{ShowTarget::Kind::Pupil, QStringLiteral("B801200005001")});
    CHECK(ShowTarget::parse(QStringLiteral("group:9T1")) == ShowTarget{ShowTarget::Kind::Group, QStringLiteral("9T1")});
    CHECK(ShowTarget::parse(QStringLiteral("group:Year 7: Set 2")) ==
          ShowTarget{ShowTarget::Kind::Group, QStringLiteral("Year 7: Set 2")});

    QString why;
    CHECK_FALSE(ShowTarget::parse(QStringLiteral("pupil:"), &why));
    CHECK(why.contains(QStringLiteral("UPN")));
    CHECK_FALSE(ShowTarget::parse(QStringLiteral("pupil:A801200005001"), &why)); // wrong check letter
    CHECK(why.contains(QStringLiteral("A801200005001")));
    CHECK_FALSE(ShowTarget::parse(QStringLiteral("group:"), &why));
    CHECK_FALSE(ShowTarget::parse(QStringLiteral("timetable"), &why));
    CHECK(why.contains(QStringLiteral("timetable")));
}

TEST_CASE("The command line gives a file, a place and a screenshot path")
{
    const ParsedCommandLine plain = parse({});
    CHECK(plain.action == ParsedCommandLine::Action::Run);
    CHECK(plain.options.file.isEmpty());
    CHECK_FALSE(plain.options.show);
    CHECK(plain.options.screenshot.isEmpty());
    CHECK_FALSE(plain.options.today.isValid());

    const ParsedCommandLine full =
        parse({QStringLiteral("school.waymark"), QStringLiteral("--show"), QStringLiteral("group:9T1"),
               QStringLiteral("--screenshot"), QStringLiteral("/tmp/x.png"), QStringLiteral("--today"),
               QStringLiteral("2026-11-23")});
    REQUIRE(full.action == ParsedCommandLine::Action::Run);
    CHECK(full.options.file == QStringLiteral("school.waymark"));
    CHECK(full.options.show == ShowTarget{ShowTarget::Kind::Group, QStringLiteral("9T1")});
    CHECK(full.options.screenshot == QStringLiteral("/tmp/x.png"));
    CHECK(full.options.today == QDate(2026, 11, 23));

    const ParsedCommandLine equals = parse({QStringLiteral("--show=dashboard")});
    CHECK(equals.options.show == ShowTarget{ShowTarget::Kind::Dashboard, {}});
}

TEST_CASE("Help, version and mistakes on the command line end the program with a message")
{
    const ParsedCommandLine help = parse({QStringLiteral("--help")});
    CHECK(help.action == ParsedCommandLine::Action::Exit);
    CHECK(help.exitCode == 0);
    CHECK(help.text.contains(QStringLiteral("--screenshot")));
    CHECK(help.text.contains(QStringLiteral("--show")));

    const ParsedCommandLine version = parse({QStringLiteral("--version")});
    CHECK(version.exitCode == 0);
    CHECK(version.text.contains(appVersion()));

    for (const QStringList& bad :
         {QStringList{QStringLiteral("--show"), QStringLiteral("pupil:")},
          QStringList{QStringLiteral("a.waymark"), QStringLiteral("b.waymark")},
          QStringList{QStringLiteral("--colour")}, QStringList{QStringLiteral("--screenshot")},
          QStringList{QStringLiteral("--today"), QStringLiteral("23/11/2026")}}) {
        const ParsedCommandLine result = parse(bad);
        CHECK(result.action == ParsedCommandLine::Action::Exit);
        CHECK(result.exitCode == 2);
        CHECK(result.textIsError);
        CHECK_FALSE(result.text.isEmpty());
    }
}

TEST_CASE("waymark --help, --version and command-line mistakes need no display")
{
    const auto runWithoutDisplay = [](const QStringList& arguments) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(WAYMARK_GUI_BINARY), arguments);
        REQUIRE(process.waitForFinished(30000));
        REQUIRE(process.exitStatus() == QProcess::NormalExit);
        return std::make_tuple(process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                               QString::fromUtf8(process.readAllStandardError()));
    };
    const auto [versionCode, version, versionErr] = runWithoutDisplay({QStringLiteral("--version")});
    CHECK(versionCode == 0);
    CHECK(version.startsWith(QStringLiteral("waymark ")));
    const auto [helpCode, help, helpErr] = runWithoutDisplay({QStringLiteral("--help")});
    CHECK(helpCode == 0);
    CHECK(help.contains(QStringLiteral("--screenshot")));
    const auto [badCode, bad, badErr] = runWithoutDisplay({QStringLiteral("--frobnicate")});
    CHECK(badCode == 2);
    CHECK(badErr.contains(QStringLiteral("frobnicate")));
}
