#pragma once

#include <cstddef>
#include <string>

namespace waymark {

class Database;

// RAII transaction: BEGIN IMMEDIATE for writes (so a writer never fails half-way on a lock), or a
// deferred read. Nested use becomes a savepoint; a write cannot nest inside a read. Rolls back
// unless commit() is called.
class Transaction
{
public:
    enum class Kind { Write, Read };

    explicit Transaction(Database& db, Kind kind = Kind::Write);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& db_;
    std::string savepoint_;    // empty for a top-level transaction
    std::size_t pendingMark_ = 0; // change notifications queued before this savepoint
    Kind kind_;
    bool open_ = true;
};

} // namespace waymark
