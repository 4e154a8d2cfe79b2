// backupTo(): a checked, atomic copy of an open school file, by SQLite's online backup API.
#include "maintenance/maintenance.h"
#include "storage/connection.h"
#include "storage/database.h"
#include "storage/partfile.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>
#include <QUuid>

#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace waymark {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Maintenance)
};

using Kind = StorageError::Kind;

// How long a step may keep finding the source locked by another program before we give up.
constexpr auto kBusyLimit = std::chrono::seconds(5);

struct CloseConnection
{
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct FinishBackup
{
    void operator()(sqlite3_backup* backup) const { sqlite3_backup_finish(backup); }
};

QString megabytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

// Failures writing the copy are about the destination, so say so in its terms.
// osErrno is the errno seen right after the failing call, or -1 to ask the connection.
[[noreturn]] void throwCopyError(int rc, sqlite3* out, const QString& dest, Database& source, int osErrno = -1)
{
    const int sysErrno = osErrno >= 0 ? osErrno : (out ? sqlite3_system_errno(out) : 0);
    const QString detail =
        sysErrno ? QString::fromLocal8Bit(std::strerror(sysErrno)) : QString::fromUtf8(sqlite3_errstr(rc));
    switch (rc & 0xff) {
    case SQLITE_FULL:
        throw StorageError(Kind::DiskFull,
                           Tr::tr("There is not enough space on the disk for the backup “%1”. Nothing was kept; "
                                  "free some space or choose another disk.")
                               .arg(dest),
                           rc);
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        throw StorageError(
            Kind::ReadOnly,
            Tr::tr("The backup cannot be written to “%1” (%2). Choose a folder you can write to.").arg(dest, detail),
            rc);
    case SQLITE_IOERR:
        if (sysErrno == ENOSPC || sysErrno == EFBIG)
            throw StorageError(Kind::DiskFull,
                               Tr::tr("The backup “%1” does not fit on that disk (%2). Nothing was kept; free some "
                                      "space or choose another disk.")
                                   .arg(dest, detail),
                               rc);
        throw StorageError(Kind::Io,
                           Tr::tr("The backup could not be written to “%1” (%2). Nothing was kept; check the disk "
                                  "and try again.")
                               .arg(dest, detail),
                           rc);
    default:
        // Busy, locked, damaged: these come from the school file being copied.
        throw StorageError::fromSqlite(rc, QString::fromUtf8(sqlite3_errstr(rc)), source.path());
    }
}

void execOn(sqlite3* db, const char* sql, const QString& dest, Database& source)
{
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        throwCopyError(rc, db, dest, source);
}

std::filesystem::path nativePath(const QString& path)
{
#ifdef Q_OS_WIN
    return std::filesystem::path(path.toStdWString());
#else
    return std::filesystem::path(QFile::encodeName(path).toStdString());
#endif
}

// A rename is durable only once the folder's entry is on disk too.
void syncFolder(const QString& folder)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(folder)
#endif
}

qint64 sourceBytes(Database& source)
{
    auto pages = source.prepare("PRAGMA page_count");
    auto size = source.prepare("PRAGMA page_size");
    return pages.step() && size.step() ? pages.int64(0) * size.int64(0) : 0;
}

// With a rollback journal, another program's commit makes the backup start again; past this long
// of starting again, it stops and says why rather than copy for ever.
constexpr auto kRestartLimit = std::chrono::seconds(60);

void copyPages(Database& source, sqlite3* out, const QString& dest, const BackupOptions& options)
{
    // From a read-only look (waymark-cli backup), a read transaction held for the whole copy pins
    // one consistent snapshot in WAL mode: other programs keep committing to the log, and the copy
    // never has to start again. Not on a connection that writes (the app's own): its writes during
    // the copy go into the copy as they are made. Not with a rollback journal either, where it
    // would stop other programs writing; there a copy that keeps restarting stops after a while.
    std::optional<Transaction> snapshot;
    if (source.isReadOnly() && !source.inTransaction()) {
        auto mode = source.prepare("PRAGMA journal_mode");
        if (mode.step() && mode.text(0) == QLatin1String("wal")) {
            mode.reset();
            snapshot.emplace(source, Transaction::Kind::Read);
            source.prepare("SELECT count(*) FROM sqlite_schema").step(); // the snapshot starts at the first read
        }
    }
    std::unique_ptr<sqlite3_backup, FinishBackup> backup(sqlite3_backup_init(out, "main", source.handle(), "main"));
    if (!backup)
        throwCopyError(sqlite3_errcode(out), out, dest, source);
    const auto started = std::chrono::steady_clock::now();
    auto busySince = started;
    int lastRemaining = -1;
    for (;;) {
        errno = 0;
        const int rc = sqlite3_backup_step(backup.get(), qMax(1, options.pagesPerStep));
        const int stepErrno = errno; // the step does not record a failure on `out` until finish
        if (rc == SQLITE_OK || rc == SQLITE_DONE) {
            busySince = std::chrono::steady_clock::now();
            const int remaining = sqlite3_backup_remaining(backup.get());
            const bool restarted = lastRemaining >= 0 && remaining > lastRemaining;
            lastRemaining = remaining;
            if (restarted && busySince - started > kRestartLimit)
                throw StorageError(Kind::Locked,
                                   Tr::tr("The school file kept changing while it was being copied, so the backup was "
                                          "stopped after a minute. Nothing was kept; try again when it is less busy."));
            if (options.progress)
                options.progress(remaining, sqlite3_backup_pagecount(backup.get()));
            if (rc == SQLITE_DONE)
                break;
        } else if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
            if (std::chrono::steady_clock::now() - busySince > kBusyLimit)
                throwCopyError(rc, out, dest, source, 0);
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        } else {
            throwCopyError(rc, out, dest, source, stepErrno);
        }
    }
    const int rc = sqlite3_backup_finish(backup.release());
    if (rc != SQLITE_OK)
        throwCopyError(rc, out, dest, source);
}
} // namespace

