#include "storage/database.h"

#include "storage/fileinspection.h"
#include "storage/migrations.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <QUrl>
#include <QUuid>

#include <sqlite3.h>

#include <algorithm>

namespace waymark {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Database)
};

// WAL needs shared memory that network file systems do not provide reliably.
bool isLocalDisk(const QString& path)
{
    const QByteArray type = QStorageInfo(QFileInfo(path).absolutePath()).fileSystemType().toLower();
    static const char* const network[] = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "fuse.sshfs",
                                          "9p", "afs", "ncpfs", "davfs", "fuse.davfs2"};
    return std::none_of(std::begin(network), std::end(network), [&](const char* t) { return type == t; });
}

sqlite3* openHandle(const QString& path, int flags, bool uri)
{
    sqlite3* db = nullptr;
    const QByteArray name = uri ? QUrl::fromLocalFile(path).toEncoded() : QFile::encodeName(path);
    const int rc = sqlite3_open_v2(name.constData(), &db, flags | SQLITE_OPEN_NOMUTEX | (uri ? SQLITE_OPEN_URI : 0),
                                   nullptr);
    if (rc != SQLITE_OK) {
        const QString message = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString();
        sqlite3_close_v2(db);
        throw StorageError::fromSqlite(rc, message, path);
    }
    sqlite3_extended_result_codes(db, 1);
    return db;
}

int pragmaInt(sqlite3* db, const char* sql, const QString& path)
{
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    int value = 0;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            value = sqlite3_column_int(stmt, 0);
            rc = SQLITE_OK;
        }
    }
    const QString message = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_OK && rc != SQLITE_DONE)
        throw StorageError::fromSqlite(rc, message, path);
    return value;
}
} // namespace

Database::Database(sqlite3* db, QString path, bool readOnly, QString readOnlyReason)
    : db_(db)
    , path_(std::move(path))
    , readOnly_(readOnly)
    , readOnlyReason_(std::move(readOnlyReason))
{
    sqlite3_update_hook(db_, &Database::updateHook, this);
}

Database::~Database()
{
    for (sqlite3_stmt* stmt : all_)
        sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
}

std::unique_ptr<Database> Database::open(const QString& path, Options options)
{
    const FileInspection inspection = inspectFile(path); // throws for missing, foreign or truncated files

    bool readOnly = options.readOnly;
    QString reason;
    if (options.readOnly) {
        reason = Tr::tr("The school file was opened read-only.");
    } else if (!inspection.fileWritable) {
        readOnly = true;
        reason = Tr::tr("The school file is read-only, so changes cannot be saved. Copy it to a folder you can "
                        "write to, or ask your IT technician to change its permissions.");
    } else if (!inspection.folderWritable) {
        readOnly = true;
        reason = Tr::tr("The folder holding the school file cannot be written to, so changes cannot be saved. "
                        "Copy the file to a folder you can write to.");
    }

    // A read-only folder cannot hold the WAL index, so such a file is opened as immutable.
    sqlite3* raw = nullptr;
    if (readOnly && !inspection.folderWritable) {
        QUrl url = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
        url.setQuery(QStringLiteral("mode=ro&immutable=1"));
        sqlite3* db = nullptr;
        const int rc = sqlite3_open_v2(url.toEncoded().constData(), &db,
                                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_close_v2(db);
            throw StorageError::fromSqlite(rc, {}, path);
        }
        raw = db;
    } else {
        raw = openHandle(path, readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, false);
    }
    std::unique_ptr<Database> db(new Database(raw, path, readOnly, reason));
    sqlite3_busy_timeout(raw, options.busyTimeoutMs);

    // The header may be stale while a WAL holds newer pages, so ask SQLite for the real values.
    const int appId = pragmaInt(raw, "PRAGMA application_id", path);
    const int version = pragmaInt(raw, "PRAGMA user_version", path);
    if (appId != kApplicationId)
        throw StorageError(StorageError::Kind::NotWaymark,
                           Tr::tr("“%1” is a database, but not a Waymark school file.").arg(path));
    if (version > Migrations::currentVersion())
        throw StorageError(StorageError::Kind::NewerVersion,
                           Tr::tr("“%1” was saved by a newer version of Waymark (file version %2; this version "
                                  "reads up to %3). Update Waymark to open it. The file has not been changed.")
                               .arg(path)
                               .arg(version)
                               .arg(Migrations::currentVersion()));
    if (version < Migrations::currentVersion() && readOnly)
        throw StorageError(StorageError::Kind::ReadOnly,
                           Tr::tr("“%1” was saved by an older version of Waymark and needs updating, but it is "
                                  "read-only. Copy it to a folder you can write to and open the copy.")
                               .arg(path));

    if (!readOnly)
        db->configure(isLocalDisk(path));
    else
        db->exec("PRAGMA foreign_keys = ON");
    if (version < Migrations::currentVersion())
        Migrations::apply(*db);
    db->loadIdentity();
    return db;
}

