#pragma once

#include "domain/entity.h"

#include <QString>
#include <QtGlobal>

#include <vector>

namespace waymark {

class Database;

// The files attached to a piece of evidence (photos of work, scans, recordings), and copying one
// out of the school file to where the teacher wants it.
struct AttachedFile
{
    RowId id = 0;     // the evidence_attachment row
    QString fileName; // as it was added ("fractions.jpg"); may be empty
    QString sha256;
    qint64 size = 0;
    QString mediaType;
};

// The evidence's files that are not deleted, in the order they were added.
std::vector<AttachedFile> filesOfEvidence(Database& db, RowId evidenceId);

// A name to save or open the file under: its own name made safe for any file system, or one made
// from the media type ("attachment.jpg") when it has none.
QString safeFileName(const AttachedFile& file);

// True if the file is a kind that is read rather than run (photos, sound, video, PDF, office
// documents, plain text) by its name's ending, so handing it to the desktop cannot start a program.
bool isSafeToOpen(const AttachedFile& file);

// Writes the file's content to path, streamed, whole or not at all: an existing file there is
// replaced only once the new content is complete and checked against its SHA-256. Throws
// StorageError (NotFound, Damaged, Io, DiskFull) with a message for the teacher; then path is as it
// was. The school file itself (or its -wal, -shm or -journal) is refused as a destination.
void saveAttachmentAs(Database& db, const AttachedFile& file, const QString& path);

} // namespace waymark
