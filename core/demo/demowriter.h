#pragma once

#include "demo/demorandom.h"
#include "repo/repository.h"
#include "repo/tables.h"
#include "storage/database.h"
#include "storage/hlc.h"

#include <QDate>
#include <QString>

#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace waymark::demo {

// A statement that never joins the connection's cache: it is compiled while CHECK constraints are
// switched off for bulk loading, and must not be handed to anyone else afterwards.
Statement prepareUncached(Database& db, const std::string& sql);

// Inserts rows of one entity in batches of kBatch rows per statement, through statements prepared
// once for the whole run: per-row statements would spend most of their time opening and closing
// cursors on the table and its indexes. Ids are handed out here, so a row's id is known at once and
// its children can refer to it before it reaches the file. Columns and their encoding come from the
// same Table<T> list the repositories use.
template <class T>
class Inserter
{
public:
    static constexpr int kBatch = 32;

    explicit Inserter(Database& db)
        : single_(prepareUncached(db, sql(1)))
        , batch_(prepareUncached(db, sql(kBatch)))
    {
        auto s = db.prepare("SELECT coalesce(max(id), 0) + 1 FROM " + std::string(Table<T>::name));
        s.step();
        nextId_ = s.int64(0);
        pending_.reserve(kBatch * 8);
    }

    RowId add(T& e)
    {
        e.id = nextId_++;
        pending_.push_back(e);
        return e.id;
    }

    void flush()
    {
        std::size_t i = 0;
        for (; i + kBatch <= pending_.size(); i += kBatch) {
            int index = 1;
            for (std::size_t k = i; k < i + kBatch; ++k)
                bindRow(batch_, index, pending_[k]);
            batch_.run();
            batch_.reset();
        }
        for (; i < pending_.size(); ++i) {
            int index = 1;
            bindRow(single_, index, pending_[i]);
            single_.run();
            single_.reset();
        }
        pending_.clear();
    }

private:
    static void bindRow(Statement& s, int& index, const T& e)
    {
        s.bind(index++, e.id);
        s.bind(index++, e.uuid);
        s.bind(index++, e.stamp);
        s.bind(index++, e.origin);
        s.bind(index++, e.deleted);
        std::apply([&](const auto&... c) { (columns::write(s, index++, e.*(c.member)), ...); }, Table<T>::columns);
    }

    static std::string sql(int rows)
    {
        std::string names = "id, uuid, hlc, origin, deleted";
        int count = 5;
        std::apply([&](const auto&... c) { ((names += std::string(", ") + c.name, ++count), ...); },
                   Table<T>::columns);
        std::string row = "(?";
        for (int i = 1; i < count; ++i)
            row += ", ?";
        row += ")";
        std::string values = row;
        for (int r = 1; r < rows; ++r)
            values += ", " + row;
        // OR FAIL: a failing row stops the statement without undoing the rows before it (the whole
        // transaction rolls back anyway), so SQLite needs no statement journal, which would copy
        // every page a multi-row insert touches.
        return "INSERT OR FAIL INTO " + std::string(Table<T>::name) + "(" + names + ") VALUES " + values;
    }

    Statement single_;
    Statement batch_;
    RowId nextId_ = 1;
    std::vector<T> pending_;
};

// UUIDs keep the version-4 layout and 90 random bits, but their first 32 bits count up from a
// random start: millions of rows then append to each uuid index instead of landing all over it,
// which makes a large school several times faster to build and its file smaller.
class Writer
{
public:
    Writer(Database& db, quint64 seed, QDate today);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void stamp(Entity& e, QDate on);

    // From here on CHECK constraints are not evaluated: each "x IN (...)" check builds a temporary
    // table per row, the largest single cost of bulk loading. Every value written comes from the
    // typed enums, and PRAGMA integrity_check still verifies them. Only insert() may follow.
    void beginBulk();

    // For the many rows of the teaching record: the row gets its id at once and reaches the file
    // at the next flush().
    template <class T>
    RowId insert(T& e, QDate on)
    {
        stamp(e, on);
        auto& slot = std::get<std::optional<Inserter<T>>>(inserters_);
        if (!slot)
            slot.emplace(db_);
        slot->add(e);
        if (++buffered_ >= kFlushRows)
            flush();
        return e.id;
    }

    // Writes every buffered row, parents before children.
    void flush();

    // For the few rows of the school's set-up: the ordinary repository, which keeps what stamp() set.
    template <class T>
    RowId store(T& e, QDate on)
    {
        // The repository's statements are cached for the rest of the session, so they must be
        // compiled with every check in place.
        if (bulk_)
            throw std::logic_error("Writer::store() after beginBulk()");
        stamp(e, on);
        return Repository<T>(db_).insert(e);
    }

    HybridClock::Stamp lastStamp() const { return last_; }
    const QString& origin() const { return origin_; }

private:
    Database& db_;
    Random ids_;
    quint32 idBase_ = 0;
    QString origin_;
    QDate today_;
    qint64 sequence_ = 0;
    HybridClock::Stamp last_ = 0;
    bool bulk_ = false;
    static constexpr int kFlushRows = 4096;
    int buffered_ = 0;
    // In the order rows must reach the file: every table after the tables it refers to.
    std::tuple<std::optional<Inserter<Pupil>>, std::optional<Inserter<LearningPlan>>, std::optional<Inserter<Group>>,
               std::optional<Inserter<GroupMember>>, std::optional<Inserter<Target>>,
               std::optional<Inserter<Review>>, std::optional<Inserter<ReviewOutcome>>,
               std::optional<Inserter<Task>>, std::optional<Inserter<SuccessCriterion>>,
               std::optional<Inserter<Evidence>>, std::optional<Inserter<CriterionJudgement>>,
               std::optional<Inserter<Feedback>>, std::optional<Inserter<EvidenceAttachment>>>
        inserters_;
};

} // namespace waymark::demo
