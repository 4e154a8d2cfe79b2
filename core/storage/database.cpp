#include "storage/database.h"

#include "storage/connection.h"
#include "storage/fileinspection.h"
#include "storage/migrations.h"
#include "storage/partfile.h"
#include "storage/schemacheck.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"
#include "storage/walinspection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <QUrl>
#include <QUuid>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>

#if defined(Q_OS_WIN)
#include <windows.h>
#elif defined(Q_OS_MACOS)
#include <sys/mount.h>
#include <sys/param.h>
#endif

namespace waymark {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Database)
};

// WAL needs shared memory that network file systems do not provide reliably, so anything that is
// not known to be a local disk gets a rollback journal.
bool isLocalDisk(const QString& path)
{
    const QString folder = QFileInfo(path).absolutePath();
#if defined(Q_OS_WIN)
    if (folder.startsWith(QLatin1String("//")) || folder.startsWith(QLatin1String("\\\\")))
        return false;
    const std::wstring root = (QDir::toNativeSeparators(folder.left(3))).toStdWString();
    return GetDriveTypeW(root.c_str()) != DRIVE_REMOTE;
#elif defined(Q_OS_MACOS)
    struct statfs info;
    if (statfs(QFile::encodeName(folder).constData(), &info) != 0)
        return false;
    return (info.f_flags & MNT_LOCAL) != 0;
#else
    const QByteArray type = QStorageInfo(folder).fileSystemType().toLower();
    static const char* const local[] = {"ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "jfs", "reiserfs",
                                        "zfs", "tmpfs", "vfat", "exfat", "ntfs", "ntfs3", "overlay", "hfsplus",
                                        "apfs", "bcachefs", "nilfs2", "ramfs"};
    return std::any_of(std::begin(local), std::end(local), [&](const char* t) { return type == t; });
#endif
}

sqlite3* openHandle(const QString& path, connection::Access access)
{
    return connection::open(QFile::encodeName(path), access, path);
}

sqlite3* openReadOnly(const QString& path, bool immutable)
{
    if (!immutable)
        return openHandle(path, connection::Access::ReadOnly);
    QUrl url = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    url.setQuery(QStringLiteral("mode=ro&immutable=1"));
    return connection::open(url.toEncoded(), connection::Access::ReadOnly, path, true);
}

