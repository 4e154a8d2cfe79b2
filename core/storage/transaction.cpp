#include "storage/transaction.h"

#include "storage/database.h"
#include "storage/storageerror.h"

#include <sqlite3.h>

#include <atomic>

namespace waymark {

Transaction::Transaction(Database& db, Kind kind)
    : db_(db)
    , kind_(kind)
{
    if (kind == Kind::Write && db_.isReadOnly())
        throw StorageError(StorageError::Kind::ReadOnly, db_.readOnlyReason());
    if (db_.inTransaction()) {
        static std::atomic<int> counter{0};
        savepoint_ = "wm_sp_" + std::to_string(++counter);
        db_.exec("SAVEPOINT " + savepoint_);
    } else {
        db_.exec(kind == Kind::Write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    }
}

Transaction::~Transaction()
{
    if (!open_)
        return;
    // Never throw from a destructor: a failed rollback leaves SQLite to roll back on close.
    if (savepoint_.empty()) {
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        db_.rolledBack();
    } else {
        const std::string sql = "ROLLBACK TO " + savepoint_ + "; RELEASE " + savepoint_;
        sqlite3_exec(db_.handle(), sql.c_str(), nullptr, nullptr, nullptr);
    }
}

void Transaction::commit()
{
    if (savepoint_.empty()) {
        if (kind_ == Kind::Write)
            db_.persistClock();
        db_.exec("COMMIT");
        open_ = false;
        db_.committed();
    } else {
        db_.exec("RELEASE " + savepoint_);
        open_ = false;
    }
}

} // namespace waymark
