#pragma once

#include "domain/fieldlimits.h"
#include "repo/tables.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>

#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace waymark {

// Create, read, update and tombstone any shared entity T, using the columns Table<T> lists.
// Every write stamps the row with the hybrid clock and this device; updates leave the old version in
// the history table (by trigger) and "delete" sets the tombstone, so nothing is ever lost.
template <class T>
class Repository
{
public:
    explicit Repository(Database& db)
        : db_(db)
    {
    }

    // Stores a new row; fills in id, and uuid/stamp/origin where the caller left them empty (an
    // import or the demo generator sets its own, which the clock then takes into account).
    RowId insert(T& e)
    {
        WriteScope scope(db_);
        if (e.uuid.isNull())
            e.uuid = QUuid::createUuid();
        if (e.stamp == 0)
            e.stamp = db_.nextStamp();
        else
            db_.clock().observe(e.stamp);
        if (e.origin.isEmpty())
            e.origin = db_.deviceId();
        write(insertSql(), e);
        e.id = db_.lastInsertRowId();
        scope.commit();
        return e.id;
    }

    // Saves every column of a live row under a new stamp. A row deleted meanwhile (by another
    // window or an import) is not brought back by a stale copy: that throws instead.
    void update(T& e)
    {
        WriteScope scope(db_);
        e.stamp = db_.nextStamp();
        e.origin = db_.deviceId();
        // A value already longer than its limit (from an older or foreign file) may stay as it is:
        // only a changed value is held to the limit, so such a row can still be edited elsewhere.
        std::optional<T> stored;
        if (overLimit(e))
            stored = find(e.id);
        write(updateSql(), e, stored ? &*stored : nullptr);
        if (db_.changes() == 0)
            throw missing();
        scope.commit();
    }

    // Tombstones a row (or brings it back): other devices learn of the deletion by its stamp. Only
    // the flag changes, so a colleague's edit of other fields is not overwritten.
    void setDeleted(RowId id, bool deleted)
    {
        WriteScope scope(db_);
        auto s = db_.prepare("UPDATE " + std::string(Table<T>::name) +
                             " SET deleted = ?1, hlc = ?2, origin = ?3 WHERE id = ?4");
        s.bindAll(deleted, db_.nextStamp(), db_.deviceId(), id);
        s.run();
        if (db_.changes() == 0)
            throw missing();
        scope.commit();
    }
    void remove(RowId id) { setDeleted(id, true); }

    std::optional<T> find(RowId id) const
    {
        auto s = db_.prepare(selectSql() + " WHERE id = ?1 AND deleted = 0");
        s.bindAll(id);
        return s.step() ? std::optional<T>(fromRow(s)) : std::nullopt;
    }

    std::optional<T> findAny(RowId id) const
    {
        auto s = db_.prepare(selectSql() + " WHERE id = ?1");
        s.bindAll(id);
        return s.step() ? std::optional<T>(fromRow(s)) : std::nullopt;
    }

    std::optional<T> findByUuid(const QUuid& uuid) const
    {
        auto s = db_.prepare(selectSql() + " WHERE uuid = ?1");
        s.bind(1, uuid);
        return s.step() ? std::optional<T>(fromRow(s)) : std::nullopt;
    }

    std::vector<T> all() const { return where("1 ORDER BY id"); }

    // Live rows matching an SQL condition (which may end in ORDER BY / LIMIT), with ?1.. bound to args.
    template <class... Args>
    std::vector<T> where(std::string_view condition, const Args&... args) const
    {
        auto s = db_.prepare(selectSql() + " WHERE deleted = 0 AND " + std::string(condition));
        s.bindAll(args...);
        std::vector<T> out;
        while (s.step())
            out.push_back(fromRow(s));
        return out;
    }

    template <class... Args>
    std::optional<T> first(std::string_view condition, const Args&... args) const
    {
        auto rows = where(std::string(condition) + " LIMIT 1", args...);
        return rows.empty() ? std::nullopt : std::optional<T>(std::move(rows.front()));
    }

    int count() const
    {
        auto s = db_.prepare("SELECT count(*) FROM " + std::string(Table<T>::name) + " WHERE deleted = 0");
        s.step();
        return s.integer(0);
    }

