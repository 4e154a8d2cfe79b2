#include "services/markfiles.h"

#include "attachments/attachmentstore.h"
#include "domain/entities.h"
#include "repo/repository.h"
#include "services/marking.h"
#include "storage/database.h"
#include "storage/transaction.h"

#include <QFileInfo>

namespace waymark::marking {

namespace {
AddedFile record(Database& db, RowId evidenceId, const QString& sha256, const QString& fileName)
{
    EvidenceAttachment row;
    row.evidenceId = evidenceId;
    row.sha256 = sha256;
    row.fileName = fileName;
    return {Repository<EvidenceAttachment>(db).insert(row), evidenceId};
}

qint64 limitOr(qint64 maxBytes)
{
    return maxBytes > 0 ? maxBytes : AttachmentStore::kMaxBytes;
}
} // namespace

AddedFile attachFile(Database& db, RowId taskId, RowId pupilId, const QString& path, QDate today, qint64 maxBytes)
{
    Transaction transaction(db);
    const RowId evidence = evidenceFor(db, taskId, pupilId, today);
    const QString sha = AttachmentStore(db, limitOr(maxBytes)).putFile(path);
    const AddedFile added = record(db, evidence, sha, QFileInfo(path).fileName());
    transaction.commit();
    return added;
}

AddedFile attachBytes(Database& db, RowId taskId, RowId pupilId, const QByteArray& bytes, const QString& fileName,
                      const QString& mediaType, QDate today, qint64 maxBytes)
{
    Transaction transaction(db);
    const RowId evidence = evidenceFor(db, taskId, pupilId, today);
    const QString sha = AttachmentStore(db, limitOr(maxBytes)).putBytes(bytes, mediaType);
    const AddedFile added = record(db, evidence, sha, fileName);
    transaction.commit();
    return added;
}

void setFileRemoved(Database& db, RowId fileId, bool removed)
{
    Transaction transaction(db);
    Repository<EvidenceAttachment>(db).setDeleted(fileId, removed);
    transaction.commit();
}

} // namespace waymark::marking
