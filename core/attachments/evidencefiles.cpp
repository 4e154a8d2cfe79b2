#include "attachments/evidencefiles.h"

#include "attachments/attachmentstore.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>
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
    // A fingerprint is 64 hex digits: anything else (a crafted file) is not listed, as it could
    // not be a stored file's and must never become part of a path.
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    std::vector<AttachedFile> files;
    auto s = db.prepare("SELECT ea.id, ea.file_name, ea.sha256, a.size, a.media_type FROM evidence_attachment ea "
                        "JOIN attachment a ON a.sha256 = ea.sha256 "
                        "WHERE ea.evidence_id = ?1 AND ea.deleted = 0 ORDER BY ea.id");
    s.bindAll(evidenceId);
    while (s.step()) {
        AttachedFile file{s.int64(0), s.text(1), s.text(2), s.int64(3), s.text(4)};
        if (hex.match(file.sha256).hasMatch())
            files.push_back(std::move(file));
    }
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
        // Invisible format characters (right-to-left overrides turn "photo<RLO>gpj.exe" into what
        // looks like "photoexe.jpg") are dropped; characters file systems refuse become "_".
        if (c.category() == QChar::Other_Format)
            continue;
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || QStringLiteral("<>:\"|?*").contains(c))
            safe += QLatin1Char('_');
        else
            safe += c;
    }
    safe = safe.trimmed();
    while (safe.startsWith(QLatin1Char('.')))
        safe.remove(0, 1);
    while (safe.endsWith(QLatin1Char('.')) || safe.endsWith(QLatin1Char(' ')))
        safe.chop(1);
    // Names Windows keeps for devices ("CON", "nul.txt") cannot be files there.
    static const QRegularExpression device(QStringLiteral("^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?$"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (device.match(safe).hasMatch())
        safe.prepend(QLatin1Char('_'));
    if (safe.size() > 120)
        safe = safe.left(60) + QStringLiteral("…") + safe.right(59);
    if (safe.isEmpty()) {
        const QString suffix = QMimeDatabase().mimeTypeForName(file.mediaType).preferredSuffix();
        safe = suffix.isEmpty() ? tr("attachment") : tr("attachment") + QLatin1Char('.') + suffix;
    }
    return safe;
}

bool isSafeToOpen(const AttachedFile& file)
{
    static const QStringList readable{
        // photos and scans
        QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"), QStringLiteral("gif"),
        QStringLiteral("webp"), QStringLiteral("bmp"), QStringLiteral("tif"), QStringLiteral("tiff"),
        QStringLiteral("heic"), QStringLiteral("heif"),
        // sound and video
        QStringLiteral("mp3"), QStringLiteral("m4a"), QStringLiteral("wav"), QStringLiteral("ogg"),
        QStringLiteral("oga"), QStringLiteral("opus"), QStringLiteral("flac"), QStringLiteral("mp4"),
        QStringLiteral("m4v"), QStringLiteral("mov"), QStringLiteral("webm"), QStringLiteral("mkv"),
        QStringLiteral("avi"),
        // documents
        QStringLiteral("pdf"), QStringLiteral("txt"), QStringLiteral("rtf"), QStringLiteral("csv"),
        QStringLiteral("doc"), QStringLiteral("docx"), QStringLiteral("xls"), QStringLiteral("xlsx"),
        QStringLiteral("ppt"), QStringLiteral("pptx"), QStringLiteral("odt"), QStringLiteral("ods"),
        QStringLiteral("odp")};
    const QString name = safeFileName(file);
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    return dot > 0 && readable.contains(name.mid(dot + 1).toLower());
}

void saveAttachmentAs(Database& db, const AttachedFile& file, const QString& path)
{
    // Never over the school file itself, or the files SQLite keeps beside it.
    const QString destination = QFileInfo(path).absoluteFilePath();
    const QString school = QFileInfo(db.path()).absoluteFilePath();
    const QString schoolCanonical = QFileInfo(db.path()).canonicalFilePath();
    const QString destinationCanonical =
        QFileInfo(QFileInfo(path).absolutePath()).canonicalFilePath() + QLatin1Char('/') + QFileInfo(path).fileName();
    for (const QString& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        if (destination == school + suffix ||
            (!schoolCanonical.isEmpty() && destinationCanonical == schoolCanonical + suffix))
            throw StorageError(StorageError::Kind::Invalid,
                               tr("A copy of “%1” cannot be saved over the school file itself. Choose another name.")
                                   .arg(safeFileName(file)));
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        throw StorageError(StorageError::Kind::Io, tr("“%1” could not be written: %2. Choose another folder.")
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
