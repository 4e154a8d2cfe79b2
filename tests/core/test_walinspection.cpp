// The write-ahead log inspection. Every log here is a real one written by SQLite and copied while its
// connection was still open (what a crash or a power cut leaves behind), then damaged on purpose; and
// every count is checked against what SQLite itself then does with a copy of the file.
#include "storage/walinspection.h"
#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

using namespace waymark;

namespace {

constexpr qint64 kHeader = 32;
constexpr qint64 kFrameHeader = 24;

QString walOf(const QString& path)
{
    return path + QStringLiteral("-wal");
}

qint64 frameOffset(int pageSize, qint64 frame)
{
    return kHeader + (frame - 1) * (kFrameHeader + pageSize);
}

quint32 bigEndian32(const QByteArray& bytes, qint64 offset)
{
    const auto* p = reinterpret_cast<const uchar*>(bytes.constData() + offset);
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

// A plain SQLite connection, to make the logs and to see what SQLite makes of them.
class Connection
{
public:
    explicit Connection(const QString& path)
    {
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path.toStdString() + ": " + sqlite3_errmsg(db_));
    }
    ~Connection() { sqlite3_close(db_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void exec(const QByteArray& sql)
    {
        char* error = nullptr;
        if (sqlite3_exec(db_, sql.constData(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string message = sql.toStdString() + ": " + (error ? error : "?");
            sqlite3_free(error);
            throw std::runtime_error(message);
        }
    }

    // The first column of the first row.
    QByteArray value(const QByteArray& sql)
    {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db_, sql.constData(), -1, &statement, nullptr) != SQLITE_OK)
            throw std::runtime_error(sql.toStdString() + ": " + sqlite3_errmsg(db_));
        QByteArray result;
        if (sqlite3_step(statement) == SQLITE_ROW)
            result = QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
        sqlite3_finalize(statement);
        return result;
    }

    // A passive checkpoint; true if it copied the whole log into the database.
    bool checkpointAll()
    {
        int logFrames = -1;
        int copied = -2;
        return sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copied) == SQLITE_OK &&
               logFrames == copied && logFrames > 0;
    }

private:
    sqlite3* db_ = nullptr;
};

// A database in WAL mode with automatic checkpoints off, whose table t is already checkpointed into
// the main file: then the rows SQLite shows say exactly how many of the log's transactions it applied.
std::unique_ptr<Connection> walDatabase(const QString& path, int pageSize = 4096)
{
    auto connection = std::make_unique<Connection>(path);
    connection->exec("PRAGMA page_size=" + QByteArray::number(pageSize));
    REQUIRE(connection->value("PRAGMA journal_mode=WAL") == "wal");
    connection->exec("PRAGMA wal_autocheckpoint=0");
    connection->exec("CREATE TABLE t(id INTEGER PRIMARY KEY, payload BLOB)");
    connection->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return connection;
}

// count transactions of one row each; every third carries a blob that needs overflow pages, so those
// transactions span several frames and their commit frame is not their first.
void commitRows(Connection& connection, int count)
{
    for (int i = 0; i < count; ++i) {
        connection.exec("BEGIN");
        connection.exec(i % 3 == 2 ? "INSERT INTO t(payload) VALUES (randomblob(6000))"
                                   : "INSERT INTO t(payload) VALUES (randomblob(100))");
        connection.exec("COMMIT");
    }
}

// Copies a file and its log while the connection that writes them is still open. The -shm is left
// behind, as SQLite rebuilds it from the log when the file is next opened.
void crashImage(const QString& from, const QString& to, bool withShm = false)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile::remove(to + suffix);
        if ((withShm || suffix != QStringLiteral("-shm")) && QFile::exists(from + suffix))
            REQUIRE(QFile::copy(from + suffix, to + suffix));
    }
}

