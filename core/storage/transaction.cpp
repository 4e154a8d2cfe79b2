#include "storage/transaction.h"

#include "storage/database.h"
#include "storage/searchindex.h"
#include "storage/storageerror.h"

#include <QCoreApplication>

#include <sqlite3.h>

#include <atomic>

namespace waymark {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Database)
};
} // namespace

Transaction::Transaction(Database& db, Kind kind)
    : db_(db)
    , kind_(kind)
{
    if (kind == Kind::Write && db_.isReadOnly())
        throw StorageError(StorageError::Kind::ReadOnly, db_.readOnlyReason());
    if (db_.inTransaction()) {
        // Upgrading a deferred read to a writer is how SQLITE_BUSY happens half-way: refuse it.
        if (kind == Kind::Write && !db_.inWriteTransaction())
            throw StorageError(StorageError::Kind::Invalid,
                               QStringLiteral("A write cannot be nested inside a read transaction."));
        static std::atomic<int> counter{0};
        savepoint_ = "wm_sp_" + std::to_string(++counter);
        pendingMark_ = db_.pendingChangeCount();
        db_.exec("SAVEPOINT " + savepoint_);
    } else {
        db_.exec(kind == Kind::Write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
        db_.began(kind == Kind::Write);
    }
}

Transaction::~Transaction()
{
    if (!open_)
        return;
    // Never throw from a destructor: a failed rollback leaves SQLite to roll back on close.
    if (savepoint_.empty()) {
        if (db_.inTransaction())
            sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        db_.rolledBack();
    } else {
        const std::string sql = "ROLLBACK TO " + savepoint_ + "; RELEASE " + savepoint_;
        sqlite3_exec(db_.handle(), sql.c_str(), nullptr, nullptr, nullptr);
        db_.dropPendingChangesAfter(pendingMark_);
    }
}

void Transaction::commit()
{
    // SQLite rolls a transaction back by itself on some errors (disk full, I/O); committing what
    // followed one by one would keep half the work, so stop here instead.
    if (!db_.inTransaction())
        throw StorageError(StorageError::Kind::Io,
                           Tr::tr("The change could not be saved because the school file reported an error "
                                  "part-way through. Nothing from it was kept; please try again."));
    if (savepoint_.empty()) {
        if (kind_ == Kind::Write) {
            // The search indexes change with the rows they index, in the same commit.
            searchindex::catchUp(db_);
            db_.persistClock();
        }
        db_.exec("COMMIT");
        open_ = false;
        db_.committed();
    } else {
        db_.exec("RELEASE " + savepoint_);
        open_ = false;
    }
}

} // namespace waymark
