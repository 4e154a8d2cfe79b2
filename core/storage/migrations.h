#pragma once

namespace waymark {

class Database;

// Forward-only schema migrations. Each step runs in its own write transaction together with the
// user_version bump, so a file is always at one version or the next, never between.
class Migrations
{
public:
    static int currentVersion();
    // True if a file at `version` can be read as it is, without its pending steps: every one of them
    // only adds indexes (speed, not meaning). Such a file that cannot be written opens read-only.
    static bool readableUnmigrated(int version);
    // Brings the database from its user_version up to currentVersion(). Throws StorageError.
    static void apply(Database& db);
    // Same, but stops at target (for tests that build fixtures of older versions).
    static void applyUpTo(Database& db, int target);
    // (Re)creates the triggers that copy an overwritten row into the history table; called by every
    // step so that a column added later is covered too.
    static void refreshHistoryTriggers(Database& db);
};

} // namespace waymark
