// backupTo(): checked, atomic copies of an open school file.
#include "maintenance/maintenance.h"
#include "qtstringmaker.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <catch2/catch.hpp>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#endif

using namespace waymark;
using Kind = StorageError::Kind;

namespace {
// A school with enough rows to span many pages, left open as the app would hold it.
std::unique_ptr<Database> makeSchool(const QString& path, int pupils = 2000)
{
    auto db = Database::create(path);
    Transaction tx(*db);
    auto insert = db->prepare("INSERT INTO pupil(uuid, hlc, origin, legal_given_name, legal_family_name, notes) "
                              "VALUES (?1, 1, 'd', 'Pupil', ?2, ?3)");
    for (int i = 0; i < pupils; ++i) {
        insert.bindAll(QStringLiteral("p%1").arg(i), QStringLiteral("Number %1").arg(i),
                       QStringLiteral("Notes for pupil %1. ").repeated(8).arg(i));
        insert.run();
        insert.reset();
    }
    tx.commit();
    return db;
}

Kind backupError(Database& db, const QString& dest, const BackupOptions& options = {})
{
    try {
        backupTo(db, dest, options);
    } catch (const StorageError& e) {
        return e.kind();
    }
    FAIL("the backup to " << dest.toStdString() << " should have failed");
    return Kind::Other;
}

QStringList files(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}
} // namespace

TEST_CASE("A backup of an open school is complete, checks sound and has no -wal beside it")
{
    test::TempDir dir;
    auto db = makeSchool(dir.path(QStringLiteral("school.waymark")));
    REQUIRE(QFileInfo(dir.path(QStringLiteral("school.waymark-wal"))).size() > 0); // rows not yet checkpointed

    std::vector<std::pair<int, int>> calls;
    BackupOptions options;
    options.pagesPerStep = 16;
    options.progress = [&](int remaining, int total) { calls.emplace_back(remaining, total); };
    const QString dest = dir.path(QStringLiteral("backup.waymark"));
    backupTo(*db, dest, options);

    REQUIRE(calls.size() > 3);
    CHECK(calls.back().first == 0);
    for (std::size_t i = 1; i < calls.size(); ++i)
        CHECK(calls[i].first <= calls[i - 1].first);
    CHECK(checkFile(dest).ok());
    auto copy = Database::open(dest, Database::Options{.readOnly = true});
    CHECK(statistics(*copy) == statistics(*db));
    copy.reset();
    CHECK_FALSE(QFile::exists(dest + QStringLiteral("-wal")));
}

TEST_CASE("Writes made by the app between backup steps are in the copy")
{
    test::TempDir dir;
    auto db = makeSchool(dir.path(QStringLiteral("school.waymark")));
    BackupOptions options;
    options.pagesPerStep = 8;
    int step = 0;
    options.progress = [&](int, int) {
        if (++step == 2)
            db->exec("INSERT INTO subject(uuid, hlc, origin, name) VALUES ('late', 2, 'd', 'Latin')");
    };
    const QString dest = dir.path(QStringLiteral("backup.waymark"));
    backupTo(*db, dest, options);
    auto copy = Database::open(dest, Database::Options{.readOnly = true});
    auto stmt = copy->prepare("SELECT name FROM subject WHERE uuid = 'late'");
    REQUIRE(stmt.step());
    CHECK(stmt.text(0) == QStringLiteral("Latin"));
}

TEST_CASE("Cancelling a backup from its progress callback leaves nothing behind")
{
    test::TempDir dir;
    auto db = makeSchool(dir.path(QStringLiteral("school.waymark")));
    const QStringList before = files(dir.path());
    BackupOptions options;
    options.pagesPerStep = 8;
    options.progress = [](int remaining, int total) {
        if (remaining < total / 2)
            throw std::runtime_error("cancelled");
    };
    CHECK_THROWS_WITH(backupTo(*db, dir.path(QStringLiteral("backup.waymark")), options), "cancelled");
    CHECK(files(dir.path()) == before);
}

