// waymark-cli end to end: every command's success path, run as the real binary.
#include "clirunner.h"
#include "storage/migrations.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>

#include <catch2/catch.hpp>

using namespace waymark;
using test::CliRun;

namespace {
const QString kToday = QStringLiteral("2025-03-14");

QString makeDemo(const test::TempDir& dir, const QString& name, const QString& seed = QStringLiteral("7"))
{
    const QString path = dir.path(name);
    const CliRun run = test::runCli({QStringLiteral("demo"), path, QStringLiteral("--pupils"), QStringLiteral("20"),
                                     QStringLiteral("--seed"), seed, QStringLiteral("--today"), kToday});
    INFO(run.err.toStdString());
    REQUIRE_FALSE(run.crashed);
    REQUIRE(run.exitCode == 0);
    return path;
}
// The whole `sqlite3 .dump` except the file's own identity: every school file, demo or not, gets a
// device id of its own when it is created (and its creation time), because sharing tells replicas
// apart by it. Two files that shared one would corrupt each other's merges.
QString contentDump(const QString& path)
{
    QStringList lines = test::sqliteShell(path, QStringLiteral(".dump")).split(QLatin1Char('\n'));
    const auto identity = [](const QString& line) {
        return line.startsWith(QLatin1String("INSERT INTO meta VALUES('device_id',")) ||
               line.startsWith(QLatin1String("INSERT INTO meta VALUES('created_at',"));
    };
    const auto removed = lines.removeIf(identity);
    CHECK(removed == 2);
    return lines.join(QLatin1Char('\n'));
}
} // namespace

TEST_CASE("--help lists every command and the exit codes, and --version gives the project version")
{
    const CliRun help = test::runCli({QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    CHECK(help.err.isEmpty());
    for (const char* word : {"init FILE", "demo FILE", "check FILE", "stats FILE", "backup FILE DEST", "help COMMAND",
                             "Exit status", "--version"})
        CHECK(help.out.contains(QLatin1String(word)));

    const CliRun version = test::runCli({QStringLiteral("--version")});
    CHECK(version.exitCode == 0);
    CHECK(version.out == QStringLiteral("waymark-cli %1\n").arg(QLatin1String(WAYMARK_VERSION)));

    const CliRun demoHelp = test::runCli({QStringLiteral("help"), QStringLiteral("demo")});
    CHECK(demoHelp.exitCode == 0);
    for (const char* word : {"--pupils", "--years", "--seed", "--today"})
        CHECK(demoHelp.out.contains(QLatin1String(word)));
    CHECK(test::runCli({QStringLiteral("demo"), QStringLiteral("--help")}).out == demoHelp.out);
    CHECK(test::runCli({QStringLiteral("help"), QStringLiteral("backup")}).out.contains(QStringLiteral("--replace")));
}

TEST_CASE("init makes an empty school file that checks sound")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("new school.waymark"));
    const CliRun init = test::runCli({QStringLiteral("init"), path});
    INFO(init.err.toStdString());
    REQUIRE(init.exitCode == 0);
    CHECK(init.err.isEmpty());
    CHECK(test::filesIn(dir.path()) == QStringList{QStringLiteral("new school.waymark")});

    const CliRun check = test::runCli({QStringLiteral("check"), path});
    CHECK(check.exitCode == 0);
    CHECK(check.out == QStringLiteral("%1: sound (schema version %2)\n").arg(path).arg(Migrations::currentVersion()));
    const QJsonObject stats = test::statsOf(path);
    CHECK(stats.value(QStringLiteral("pupils")).toInteger() == 0);
    CHECK(stats.value(QStringLiteral("scales")).toInteger() > 0); // the built-in ladders are there from the start
}

TEST_CASE("demo makes a sound school whose stats match the sqlite3 shell's own counts")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.waymark"));
    const CliRun demo = test::runCli({QStringLiteral("demo"), path, QStringLiteral("--pupils"), QStringLiteral("20"),
                                      QStringLiteral("--today"), kToday});
    INFO(demo.err.toStdString());
    REQUIRE(demo.exitCode == 0);
    CHECK(demo.out.count(QLatin1Char('\n')) == 1);
    CHECK(demo.out.contains(QStringLiteral("20 pupils")));
    CHECK(demo.err.isEmpty()); // not a terminal, so no progress drawn
    CHECK(test::filesIn(dir.path()) == QStringList{QStringLiteral("demo.waymark")});

    const CliRun check = test::runCli({QStringLiteral("check"), path});
    INFO(check.out.toStdString());
    CHECK(check.exitCode == 0);

    const QJsonObject stats = test::statsOf(path);
    QStringList expectedKeys;
    for (const auto& [key, sql] : test::statsKeysAndSql()) {
        expectedKeys << key;
        INFO(key.toStdString());
        REQUIRE(stats.contains(key));
        CHECK(stats.value(key).toInteger() == test::sqliteShell(path, sql).toLongLong());
    }
    QStringList keys = stats.keys();
    keys.sort();
    expectedKeys.sort();
    CHECK(keys == expectedKeys);
    CHECK(stats.value(QStringLiteral("pupils")).toInteger() == 20);
    CHECK(stats.value(QStringLiteral("school")).toInteger() == 1);
    CHECK(stats.value(QStringLiteral("evidence")).toInteger() > 0);
}

