// Reading never needs to write: check, stats and backup read a school file on a full disk, on
// read-only media and in a colleague's shared folder without making a -wal or -shm beside it (which
// would fail there, or lock the file's owner out afterwards), and leave every file as it was.
#include "clirunner.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <catch2/catch.hpp>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace waymark;

namespace {
QString makeSchool(const QString& path)
{
    REQUIRE(test::runCli({QStringLiteral("init"), path}).exitCode == 0);
    return path;
}

// A crash image: the school and a log holding three committed subjects, copied while still open,
// with no -shm (as after copying the files to a stick).
void makeCrashImage(const QString& work, const QString& image)
{
    auto db = Database::create(work);
    for (int i = 0; i < 3; ++i) {
        Transaction tx(*db);
        db->prepare("INSERT INTO subject(uuid, hlc, origin, name) VALUES (?1, 1, 'x', ?2)")
            .bindAll(QStringLiteral("s%1").arg(i), QStringLiteral("Subject %1").arg(i))
            .run();
        tx.commit();
    }
    REQUIRE(QFile::copy(work, image));
    REQUIRE(QFile::copy(work + QStringLiteral("-wal"), image + QStringLiteral("-wal")));
}

void requireReadable(const QString& path, const QString& backupFolder)
{
    const test::CliRun check = test::runCli({QStringLiteral("check"), path});
    INFO(check.out.toStdString() << check.err.toStdString());
    CHECK(check.exitCode == 0);
    const test::CliRun stats = test::runCli({QStringLiteral("stats"), path});
    INFO(stats.err.toStdString());
    CHECK(stats.exitCode == 0);
    const test::CliRun backup =
        test::runCli({QStringLiteral("backup"), path, backupFolder + QStringLiteral("/copy.waymark")});
    INFO(backup.err.toStdString());
    CHECK(backup.exitCode == 0);
}

#ifdef Q_OS_UNIX
// A tiny tmpfs of our own, filled to the last byte; ok() is false where mounting is not allowed.
class FullDisk
{
public:
    FullDisk()
    {
        if (::geteuid() != 0)
            return;
        ok_ = QProcess::execute(QStringLiteral("mount"),
                                {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                 QStringLiteral("size=2m"), QStringLiteral("waymark-test"), dir_.path()}) == 0;
    }
    ~FullDisk()
    {
        if (ok_)
            QProcess::execute(QStringLiteral("umount"), {dir_.path()});
    }
    bool ok() const { return ok_; }
    QString path(const QString& name) const { return dir_.path(name); }
    // Fills what is left of the disk.
    void fill() const
    {
        QFile filler(dir_.path(QStringLiteral("filler")));
        REQUIRE(filler.open(QIODevice::WriteOnly));
        const QByteArray block(4096, '\0');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
    }

private:
    test::TempDir dir_;
    bool ok_ = false;
};
#endif
} // namespace

TEST_CASE("A look at a school file no program has open leaves nothing beside it, so its owner is never locked out")
{
    test::TempDir dir;
    const QString path = makeSchool(dir.path(QStringLiteral("shared.waymark")));
    const QStringList before = test::filesIn(dir.path());
    test::TempDir out;
    requireReadable(path, out.path());
    CHECK(test::filesIn(dir.path()) == before); // no -wal or -shm owned by whoever looked
    // The owner opens and saves as usual.
    auto db = Database::open(path);
    CHECK_FALSE(db->isReadOnly());
    Transaction tx(*db);
    db->exec("INSERT INTO subject(uuid, hlc, origin, name) VALUES ('owner', 1, 'o', 'Art')");
    tx.commit();
}

TEST_CASE("A school file with unsaved work in its log is read on read-only media, without writing beside it")
{
    test::TempDir work;
    test::TempDir media;
    const QString image = media.path(QStringLiteral("school.waymark"));
    makeCrashImage(work.path(QStringLiteral("school.waymark")), image);
    const QByteArray fileBefore = test::sha256Of(image);
    const QByteArray logBefore = test::sha256Of(image + QStringLiteral("-wal"));
    test::TempDir out;
    {
        test::ReadOnlyGuard guard(media.path());
        if (!guard.ok())
            WAYMARK_SKIP("cannot make a read-only folder on this file system");
        requireReadable(image, out.path());
        // The app cannot keep a private copy for a whole session: it says what to do instead.
        try {
            Database::open(image);
            FAIL("a log that cannot be replayed in place was opened");
        } catch (const StorageError& e) {
            CHECK(e.message().contains(QStringLiteral("Copy both files to a folder you can write to")));
        }
        // The log's three subjects were read, not skipped.
        const test::CliRun stats = test::runCli({QStringLiteral("stats"), out.path(QStringLiteral("copy.waymark"))});
        CHECK(stats.out.contains(QStringLiteral("\"subjects\": 3")));
    }
    CHECK(test::filesIn(media.path()) ==
          QStringList({QStringLiteral("school.waymark"), QStringLiteral("school.waymark-wal")}));
    CHECK(test::sha256Of(image) == fileBefore);
    CHECK(test::sha256Of(image + QStringLiteral("-wal")) == logBefore);
}

#ifdef Q_OS_UNIX
TEST_CASE("A school file on a full disk can still be checked, counted and backed up elsewhere")
{
    FullDisk disk;
    if (!disk.ok())
        WAYMARK_SKIP("cannot mount a small tmpfs here (needs root)");
    const QString path = makeSchool(disk.path(QStringLiteral("school.waymark")));
    test::TempDir work;
    const QString image = disk.path(QStringLiteral("crash.waymark"));
    makeCrashImage(work.path(QStringLiteral("crash.waymark")), image);
    disk.fill();
    const QStringList before = test::filesIn(disk.path(QString()));
    test::TempDir out;
    test::TempDir out2;
    requireReadable(path, out.path());
    requireReadable(image, out2.path());
    CHECK(test::filesIn(disk.path(QString())) == before);
}
#endif