void requireNewFileDestination(const QString& path, bool replaceExisting)
{
    const QFileInfo info(path);
    if (info.isDir())
        throw StorageError(Kind::Invalid, Tr::tr("“%1” is a folder. Give a file name inside it instead.").arg(path));
    if (info.exists() && !replaceExisting)
        throw StorageError(Kind::Invalid,
                           Tr::tr("“%1” already exists, and it has not been touched. Choose another name.").arg(path));
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir())
        throw StorageError(Kind::NotFound, Tr::tr("The folder “%1” does not exist, so “%2” cannot be made there.")
                                               .arg(QDir::toNativeSeparators(folder.filePath()), path));
    if (!folder.isWritable())
        throw StorageError(Kind::ReadOnly,
                           Tr::tr("The folder “%1” is read-only, so “%2” cannot be made there. Choose a folder you "
                                  "can write to.")
                               .arg(QDir::toNativeSeparators(folder.filePath()), path));
}

void backupTo(Database& source, const QString& dest, const BackupOptions& options)
{
    requireNewFileDestination(dest, options.replaceExisting);
    const QFileInfo destInfo(dest);
    if (destInfo.exists() && destInfo.canonicalFilePath() == QFileInfo(source.path()).canonicalFilePath())
        throw StorageError(Kind::Invalid, Tr::tr("A backup cannot replace the school file it is a copy of."));

    // Refuse early rather than fill the disk and fail part-way.
    const qint64 needed = sourceBytes(source);
    const QStorageInfo storage(destInfo.absolutePath());
    if (storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < needed)
        throw StorageError(Kind::DiskFull,
                           Tr::tr("There is not enough space on the disk for the backup “%1”: it needs %2 MB and "
                                  "%3 MB are free. Free some space or choose another disk.")
                               .arg(dest, megabytes(needed), megabytes(storage.bytesAvailable())));

    PartFile part(dest); // declared before the connection, so the connection closes first
    {
        sqlite3* raw = nullptr;
        try {
            raw = connection::open(QFile::encodeName(part.path()), connection::Access::ReadWriteCreate, dest);
        } catch (const StorageError& e) {
            throwCopyError(e.sqliteCode() ? e.sqliteCode() : SQLITE_CANTOPEN, nullptr, dest, source);
        }
        std::unique_ptr<sqlite3, CloseConnection> out(raw);
        execOn(raw, "PRAGMA synchronous = FULL", dest, source);
        copyPages(source, raw, dest, options);
        // A backup travels on its own (USB sticks, read-only shares): no -wal or -shm beside it.
        execOn(raw, "PRAGMA journal_mode = DELETE", dest, source);
        const int closed = sqlite3_close(out.release());
        if (closed != SQLITE_OK)
            throwCopyError(closed, nullptr, dest, source);
    }

    // Checked by content, not through checkFile(), which calls any part file unfinished.
    CheckReport report;
    try {
        ReadOnlyVisit copy(part.path());
        report = checkDatabase(copy.db());
    } catch (const StorageError& e) {
        report.problems << e.message();
    }
    if (!report.ok())
        throw StorageError(Kind::Damaged,
                           Tr::tr("The backup copy failed its check, so it was not kept: %1 The school file itself "
                                  "may be damaged; check it.")
                               .arg(QString(report.problems.first()).replace(part.path(), dest)));

    if (options.replaceExisting) {
        std::error_code error;
        std::filesystem::rename(nativePath(part.path()), nativePath(dest), error);
        if (error)
            throw StorageError(Kind::Io, Tr::tr("The backup could not be moved into place at “%1” (%2).")
                                             .arg(dest, QString::fromLocal8Bit(error.message())));
    } else {
        switch (part.moveInto(dest)) {
        case PartFile::Move::Done:
            break;
        case PartFile::Move::DestinationExists:
            throw StorageError(Kind::Invalid,
                               Tr::tr("Another program made a file called “%1” while the backup was being made. That "
                                      "file was left as it is and the backup was not kept; choose another name.")
                                   .arg(dest));
        case PartFile::Move::Failed:
            throw StorageError(
                Kind::Io, Tr::tr("The backup could not be moved into place at “%1”: the file system refused.").arg(dest));
        }
    }
    part.keep();
    syncFolder(destInfo.absolutePath());
}

} // namespace waymark
