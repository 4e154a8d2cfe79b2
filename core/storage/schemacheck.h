#pragma once

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace waymark {

class Database;

// A school file's schema is verified before anything else is read from it: a trigger, view, table
// or index that Waymark did not make could run a crafted file's own SQL, and a missing or changed
// one means the data cannot be trusted. What Waymark makes at each version is not written down by
// hand: it is built once per process by running Waymark's own migrations in a private in-memory
// database, so it can never drift from them.
namespace schema {

struct Object
{
    std::string type; // "table", "index", "trigger" or "view"
    std::string name;
    std::string table; // the table an index or trigger belongs to
    std::string sql;   // the CREATE statement as SQLite keeps it; empty for automatic indexes
    bool operator==(const Object&) const = default;
};

// Everything Waymark's migrations make at `version` (0 to the current version), by name.
const std::vector<Object>& expected(int version);

// How a file's schema differs from what Waymark made.
struct Differences
{
    QStringList sentences; // one plain sentence each, naming the table, index, trigger or view
    // A table or index is not Waymark's (added, missing, changed, virtual, or sharing storage with
    // another): its rows cannot be trusted to read, so such a file is not opened even read-only.
    // Otherwise only triggers and views differ, which a read-only connection never runs.
    bool tablesDiffer = false;
    bool isEmpty() const { return sentences.isEmpty(); }
};

// Every way db's schema differs from expected(version) (names from the file are shortened and
// stripped of control characters). It only reads sqlite_schema. Throws StorageError if even that
// cannot be read.
Differences differences(Database& db, int version);

// A name from a file, fit to show: control and direction-changing characters replaced, and cut
// short with an ellipsis past `limit` characters.
QString displayName(const QString& name, int limit = 60);

} // namespace schema
} // namespace waymark
