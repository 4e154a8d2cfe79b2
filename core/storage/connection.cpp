#include "storage/connection.h"

#include "storage/storageerror.h"

#include <sqlite3.h>

#include <cstring>
#include <map>
#include <string>

namespace waymark::connection {

namespace {
// ATTACH would let a statement reach another file; the app never attaches one, and
// SQLITE_LIMIT_ATTACHED = 0 already refuses it. The authorizer says no as well, by name, so that
// a future change of limits cannot quietly open the door again.
int authorize(void*, int action, const char* arg1, const char*, const char*, const char*)
{
    switch (action) {
    case SQLITE_ATTACH:
    case SQLITE_DETACH:
        return SQLITE_DENY;
    case SQLITE_FUNCTION:
        if (arg1 && (std::strcmp(arg1, "load_extension") == 0 || std::strcmp(arg1, "fts3_tokenizer") == 0))
            return SQLITE_DENY;
        return SQLITE_OK;
    default:
        return SQLITE_OK;
    }
}

// SQLite 3.40 does not mark json_object() innocuous, so with an untrusted schema Waymark's own
// history triggers may not call it. Connections that write get an innocuous json_object() that hands
// its arguments to SQLite's own on a private in-memory connection: the same text, byte for byte.
class JsonObjectHelper
{
public:
    ~JsonObjectHelper()
    {
        for (auto& [arity, stmt] : statements_)
            sqlite3_finalize(stmt);
        sqlite3_close_v2(db_);
    }
    sqlite3_stmt* statement(int arity)
    {
        if (auto it = statements_.find(arity); it != statements_.end())
            return it->second;
        if (!db_ &&
            sqlite3_open_v2(":memory:", &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
            return nullptr;
        std::string sql = "SELECT json_object(";
        for (int i = 1; i <= arity; ++i)
            sql += (i > 1 ? ",?" : "?") + std::to_string(i);
        sql += ")";
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
            return nullptr;
        return statements_[arity] = stmt;
    }
    const char* error() const { return db_ ? sqlite3_errmsg(db_) : "out of memory"; }

private:
    sqlite3* db_ = nullptr;
    std::map<int, sqlite3_stmt*> statements_;
};

void innocuousJsonObject(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    static thread_local JsonObjectHelper helper;
    sqlite3_stmt* stmt = helper.statement(argc);
    if (!stmt) {
        sqlite3_result_error(context, helper.error(), -1);
        return;
    }
    for (int i = 0; i < argc; ++i)
        sqlite3_bind_value(stmt, i + 1, argv[i]);
    if (sqlite3_step(stmt) == SQLITE_ROW)
        sqlite3_result_value(context, sqlite3_column_value(stmt, 0));
    else
        sqlite3_result_error(context, helper.error(), -1);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
}

void config(sqlite3* db, int option, int value, const QString& path)
{
    int now = -1;
    const int rc = sqlite3_db_config(db, option, value, &now);
    if (rc != SQLITE_OK || now != value)
        throw StorageError::fromSqlite(rc == SQLITE_OK ? SQLITE_ERROR : rc,
                                       QStringLiteral("a safety setting (%1) was refused").arg(option), path);
}
} // namespace

void harden(sqlite3* db, Access access, const QString& path)
{
    sqlite3_extended_result_codes(db, 1);
    config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, path);
    config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, path);
    config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, path);
    config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, access == Access::ReadOnly ? 0 : 1, path);
    config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, path);
    config(db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, path);
    config(db, SQLITE_DBCONFIG_DQS_DDL, 0, path);
    config(db, SQLITE_DBCONFIG_DQS_DML, 0, path);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, kMaxSqlBytes);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 200);
    sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 50);
    sqlite3_limit(db, SQLITE_LIMIT_TRIGGER_DEPTH, 4);
    sqlite3_limit(db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 1000);
    sqlite3_set_authorizer(db, &authorize, nullptr);
    if (access != Access::ReadOnly) {
        const int rc =
            sqlite3_create_function_v2(db, "json_object", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                       nullptr, &innocuousJsonObject, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            throw StorageError::fromSqlite(rc, QString::fromUtf8(sqlite3_errmsg(db)), path);
    }
    // Belt and braces for the schema setting, and page checks that catch a crafted cell size
    // before it is used. Memory-mapped reads stay off: a file changed under a mapping can crash.
    const int rc = sqlite3_exec(db, "PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0",
                                nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        throw StorageError::fromSqlite(rc, QString::fromUtf8(sqlite3_errmsg(db)), path);
}

sqlite3* open(const QByteArray& name, Access access, const QString& path, bool uri)
{
    int flags = SQLITE_OPEN_NOMUTEX | (uri ? SQLITE_OPEN_URI : 0);
    switch (access) {
    case Access::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Access::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Access::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(name.constData(), &db, flags, nullptr);
    if (rc == SQLITE_OK) {
        try {
            harden(db, access, path);
            return db;
        } catch (...) {
            sqlite3_close_v2(db);
            throw;
        }
    }
    const QString message = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString();
    if (db)
        rc = sqlite3_extended_errcode(db);
    sqlite3_close_v2(db);
    throw StorageError::fromSqlite(rc, message, path);
}

} // namespace waymark::connection
