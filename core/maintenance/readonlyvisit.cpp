// ReadOnlyVisit: a read-only look at a school file that leaves its folder as it found it.
#include "maintenance/maintenance.h"
#include "storage/connection.h"
#include "storage/database.h"
#include "storage/fileinspection.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sqlite3.h>

namespace waymark {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Maintenance)
};
} // namespace

ReadOnlyVisit::ReadOnlyVisit(const QString& path, int busyTimeoutMs, bool allowUnexpectedSchema)
    : path_(path), hadWal_(QFileInfo::exists(path + QStringLiteral("-wal"))),
      hadShm_(QFileInfo::exists(path + QStringLiteral("-shm")))
{
    const Database::Options options{
        .readOnly = true, .busyTimeoutMs = busyTimeoutMs, .allowUnexpectedSchema = allowUnexpectedSchema};
    try {
        const FileInspection inspection = inspectFile(path);
        // Reading a log no program has open needs a -shm file made beside it, and undoing a hot
        // journal needs a writer: both would write where a look must not. A private copy is read.
        const bool pendingLog = inspection.walMode && inspection.hasWal && !hadShm_;
        if (pendingLog || inspection.hasJournal) {
            db_ = Database::open(privateCopy(inspection.hasJournal), options);
            if (inspection.hasJournal)
                notice_ = Tr::tr("“%1” holds a change that a program stopped part-way through (a “hot journal”). "
                                 "It was undone in a private copy to check the file; Waymark undoes it in the file "
                                 "itself the next time the school is opened. Nothing that was saved is lost.")
                              .arg(QDir::toNativeSeparators(path + QStringLiteral("-journal")));
        } else {
            db_ = Database::open(path, options);
        }
    } catch (...) {
        tidy(); // a file refused after SQLite opened it (a newer version, say) must not keep our litter
        throw;
    }
}

QString ReadOnlyVisit::privateCopy(bool hotJournal)
{
    snapshot_ = std::make_unique<QTemporaryDir>();
    const QString copy = QDir(snapshot_->path()).filePath(QFileInfo(path_).fileName());
    for (const char* suffix : {"", "-wal", "-journal"}) {
        const QString from = path_ + QLatin1String(suffix);
        if (QFileInfo::exists(from) && (!snapshot_->isValid() || !QFile::copy(from, copy + QLatin1String(suffix))))
            throw StorageError(StorageError::Kind::Io,
                               Tr::tr("“%1” has unsaved work waiting beside it that can only be read by writing there, "
                                      "and a private copy to read it from could not be made (the temporary folder may "
                                      "be full). Free some space and try again.")
                                   .arg(path_));
    }
    if (hotJournal) {
        // The copy is ours: a writer undoes the interrupted change in it, as SQLite would in the file.
        sqlite3* raw = connection::open(QFile::encodeName(copy), connection::Access::ReadWrite, path_);
        const int rc = sqlite3_exec(raw, "PRAGMA schema_version", nullptr, nullptr, nullptr);
        const QString message = QString::fromUtf8(sqlite3_errmsg(raw));
        sqlite3_close_v2(raw);
        if (rc != SQLITE_OK)
            throw StorageError::fromSqlite(rc, message, path_);
    }
    return copy;
}

ReadOnlyVisit::~ReadOnlyVisit()
{
    db_.reset();
    tidy();
}

void ReadOnlyVisit::tidy()
{
    const QFileInfo wal(path_ + QStringLiteral("-wal"));
    if (hadWal_ || hadShm_ || !wal.exists() || wal.size() != 0 || !QFileInfo(path_).isWritable() ||
        !QFileInfo(wal.absolutePath()).isWritable())
        return;
    // A read-write connection that only reads: on closing, SQLite checkpoints an empty log (writing
    // nothing) and deletes both files, but only if it gets the exclusive lock, so never from under
    // another program. Any failure just leaves the files, which are harmless.
    try {
        sqlite3* db = connection::open(QFile::encodeName(path_), connection::Access::ReadWrite, path_);
        sqlite3_busy_timeout(db, 100);
        sqlite3_exec(db, "PRAGMA schema_version", nullptr, nullptr, nullptr);
        sqlite3_close_v2(db);
    } catch (const StorageError&) {
    }
}

} // namespace waymark
