#include "attachments/evidencefiles.h"

#include "attachments/attachmentstore.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSaveFile>

namespace waymark {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("EvidenceFiles", text);
}
} // namespace

std::vector<AttachedFile> filesOfEvidence(Database& db, RowId evidenceId)
{
    std::vector<AttachedFile> files;
    auto s = db.prepare("SELECT ea.id, ea.file_name, ea.sha256, a.size, a.media_type FROM evidence_attachment ea "
                        "JOIN attachment a ON a.sha256 = ea.sha256 "
                        "WHERE ea.evidence_id = ?1 AND ea.deleted = 0 ORDER BY ea.id");
    s.bindAll(evidenceId);
    while (s.step())
        files.push_back({s.int64(0), s.text(1), s.text(2), s.int64(3), s.text(4)});
    return files;
}

QString safeFileName(const AttachedFile& file)
{
    // Only the last part of whatever was stored (a file may carry "..\\..\\x" or "/etc/passwd"),
    // without characters that some file systems refuse.
    QString name = file.fileName;
    name.replace(QLatin1Char('\\'), QLatin1Char('/'));
    name = name.section(QLatin1Char('/'), -1);
    QString safe;
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || QStringLiteral("<>:\"|?*").contains(c))
            safe += QLatin1Char('_');
        else
            safe += c;
    }
    safe = safe.trimmed();
    while (safe.startsWith(QLatin1Char('.')))
        safe.remove(0, 1);
    if (safe.size() > 120)
        safe = safe.left(60) + QStringLiteral("…") + safe.right(59);
    if (safe.isEmpty()) {
        const QString suffix = QMimeDatabase().mimeTypeForName(file.mediaType).preferredSuffix();
        safe = suffix.isEmpty() ? tr("attachment") : tr("attachment") + QLatin1Char('.') + suffix;
    }
    return safe;
}

void saveAttachmentAs(Database& db, const AttachedFile& file, const QString& path)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        throw StorageError(StorageError::Kind::Io,
                           tr("“%1” could not be written: %2. Choose another folder.")
                               .arg(QDir::toNativeSeparators(path), out.errorString()));
    try {
        Transaction read(db, Transaction::Kind::Read);
        AttachmentStore(db).read(file.sha256, out);
    } catch (...) {
        out.cancelWriting();
        throw;
    }
    if (!out.commit()) {
        const bool full = out.error() == QFileDevice::ResourceError;
        throw StorageError(full ? StorageError::Kind::DiskFull : StorageError::Kind::Io,
                           full ? tr("“%1” could not be written: the disk is full. Nothing was saved there.")
                                      .arg(QDir::toNativeSeparators(path))
                                : tr("“%1” could not be written: %2. Nothing was saved there.")
                                      .arg(QDir::toNativeSeparators(path), out.errorString()));
    }
}

} // namespace waymark
