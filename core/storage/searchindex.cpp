#include "storage/searchindex.h"

#include "storage/database.h"
#include "storage/storageerror.h"

#include <sqlite3.h>

namespace waymark::searchindex {

bool present(Database& db)
{
    // A lookup in the schema SQLite has already read: no statement, no I/O.
    return sqlite3_table_column_metadata(db.handle(), "main", "search_queue", nullptr, nullptr, nullptr, nullptr,
                                         nullptr, nullptr) == SQLITE_OK;
}

namespace {
void bringUpToDate(Database& db)
{
    // What the index holds for a queued row is taken out with the words it was indexed with (an
    // external-content index cannot read them back from the row, which has changed since), then
    // the row as it is now goes back in if it is live. The conditions match the triggers' (version 6).
    db.prepare("INSERT INTO search_feedback(search_feedback, rowid, what_went_well, even_better_if, next_step, "
               "pupil_response) SELECT 'delete', row_id, a, b, c, d FROM search_queue WHERE kind = 'feedback' AND "
               "indexed = 1")
        .run();
    db.prepare("INSERT INTO search_feedback(rowid, what_went_well, even_better_if, next_step, pupil_response) "
               "SELECT r.id, r.what_went_well, r.even_better_if, r.next_step, r.pupil_response FROM search_queue q "
               "JOIN feedback r ON r.id = q.row_id WHERE q.kind = 'feedback' AND r.deleted = 0")
        .run();
    db.prepare("INSERT INTO search_evidence(search_evidence, rowid, note) "
               "SELECT 'delete', row_id, a FROM search_queue WHERE kind = 'evidence' AND indexed = 1")
        .run();
    db.prepare("INSERT INTO search_evidence(rowid, note) SELECT r.id, r.note FROM search_queue q "
               "JOIN evidence r ON r.id = q.row_id WHERE q.kind = 'evidence' AND r.deleted = 0 AND r.note <> ''")
        .run();
    db.prepare("INSERT INTO search_target(search_target, rowid, text, success_measure, support) "
               "SELECT 'delete', row_id, a, b, c FROM search_queue WHERE kind = 'target' AND indexed = 1")
        .run();
    db.prepare("INSERT INTO search_target(rowid, text, success_measure, support) "
               "SELECT r.id, r.text, r.success_measure, r.support FROM search_queue q "
               "JOIN target r ON r.id = q.row_id WHERE q.kind = 'target' AND r.deleted = 0")
        .run();
    db.prepare("INSERT INTO search_plan(search_plan, rowid, strengths, needs, strategies, provision) "
               "SELECT 'delete', row_id, a, b, c, d FROM search_queue WHERE kind = 'plan' AND indexed = 1")
        .run();
    db.prepare("INSERT INTO search_plan(rowid, strengths, needs, strategies, provision) "
               "SELECT r.id, r.strengths, r.needs, r.strategies, r.provision FROM search_queue q "
               "JOIN learning_plan r ON r.id = q.row_id WHERE q.kind = 'plan' AND r.deleted = 0")
        .run();
    db.prepare("DELETE FROM search_queue").run();
}
} // namespace

void catchUp(Database& db)
{
    if (!present(db) || !db.prepare("SELECT 1 FROM search_queue LIMIT 1").step())
        return;
    // The indexes only help to find records: one that cannot be updated (damaged in a file from
    // elsewhere, say) must never stop the records themselves being saved. Its changes are undone,
    // the rows stay queued (searched as they are), and the commit goes on.
    db.exec("SAVEPOINT search_catch_up");
    try {
        bringUpToDate(db);
        db.exec("RELEASE search_catch_up");
    } catch (const StorageError& e) {
        if (!db.inTransaction())
            throw; // SQLite gave up the whole transaction (a full disk): the commit cannot go on
        db.exec("ROLLBACK TO search_catch_up; RELEASE search_catch_up");
        qWarning("Waymark: the search index could not be brought up to date: %s", qPrintable(e.message()));
    }
}

} // namespace waymark::searchindex