TEST_CASE("demo is deterministic: the same seed and day give the same file contents")
{
    test::TempDir dir;
    const QString a = makeDemo(dir, QStringLiteral("a.waymark"));
    const QString b = makeDemo(dir, QStringLiteral("b.waymark"));
    const QString c = makeDemo(dir, QStringLiteral("c.waymark"), QStringLiteral("8"));
    CHECK(test::statsOf(a) == test::statsOf(b));
    const QString dumpA = contentDump(a);
    CHECK(dumpA.size() > 10000);
    CHECK(test::firstDifference(dumpA, contentDump(b)) == QString());
    CHECK_FALSE(test::firstDifference(dumpA, contentDump(c)).isEmpty()); // the seed does matter
}

TEST_CASE("backup makes a copy that passes check and has the same stats")
{
    test::TempDir dir;
    const QString path = makeDemo(dir, QStringLiteral("school.waymark"));
    const QByteArray before = test::sha256Of(path);
    const QString dest = dir.path(QStringLiteral("copy.waymark"));

    const CliRun backup = test::runCli({QStringLiteral("backup"), path, dest});
    INFO(backup.err.toStdString());
    REQUIRE(backup.exitCode == 0);
    CHECK(backup.out.contains(QFileInfo(dest).absoluteFilePath()));
    CHECK(test::sha256Of(path) == before);
    CHECK(test::filesIn(dir.path()) == (QStringList{QStringLiteral("copy.waymark"), QStringLiteral("school.waymark")}));

    CHECK(test::runCli({QStringLiteral("check"), dest}).exitCode == 0);
    CHECK(test::statsOf(dest) == test::statsOf(path));
    CHECK(test::firstDifference(test::sqliteShell(dest, QStringLiteral(".dump")),
                                test::sqliteShell(path, QStringLiteral(".dump"))) == QString());

    SECTION("an existing destination is refused and left byte-identical")
    {
        test::writeAll(dest, "last week's backup");
        const CliRun again = test::runCli({QStringLiteral("backup"), path, dest});
        test::requireOneLineError(again, 1, {QStringLiteral("already exists")});
        CHECK(test::readAll(dest) == "last week's backup");
        CHECK(test::filesIn(dir.path()) ==
              (QStringList{QStringLiteral("copy.waymark"), QStringLiteral("school.waymark")}));
    }
    SECTION("--replace replaces it")
    {
        test::writeAll(dest, "last week's backup");
        const CliRun again = test::runCli({QStringLiteral("backup"), QStringLiteral("--replace"), path, dest});
        CHECK(again.exitCode == 0);
        CHECK(test::statsOf(dest) == test::statsOf(path));
    }
}

TEST_CASE("demo draws progress on stderr only when it is a terminal")
{
    if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
        WAYMARK_SKIP("util-linux `script` is not installed, so there is no terminal to run under");
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.waymark"));
    // script(1) gives the CLI a pseudo-terminal, as if a teacher ran it in a terminal window.
    QProcess script;
    script.start(
        QStringLiteral("script"),
        {QStringLiteral("-qec"),
         QStringLiteral("'%1' demo '%2' --pupils 20 --today 2025-03-14").arg(QStringLiteral(WAYMARK_CLI_PATH), path),
         QStringLiteral("/dev/null")});
    REQUIRE(script.waitForFinished(180000));
    const QString terminal = QString::fromUtf8(script.readAll());
    INFO(terminal.toStdString());
    CHECK(script.exitCode() == 0);
    CHECK(terminal.contains(QStringLiteral("\rMaking the demo school… ")));
    CHECK(terminal.contains(QStringLiteral("100%")));
    CHECK(terminal.contains(QStringLiteral("Made the demo school")));
}
