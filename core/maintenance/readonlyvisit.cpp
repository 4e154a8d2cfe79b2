// ReadOnlyVisit: a read-only look at a school file that leaves its folder as it found it.
#include "maintenance/maintenance.h"
#include "storage/database.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace waymark {

ReadOnlyVisit::ReadOnlyVisit(const QString& path, int busyTimeoutMs, bool allowUnexpectedSchema)
    : path_(path), hadWal_(QFileInfo::exists(path + QStringLiteral("-wal"))),
      hadShm_(QFileInfo::exists(path + QStringLiteral("-shm")))
{
    try {
        db_ = Database::open(path, Database::Options{.readOnly = true, .busyTimeoutMs = busyTimeoutMs,
                                                      .allowUnexpectedSchema = allowUnexpectedSchema});
    } catch (...) {
        tidy(); // a file refused after SQLite opened it (a newer version, say) must not keep our litter
        throw;
    }
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
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path_).constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 100);
        sqlite3_exec(db, "PRAGMA schema_version", nullptr, nullptr, nullptr);
    }
    sqlite3_close_v2(db);
}

} // namespace waymark