QString readOnlyFileReason()
{
    return Tr::tr("The school file is read-only, so changes cannot be saved. Copy it to a folder you can "
                  "write to, or ask your IT technician to change its permissions.");
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

namespace {
// Which files this process has open, so that nothing here opens and closes another descriptor on
// one of them behind SQLite's back (on POSIX that drops every lock the process holds on the file).
std::mutex& openFilesMutex()
{
    static std::mutex mutex;
    return mutex;
}
std::map<QString, int>& openFiles()
{
    static std::map<QString, int> files;
    return files;
}
} // namespace

bool Database::isOpenInThisProcess(const QString& path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    const std::lock_guard lock(openFilesMutex());
    return !canonical.isEmpty() && openFiles().count(canonical) > 0;
}

Database::Database(sqlite3* db, QString path, bool readOnly, QString readOnlyReason)
    : db_(db)
    , path_(std::move(path))
    , readOnly_(readOnly)
    , readOnlyReason_(std::move(readOnlyReason))
{
    sqlite3_update_hook(db_, &Database::updateHook, this);
    if (path_ != QLatin1String(":memory:")) {
        canonicalPath_ = QFileInfo(path_).canonicalFilePath();
        if (!canonicalPath_.isEmpty()) {
            const std::lock_guard lock(openFilesMutex());
            ++openFiles()[canonicalPath_];
        }
    }
}

Database::~Database()
{
    if (!canonicalPath_.isEmpty()) {
        const std::lock_guard lock(openFilesMutex());
        if (--openFiles()[canonicalPath_] <= 0)
            openFiles().erase(canonicalPath_);
    }
    // Every Statement must be gone by now (they are short-lived locals); close_v2 copes with the rest.
    for (auto& [stmt, key] : keys_)
        sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
    if (tidyOnClose_)
        tidyCompanions(path_, companionsBefore_);
}

namespace {
bool exists(const QString& path, const char* suffix)
{
    return QFileInfo::exists(path + QLatin1String(suffix));
}

// SQLite replays a write-ahead log only up to its first damaged frame, drops the rest without a
// word, and deletes the log when the last connection closes. So before the first read-write open of
// a file whose log no other program is using, the log is read; a damaged one is copied aside, and
// the notice returned says what was lost and where the copy is. If no copy can be kept, the file is
// not opened at all, so that the log survives for someone to recover.
QString keepDamagedLog(const QString& path)
{
    if (Database::isOpenInThisProcess(path) || walInUseByAnotherProgram(path))
        return {};
    const WalInspection wal = inspectWal(path);
    if (!wal.damaged())
        return {};
    const QString log = path + QStringLiteral("-wal");
    const QString copy =
        log + QStringLiteral(".damaged-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (!QFile::copy(log, copy))
        throw StorageError(StorageError::Kind::Io,
                           Tr::tr("The school file's write-ahead log “%1” is damaged, and a copy of it could not be "
                                  "kept beside it, so the school was not opened: opening it would lose %2. Free "
                                  "some space, or copy both files to a folder you can write to and open it there.")
                               .arg(QDir::toNativeSeparators(log), describeWalLoss(wal)));
    return Tr::tr("Part of this school file's write-ahead log was damaged, so some work could not be read back "
                  "and is not in the school now: %1. A copy of the log was kept as “%2”. Give it to your IT "
                  "technician, who may be able to recover that work, and check what you did most recently.")
        .arg(describeWalLoss(wal), QDir::toNativeSeparators(copy));
}

StorageError schemaError(const QString& path, const schema::Differences& differences, bool journalUndone)
{
    QString list;
    for (const QString& sentence : differences.sentences)
        list += QStringLiteral("\n• ") + sentence;
    const QString untouched = journalUndone
        ? Tr::tr("Only an unfinished change that a program had left in it was undone; nothing else was changed.")
        : Tr::tr("The file has not been changed.");
    const auto kind =
        differences.tablesDiffer ? StorageError::Kind::ForeignSchema : StorageError::Kind::UnexpectedSchema;
    return StorageError(kind,
                        Tr::tr("“%1” has been changed by another program, so Waymark did not open it:%2\n\nA school "
                               "file changed like this may have been made to do harm. Ask whoever gave it to you "
                               "for a fresh copy, or restore your own from a backup. %3")
                            .arg(path, list, untouched))
        .withDetails(differences.sentences);
}

StorageError newerVersionError(const QString& path, int version)
{
    return StorageError(StorageError::Kind::NewerVersion,
                        Tr::tr("“%1” was saved by a newer version of Waymark (file version %2; this version reads "
                               "up to %3). Update Waymark to open it. The file has not been changed.")
                            .arg(path)
                            .arg(version)
                            .arg(Migrations::currentVersion()));
}

// What a probe learnt through a read-only connection, before anything is opened for writing.
struct Probe
{
    int applicationId = 0;
    int version = 0;
    bool schemaRead = false; // false when a hot journal hides the file's state until a writer undoes it
    schema::Differences differences;
};
} // namespace

void Database::tidyCompanions(const QString& path, Companions before)
{
    // A read-only connection cannot remove the -wal and -shm it made, and left behind, owned by
    // whoever looked, they can lock the file's owner out. Once no connection here uses them and no
    // other program does, a -shm we made (only an index) goes, and so does a -wal we made if empty.
    const Companions now = Companions{exists(path, "-wal"), exists(path, "-shm")};
    const bool madeWal = !before.wal && now.wal;
    const bool madeShm = !before.shm && now.shm;
    if ((!madeWal && !madeShm) || isOpenInThisProcess(path) || walInUseByAnotherProgram(path))
        return;
    if (madeWal && QFileInfo(path + QStringLiteral("-wal")).size() == 0)
        QFile::remove(path + QStringLiteral("-wal"));
    if (madeShm)
        QFile::remove(path + QStringLiteral("-shm"));
}

std::unique_ptr<Database> Database::openReadOnlyConnection(const QString& path, bool immutable, Companions before,
                                                           bool briefLook, int busyTimeoutMs, QString reason)
{
    std::unique_ptr<Database> db(new Database(openReadOnly(path, immutable), path, true, std::move(reason)));
    db->companionsBefore_ = before;
    db->tidyOnClose_ = true;
    sqlite3_busy_timeout(db->db_, busyTimeoutMs);
    try {
        pragmaInt(db->db_, "PRAGMA user_version", path); // the first read: where a -shm is made
    } catch (const StorageError& e) {
        // A full disk cannot take the -shm a read needs. If no program has the file open, the file
        // alone holds everything: a brief look reads it as immutable instead.
        const int code = e.sqliteCode() & 0xff;
        const bool cannotMakeIndex = code == SQLITE_IOERR || code == SQLITE_CANTOPEN || code == SQLITE_FULL;
        const bool noOneElse = !before.wal && !before.shm && !exists(path, "-journal");
        if (cannotMakeIndex && !before.shm && QFileInfo(path + QStringLiteral("-wal")).size() > 0 && !immutable)
            throw StorageError(StorageError::Kind::ReadOnly,
                               Tr::tr("“%1” has saved work in its write-ahead log (“%1-wal”) that can only be read "
                                      "where a small index file can be made beside it, and that is not possible "
                                      "here (read-only media, or a full disk). Copy both files to a folder you can "
                                      "write to and open the copy there; nothing has been changed.")
                                   .arg(path),
                               e.sqliteCode());
        if (immutable || !briefLook || !noOneElse || !cannotMakeIndex)
            throw;
        const QString why = db->readOnlyReason_;
        db.reset(); // closes, and removes what the failed read made
        return openReadOnlyConnection(path, true, before, briefLook, busyTimeoutMs, why);
    }
    return db;
}

std::unique_ptr<Database> Database::open(const QString& path, Options options)
{
    const FileInspection inspection = inspectFile(path); // throws for missing, foreign or truncated files
    const Companions before = Companions{exists(path, "-wal"), exists(path, "-shm")};

    bool readOnly = options.readOnly;
    QString reason;
    if (options.readOnly) {
        reason = Tr::tr("The school file was opened read-only.");
    } else if (!inspection.fileWritable) {
        readOnly = true;
        reason = readOnlyFileReason();
    } else if (!inspection.folderWritable) {
        readOnly = true;
        reason = Tr::tr("The folder holding the school file cannot be written to, so changes cannot be saved. "
                        "Copy the file to a folder you can write to.");
    }
    // In a folder nobody can write to, SQLite cannot make the -shm a read needs, and with no log to
    // replay and no journal to undo there can be no writer: the file is read as immutable.
    const bool immutable = readOnly && inspection.walMode && !inspection.folderWritable && !before.shm &&
                           !inspection.hasWal && !inspection.hasJournal;

    // A log or journal may hold a newer state than the header. Identity and schema are then read
    // through a read-only connection, so that a file refused is never opened for writing (which
    // would replay or undo them, and drop a damaged log's tail on closing).
    Probe probe{inspection.applicationId, inspection.userVersion, false, {}};
    if (inspection.hasWal || inspection.hasJournal) {
        try {
            auto look = openReadOnlyConnection(path, immutable, before, options.briefLook, options.busyTimeoutMs, {});
            probe.applicationId = pragmaInt(look->db_, "PRAGMA application_id", path);
            probe.version = pragmaInt(look->db_, "PRAGMA user_version", path);
            if (probe.applicationId == kApplicationId && probe.version >= 0 &&
                probe.version <= Migrations::currentVersion()) {
                probe.differences = schema::differences(*look, probe.version);
                probe.schemaRead = true;
            }
        } catch (const StorageError& e) {
            // A hot rollback journal needs a writer to undo it; trust the header, which SQLite
            // restores first, and check the schema once the real connection has undone it.
            if (e.sqliteCode() != SQLITE_READONLY_ROLLBACK && e.sqliteCode() != SQLITE_READONLY_RECOVERY)
                throw;
        }
    }
    if (probe.applicationId != kApplicationId)
        throw StorageError(StorageError::Kind::NotWaymark,
                           Tr::tr("“%1” is a database, but not a Waymark school file.").arg(path));
    if (probe.version > Migrations::currentVersion())
        throw newerVersionError(path, probe.version);
    if (!probe.differences.isEmpty()) {
        if (!options.allowUnexpectedSchema || probe.differences.tablesDiffer)
            throw schemaError(path, probe.differences, false);
        readOnly = true; // read-only anyway: never opened for writing
    }
    const bool behind = probe.version < Migrations::currentVersion();
    const auto refuseOlderReadOnly = [&] {
        // Asked to only read a file that could be written: say so, not that it is read-only.
        if (options.readOnly && QFileInfo(path).isWritable())
            return StorageError(StorageError::Kind::ReadOnly,
                                Tr::tr("“%1” was saved by an older version of Waymark and needs updating before it "
                                       "can be read this way. Open it in Waymark once (it is updated as it opens), "
                                       "then try again. The file has not been changed.")
                                    .arg(path));
        return StorageError(StorageError::Kind::ReadOnly,
                            Tr::tr("“%1” was saved by an older version of Waymark and needs updating, but it is "
                                   "read-only. Copy it to a folder you can write to and open the copy.")
                                .arg(path));
    };
    // An older file that differs only by indexes reads the same, so it can still be read here. One
    // that needs more is refused, but only once its schema is known to be Waymark's (a file with
    // tables of another program's is said to be that, not merely old).
    if (behind && readOnly && !Migrations::readableUnmigrated(probe.version) &&
        (probe.schemaRead || inspection.hasWal || inspection.hasJournal))
        throw refuseOlderReadOnly();

    std::unique_ptr<Database> db;
    if (readOnly) {
        db = openReadOnlyConnection(path, immutable, before, options.briefLook, options.busyTimeoutMs, reason);
    } else {
        const QString recoveryNotice = inspection.hasWal ? keepDamagedLog(path) : QString();
        db.reset(new Database(openHandle(path, connection::Access::ReadWrite), path, false, reason));
        db->recoveryNotice_ = recoveryNotice;
        sqlite3_busy_timeout(db->db_, options.busyTimeoutMs);
        // Permissions can say "writable" while the file system says otherwise (ACLs, Windows shares).
        if (sqlite3_db_readonly(db->db_, "main") == 1) {
            db->readOnly_ = readOnly = true;
            db->readOnlyReason_ = readOnlyFileReason();
        }
    }
    // Read under this connection: it surfaces a lock taken since the probe as "in use", and another
    // program may have changed the file since.
    const int version = pragmaInt(db->db_, "PRAGMA user_version", path);
    if (version > Migrations::currentVersion())
        throw newerVersionError(path, version);

    // Nothing else is read, and nothing written, before the schema is known to be Waymark's own.
    if (schema::Differences differences = schema::differences(*db, version); !differences.isEmpty()) {
        if (!options.allowUnexpectedSchema || differences.tablesDiffer)
            throw schemaError(path, differences, !readOnly && inspection.hasJournal);
        if (!readOnly) {
            db.reset();
            options.readOnly = true;
            return open(path, options);
        }
        db->readOnlyReason_ =
            Tr::tr("This school file has been changed by another program, so it was opened read-only: nothing in "
                   "it can run and nothing can be saved. %1")
                .arg(differences.sentences.first());
        if (differences.sentences.size() > 1)
            db->readOnlyReason_ += QLatin1Char(' ') + Tr::tr("(And %n more difference(s).)", nullptr,
                                                             int(differences.sentences.size() - 1));
        db->schemaProblems_ = std::move(differences.sentences);
    }

    if (!readOnly)
        db->configure(isLocalDisk(path));
    else
        db->exec("PRAGMA foreign_keys = ON");
    if (behind && !readOnly)
        Migrations::apply(*db);
    else if (behind && !Migrations::readableUnmigrated(version))
        throw refuseOlderReadOnly(); // found read-only only once opened
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
    sqlite3* raw = openHandle(path, connection::Access::ReadWriteCreate);
    std::unique_ptr<Database> db(new Database(raw, path, false, {}));
    try {
        sqlite3_busy_timeout(raw, 5000);
        db->configure(isLocalDisk(path));
        Migrations::apply(*db);
        db->loadIdentity();
    } catch (...) {
        db.reset(); // a half-made file would later read as "not a Waymark file"
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(path + QLatin1String(suffix));
        throw;
    }
    return db;
}

void Database::createAtomically(const QString& path, const std::function<void(Database&)>& build)
{
    if (QFileInfo::exists(path))
        throw StorageError(StorageError::Kind::Invalid,
                           Tr::tr("“%1” already exists. Choose another name, or open it instead.").arg(path));
    PartFile part(path); // removes itself (and what a killed earlier run left) unless kept
    {
        auto db = create(part.path());
        build(*db);
        db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } // closing the last connection folds the WAL into the file
    switch (part.moveInto(path)) { // never replaces a school made meanwhile by another program
    case PartFile::Move::Done:
        break;
    case PartFile::Move::DestinationExists:
        throw StorageError(StorageError::Kind::Invalid,
                           Tr::tr("Another program made a file called “%1” while the new school was being made. That "
                                  "file was left as it is and the new school was not kept; choose another name.")
                               .arg(path));
    case PartFile::Move::Failed:
        throw StorageError(StorageError::Kind::Io,
                           Tr::tr("The new school file could not be moved into place at “%1”.").arg(path));
    }
    part.keep();
}

std::unique_ptr<Database> Database::openScratch()
{
    sqlite3* raw = openHandle(QStringLiteral(":memory:"), connection::Access::ReadWriteCreate);
    return std::unique_ptr<Database>(new Database(raw, QStringLiteral(":memory:"), false, {}));
}

std::unique_ptr<Database> Database::openInMemory()
{
    sqlite3* raw = openHandle(QStringLiteral(":memory:"), connection::Access::ReadWriteCreate);
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
    const char* wanted = localDisk ? "wal" : "delete";
    auto mode = prepare(localDisk ? "PRAGMA journal_mode = WAL" : "PRAGMA journal_mode = DELETE");
    const QString got = mode.step() ? mode.text(0) : QString();
    mode.reset();
    if (got != QLatin1String(wanted))
        qWarning("Waymark: journal mode is %s, not %s (another computer may have the file open)", qPrintable(got),
                 wanted);
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
    identityLoaded_ = true;
}

void Database::persistClock()
{
    if (clock_.last() == persistedStamp_ || readOnly_)
        return;
    // max(): another connection may have moved the clock further since this one last looked.
    prepare("INSERT INTO meta(key, value) VALUES('hlc', ?1) "
            "ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)")
        .bindAll(clock_.last())
        .run();
    persistedStamp_ = clock_.last();
}

qint64 Database::dataVersion()
{
    return pragmaInt(db_, "PRAGMA data_version", path_);
}

int Database::schemaVersion()
{
    return pragmaInt(db_, "PRAGMA user_version", path_);
}

Statement Database::prepare(std::string_view sql)
{
    std::string key(sql);
    auto it = idle_.find(key);
    if (it != idle_.end() && !it->second.empty()) {
        sqlite3_stmt* stmt = it->second.back();
        it->second.pop_back();
        --idleCount_;
        return Statement(*this, stmt, true);
    }
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(db_, key.data(), int(key.size()), SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    if (rc != SQLITE_OK)
        throwLastError(rc);
    // prepare() takes exactly one statement: anything after it would silently never run.
    if (tail && std::string_view(tail).find_first_not_of(" \t\r\n;") != std::string_view::npos) {
        sqlite3_finalize(stmt);
        throw StorageError(StorageError::Kind::Invalid,
                           QStringLiteral("prepare() was given more than one statement: %1").arg(QString::fromStdString(key)));
    }
    if (idleCount_ > kMaxIdleStatements)
        trimCache();
    keys_[stmt] = std::move(key);
    return Statement(*this, stmt, true);
}

void Database::release(sqlite3_stmt* stmt)
{
    idle_[keys_[stmt]].push_back(stmt);
    ++idleCount_;
}

void Database::trimCache()
{
    // Callers that build SQL with literals would grow the cache for ever; idle statements are cheap
    // to prepare again, so dropping them all now and then is enough.
    for (auto& [key, list] : idle_)
        for (sqlite3_stmt* stmt : list) {
            keys_.erase(stmt);
            sqlite3_finalize(stmt);
        }
    idle_.clear();
    idleCount_ = 0;
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
    // The search indexes (search_*) follow the rows they index: whoever listens hears of those.
    if (!db->listeners_.empty() && std::strncmp(table, "search_", 7) != 0)
        db->pending_.push_back({table, rowId});
}

void Database::began(bool write)
{
    writing_ = write;
    pending_.clear(); // anything queued belonged to writes outside a transaction, already settled
    if (write && identityLoaded_) {
        // Another connection may have stamped rows since we last looked: never stamp below them.
        auto s = prepare("SELECT value FROM meta WHERE key = 'hlc'");
        if (s.step())
            clock_.observe(s.int64(0));
    }
}

void Database::committed()
{
    writing_ = false;
    if (pending_.empty())
        return;
    const std::vector<Change> changes = std::move(pending_);
    pending_.clear();
    const auto listeners = listeners_; // a listener may remove itself
    for (const auto& [id, listener] : listeners) {
        // The data is committed whatever a listener does; its failure must not look like ours.
        try {
            listener(changes);
        } catch (const std::exception& e) {
            qWarning("Waymark: a change listener failed: %s", e.what());
        }
    }
}

void Database::rolledBack()
{
    writing_ = false;
    pending_.clear();
}

std::size_t Database::pendingChangeCount() const
{
    return pending_.size();
}

void Database::dropPendingChangesAfter(std::size_t count)
{
    if (pending_.size() > count)
        pending_.resize(count);
}

} // namespace waymark
