#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QUuid>

#include <optional>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace waymark {

class Database;

// A prepared SQLite statement with typed binds (1-based) and column reads (0-based). Statements handed
// out by Database::prepare() are cached: destroying one resets it for the next user.
class Statement
{
public:
    Statement(Database& db, sqlite3_stmt* stmt, bool cached);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    ~Statement();

    Statement& bindNull(int index);
    Statement& bind(int index, int value);
    Statement& bind(int index, qint64 value);
    Statement& bind(int index, bool value);
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value);
    Statement& bind(int index, std::string_view utf8);
    Statement& bind(int index, const char* utf8) { return bind(index, std::string_view(utf8)); }
    Statement& bind(int index, const QByteArray& blob);
    Statement& bind(int index, const QDate& date);   // NULL when invalid
    Statement& bind(int index, const QUuid& uuid);   // NULL when null
    template <class T>
    Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    // Binds each argument in turn from index 1.
    template <class... Args>
    Statement& bindAll(const Args&... args)
    {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }

    bool step();   // true while a row is available
    void run();    // steps to the end; for statements that return no rows
    void reset();

    int columnCount() const;
    bool isNull(int column) const;
    int integer(int column) const;
    qint64 int64(int column) const;
    bool boolean(int column) const { return int64(column) != 0; }
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    QDate date(int column) const;
    QUuid uuid(int column) const;
    std::optional<qint64> optionalInt64(int column) const;

    sqlite3_stmt* handle() const { return stmt_; }

private:
    void check(int rc) const;

    Database* db_;
    sqlite3_stmt* stmt_;
    bool cached_;
};

} // namespace waymark