// The rows SQLite shows in a throwaway copy of the file, with its log or without it.
qint64 rowsSqliteShows(const QString& path, bool withWal = true)
{
    test::TempDir probe;
    const QString copy = probe.path(QStringLiteral("probe.waymark"));
    REQUIRE(QFile::copy(path, copy));
    if (withWal && QFile::exists(walOf(path)))
        REQUIRE(QFile::copy(walOf(path), walOf(copy)));
    Connection connection(copy);
    return connection.value("SELECT count(*) FROM t").toLongLong();
}

// How many of the log's transactions SQLite applies when it opens (a copy of) the file.
qint64 commitsSqliteApplies(const QString& path)
{
    return rowsSqliteShows(path) - rowsSqliteShows(path, false);
}

QByteArray fingerprint(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return QByteArrayLiteral("absent");
    return test::sha256Of(path) + ' ' + QByteArray::number(info.size()) + ' ' +
           QByteArray::number(info.lastModified().toMSecsSinceEpoch());
}

// inspectWal(), checking on the way that it changed nothing: the same bytes and times, no -shm made.
WalInspection inspect(const QString& path)
{
    const QStringList files{path, walOf(path), path + QStringLiteral("-shm")};
    std::vector<QByteArray> before;
    for (const QString& file : files)
        before.push_back(fingerprint(file));
    const WalInspection result = inspectWal(path);
    for (size_t i = 0; i < before.size(); ++i) {
        INFO(files[qsizetype(i)].toStdString());
        CHECK(fingerprint(files[qsizetype(i)]) == before[i]);
    }
    return result;
}

std::string describe(const WalInspection& r)
{
    std::ostringstream out;
    out << "present " << r.present << " headerValid " << r.headerValid << " pageSize " << r.pageSize << " frames "
        << r.frames << " validFrames " << r.validFrames << " transactions " << r.transactions << " lost "
        << r.lostTransactions << " lostFrames " << r.lostFrames << " tornTail " << r.tornTail << " damaged "
        << r.damaged();
    return out.str();
}

void flip(const QString& path, qint64 offset, uchar mask = 0x01)
{
    QByteArray bytes = test::readAll(path);
    REQUIRE(offset < bytes.size());
    bytes[offset] = char(uchar(bytes[offset]) ^ mask);
    test::writeAll(path, bytes);
}

// Sets the magic number for the given checksum byte order and recomputes the header's and every whole
// frame's checksum in it, as SQLite would have written them. (Tests that use this check that SQLite
// accepts the result, so this is not the parser checking itself.)
void rewriteChecksums(QByteArray& log, int pageSize, bool bigEndian)
{
    const auto word = [&log, bigEndian](qint64 at) {
        const auto* p = reinterpret_cast<const uchar*>(log.constData() + at);
        return bigEndian ? (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3])
                         : (quint32(p[3]) << 24) | (quint32(p[2]) << 16) | (quint32(p[1]) << 8) | quint32(p[0]);
    };
    const auto put = [&log](qint64 at, quint32 v) {
        for (int i = 0; i < 4; ++i)
            log[at + i] = char(uchar(v >> (24 - 8 * i)));
    };
    quint32 s0 = 0;
    quint32 s1 = 0;
    const auto sum = [&](qint64 at, qint64 length) {
        for (qint64 i = at; i < at + length; i += 8) {
            s0 += word(i) + s1;
            s1 += word(i + 4) + s0;
        }
    };
    put(0, bigEndian ? 0x377f0683 : 0x377f0682);
    sum(0, 24);
    put(24, s0);
    put(28, s1);
    for (qint64 at = kHeader; at + kFrameHeader + pageSize <= log.size(); at += kFrameHeader + pageSize) {
        sum(at, 8);
        sum(at + kFrameHeader, pageSize);
        put(at + 16, s0);
        put(at + 20, s1);
    }
}

// A log of `commits` transactions, copied as a crash image to dir/school.waymark; returns its path.
QString crashedSchool(const test::TempDir& dir, int commits, int pageSize = 4096)
{
    const QString live = dir.path(QStringLiteral("live.waymark"));
    const QString image = dir.path(QStringLiteral("school.waymark"));
    auto connection = walDatabase(live, pageSize);
    commitRows(*connection, commits);
    crashImage(live, image);
    return image;
}

} // namespace

