// Bad input: every kind of file that is not a sound, current, writable Waymark file gets a clear
// error of the right kind, and the file's bytes are never changed.
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <catch2/catch.hpp>

#include <functional>

using namespace waymark;
using Kind = StorageError::Kind;

namespace {
QString makeSchool(const test::TempDir& dir, const QString& name = QStringLiteral("school.waymark"))
{
    const QString path = dir.path(name);
    Database::create(path);
    return path;
}

StorageError::Kind openError(const QString& path, QString* message = nullptr, Database::Options options = {})
{
    try {
        Database::open(path, options);
    } catch (const StorageError& e) {
        if (message)
            *message = e.message();
        return e.kind();
    }
    FAIL("opening " << path.toStdString() << " should have failed");
    return Kind::Other;
}
} // namespace

TEST_CASE("A missing path is reported as missing and not created")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("nowhere.waymark"));
    QString message;
    CHECK(openError(path, &message) == Kind::NotFound);
    CHECK(message.contains(QStringLiteral("There is no school file")));
    CHECK_FALSE(QFile::exists(path));
}

TEST_CASE("A file that is not a database is refused untouched")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("notes.waymark"));
    test::writeAll(path, QByteArray("Dear parents, the trip is on Friday.\n").repeated(100));
    const QByteArray before = test::sha256Of(path);
    QString message;
    CHECK(openError(path, &message) == Kind::NotSqlite);
    CHECK(message.contains(QStringLiteral("not a Waymark school file")));
    CHECK(test::sha256Of(path) == before);
}

TEST_CASE("An empty file is refused untouched")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("empty.waymark"));
    test::writeAll(path, {});
    CHECK(openError(path) == Kind::NotWaymark);
    CHECK(QFileInfo(path).size() == 0);
}

TEST_CASE("Another program's SQLite database is refused untouched")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("other.db"));
    {
        // A plain SQLite file, written with the same library but not by Waymark.
        auto db = Database::create(dir.path(QStringLiteral("tmp.waymark")));
    }
    QFile::remove(path);
    REQUIRE(QProcess::execute(QStringLiteral("sqlite3"), {path, QStringLiteral("CREATE TABLE t(x); INSERT INTO t "
                                                                                 "VALUES (1);")}) == 0);
    const QByteArray before = test::sha256Of(path);
    QString message;
    CHECK(openError(path, &message) == Kind::NotWaymark);
    CHECK(message.contains(QStringLiteral("not a Waymark school file")));
    CHECK(test::sha256Of(path) == before);
}

TEST_CASE("A truncated school file is reported as damaged and left alone")
{
    test::TempDir dir;
    const QString path = makeSchool(dir);
    QByteArray bytes = test::readAll(path);
    REQUIRE(bytes.size() > 8192);
    SECTION("cut mid-page")
    {
        bytes.truncate(bytes.size() / 2 + 100);
    }
    SECTION("cut at a page boundary")
    {
        bytes.truncate(4096 * 3);
    }
    SECTION("cut inside the header")
    {
        bytes.truncate(50);
    }
    test::writeAll(path, bytes);
    const QByteArray before = test::sha256Of(path);
    QString message;
    CHECK(openError(path, &message) == Kind::Damaged);
    CHECK(message.contains(QStringLiteral("damaged")));
    CHECK(test::sha256Of(path) == before);
}

TEST_CASE("A file from a newer Waymark is refused and never written")
{
    test::TempDir dir;
    const QString path = makeSchool(dir);
    {
        auto db = Database::open(path);
        db->exec("PRAGMA user_version = 999");
        db->exec("PRAGMA journal_mode = DELETE"); // as a future version might leave it
    }
    const QByteArray before = test::sha256Of(path);
    QString message;
    CHECK(openError(path, &message) == Kind::NewerVersion);
    CHECK(message.contains(QStringLiteral("newer version of Waymark")));
    CHECK(test::sha256Of(path) == before);
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-wal")));
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-shm")));
}

TEST_CASE("A read-only file opens read-only, says so, and refuses writes")
{
    test::TempDir dir;
    const QString path = makeSchool(dir);
    test::ReadOnlyGuard guard(path);
    if (!guard.ok())
        WAYMARK_SKIP("cannot make a read-only file on this file system");
    const QByteArray before = test::sha256Of(path);
    {
        auto db = Database::open(path);
        CHECK(db->isReadOnly());
        CHECK(db->readOnlyReason().contains(QStringLiteral("read-only")));
        CHECK_THROWS_AS(Transaction(*db), StorageError);
    }
    CHECK(test::sha256Of(path) == before);
}

