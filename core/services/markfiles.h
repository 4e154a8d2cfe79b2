#pragma once

#include "domain/entity.h"

#include <QByteArray>
#include <QDate>
#include <QString>

namespace waymark {

class Database;

// Photos, scans, recordings and documents added to a pupil's record of a task while marking. The
// content is kept once however often it is added (by its SHA-256, streamed in), and a file over
// the limit is refused with a message saying so; each add is one transaction, undone by setting
// the file aside (tombstoned) and redone by bringing it back.
namespace marking {

struct AddedFile
{
    RowId fileId = 0;     // the evidence_attachment row
    RowId evidenceId = 0; // the pupil's record of the task (made for the file when there was none)
};

// Adds the file at `path` (its own name kept). Throws StorageError (too large, unreadable, no such
// task or pupil), writing nothing.
AddedFile attachFile(Database& db, RowId taskId, RowId pupilId, const QString& path, QDate today,
                     qint64 maxBytes = 0);
// Adds content already in memory (a pasted picture), under `fileName`.
AddedFile attachBytes(Database& db, RowId taskId, RowId pupilId, const QByteArray& bytes, const QString& fileName,
                      const QString& mediaType, QDate today, qint64 maxBytes = 0);
// Sets a file aside (undo) or brings it back (redo).
void setFileRemoved(Database& db, RowId fileId, bool removed);

} // namespace marking
} // namespace waymark
