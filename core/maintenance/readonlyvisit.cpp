// ReadOnlyVisit: a read-only look at a school file that leaves its folder as it found it.
#include "maintenance/maintenance.h"
#include "storage/connection.h"
#include "storage/database.h"
#include "storage/fileinspection.h"
#include "storage/migrations.h"
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
    : path_(path)
{
    const Database::Options options{.readOnly = true,
                                    .busyTimeoutMs = busyTimeoutMs,
                                    .allowUnexpectedSchema = allowUnexpectedSchema,
                                    .briefLook = true};
    const FileInspection inspection = inspectFile(path);
    try {
        db_ = Database::open(path, options);
        return;
    } catch (const StorageError& e) {
        // Undoing a hot journal needs a writer, and replaying a log no program has open needs a -shm
        // made beside it (impossible on read-only media or a full disk). Either way the look goes on
        // in a private copy, where the journal is undone or the log replayed.
        const int code = e.sqliteCode() & 0xff;
        const bool hotJournal = e.sqliteCode() == SQLITE_READONLY_ROLLBACK;
        const bool logUnreadable = inspection.hasWal && !QFileInfo::exists(path + QStringLiteral("-shm")) &&
                                   (code == SQLITE_CANTOPEN || code == SQLITE_IOERR || code == SQLITE_FULL ||
                                    code == SQLITE_READONLY);
        // A file from an older Waymark whose later versions add more than indexes is read through
        // a private copy brought up to date; the file itself is left as it was.
        const bool older = e.kind() == StorageError::Kind::ReadOnly && inspection.applicationId == Database::kApplicationId &&
                           inspection.userVersion > 0 && inspection.userVersion < Migrations::currentVersion() &&
                           !Migrations::readableUnmigrated(inspection.userVersion);
        if (older) {
            Database::Options update = options;
            update.readOnly = false;
            update.briefLook = false;
            db_ = Database::open(privateCopy(false), update);
            notice_ = Tr::tr("“%1” was saved by an older version of Waymark. It was read through an updated "
                             "private copy; the file itself is updated the next time the school is opened in "
                             "Waymark.")
                          .arg(QDir::toNativeSeparators(path));
            return;
        }
        if (!hotJournal && !logUnreadable)
            throw;
        db_ = Database::open(privateCopy(hotJournal), options);
        if (hotJournal)
            notice_ = Tr::tr("“%1” holds a change that a program stopped part-way through (a “hot journal”). "
                             "It was undone in a private copy to check the file; Waymark undoes it in the file "
                             "itself the next time the school is opened. Nothing that was saved is lost.")
                          .arg(QDir::toNativeSeparators(path + QStringLiteral("-journal")));
    }
}

namespace {
// Size and modification time of a file and of whatever lies beside it: enough to see that a copy
// was taken while something was still writing.
QString fingerprint(const QString& path)
{
    QString print;
    for (const char* suffix : {"", "-wal", "-journal"}) {
        const QFileInfo info(path + QLatin1String(suffix));
        print += QStringLiteral("%1:%2:%3;").arg(info.exists()).arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
    }
    return print;
}
} // namespace

QString ReadOnlyVisit::privateCopy(bool hotJournal)
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        snapshot_ = std::make_unique<QTemporaryDir>();
        const QString copy = QDir(snapshot_->path()).filePath(QFileInfo(path_).fileName());
        const QString before = fingerprint(path_);
        for (const char* suffix : {"", "-wal", "-journal"}) {
            const QString from = path_ + QLatin1String(suffix);
            if (QFileInfo::exists(from) && (!snapshot_->isValid() || !QFile::copy(from, copy + QLatin1String(suffix))))
                throw StorageError(
                    StorageError::Kind::Io,
                    Tr::tr("“%1” has unsaved work waiting beside it that can only be read by writing there, and a "
                           "private copy to read it from could not be made (the temporary folder may be full). Free "
                           "some space and try again.")
                        .arg(path_));
        }
        if (fingerprint(path_) != before)
            continue; // something wrote while the copy was made: the copy may be torn
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
    throw StorageError(StorageError::Kind::Locked,
                       Tr::tr("“%1” kept changing while a private copy was being made to read it. Try again when "
                              "the program writing to it has finished.")
                           .arg(path_));
}

ReadOnlyVisit::~ReadOnlyVisit() = default;

} // namespace waymark