TEST_CASE("An intact crash image: every commit is counted and nothing is lost")
{
    const int pageSize = GENERATE(512, 4096, 65536);
    INFO("page size " << pageSize);
    test::TempDir dir;
    const int commits = 9;
    const QString path = crashedSchool(dir, commits, pageSize);
    const qint64 walBytes = QFileInfo(walOf(path)).size();

    const WalInspection r = inspect(path);
    INFO(describe(r));
    CHECK(r.present);
    CHECK(r.headerValid);
    CHECK(r.pageSize == pageSize);
    CHECK(r.bytes == walBytes);
    CHECK(r.frames == (walBytes - kHeader) / (kFrameHeader + pageSize));
    if (pageSize <= 4096)
        CHECK(r.frames > commits); // the big rows took several frames
    CHECK(r.validFrames == r.frames);
    CHECK(r.transactions == commits);
    CHECK(r.lostTransactions == 0);
    CHECK(r.lostFrames == 0);
    CHECK_FALSE(r.tornTail);
    CHECK_FALSE(r.damaged());
    CHECK(r.lastWritten == QFileInfo(walOf(path)).lastModified());
    CHECK(r.readError.isEmpty());

    CHECK(commitsSqliteApplies(path) == commits);
}

TEST_CASE("A flipped bit in any frame: exactly the commits SQLite drops are reported lost")
{
    test::TempDir dir;
    const int commits = 10;
    const int pageSize = 1024;
    const QString path = crashedSchool(dir, commits, pageSize);
    const QByteArray pristine = test::readAll(walOf(path));
    const WalInspection intact = inspect(path);
    REQUIRE(intact.transactions == commits);
    REQUIRE_FALSE(intact.damaged());

    std::vector<qint64> positions;
    SECTION("in the page data")
    {
        positions = {kFrameHeader, kFrameHeader + 500, kFrameHeader + pageSize - 1};
    }
    SECTION("anywhere in the frame header: page number, commit size, salts, checksums")
    {
        for (qint64 i = 0; i < kFrameHeader; ++i)
            positions.push_back(i);
    }

    const qint64 middle = intact.frames / 2;
    for (qint64 frame = 1; frame <= intact.frames; ++frame) {
        for (const qint64 position : positions) {
            test::writeAll(walOf(path), pristine);
            flip(walOf(path), frameOffset(pageSize, frame) + position);
            const WalInspection r = inspect(path);
            const qint64 applied = commitsSqliteApplies(path);
            INFO("frame " << frame << " of " << intact.frames << ", byte " << position << ": " << describe(r)
                          << "; SQLite applied " << applied);
            REQUIRE(applied < commits); // a damaged frame always loses its transaction
            CHECK(r.headerValid);
            CHECK(r.transactions == applied);
            CHECK(r.lostTransactions == commits - applied);
            CHECK(r.damaged());
            CHECK(r.validFrames < frame);
            CHECK(r.frames == intact.frames);
            CHECK(r.lostFrames == intact.frames - (frame - 1));
            CHECK_FALSE(r.tornTail);
            if (frame == middle) {
                CHECK(r.lostTransactions > 0);
                CHECK(r.lostTransactions < commits);
            }
        }
    }
}

