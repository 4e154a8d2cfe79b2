#pragma once

#include <string>

namespace waymark {

class Database;

// RAII transaction: BEGIN IMMEDIATE for writes (so a writer never fails half-way on a lock), or a
// deferred read. Nested use becomes a savepoint. Rolls back unless commit() is called.
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
    std::string savepoint_; // empty for a top-level transaction
    Kind kind_;
    bool open_ = true;
};

} // namespace waymark
