#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

class QTemporaryDir;

namespace waymark {

class Database;

// A school file opened read-only for a look (check, stats, backup), which leaves nothing beside it:
// the -wal and -shm a read makes are removed again on closing (see Database), a file no program has
// open is read as immutable on a full disk, and a file whose log cannot be replayed in place (no
// -shm can be made there) or that holds a hot journal is read from a private copy in a temporary
// folder, the journal undone there.
class ReadOnlyVisit
{
public:
    // Throws StorageError as Database::open does. A file whose schema is not Waymark's own is
    // refused unless allowUnexpectedSchema (for check, which lists what is wrong).
    explicit ReadOnlyVisit(const QString& path, int busyTimeoutMs = 5000, bool allowUnexpectedSchema = false);
    ~ReadOnlyVisit();
    ReadOnlyVisit(const ReadOnlyVisit&) = delete;
    ReadOnlyVisit& operator=(const ReadOnlyVisit&) = delete;
    Database& db() { return *db_; }
    // Set when the file was read from a private copy for a reason the visitor should hear (a hot
    // journal undone in the copy); empty otherwise.
    const QString& notice() const { return notice_; }

private:
    QString privateCopy(bool hotJournal);

    QString path_;
    QString notice_;
    std::unique_ptr<QTemporaryDir> snapshot_; // a private copy, when reading in place would write
    std::unique_ptr<Database> db_;            // declared last: closed before the copy is removed
};

// What checkFile() found. Problems are damage or a file Waymark cannot use; warnings are data a
// teacher should tidy (an invalid UPN) but that does not make the file unsound.
struct CheckReport
{
    QString path;
    int schemaVersion = 0; // 0 when the file could not be opened at all
    QStringList problems;  // one plain sentence each; empty when the file is sound
    QStringList warnings;  // one plain sentence each; never affect ok()
    bool ok() const { return problems.isEmpty(); }
};

// Opens a school file read-only (never writing a byte) and checks it: SQLite's integrity and
// foreign-key checks, the Waymark identity and schema version, attachment contents against their
// SHA-256, and (as warnings) the UPNs of pupils on roll. A file that cannot be opened gives one
// problem carrying the open error's message.
CheckReport checkFile(const QString& path, int busyTimeoutMs = 5000);
// The same checks on a school file that is already open.
CheckReport checkDatabase(Database& db);

// Live (not deleted) row counts per entity under stable keys ("pupils", "evidence", ...), in a fixed
// order, read in one transaction so they are consistent with each other. "attachments" counts
// distinct stored contents; "history" counts every kept old version.
std::vector<std::pair<QString, qint64>> statistics(Database& db);

struct BackupOptions
{
    bool replaceExisting = false; // otherwise an existing destination is refused
    int pagesPerStep = 256;       // pages copied per step; the source is locked only during a step
    // Called after each step with pages still to copy and the total; it may throw to cancel, which
    // removes everything written so far.
    std::function<void(int remaining, int total)> progress;
};

// Copies an open school file to dest with SQLite's online backup API, so Waymark may keep using it.
// The copy is built in a temporary sibling of dest, made a self-contained file (no -wal), must pass
// checkFile(), and only then is renamed into place. Throws StorageError with a clear sentence
// (destination exists, folder missing or read-only, disk full, ...) and never leaves a partial file.
void backupTo(Database& source, const QString& dest, const BackupOptions& options = {});

// Throws StorageError unless a new file can be written at path: its folder exists and is writable,
// and nothing is there yet (unless replaceExisting, and then not a folder).
void requireNewFileDestination(const QString& path, bool replaceExisting = false);

} // namespace waymark