TEST_CASE("A flipped bit in the WAL header: SQLite ignores the whole log, and that is damage")
{
    test::TempDir dir;
    const int commits = 7;
    const QString path = crashedSchool(dir, commits);
    const QByteArray pristine = test::readAll(walOf(path));
    REQUIRE(commitsSqliteApplies(path) == commits);

    for (qint64 position = 0; position < kHeader; ++position) {
        test::writeAll(walOf(path), pristine);
        flip(walOf(path), position);
        const WalInspection r = inspect(path);
        const qint64 applied = commitsSqliteApplies(path);
        INFO("header byte " << position << ": " << describe(r) << "; SQLite applied " << applied);
        CHECK(applied == 0);
        CHECK(r.present);
        CHECK_FALSE(r.headerValid);
        CHECK(r.damaged());
        CHECK(r.transactions == 0);
        CHECK(r.validFrames == 0);
        // Whatever the flipped byte, the frames can still be walked, so the loss can be told.
        CHECK(r.pageSize == 4096);
        CHECK(r.lostTransactions == commits);
        CHECK(r.lostFrames == r.frames);
    }

    SECTION("and SQLite throws the log away for good when it closes the file")
    {
        test::writeAll(walOf(path), pristine);
        flip(walOf(path), 17);
        {
            Connection connection(path);
            CHECK(connection.value("SELECT count(*) FROM t") == "0");
        }
        CHECK_FALSE(QFileInfo(walOf(path)).size() > 0);
        CHECK(rowsSqliteShows(path) == 0);
    }
}

TEST_CASE("A log cut part-way through a frame is a torn tail, not damage")
{
    test::TempDir dir;
    const int commits = 8;
    const int pageSize = 1024;
    const QString path = crashedSchool(dir, commits, pageSize);
    const QByteArray pristine = test::readAll(walOf(path));
    const WalInspection intact = inspect(path);
    REQUIRE(intact.transactions == commits);

    for (qint64 frame = 1; frame <= intact.frames; ++frame) {
        for (const qint64 into : {qint64(0), qint64(10), kFrameHeader + pageSize / 2, kFrameHeader + pageSize - 1}) {
            test::writeAll(walOf(path), pristine.left(frameOffset(pageSize, frame) + into));
            const WalInspection r = inspect(path);
            const qint64 applied = commitsSqliteApplies(path);
            INFO("cut " << into << " bytes into frame " << frame << ": " << describe(r) << "; SQLite applied "
                        << applied);
            CHECK(r.headerValid);
            CHECK(r.tornTail == (into != 0));
            CHECK(r.frames == frame - 1);
            CHECK(r.transactions == applied);
            CHECK(r.lostTransactions == 0);
            CHECK(r.lostFrames == 0);
            CHECK_FALSE(r.damaged());
        }
    }
}

TEST_CASE("A log restarted by a checkpoint: the old frames behind the new ones are not lost data")
{
    test::TempDir dir;
    const QString live = dir.path(QStringLiteral("live.waymark"));
    const QString path = dir.path(QStringLiteral("school.waymark"));
    const int pageSize = 1024;
    auto connection = walDatabase(live, pageSize);
    commitRows(*connection, 12);
    REQUIRE(connection->checkpointAll());
    const QByteArray oldLog = test::readAll(walOf(live));
    // The next writer starts the log again from the top with new salts, over the old frames.
    const int newCommits = 3;
    commitRows(*connection, newCommits);
    crashImage(live, path);
    const QByteArray log = test::readAll(walOf(path));
    REQUIRE(log.size() == oldLog.size());                         // overwritten in place, not truncated
    REQUIRE(bigEndian32(log, 16) == bigEndian32(oldLog, 16) + 1); // salt-1 goes up by one
    REQUIRE(bigEndian32(log, 20) != bigEndian32(oldLog, 20));     // salt-2 is new
    REQUIRE(bigEndian32(log, 12) == bigEndian32(oldLog, 12) + 1); // the checkpoint sequence number
    const qint64 wholeFrames = (log.size() - kHeader) / (kFrameHeader + pageSize);

    const WalInspection r = inspect(path);
    INFO(describe(r));
    REQUIRE(r.frames < wholeFrames); // old-salt frames lie behind the new ones
    REQUIRE(bigEndian32(log, frameOffset(pageSize, r.frames + 1) + 8) == bigEndian32(oldLog, 16));
    CHECK(r.headerValid);
    CHECK(r.transactions == newCommits);
    CHECK(r.validFrames == r.frames);
    CHECK(r.lostTransactions == 0);
    CHECK(r.lostFrames == 0);
    CHECK_FALSE(r.tornTail);
    CHECK_FALSE(r.damaged());
    CHECK(commitsSqliteApplies(path) == newCommits);

    SECTION("damage among the new frames counts only the new commits")
    {
        for (qint64 frame = 1; frame <= r.frames; ++frame) {
            test::writeAll(walOf(path), log);
            flip(walOf(path), frameOffset(pageSize, frame) + kFrameHeader + 200);
            const WalInspection d = inspect(path);
            const qint64 applied = commitsSqliteApplies(path);
            INFO("frame " << frame << ": " << describe(d) << "; SQLite applied " << applied);
            CHECK(d.transactions == applied);
            CHECK(d.lostTransactions == newCommits - applied);
            CHECK(d.lostFrames == r.frames - (frame - 1));
            CHECK(d.damaged());
        }
    }
}

