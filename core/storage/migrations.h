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
    // Makes in an empty scratch database the schema that the steps up to `version` make, with its
    // history triggers and without any seed data: what schema::expected() is read from.
    static void buildReference(Database& scratch, int version);
};

} // namespace waymark
