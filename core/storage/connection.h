#pragma once

#include <QByteArray>
#include <QString>

struct sqlite3;

namespace waymark::connection {

// Every connection Waymark opens on a school file goes through here, because a school file is
// hostile until proven otherwise: it may come from a colleague, another school or an attacker.
//
// A hardened connection runs nothing the file brings with it except what Waymark's own schema
// needs: defensive mode (no writable_schema, no journal_mode=OFF), an untrusted schema (functions
// with side effects may not be called from views or triggers), no views at all (Waymark's schema
// has none), triggers only on connections that write (Waymark's history triggers), no extension
// loading, no FTS3 tokenizer pointers, no double-quoted string literals, no ATTACH, and limits on
// the length of values and statements. See README "Security".
enum class Access {
    ReadOnly,        // triggers off: a connection that cannot write never needs them
    ReadWrite,       // an existing file
    ReadWriteCreate, // a file that may not exist yet
};

// The largest value (text or blob) a connection accepts: the attachment limit and some room.
inline constexpr int kMaxValueBytes = 64 * 1024 * 1024;
// The largest SQL statement: Waymark's own are a few kilobytes.
inline constexpr int kMaxSqlBytes = 256 * 1024;

// Opens and hardens a connection. name is a file name or, with uri set, a "file:" URI (for
// immutable=1 and the like). Throws StorageError naming path.
sqlite3* open(const QByteArray& name, Access access, const QString& path, bool uri = false);
// Applies the settings above to a connection opened elsewhere (extended result codes too).
// Throws StorageError if SQLite refuses one of them.
void harden(sqlite3* db, Access access, const QString& path);

} // namespace waymark::connection