TEST_CASE("Frames of a transaction that never committed are not damage")
{
    test::TempDir dir;
    const QString live = dir.path(QStringLiteral("live.waymark"));
    const QString path = dir.path(QStringLiteral("school.waymark"));
    const int pageSize = 1024;
    auto connection = walDatabase(live, pageSize);
    const int commits = 4;
    commitRows(*connection, commits);
    // A small cache makes SQLite spill a big transaction's pages into the log before it commits.
    connection->exec("PRAGMA cache_size=10");
    connection->exec("BEGIN");
    connection->exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) "
                     "INSERT INTO t(payload) SELECT randomblob(3000) FROM n");

    SECTION("still being written when the copy was taken")
    {
        crashImage(live, path);
        const WalInspection r = inspect(path);
        INFO(describe(r));
        REQUIRE(r.frames > r.validFrames + 20); // the spilled, uncommitted frames
        CHECK(r.transactions == commits);
        CHECK(r.lostTransactions == 0);
        CHECK(r.lostFrames == 0);
        CHECK_FALSE(r.damaged());
        CHECK(commitsSqliteApplies(path) == commits);

        // Damage inside the unfinished transaction loses nothing that was committed.
        flip(walOf(path), frameOffset(pageSize, r.validFrames + 5) + kFrameHeader + 7);
        const WalInspection d = inspect(path);
        INFO(describe(d));
        CHECK(d.lostFrames > 0);
        CHECK(d.lostTransactions == 0);
        CHECK_FALSE(d.damaged());
        CHECK(commitsSqliteApplies(path) == commits);
        connection->exec("ROLLBACK");
    }
    SECTION("rolled back, then partly overwritten by a shorter transaction")
    {
        connection->exec("ROLLBACK");
        commitRows(*connection, 1);
        crashImage(live, path);
        const WalInspection r = inspect(path);
        INFO(describe(r));
        // The leftovers carry the current salts but no longer chain on from the new commit.
        CHECK(r.transactions == commits + 1);
        CHECK(r.lostFrames > 0);
        CHECK(r.lostTransactions == 0);
        CHECK_FALSE(r.damaged());
        CHECK(commitsSqliteApplies(path) == commits + 1);
    }
}

TEST_CASE("A log with big-endian checksums is read the same way")
{
    // What a big-endian machine writes: magic 0x377f0683 and every checksum over big-endian words.
    test::TempDir dir;
    const int commits = 6;
    const int pageSize = 1024;
    const QString path = crashedSchool(dir, commits, pageSize);
    QByteArray log = test::readAll(walOf(path));
    REQUIRE(bigEndian32(log, 0) == 0x377f0682); // this machine is little-endian
    const qint64 frames = (log.size() - kHeader) / (kFrameHeader + pageSize);
    rewriteChecksums(log, pageSize, /*bigEndian=*/true);
    test::writeAll(walOf(path), log);
    REQUIRE(commitsSqliteApplies(path) == commits);

    const WalInspection r = inspect(path);
    INFO(describe(r));
    CHECK(r.headerValid);
    CHECK(r.transactions == commits);
    CHECK_FALSE(r.damaged());

    for (qint64 frame = 1; frame <= frames; ++frame) {
        test::writeAll(walOf(path), log);
        flip(walOf(path), frameOffset(pageSize, frame) + kFrameHeader + 100);
        const WalInspection d = inspect(path);
        const qint64 applied = commitsSqliteApplies(path);
        INFO("frame " << frame << ": " << describe(d) << "; SQLite applied " << applied);
        CHECK(d.transactions == applied);
        CHECK(d.lostTransactions == commits - applied);
        CHECK(d.damaged());
    }
}

