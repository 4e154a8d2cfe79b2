// runCli() called in-process, as a front end or script host could: output goes to the given streams.
#include "cli/cli.h"
#include "qtstringmaker.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {
struct Captured
{
    int status = -1;
    QString out;
    QString err;
};

Captured run(QStringList arguments)
{
    Captured result;
    QTextStream out(&result.out);
    QTextStream err(&result.err);
    arguments.prepend(QStringLiteral("waymark-cli"));
    result.status = runCli(arguments, out, err);
    return result;
}
} // namespace

TEST_CASE("runCli in-process: stats counts what was written")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    {
        auto db = Database::create(path);
        db->exec("INSERT INTO staff(uuid, hlc, origin, display_name) VALUES ('s1', 1, 'd', 'Ms Khan'), "
                 "('s2', 1, 'd', 'Mr Ode'), ('s3', 1, 'd', 'Gone'); UPDATE staff SET deleted = 1 WHERE uuid = 's3'");
    }
    const Captured stats = run({QStringLiteral("stats"), path});
    INFO(stats.err.toStdString());
    REQUIRE(stats.status == 0);
    CHECK(stats.err.isEmpty());
    const QJsonObject json = QJsonDocument::fromJson(stats.out.toUtf8()).object();
    CHECK(json.value(QStringLiteral("staff")).toInteger() == 2);
    CHECK(json.value(QStringLiteral("history")).toInteger() == 1); // the row as it was before deletion
}

TEST_CASE("runCli in-process: usage errors and failures are one line, with the documented status")
{
    test::TempDir dir;
    const Captured unknown = run({QStringLiteral("explode")});
    CHECK(unknown.status == 2);
    CHECK(unknown.err.startsWith(QStringLiteral("waymark-cli: there is no command “explode”")));
    CHECK(unknown.err.count(QLatin1Char('\n')) == 1);

    const Captured missing = run({QStringLiteral("stats"), dir.path(QStringLiteral("nope.waymark"))});
    CHECK(missing.status == 1);
    CHECK(missing.err.startsWith(QStringLiteral("waymark-cli: There is no school file")));
    CHECK(missing.out.isEmpty());

    const Captured help = run({QStringLiteral("help"), QStringLiteral("check")});
    CHECK(help.status == 0);
    CHECK(help.out.startsWith(QStringLiteral("Usage: waymark-cli check [options] FILE")));
}

TEST_CASE("runCli in-process: a string stream is not a terminal, so no progress is drawn")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    Database::create(path);
    const Captured backup = run({QStringLiteral("backup"), path, dir.path(QStringLiteral("copy.waymark"))});
    CHECK(backup.status == 0);
    CHECK(backup.err.isEmpty());
    CHECK(backup.out.startsWith(QStringLiteral("Backed up")));
}