    // "id, uuid, hlc, origin, deleted, <columns>" and a row read in that order from column offset.
    static const std::string& columnList()
    {
        static const std::string list = [] {
            std::string out = "id, uuid, hlc, origin, deleted";
            std::apply([&](const auto&... c) { ((out += std::string(", ") + c.name), ...); }, Table<T>::columns);
            return out;
        }();
        return list;
    }

    static T fromRow(const Statement& s, int offset = 0)
    {
        T e;
        e.id = s.int64(offset);
        e.uuid = s.uuid(offset + 1);
        e.stamp = s.int64(offset + 2);
        e.origin = s.text(offset + 3);
        e.deleted = s.boolean(offset + 4);
        int c = offset + 5;
        std::apply([&](const auto&... col) { (columns::read(s, c++, e.*(col.member)), ...); }, Table<T>::columns);
        return e;
    }

private:
    static constexpr std::size_t kColumnCount = std::tuple_size_v<decltype(Table<T>::columns)>;

    static const std::string& selectSql()
    {
        static const std::string sql = "SELECT " + columnList() + " FROM " + Table<T>::name;
        return sql;
    }

    static const std::string& insertSql()
    {
        static const std::string sql = [] {
            std::string values = "?1";
            for (std::size_t i = 2; i <= kColumnCount + 5; ++i)
                values += ", ?" + std::to_string(i);
            return "INSERT INTO " + std::string(Table<T>::name) + "(" + columnList() + ") VALUES (" + values + ")";
        }();
        return sql;
    }

    static const std::string& updateSql()
    {
        static const std::string sql = [] {
            std::string out = "UPDATE " + std::string(Table<T>::name) + " SET hlc = ?3, origin = ?4, deleted = ?5";
            int i = 6;
            std::apply([&](const auto&... c) { ((out += ", " + std::string(c.name) + " = ?" + std::to_string(i++)), ...); },
                       Table<T>::columns);
            return out + " WHERE id = ?1 AND uuid = ?2 AND deleted = 0";
        }();
        return sql;
    }

    // A write joins the caller's write transaction, or gets its own so that it is all-or-nothing and
    // listeners hear of it; inside a read transaction it is refused (Transaction says why).
    class WriteScope
    {
    public:
        explicit WriteScope(Database& db)
        {
            if (!db.inWriteTransaction())
                own_.emplace(db);
        }
        void commit()
        {
            if (own_)
                own_->commit();
        }

    private:
        std::optional<Transaction> own_;
    };

    static bool overLimit(const T& e)
    {
        bool over = false;
        std::apply([&](const auto&... c) { ((over = over || isOverLimit(c.name, e.*(c.member))), ...); },
                   Table<T>::columns);
        return over;
    }

    template <class M>
    static bool isOverLimit(const char* column, const M& value)
    {
        if constexpr (std::is_same_v<M, QString>)
            return value.size() > limits::maxLength(column);
        return false;
    }

    void write(const std::string& sql, const T& e, const T* stored = nullptr)
    {
        auto s = db_.prepare(sql);
        if (e.id != 0)
            s.bind(1, e.id);
        else
            s.bindNull(1);
        s.bind(2, e.uuid);
        s.bind(3, e.stamp);
        s.bind(4, e.origin);
        s.bind(5, e.deleted);
        int i = 6;
        const auto bindColumn = [&](const auto& c) {
            if (!stored || !(stored->*(c.member) == e.*(c.member)))
                checkLength(c.name, e.*(c.member));
            columns::write(s, i++, e.*(c.member));
        };
        std::apply([&](const auto&... c) { (bindColumn(c), ...); }, Table<T>::columns);
        s.run();
    }

    // Texts are bounded by kind (limits::maxLength); a value over its bound is refused whole.
    template <class M> static void checkLength(const char* column, const M& value)
    {
        if constexpr (std::is_same_v<M, QString>) {
            const int limit = limits::maxLength(column);
            if (value.size() > limit)
                throw StorageError(
                    StorageError::Kind::Invalid,
                    QCoreApplication::translate("Repository",
                                                "That text is too long to keep: %1 characters, where at most %2 fit "
                                                "here. Shorten it and try again; nothing was changed.")
                        .arg(value.size())
                        .arg(limit));
        }
    }

    static StorageError missing()
    {
        return StorageError(StorageError::Kind::Invalid,
                            QCoreApplication::translate("Repository", "That record no longer exists."));
    }

    Database& db_;
};

} // namespace waymark
