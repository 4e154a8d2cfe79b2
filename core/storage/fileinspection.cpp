#include "storage/fileinspection.h"

#include "storage/database.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace waymark {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Database)
};

quint32 bigEndian32(const QByteArray& bytes, int offset)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData() + offset);
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}
} // namespace

FileInspection inspectFile(const QString& path)
{
    using Kind = StorageError::Kind;
    const QFileInfo info(path);
    if (!info.exists())
        throw StorageError(Kind::NotFound, Tr::tr("There is no school file at “%1”.").arg(path));
    if (info.isDir())
        throw StorageError(Kind::NotWaymark, Tr::tr("“%1” is a folder, not a school file.").arg(path));

    FileInspection result;
    result.size = info.size();
    result.fileWritable = info.isWritable();
    result.folderWritable = QFileInfo(info.absolutePath()).isWritable();

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw StorageError(Kind::Io, Tr::tr("“%1” cannot be read: %2").arg(path, file.errorString()));
    const QByteArray header = file.read(100);
    if (result.size == 0)
        throw StorageError(Kind::NotWaymark, Tr::tr("“%1” is empty; it is not a Waymark school file.").arg(path));

    static const QByteArray magic("SQLite format 3\0", 16);
    if (!header.startsWith(magic.left(qMin(header.size(), magic.size()))) || header.size() < 16)
        throw StorageError(Kind::NotSqlite,
                           Tr::tr("“%1” is not a Waymark school file (it is not a database at all).").arg(path));
    if (header.size() < 100)
        throw StorageError(Kind::Damaged,
                           Tr::tr("“%1” is damaged: it stops part-way through. Restore it from a backup.").arg(path));

    const auto* h = reinterpret_cast<const unsigned char*>(header.constData());
    result.pageSize = (h[16] << 8) | h[17];
    if (result.pageSize == 1)
        result.pageSize = 65536;
    result.walMode = h[18] == 2 && h[19] == 2;
    result.hasWal = QFileInfo(path + QStringLiteral("-wal")).size() > 0;
    result.hasJournal = QFileInfo::exists(path + QStringLiteral("-journal"));
    result.userVersion = int(bigEndian32(header, 60));
    result.applicationId = int(bigEndian32(header, 68));

    if (result.applicationId != 0 && result.applicationId != Database::kApplicationId)
        throw StorageError(Kind::NotWaymark,
                           Tr::tr("“%1” is a database belonging to another program, not a Waymark school file.")
                               .arg(path));
    // The in-header page count is trustworthy when its "version valid for" matches the change counter.
    // A write interrupted by a power cut can leave page 1 ahead of the rest while the WAL or journal
    // still holds everything; SQLite recovers such a file, so it is not called damaged here.
    const quint32 pageCount = bigEndian32(header, 28);
    const bool countValid = bigEndian32(header, 92) == bigEndian32(header, 24) && pageCount > 0;
    const bool recoverable = result.hasWal || result.hasJournal;
    const bool truncated = result.pageSize < 512 || result.size % result.pageSize != 0
        || (!recoverable && countValid && qint64(pageCount) * result.pageSize > result.size);
    if (truncated)
        throw StorageError(Kind::Damaged,
                           Tr::tr("“%1” is damaged: it is shorter than it should be, perhaps from an interrupted "
                                  "copy. Restore it from a backup.")
                               .arg(path));
    return result;
}

} // namespace waymark