TEST_CASE("A backup never replaces a file unless asked, and never the school file itself")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    auto db = makeSchool(path, 50);
    const QString dest = dir.path(QStringLiteral("backup.waymark"));
    test::writeAll(dest, "yesterday's backup");
    CHECK(backupError(*db, dest) == Kind::Invalid);
    CHECK(test::readAll(dest) == "yesterday's backup");

    BackupOptions replace;
    replace.replaceExisting = true;
    backupTo(*db, dest, replace);
    CHECK(checkFile(dest).ok());
    CHECK(backupError(*db, path, replace) == Kind::Invalid);
    CHECK(backupError(*db, dir.path(), replace) == Kind::Invalid); // a folder
    CHECK(files(dir.path()).filter(QStringLiteral(".part")).isEmpty());
}

TEST_CASE("A backup to a missing or read-only folder fails clearly and writes nothing")
{
    test::TempDir dir;
    auto db = makeSchool(dir.path(QStringLiteral("school.waymark")), 50);
    CHECK(backupError(*db, dir.path(QStringLiteral("gone/backup.waymark"))) == Kind::NotFound);

    test::TempDir locked;
    test::ReadOnlyGuard guard(locked.path());
    if (!guard.ok())
        WAYMARK_SKIP("cannot make a read-only folder on this file system");
    try {
        backupTo(*db, locked.path(QStringLiteral("backup.waymark")));
        FAIL("a read-only folder took a backup");
    } catch (const StorageError& e) {
        CHECK(e.kind() == Kind::ReadOnly);
        CHECK(e.message().contains(QStringLiteral("read-only")));
    }
    CHECK(files(locked.path()).isEmpty());
}

TEST_CASE("requireNewFileDestination accepts a new name in a writable folder only")
{
    test::TempDir dir;
    CHECK_NOTHROW(requireNewFileDestination(dir.path(QStringLiteral("new.waymark"))));
    test::writeAll(dir.path(QStringLiteral("old.waymark")), "x");
    CHECK_THROWS_AS(requireNewFileDestination(dir.path(QStringLiteral("old.waymark"))), StorageError);
    CHECK_NOTHROW(requireNewFileDestination(dir.path(QStringLiteral("old.waymark")), true));
    CHECK_THROWS_AS(requireNewFileDestination(dir.path(QStringLiteral("no/new.waymark"))), StorageError);
}

TEST_CASE("A backup of a damaged school fails its check and is not kept")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    qint64 page = 0;
    qint64 pageSize = 0;
    {
        auto db = makeSchool(path);
        auto fullest = db->prepare("SELECT pageno FROM dbstat WHERE name = 'pupil' AND pagetype = 'leaf' "
                                   "ORDER BY unused, pageno LIMIT 1");
        REQUIRE(fullest.step());
        page = fullest.int64(0);
        auto size = db->prepare("PRAGMA page_size");
        REQUIRE(size.step());
        pageSize = size.int64(0);
    } // closing folds the WAL into the file, so the damage below lands on real pages
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.seek((page - 1) * pageSize + pageSize / 2 - 128));
        REQUIRE(file.write(QByteArray(256, '\x5a')) == 256);
    }
    auto visit = std::make_unique<ReadOnlyVisit>(path);
    try {
        backupTo(visit->db(), dir.path(QStringLiteral("backup.waymark")));
        FAIL("a damaged school was backed up");
    } catch (const StorageError& e) {
        CHECK(e.kind() == Kind::Damaged);
        CHECK(e.message().contains(QStringLiteral("failed its check")));
    }
    visit.reset();
    CHECK(files(dir.path()) == QStringList{QStringLiteral("school.waymark")});
}

#ifdef Q_OS_UNIX
TEST_CASE("A disk that fills up part-way through a backup leaves nothing behind")
{
    test::TempDir dir;
    auto db = makeSchool(dir.path(QStringLiteral("school.waymark")));
    test::TempDir out;
    // A file-size limit stands in for a full disk: writes past it fail with EFBIG, as on a FAT32 stick.
    rlimit saved{};
    REQUIRE(getrlimit(RLIMIT_FSIZE, &saved) == 0);
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved;
    limited.rlim_cur = 64 * 1024;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &limited) == 0);
    StorageError::Kind kind = Kind::Other;
    QString message;
    try {
        backupTo(*db, out.path(QStringLiteral("backup.waymark")));
    } catch (const StorageError& e) {
        kind = e.kind();
        message = e.message();
    }
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous);
    INFO(message.toStdString());
    CHECK(kind == Kind::DiskFull);
    CHECK(message.contains(QStringLiteral("disk")));
    CHECK(files(out.path()).isEmpty());
}
#endif

