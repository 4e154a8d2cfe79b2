#pragma once

#include <QString>

namespace waymark {

// What the first page of a file says before SQLite is let near it: enough to refuse a missing,
// foreign or truncated file without touching it.
struct FileInspection
{
    qint64 size = 0;
    int pageSize = 0;
    int applicationId = 0;  // from the header; may lag behind a WAL
    int userVersion = 0;
    bool walMode = false;     // header read/write versions are 2
    bool hasWal = false;      // a -wal file with content lies beside it
    bool hasJournal = false;  // a rollback journal lies beside it (an interrupted write)
    bool fileWritable = false;
    bool folderWritable = false;
};

// Throws StorageError (NotFound, NotSqlite, NotWaymark, Damaged) when the file cannot be a school file.
FileInspection inspectFile(const QString& path);

} // namespace waymark
