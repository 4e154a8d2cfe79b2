#include "storage/statement.h"

#include "storage/database.h"
#include "storage/storageerror.h"

#include <sqlite3.h>

namespace waymark {

Statement::Statement(Database& db, sqlite3_stmt* stmt, bool cached)
    : db_(&db)
    , stmt_(stmt)
    , cached_(cached)
{
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_)
    , stmt_(other.stmt_)
    , cached_(other.cached_)
{
    other.stmt_ = nullptr;
}

Statement::~Statement()
{
    if (!stmt_)
        return;
    if (cached_) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        db_->release(stmt_);
    } else {
        sqlite3_finalize(stmt_);
    }
}

void Statement::check(int rc) const
{
    if (rc != SQLITE_OK)
        throw StorageError::fromSqlite(rc, QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(stmt_))));
}

Statement& Statement::bindNull(int index)
{
    check(sqlite3_bind_null(stmt_, index));
    return *this;
}

Statement& Statement::bind(int index, int value)
{
    check(sqlite3_bind_int(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, qint64 value)
{
    check(sqlite3_bind_int64(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, bool value)
{
    return bind(index, value ? 1 : 0);
}

Statement& Statement::bind(int index, double value)
{
    check(sqlite3_bind_double(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    check(sqlite3_bind_text(stmt_, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bind(int index, std::string_view utf8)
{
    check(sqlite3_bind_text(stmt_, index, utf8.data(), int(utf8.size()), SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& blob)
{
    check(sqlite3_bind_blob(stmt_, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bind(int index, const QDate& date)
{
    if (!date.isValid())
        return bindNull(index);
    return bind(index, date.toString(Qt::ISODate));
}

Statement& Statement::bind(int index, const QUuid& uuid)
{
    if (uuid.isNull())
        return bindNull(index);
    const QByteArray text = uuid.toByteArray(QUuid::WithoutBraces);
    check(sqlite3_bind_text(stmt_, index, text.constData(), int(text.size()), SQLITE_TRANSIENT));
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QString message = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(stmt_)));
    sqlite3_reset(stmt_);
    throw StorageError::fromSqlite(rc, message);
}

void Statement::run()
{
    while (step()) {
    }
}

void Statement::reset()
{
    sqlite3_reset(stmt_);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(stmt_);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int Statement::integer(int column) const
{
    return sqlite3_column_int(stmt_, column);
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(stmt_, column);
}

QString Statement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(stmt_, column));
}

QByteArray Statement::blob(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    return QByteArray(data, sqlite3_column_bytes(stmt_, column));
}

QDate Statement::date(int column) const
{
    if (isNull(column))
        return {};
    return QDate::fromString(text(column), Qt::ISODate);
}

QUuid Statement::uuid(int column) const
{
    if (isNull(column))
        return {};
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return QUuid::fromString(QLatin1String(data, sqlite3_column_bytes(stmt_, column)));
}

std::optional<qint64> Statement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

} // namespace waymark
