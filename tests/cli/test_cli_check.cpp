// waymark-cli check: sound files pass, and every kind of damaged or foreign file is reported without
// a byte of it changing.
#include "clirunner.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QFile>
#include <QProcess>

#include <catch2/catch.hpp>

using namespace waymark;
using test::CliRun;

namespace {
QString makeSchool(const test::TempDir& dir, int pupils = 200)
{
    const QString path = dir.path(QStringLiteral("school.waymark"));
    const CliRun run = test::runCli({QStringLiteral("demo"), path, QStringLiteral("--pupils"), QString::number(pupils),
                                     QStringLiteral("--today"), QStringLiteral("2025-03-14")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    return path;
}

void overwrite(const QString& path, qint64 offset, int length)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.seek(offset));
    REQUIRE(file.write(QByteArray(length, '\x5a')) == length);
}

// The check must say "not sound", list at least one problem, exit 1 and leave the file as it was.
void requireUnsound(const QString& path, const QString& expected)
{
    const QByteArray before = test::sha256Of(path);
    const CliRun check = test::runCli({QStringLiteral("check"), path});
    INFO(check.out.toStdString() << check.err.toStdString());
    REQUIRE_FALSE(check.crashed);
    CHECK(check.exitCode == 1);
    const QStringList lines = check.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() >= 2);
    CHECK(lines.first() == path + QStringLiteral(": not sound"));
    CHECK(check.out.contains(expected, Qt::CaseInsensitive));
    CHECK(test::sha256Of(path) == before);
}
} // namespace

TEST_CASE("check finds a page damaged in the middle")
{
    test::TempDir dir;
    const QString path = makeSchool(dir);
    // The fullest page of the pupil table, so the damage lands on data and not on free space.
    const QString page = test::sqliteShell(
        path, QStringLiteral("SELECT pageno FROM dbstat WHERE name = 'pupil' AND pagetype = 'leaf' ORDER BY unused, "
                             "pageno LIMIT 1"));
    const qint64 pageSize = test::sqliteShell(path, QStringLiteral("PRAGMA page_size")).toLongLong();
    REQUIRE(page.toLongLong() > 1);
    overwrite(path, (page.toLongLong() - 1) * pageSize + pageSize / 2 - 128, 256);
    requireUnsound(path, QStringLiteral("Damage found"));
}

TEST_CASE("check finds a damaged schema page, which stops the file opening at all")
{
    test::TempDir dir;
    const QString path = makeSchool(dir);
    overwrite(path, 4096 - 512, 512); // the end of page 1, where the table definitions start
    requireUnsound(path, QStringLiteral("damaged"));
}

TEST_CASE("check finds a truncated file")
{
    test::TempDir dir;
    const QString path = makeSchool(dir);
    QByteArray bytes = test::readAll(path);
    SECTION("cut mid-page")
    {
        bytes.truncate(bytes.size() / 2 + 1000);
    }
    SECTION("cut at a page boundary")
    {
        bytes.truncate(bytes.size() / 4096 / 2 * 4096);
    }
    test::writeAll(path, bytes);
    requireUnsound(path, QStringLiteral("damaged"));
}

TEST_CASE("check refuses what is not a Waymark school file")
{
    test::TempDir dir;
    SECTION("plain text")
    {
        const QString path = dir.path(QStringLiteral("notes.waymark"));
        test::writeAll(path, QByteArray("Dear parents, the trip is on Friday.\n").repeated(200));
        requireUnsound(path, QStringLiteral("not a database"));
    }
    SECTION("another program's database")
    {
        const QString path = dir.path(QStringLiteral("other.db"));
        REQUIRE(QProcess::execute(QStringLiteral("sqlite3"), {path, QStringLiteral("CREATE TABLE t(x); INSERT INTO t "
                                                                                   "VALUES (1);")}) == 0);
        requireUnsound(path, QStringLiteral("not a Waymark school file"));
    }
    SECTION("a missing file")
    {
        const QString path = dir.path(QStringLiteral("nowhere.waymark"));
        const CliRun check = test::runCli({QStringLiteral("check"), path});
        CHECK(check.exitCode == 1);
        CHECK(check.out.contains(QStringLiteral("There is no school file")));
        CHECK_FALSE(QFile::exists(path));
    }
}

TEST_CASE("check reads a sound file without changing it or leaving files beside it")
{
    test::TempDir dir;
    const QString path = makeSchool(dir, 20);
    const QByteArray before = test::sha256Of(path);
    const CliRun check = test::runCli({QStringLiteral("check"), path});
    CHECK(check.exitCode == 0);
    CHECK(check.out.startsWith(path + QStringLiteral(": sound (schema version ")));
    CHECK(test::sha256Of(path) == before);
    CHECK(test::filesIn(dir.path()) == QStringList{QStringLiteral("school.waymark")});
    CHECK(test::runCli({QStringLiteral("stats"), path}).exitCode == 0);
    CHECK(test::filesIn(dir.path()) == QStringList{QStringLiteral("school.waymark")});
}

TEST_CASE("check lists an invalid UPN as a warning, and the file stays sound")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    {
        auto db = Database::create(path);
        db->exec("INSERT INTO pupil(uuid, hlc, origin, upn, legal_given_name, legal_family_name) "
                 "VALUES ('p1', 1, 'd', 'A801200005001', 'Ada', 'Lovelace')");
    }
    const CliRun check = test::runCli({QStringLiteral("check"), path});
    CHECK(check.exitCode == 0);
    CHECK(check.out.contains(QStringLiteral(": sound")));
    CHECK(check.out.contains(QStringLiteral("warning: Ada Lovelace")));
    CHECK(check.out.contains(QStringLiteral("A801200005001")));
}