TEST_CASE("No log, an empty log or a log shorter than its header: nothing there, nothing damaged")
{
    test::TempDir dir;
    const QString live = dir.path(QStringLiteral("live.waymark"));
    const QString path = dir.path(QStringLiteral("school.waymark"));
    {
        auto connection = walDatabase(live);
        commitRows(*connection, 2);
    }
    REQUIRE(QFile::copy(live, path));
    REQUIRE_FALSE(QFile::exists(walOf(live))); // SQLite removes the log when the last connection closes

    SECTION("no -wal file")
    {
        const WalInspection r = inspect(path);
        CHECK_FALSE(r.present);
        CHECK_FALSE(r.damaged());
        CHECK(r.frames == 0);
        CHECK(r.transactions == 0);
    }
    SECTION("an empty -wal file")
    {
        test::writeAll(walOf(path), {});
        const WalInspection r = inspect(path);
        CHECK_FALSE(r.present);
        CHECK_FALSE(r.damaged());
    }
    SECTION("a -wal file shorter than a header")
    {
        test::writeAll(walOf(path), QByteArray("\x37\x7f\x06\x82\x00\x2d", 6));
        const WalInspection r = inspect(path);
        CHECK(r.present);
        CHECK_FALSE(r.headerValid);
        CHECK_FALSE(r.damaged());
        CHECK(rowsSqliteShows(path) == 2);
    }
    SECTION("a missing database with no log")
    {
        const WalInspection r = inspect(dir.path(QStringLiteral("nowhere.waymark")));
        CHECK_FALSE(r.present);
        CHECK_FALSE(r.damaged());
    }
}

TEST_CASE("Random bytes where the log should be are damage")
{
    test::TempDir dir;
    const QString path = crashedSchool(dir, 2);
    const qint64 size = GENERATE(qint64(33), qint64(5000), qint64(20000));
    QRandomGenerator random{quint32(size)};
    QByteArray noise(size, Qt::Uninitialized);
    for (char& c : noise)
        c = char(random.bounded(256));
    test::writeAll(walOf(path), noise);

    const WalInspection r = inspect(path);
    INFO(size << " bytes: " << describe(r));
    CHECK(r.present);
    CHECK_FALSE(r.headerValid);
    CHECK(r.damaged());
    CHECK(r.transactions == 0);
    CHECK(r.lostTransactions == 0); // nothing in it can be told apart as a transaction
    CHECK(r.frames == 0);
}

TEST_CASE("inspectWal never changes the files, even a read-only log")
{
    test::TempDir dir;
    const QString path = crashedSchool(dir, 5);
    flip(walOf(path), kHeader + kFrameHeader + 4096 + kFrameHeader + 9);
    const QByteArray walBefore = test::sha256Of(walOf(path));
    const QByteArray dbBefore = test::sha256Of(path);
    {
        test::ReadOnlyGuard guard(walOf(path));
        if (!guard.ok())
            WAYMARK_SKIP("cannot make a read-only file on this file system");
        const WalInspection r = inspect(path);
        INFO(describe(r));
        CHECK(r.readError.isEmpty());
        CHECK(r.lostTransactions > 0);
        CHECK(r.damaged());
    }
    CHECK(inspectWal(path).transactions == commitsSqliteApplies(path));
    for (int i = 0; i < 3; ++i)
        inspectWal(path);
    CHECK(test::sha256Of(walOf(path)) == walBefore);
    CHECK(test::sha256Of(path) == dbBefore);
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-shm")));
}