std::unique_ptr<Database> Database::create(const QString& path)
{
    if (QFileInfo::exists(path))
        throw StorageError(StorageError::Kind::Invalid,
                           Tr::tr("“%1” already exists. Choose another name, or open it instead.").arg(path));
    if (!QFileInfo(QFileInfo(path).absolutePath()).isDir())
        throw StorageError(StorageError::Kind::NotFound,
                           Tr::tr("The folder for “%1” does not exist.").arg(path));
    sqlite3* raw = openHandle(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, false);
    std::unique_ptr<Database> db(new Database(raw, path, false, {}));
    sqlite3_busy_timeout(raw, 5000);
    db->configure(isLocalDisk(path));
    Migrations::apply(*db);
    db->loadIdentity();
    return db;
}

void Database::createAtomically(const QString& path, const std::function<void(Database&)>& build)
{
    if (QFileInfo::exists(path))
        throw StorageError(StorageError::Kind::Invalid,
                           Tr::tr("“%1” already exists. Choose another name, or open it instead.").arg(path));
    const QString temp = path + QStringLiteral(".part-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    auto removeTemp = [&] {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(temp + QLatin1String(suffix));
    };
    try {
        {
            auto db = create(temp);
            build(*db);
            db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
        } // closing the last connection folds the WAL into the file
        if (!QFile::rename(temp, path))
            throw StorageError(StorageError::Kind::Io,
                               Tr::tr("The new school file could not be moved into place at “%1”.").arg(path));
    } catch (...) {
        removeTemp();
        throw;
    }
    removeTemp();
}

std::unique_ptr<Database> Database::openInMemory()
{
    sqlite3* raw = openHandle(QStringLiteral(":memory:"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, false);
    std::unique_ptr<Database> db(new Database(raw, QStringLiteral(":memory:"), false, {}));
    db->exec("PRAGMA foreign_keys = ON");
    Migrations::apply(*db);
    db->loadIdentity();
    return db;
}

void Database::configure(bool localDisk)
{
    exec("PRAGMA foreign_keys = ON");
    // WAL keeps readers and the writer apart and survives crashes; FULL syncs every commit so a flat
    // battery cannot lose a committed change. Network shares fall back to a rollback journal.
    exec(localDisk ? "PRAGMA journal_mode = WAL" : "PRAGMA journal_mode = DELETE");
    exec("PRAGMA synchronous = FULL");
}

void Database::setBulkLoading(bool on)
{
    exec(on ? "PRAGMA synchronous = OFF" : "PRAGMA synchronous = FULL");
}

void Database::loadIdentity()
{
    auto stmt = prepare("SELECT key, value FROM meta WHERE key IN ('device_id', 'hlc')");
    while (stmt.step()) {
        const QString key = stmt.text(0);
        if (key == QLatin1String("device_id"))
            deviceId_ = stmt.text(1);
        else
            persistedStamp_ = stmt.int64(1);
    }
    clock_.observe(persistedStamp_);
}

void Database::persistClock()
{
    if (clock_.last() == persistedStamp_ || readOnly_)
        return;
    prepare("INSERT INTO meta(key, value) VALUES('hlc', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bindAll(clock_.last())
        .run();
    persistedStamp_ = clock_.last();
}

int Database::schemaVersion()
{
    return pragmaInt(db_, "PRAGMA user_version", path_);
}

Statement Database::prepare(std::string_view sql)
{
    const std::string key(sql);
    auto it = idle_.find(key);
    if (it != idle_.end() && !it->second.empty()) {
        sqlite3_stmt* stmt = it->second.back();
        it->second.pop_back();
        return Statement(*this, stmt, true);
    }
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, key.data(), int(key.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
        throwLastError(rc);
    all_.push_back(stmt);
    return Statement(*this, stmt, true);
}

void Database::release(sqlite3_stmt* stmt)
{
    idle_[sqlite3_sql(stmt)].push_back(stmt);
}

void Database::exec(std::string_view sql)
{
    const std::string text(sql);
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const QString message = QString::fromUtf8(error ? error : sqlite3_errmsg(db_));
        sqlite3_free(error);
        throw StorageError::fromSqlite(rc, message, path_);
    }
}

void Database::throwLastError(int rc) const
{
    throw StorageError::fromSqlite(rc, QString::fromUtf8(sqlite3_errmsg(db_)), path_);
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const
{
    return sqlite3_changes(db_);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(db_) == 0;
}

int Database::addChangeListener(ChangeListener listener)
{
    listeners_.emplace_back(nextListenerId_, std::move(listener));
    return nextListenerId_++;
}

void Database::removeChangeListener(int id)
{
    std::erase_if(listeners_, [id](const auto& entry) { return entry.first == id; });
}

void Database::updateHook(void* self, int, const char*, const char* table, qint64 rowId)
{
    auto* db = static_cast<Database*>(self);
    if (!db->listeners_.empty())
        db->pending_.push_back({table, rowId});
}

void Database::committed()
{
    if (pending_.empty())
        return;
    const std::vector<Change> changes = std::move(pending_);
    pending_.clear();
    const auto listeners = listeners_; // a listener may remove itself
    for (const auto& [id, listener] : listeners)
        listener(changes);
}

void Database::rolledBack()
{
    pending_.clear();
}

} // namespace waymark
