#pragma once

#include "storage/hlc.h"
#include "storage/statement.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace waymark {

// One open connection to a Waymark school file. Opening inspects the file first (missing, not a
// database, another program's database, truncated, newer version, read-only, locked), then brings
// its schema up to date. A file that fails those checks is never written.
class Database
{
public:
    static constexpr qint32 kApplicationId = 0x57594D4B; // "WYMK"

    struct Options
    {
        bool readOnly = false;      // open read-only even if the file is writable
        int busyTimeoutMs = 5000;   // how long to wait for another program's lock
        // A file whose schema is not exactly what Waymark made (an added trigger, say) is refused;
        // with this set it is opened read-only instead, so that it can be looked at or checked.
        bool allowUnexpectedSchema = false;
        // A short read-only look (check, stats, backup): on a full disk, where a read cannot make
        // the -shm it needs, a file no program has open is read as immutable instead.
        bool briefLook = false;
    };

    // A row changed by a committed transaction.
    struct Change
    {
        std::string table;
        qint64 rowId = 0;
    };
    using ChangeListener = std::function<void(const std::vector<Change>&)>;

    // Opens an existing school file. Throws StorageError.
    static std::unique_ptr<Database> open(const QString& path, Options options);
    static std::unique_ptr<Database> open(const QString& path) { return open(path, Options{}); }
    // Creates a new, empty school file at a path that must not exist yet. Throws StorageError.
    static std::unique_ptr<Database> create(const QString& path);
    // Builds a new school file in a temporary sibling and moves it into place only when build()
    // has succeeded, so a failure never leaves a half-written file at path.
    static void createAtomically(const QString& path, const std::function<void(Database&)>& build);
    // A private in-memory school, for tests.
    static std::unique_ptr<Database> openInMemory();
    // A private, empty in-memory database with no schema at all (for the reference schema).
    static std::unique_ptr<Database> openScratch();

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const QString& path() const { return path_; }
    bool isReadOnly() const { return readOnly_; }
    const QString& readOnlyReason() const { return readOnlyReason_; }
    // How the file's schema differs from Waymark's, when it was opened with allowUnexpectedSchema.
    const QStringList& schemaProblems() const { return schemaProblems_; }
    // Set when the file's write-ahead log was damaged as it was opened: what SQLite could not read
    // back, and where a copy of the log was kept. A front end must show it. Empty otherwise.
    const QString& recoveryNotice() const { return recoveryNotice_; }
    // True while this process has a connection open on path (any Database).
    static bool isOpenInThisProcess(const QString& path);
    int schemaVersion();
    // PRAGMA data_version: changes whenever another connection commits to the file.
    qint64 dataVersion();

    Statement prepare(std::string_view sql); // cached; safe to nest
    void exec(std::string_view sql);         // one or more statements, no results
    qint64 lastInsertRowId() const;
    int changes() const;
    bool inTransaction() const;
    bool inWriteTransaction() const { return inTransaction() && writing_; }

    // Hybrid-logical-clock stamp for a write, and this device's identity.
    HybridClock::Stamp nextStamp() { return clock_.now(); }
    HybridClock& clock() { return clock_; }
    const QString& deviceId() const { return deviceId_; }

    int addChangeListener(ChangeListener listener);
    void removeChangeListener(int id);

    // Switches off durability for bulk generation into a file that is not yet in place.
    void setBulkLoading(bool on);

    sqlite3* handle() const { return db_; }
    [[noreturn]] void throwLastError(int rc) const;

private:
    friend class Statement;
    friend class Transaction;
    // The files beside a school file that SQLite makes for a connection in WAL mode.
    struct Companions
    {
        bool wal = false;
        bool shm = false;
    };
    Database(sqlite3* db, QString path, bool readOnly, QString readOnlyReason);
    static std::unique_ptr<Database> openReadOnlyConnection(const QString& path, bool immutable, Companions before,
                                                            bool briefLook, int busyTimeoutMs, QString reason);
    static void tidyCompanions(const QString& path, Companions before);

    void release(sqlite3_stmt* stmt);
    void trimCache();
    void configure(bool localDisk);
    void loadIdentity();
    void persistClock();
    void began(bool write);
    void committed();
    void rolledBack();
    std::size_t pendingChangeCount() const;
    void dropPendingChangesAfter(std::size_t count);
    static void updateHook(void* self, int op, const char* dbName, const char* table, qint64 rowId);

    sqlite3* db_ = nullptr;
    QString path_;
    bool readOnly_ = false;
    QString readOnlyReason_;
    QStringList schemaProblems_;
    QString recoveryNotice_;
    QString canonicalPath_; // registered as open in this process while this Database lives
    Companions companionsBefore_; // the -wal and -shm as they were before this opened
    bool tidyOnClose_ = false; // read-only: remove on closing the -wal and -shm it made
    HybridClock clock_;
    HybridClock::Stamp persistedStamp_ = 0;
    QString deviceId_;
    static constexpr int kMaxIdleStatements = 400;
    std::unordered_map<std::string, std::vector<sqlite3_stmt*>> idle_; // by the caller's SQL text
    std::unordered_map<sqlite3_stmt*, std::string> keys_;               // every statement we prepared
    int idleCount_ = 0;
    std::vector<std::pair<int, ChangeListener>> listeners_;
    int nextListenerId_ = 1;
    std::vector<Change> pending_;
    bool identityLoaded_ = false; // meta exists and has been read
    bool writing_ = false; // the open top-level transaction is a write
};

} // namespace waymark