TEST_CASE("walInUseByAnotherProgram sees another process's connection, and only while it lasts")
{
    test::TempDir dir;
    const QString live = dir.path(QStringLiteral("live.waymark"));
    const QString path = dir.path(QStringLiteral("school.waymark"));
    auto connection = walDatabase(live);
    commitRows(*connection, 3);
    connection->exec("SELECT count(*) FROM t");
    crashImage(live, path, /*withShm=*/true);
    connection.reset();

    // A closed file, even with a -shm left behind by a crash, is in use by no one.
    REQUIRE(QFile::exists(path + QStringLiteral("-shm")));
    CHECK_FALSE(walInUseByAnotherProgram(path));
    CHECK_FALSE(walInUseByAnotherProgram(dir.path(QStringLiteral("nowhere.waymark"))));

    if (QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty())
        WAYMARK_SKIP("the sqlite3 shell is not installed");
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), {path});
    REQUIRE(shell.waitForStarted(5000));
    shell.write("PRAGMA journal_mode=WAL;\nBEGIN;\nSELECT 'rows:' || count(*) FROM t;\n");
    QByteArray output;
    for (int i = 0; i < 100 && !output.contains("rows:"); ++i) {
        shell.waitForReadyRead(100);
        output += shell.readAllStandardOutput();
    }
    INFO(output.toStdString() << shell.readAllStandardError().toStdString());
    REQUIRE(output.contains("rows:3"));

    CHECK(walInUseByAnotherProgram(path));
    const WalInspection r = inspect(path); // reading it meanwhile is harmless
    CHECK(r.transactions == 3);

    shell.write("COMMIT;\n.quit\n");
    shell.closeWriteChannel();
    REQUIRE(shell.waitForFinished(5000));
    CHECK_FALSE(walInUseByAnotherProgram(path));
}

TEST_CASE("A frame for page 0 ends the log even when its checksum is right")
{
    test::TempDir dir;
    const int commits = 8;
    const int pageSize = 1024;
    const QString path = crashedSchool(dir, commits, pageSize);
    const QByteArray pristine = test::readAll(walOf(path));
    const qint64 frames = inspect(path).frames;
    for (qint64 frame = 1; frame <= frames; ++frame) {
        QByteArray log = pristine;
        const qint64 at = frameOffset(pageSize, frame);
        log.replace(at, 4, QByteArray(4, '\0'));
        rewriteChecksums(log, pageSize, /*bigEndian=*/false);
        test::writeAll(walOf(path), log);
        const WalInspection r = inspect(path);
        const qint64 applied = commitsSqliteApplies(path);
        INFO("frame " << frame << ": " << describe(r) << "; SQLite applied " << applied);
        REQUIRE(applied < commits);
        CHECK(r.transactions == applied);
        CHECK(r.lostTransactions == commits - applied);
        CHECK(r.damaged());
    }
}

TEST_CASE("A header with a good checksum but another format version: SQLite refuses the file")
{
    test::TempDir dir;
    const int pageSize = 1024;
    const QString path = crashedSchool(dir, 4, pageSize);
    QByteArray log = test::readAll(walOf(path));
    log[7] = char(uchar(log[7]) + 1); // 3007001
    rewriteChecksums(log, pageSize, /*bigEndian=*/false);
    test::writeAll(walOf(path), log);

    const WalInspection r = inspect(path);
    INFO(describe(r));
    CHECK_FALSE(r.headerValid);
    CHECK(r.damaged());
    CHECK(r.lostTransactions == 4);

    // Unlike a bad checksum, which makes SQLite ignore the log, this stops it opening the file at all.
    test::TempDir probe;
    const QString copy = probe.path(QStringLiteral("probe.waymark"));
    REQUIRE(QFile::copy(path, copy));
    REQUIRE(QFile::copy(walOf(path), walOf(copy)));
    Connection connection(copy);
    CHECK_THROWS(connection.value("SELECT count(*) FROM t"));
}