TEST_CASE("A school file in a read-only folder opens read-only")
{
    test::TempDir dir;
    const QString path = makeSchool(dir);
    test::ReadOnlyGuard guard(dir.path());
    if (!guard.ok())
        WAYMARK_SKIP("cannot make a read-only folder on this file system");
    const QByteArray before = test::sha256Of(path);
    {
        auto db = Database::open(path);
        CHECK(db->isReadOnly());
        CHECK(db->readOnlyReason().contains(QStringLiteral("folder")));
        auto s = db->prepare("SELECT count(*) FROM scale");
        REQUIRE(s.step());
        CHECK(s.integer(0) > 0);
    }
    CHECK(test::sha256Of(path) == before);
}

TEST_CASE("A file locked by another process is reported as in use")
{
    test::TempDir dir;
    const QString path = makeSchool(dir);
    test::ForeignLock lock(path);
    if (!lock.ok())
        WAYMARK_SKIP("the sqlite3 shell is not installed");
    QString message;
    Database::Options options;
    options.busyTimeoutMs = 200;
    CHECK(openError(path, &message, options) == Kind::Locked);
    CHECK(message.contains(QStringLiteral("in use by another program")));
}

TEST_CASE("create() refuses to overwrite an existing file")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("precious.txt"));
    test::writeAll(path, "keep me");
    CHECK_THROWS_AS(Database::create(path), StorageError);
    CHECK(test::readAll(path) == "keep me");
}

TEST_CASE("createAtomically leaves nothing behind when building fails")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("new.waymark"));
    CHECK_THROWS(Database::createAtomically(path, [](Database&) { throw std::runtime_error("disk on fire"); }));
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    Database::createAtomically(path, [](Database& db) {
        db.exec("INSERT INTO subject(uuid, hlc, origin, name) VALUES ('s', 1, 'd', 'Maths')");
    });
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("new.waymark")});
    auto db = Database::open(path);
    auto s = db->prepare("SELECT name FROM subject");
    REQUIRE(s.step());
    CHECK(s.text(0) == QStringLiteral("Maths"));
}

namespace {
// A copy of a school file as a crash leaves it: the last changes only in the -wal beside it.
QString crashCopy(const test::TempDir& dir, const std::function<void(Database&)>& change)
{
    const QString path = makeSchool(dir, QStringLiteral("live.waymark"));
    const QString crash = dir.path(QStringLiteral("crash.waymark"));
    auto db = Database::open(path);
    db->exec("PRAGMA wal_autocheckpoint = 0");
    change(*db);
    REQUIRE(QFile::copy(path, crash));
    REQUIRE(QFile::copy(path + QStringLiteral("-wal"), crash + QStringLiteral("-wal")));
    return crash;
}
} // namespace

TEST_CASE("A newer-version file with a pending WAL is refused without checkpointing it")
{
    test::TempDir dir;
    const QString crash = crashCopy(dir, [](Database& db) {
        Transaction tx(db);
        db.exec("INSERT INTO subject(uuid, hlc, origin, name) VALUES ('s', 1, 'd', 'Maths')");
        db.exec("PRAGMA user_version = 999");
        tx.commit();
    });
    const QByteArray file = test::sha256Of(crash);
    const QByteArray wal = test::sha256Of(crash + QStringLiteral("-wal"));
    CHECK(openError(crash) == Kind::NewerVersion);
    CHECK(test::sha256Of(crash) == file);
    REQUIRE(QFile::exists(crash + QStringLiteral("-wal")));
    CHECK(test::sha256Of(crash + QStringLiteral("-wal")) == wal);
}

TEST_CASE("A file whose last commit is only in its WAL opens with that commit")
{
    test::TempDir dir;
    const QString crash = crashCopy(dir, [](Database& db) {
        Transaction tx(db);
        db.exec("INSERT INTO subject(uuid, hlc, origin, name) VALUES ('s', 1, 'd', 'Maths')");
        tx.commit();
    });
    auto db = Database::open(crash);
    auto s = db->prepare("SELECT count(*) FROM subject");
    REQUIRE(s.step());
    CHECK(s.integer(0) == 1);
}
