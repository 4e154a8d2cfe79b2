#pragma once

namespace waymark {

class Database;

// The full-text indexes of schema version 6 (search_feedback, search_evidence, search_target and
// search_plan; see Migrations) are kept in step by the storage layer: the tables' triggers note each
// changed row in search_queue, and catchUp() brings the indexes up to date from it. Transaction
// calls it before every top-level write commits, so a commit and its index change are one.
namespace searchindex {

// True if the file has the search indexes (schema version 6 or later).
bool present(Database& db);

// Brings the indexes up to date with the rows noted in search_queue, and empties it. Needs a write
// transaction; does nothing (and costs one lookup) when nothing is queued. An index that cannot be
// updated (damaged) is left as it was, its rows still queued, so that the records are still saved;
// throws StorageError only if the transaction itself was lost.
void catchUp(Database& db);

} // namespace searchindex
} // namespace waymark