TEST_CASE("A backup finishes while another program commits all the time, and the copy is one consistent moment")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    makeSchool(path, 4000).reset();
    // Another program (the sqlite3 shell) commits one history row after another, for far longer
    // than the backup takes; each commit used to make the backup start again from the first page.
    QByteArray script = "PRAGMA busy_timeout = 5000;\nPRAGMA synchronous = OFF;\n";
    for (int i = 0; i < 300000; ++i)
        script += "INSERT INTO history(entity, entity_uuid, hlc, origin, replaced_at, old_row) "
                  "VALUES ('pupil', 'x', 1, 'w', 1, '{}');\n";
    test::writeAll(dir.path(QStringLiteral("commits.sql")), script);
    QProcess writer;
    writer.start(QStringLiteral("sqlite3"), {path, QStringLiteral(".read ") + dir.path(QStringLiteral("commits.sql"))});
    if (!writer.waitForStarted(5000))
        WAYMARK_SKIP("the sqlite3 shell is not installed");
    // Wait until the writer is under way.
    int committed = 0;
    for (int i = 0; i < 250 && committed < 1000; ++i) {
        QThread::msleep(20);
        auto db = Database::open(path, {.readOnly = true});
        auto n = db->prepare("SELECT count(*) FROM history");
        committed = n.step() ? n.integer(0) : 0;
    }
    REQUIRE(committed >= 1000);

    {
        ReadOnlyVisit visit(path);
        BackupOptions options;
        options.pagesPerStep = 4; // many steps, so many commits land in between
        int steps = 0;
        int restarts = 0;
        int last = -1;
        options.progress = [&](int remaining, int) {
            ++steps;
            restarts += last >= 0 && remaining > last;
            last = remaining;
        };
        backupTo(visit.db(), dir.path(QStringLiteral("copy.waymark")), options);
        CHECK(steps > 50);
        // One consistent snapshot: the copy never had to start again (it did hundreds of
        // thousands of times when each step read the newest state).
        CHECK(restarts == 0);
    }
    // The writer had not finished: the backup did not wait for a quiet moment.
    CHECK(writer.state() == QProcess::Running);
    writer.kill();
    writer.waitForFinished();

    const CheckReport report = checkFile(dir.path(QStringLiteral("copy.waymark")));
    CHECK(report.ok());
    auto copy = Database::open(dir.path(QStringLiteral("copy.waymark")), {.readOnly = true});
    auto pupils = copy->prepare("SELECT count(*) FROM pupil");
    REQUIRE(pupils.step());
    CHECK(pupils.integer(0) == 4000);
}

TEST_CASE("Losing the race for a destination says so, and the file that won is left as it is")
{
    test::TempDir dir;
    const QString dest = dir.path(QStringLiteral("copy.waymark"));
    SECTION("a backup")
    {
        auto db = makeSchool(dir.path(QStringLiteral("school.waymark")), 200);
        BackupOptions options;
        options.pagesPerStep = 8;
        options.progress = [&](int, int) {
            if (!QFileInfo::exists(dest))
                test::writeAll(dest, "made by another program"); // appears while the copy is made
        };
        try {
            backupTo(*db, dest, options);
            FAIL("the backup replaced a file that appeared meanwhile");
        } catch (const StorageError& e) {
            CHECK(e.message().contains(QStringLiteral("Another program made a file called")));
        }
    }
    SECTION("a new school built in place")
    {
        try {
            Database::createAtomically(dest, [&](Database&) { test::writeAll(dest, "made by another program"); });
            FAIL("a new school replaced a file that appeared meanwhile");
        } catch (const StorageError& e) {
            CHECK(e.message().contains(QStringLiteral("Another program made a file called")));
        }
    }
    CHECK(test::readAll(dest) == QByteArray("made by another program"));
    CHECK(files(dir.path()).filter(QStringLiteral(".part")).isEmpty());
}
