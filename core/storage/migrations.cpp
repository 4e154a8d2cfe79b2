#include "storage/migrations.h"

#include "domain/builtinscales.h"
#include "storage/database.h"
#include "storage/schemacheck.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QString>
#include <QUuid>

#include <functional>
#include <string>
#include <vector>

namespace waymark {

namespace {

#include "schema_v1.inc" // const char* const kSchemaV1

const char* const kEntityColumns =
    "id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, hlc INTEGER NOT NULL, origin TEXT NOT NULL, "
    "deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))";

std::string expandEntity(std::string sql)
{
    const std::string token = "%ENTITY%";
    for (auto pos = sql.find(token); pos != std::string::npos; pos = sql.find(token, pos))
        sql.replace(pos, token.size(), kEntityColumns);
    return sql;
}

// Version 1: the whole first schema. Seeding the built-in ladders and the file's identity is kept
// apart from the schema, so that the reference schema (schema::expected) can be built without it.
void schemaV1(Database& db)
{
    db.exec(expandEntity(kSchemaV1));
}

void seedV1(Database& db)
{
    db.exec("PRAGMA application_id = " + std::to_string(Database::kApplicationId));
    db.prepare("INSERT INTO meta(key, value) VALUES('device_id', ?1)")
        .bindAll(QUuid::createUuid().toString(QUuid::WithoutBraces))
        .run();
    db.prepare("INSERT INTO meta(key, value) VALUES('created_at', ?1)")
        .bindAll(HybridClock::systemMilliseconds())
        .run();
    seedBuiltinScales(db);
}

// Version 2: partial indexes over live rows for the questions asked of the whole school at once
// (the dashboard), so that five years of history cost no more than one: each pupil's last held
// review is one index seek, and the counts of active targets and of recent evidence read only the
// index, not the rows.
void schemaV2(Database& db)
{
    db.exec("CREATE INDEX IF NOT EXISTS review_last_held ON review(pupil_id, held_on) "
            "WHERE deleted = 0 AND held_on IS NOT NULL AND status <> 'planned'");
    db.exec("CREATE INDEX IF NOT EXISTS target_active ON target(pupil_id) WHERE deleted = 0 AND status = 'active'");
    db.exec("CREATE INDEX IF NOT EXISTS evidence_live ON evidence(pupil_id, recorded_on) WHERE deleted = 0");
}

// Version 3: what keeping a real school in step with its MIS needs. Staff who leave are marked, not
// deleted; each MIS's own ids for pupils, staff and groups are kept per source, so that a
// re-import matches the same records however names and UPNs change.
void schemaV3(Database& db)
{
    db.exec("ALTER TABLE staff ADD COLUMN left_on TEXT");
    db.exec(expandEntity("CREATE TABLE mis_identity ("
                         "%ENTITY%, "
                         "source  TEXT NOT NULL, "
                         "entity  TEXT NOT NULL CHECK (entity IN ('pupil', 'staff', 'pupil_group')), "
                         "row_id  INTEGER NOT NULL, "
                         "mis_id  TEXT NOT NULL)"));
    db.exec("CREATE UNIQUE INDEX mis_identity_unique ON mis_identity(source, entity, mis_id) WHERE deleted = 0");
    db.exec("CREATE INDEX mis_identity_row ON mis_identity(entity, row_id)");
}

// Version 4: a pupil's SEN and free-school-meals history as dated periods, as the Common Transfer
// File keeps them (the pupil row holds only what is true now).
void schemaV4(Database& db)
{
    db.exec(expandEntity("CREATE TABLE pupil_period ("
                         "%ENTITY%, "
                         "pupil_id  INTEGER NOT NULL REFERENCES pupil(id), "
                         "kind      TEXT NOT NULL CHECK (kind IN ('sen', 'fsm')), "
                         "status    TEXT NOT NULL DEFAULT '', "
                         "start_on  TEXT NOT NULL, "
                         "end_on    TEXT, "
                         "source    TEXT NOT NULL DEFAULT '')"));
    db.exec("CREATE INDEX pupil_period_pupil ON pupil_period(pupil_id, kind, start_on)");
}

// Version 5: what marking at a desk needs. The pupil's own and a peer's traffic light per success
// criterion; whether a next step was met once the pupil acted on it; the whole-class feedback kept
// for a task (praise, misconceptions, spelling and grammar, who to revisit); and how often each
// comment in the bank has been used, so the most used come first.
void schemaV5(Database& db)
{
    db.exec("ALTER TABLE feedback ADD COLUMN next_step_met INTEGER CHECK (next_step_met IN (0, 1))");
    db.exec("ALTER TABLE comment_bank ADD COLUMN uses INTEGER NOT NULL DEFAULT 0");
    db.exec("CREATE INDEX comment_bank_category ON comment_bank(category, subject_id)");
    db.exec(expandEntity("CREATE TABLE criterion_assessment ("
                         "%ENTITY%, "
                         "evidence_id   INTEGER NOT NULL REFERENCES evidence(id), "
                         "criterion_id  INTEGER NOT NULL REFERENCES success_criterion(id), "
                         "self_light    TEXT NOT NULL DEFAULT '' CHECK (self_light IN ('', 'red', 'amber', 'green')), "
                         "peer_light    TEXT NOT NULL DEFAULT '' CHECK (peer_light IN ('', 'red', 'amber', 'green')))"));
    db.exec("CREATE UNIQUE INDEX criterion_assessment_unique ON criterion_assessment(evidence_id, criterion_id) "
            "WHERE deleted = 0");
    db.exec(expandEntity("CREATE TABLE task_feedback ("
                         "%ENTITY%, "
                         "task_id         INTEGER NOT NULL REFERENCES task(id), "
                         "praise          TEXT NOT NULL DEFAULT '', "
                         "misconceptions  TEXT NOT NULL DEFAULT '', "
                         "literacy        TEXT NOT NULL DEFAULT '', "
                         "revisit         TEXT NOT NULL DEFAULT '')"));
    db.exec("CREATE UNIQUE INDEX task_feedback_task ON task_feedback(task_id) WHERE deleted = 0");
}

// Version 6: full-text search over feedback, evidence notes, targets and plans. One FTS5 index per
// kind of record, reading its words from the record's own table (external content, so no text is
// stored twice), with accents ignored and 2- and 3-letter prefixes indexed for searching as one
// types. An index holds the live rows only (evidence only with a note).
//
// With an untrusted schema a trigger may not write to a virtual table, so the triggers only note
// which rows changed, and what the index held for them, in search_queue; the storage layer brings
// the indexes up to date from it before each commit (storage/searchindex.h), and a search reads the
// rows still queued (another program's writes) afresh. The first entry for a row is kept: it is what
// the index still holds.
void schemaV6(Database& db)
{
    const std::string tokenize = ", tokenize='unicode61 remove_diacritics 2', prefix='2 3')";
    db.exec("CREATE VIRTUAL TABLE search_feedback USING fts5(what_went_well, even_better_if, next_step, "
            "pupil_response, content='feedback', content_rowid='id'" + tokenize);
    db.exec("CREATE VIRTUAL TABLE search_evidence USING fts5(note, content='evidence', content_rowid='id'" + tokenize);
    db.exec("CREATE VIRTUAL TABLE search_target USING fts5(text, success_measure, support, content='target', "
            "content_rowid='id'" + tokenize);
    db.exec("CREATE VIRTUAL TABLE search_plan USING fts5(strengths, needs, strategies, provision, "
            "content='learning_plan', content_rowid='id'" + tokenize);
    db.exec("CREATE TABLE search_queue ("
            "kind     TEXT NOT NULL CHECK (kind IN ('feedback', 'evidence', 'target', 'plan')), "
            "row_id   INTEGER NOT NULL, "
            "indexed  INTEGER NOT NULL CHECK (indexed IN (0, 1)), "
            "a TEXT, b TEXT, c TEXT, d TEXT, "
            "PRIMARY KEY (kind, row_id)) WITHOUT ROWID");

    struct Source
    {
        const char* kind;
        const char* table;
        std::vector<std::string> columns;
        std::string indexed; // the rows an index holds, as a condition on OLD
    };
    const Source sources[] = {
        {"feedback", "feedback", {"what_went_well", "even_better_if", "next_step", "pupil_response"}, "OLD.deleted = 0"},
        {"evidence", "evidence", {"note"}, "OLD.deleted = 0 AND OLD.note <> ''"},
        {"target", "target", {"text", "success_measure", "support"}, "OLD.deleted = 0"},
        {"plan", "learning_plan", {"strengths", "needs", "strategies", "provision"}, "OLD.deleted = 0"},
    };
    for (const Source& s : sources) {
        const std::string index = std::string("search_") + s.kind;
        std::string columns;
        std::string slots;
        std::string oldValues;
        std::string changed = "OLD.deleted IS NOT NEW.deleted";
        for (std::size_t i = 0; i < s.columns.size(); ++i) {
            const std::string& column = s.columns[i];
            columns += (i ? ", " : "") + column;
            slots += std::string(i ? ", " : "") + char('a' + i);
            oldValues += ", OLD." + column;
            changed += " OR OLD." + column + " IS NOT NEW." + column;
        }
        db.exec("CREATE TRIGGER " + index + "_insert AFTER INSERT ON " + s.table +
                " BEGIN INSERT OR IGNORE INTO search_queue(kind, row_id, indexed) VALUES ('" + s.kind +
                "', NEW.id, 0); END");
        db.exec("CREATE TRIGGER " + index + "_update AFTER UPDATE ON " + s.table + " WHEN " + changed +
                " BEGIN INSERT OR IGNORE INTO search_queue(kind, row_id, indexed, " + slots + ") VALUES ('" + s.kind +
                "', OLD.id, " + s.indexed + oldValues + "); END");
        // The rows the file already holds.
        std::string live = s.indexed;
        for (auto pos = live.find("OLD."); pos != std::string::npos; pos = live.find("OLD."))
            live.erase(pos, 4);
        db.exec("INSERT INTO " + index + "(rowid, " + columns + ") SELECT id, " + columns + " FROM " + s.table +
                " WHERE " + live);
    }
}

struct Step
{
    void (*schema)(Database&);
    void (*seed)(Database&); // data a new file needs at this step, or nullptr
    bool indexesOnly;        // adds indexes and nothing else: a file without it reads the same
};

// Index i holds the step from version i to version i + 1.
const std::vector<Step>& steps()
{
    static const std::vector<Step> all = {
        {schemaV1, seedV1, false}, {schemaV2, nullptr, true}, {schemaV3, nullptr, false}, {schemaV4, nullptr, false},
        {schemaV5, nullptr, false}, {schemaV6, nullptr, false}};
    return all;
}

// An SQL identifier in double quotes, and a string literal in single quotes, each with its quote
// character doubled: the names are Waymark's own, but quoting them properly costs nothing.
std::string identifier(const std::string& name)
{
    std::string out = "\"";
    for (const char c : name)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string literal(const std::string& text)
{
    std::string out = "'";
    for (const char c : text)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// Creates, in the scratch reference database, the triggers that copy an overwritten row of each
// shared table into history and refuse hard deletes. The tables and columns are read from the
// scratch database, which holds only what Waymark's own steps made: never from a school file.
void createHistoryTriggers(Database& scratch)
{
    std::vector<std::string> tables;
    {
        auto stmt = scratch.prepare("SELECT m.name FROM sqlite_schema m WHERE m.type = 'table' AND m.name NOT LIKE "
                                    "'sqlite_%' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = "
                                    "'uuid') ORDER BY m.name");
        while (stmt.step())
            tables.push_back(stmt.text(0).toStdString());
    }
    for (const std::string& table : tables) {
        std::string json;
        std::string changed;
        auto cols = scratch.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
        cols.bindAll(table);
        while (cols.step()) {
            const std::string col = cols.text(0).toStdString();
            json += (json.empty() ? "" : ", ") + literal(col) + ", OLD." + identifier(col);
            if (col != "hlc" && col != "origin" && col != "id")
                changed +=
                    (changed.empty() ? "" : " OR ") + ("OLD." + identifier(col) + " IS NOT NEW." + identifier(col));
        }
        // Only a real change of content is history; a save that changes nothing adds nothing.
        scratch.exec(
            "CREATE TRIGGER " + identifier("history_" + table) + " AFTER UPDATE ON " + identifier(table) + " WHEN " +
            changed + " BEGIN INSERT INTO history(entity, entity_uuid, hlc, origin, replaced_at, old_row) VALUES (" +
            literal(table) + ", OLD.uuid, OLD.hlc, OLD.origin, NEW.hlc >> 16, json_object(" + json + ")); END");
        // Shared rows are tombstoned, never deleted: a hard delete would lose data and break merging.
        scratch.exec("CREATE TRIGGER " + identifier("keep_" + table) + " BEFORE DELETE ON " + identifier(table) +
                     " BEGIN SELECT RAISE(ABORT, 'shared records are tombstoned, not deleted'); END");
    }
}

// Gives a school file exactly the triggers of the reference schema at `version`: each is dropped
// by its name and made again from the reference's own CREATE statement.
void installTriggers(Database& db, int version)
{
    for (const schema::Object& o : schema::expected(version)) {
        if (o.type != "trigger")
            continue;
        db.exec("DROP TRIGGER IF EXISTS " + identifier(o.name));
        db.exec(o.sql);
    }
}

} // namespace

int Migrations::currentVersion()
{
    return int(steps().size());
}

bool Migrations::readableUnmigrated(int version)
{
    if (version < 1)
        return false;
    for (std::size_t i = std::size_t(version); i < steps().size(); ++i) {
        if (!steps()[i].indexesOnly)
            return false;
    }
    return true;
}

void Migrations::apply(Database& db)
{
    applyUpTo(db, currentVersion());
}

void Migrations::applyUpTo(Database& db, int target)
{
    // Foreign keys cannot be switched inside a transaction, and a step may need to rebuild a table;
    // each step checks them itself before it commits instead.
    db.exec("PRAGMA foreign_keys = OFF");
    try {
        while (true) {
            Transaction tx(db);
            // Read under the write lock: another program may have migrated the file meanwhile.
            const int version = db.schemaVersion();
            if (version >= target)
                break;
            const Step& step = steps()[std::size_t(version)];
            step.schema(db);
            if (step.seed)
                step.seed(db);
            installTriggers(db, version + 1);
            if (db.prepare("PRAGMA foreign_key_check").step())
                throw StorageError(StorageError::Kind::Damaged,
                                   QCoreApplication::translate("Migrations",
                                                               "Updating the school file to version %1 would break "
                                                               "links between its records, so it was not updated.")
                                       .arg(version + 1));
            db.exec("PRAGMA user_version = " + std::to_string(version + 1));
            tx.commit();
        }
    } catch (...) {
        db.exec("PRAGMA foreign_keys = ON");
        throw;
    }
    db.exec("PRAGMA foreign_keys = ON");
}

void Migrations::buildReference(Database& scratch, int version)
{
    for (int v = 0; v < version; ++v)
        steps()[std::size_t(v)].schema(scratch);
    if (version > 0)
        createHistoryTriggers(scratch);
}

} // namespace waymark
