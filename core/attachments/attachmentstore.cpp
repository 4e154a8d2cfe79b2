#include "attachments/attachmentstore.h"

#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QLocale>
#include <QMimeDatabase>

#include <sqlite3.h>

#include <algorithm>

namespace waymark {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AttachmentStore)
};

// SQLite refuses values over a billion bytes, so no limit may go beyond that.
constexpr qint64 kSqliteLimit = 1'000'000'000;
// How long a pipe or socket may go quiet before the content counts as having ended early.
constexpr int kWaitForDataMs = 30'000;

QString pendingKey()
{
    return QStringLiteral("pending");
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString normalisedKey(const QString& sha256)
{
    return sha256.trimmed().toLower();
}

// Closes an incremental-blob handle on every path out.
class Blob
{
public:
    Blob(Database& db, qint64 rowId, bool writable)
    {
        const int rc = sqlite3_blob_open(db.handle(), "main", "attachment", "data", rowId, writable ? 1 : 0, &blob_);
        if (rc != SQLITE_OK) {
            sqlite3_blob_close(blob_);
            db.throwLastError(rc);
        }
    }
    ~Blob() { sqlite3_blob_close(blob_); }
    Blob(const Blob&) = delete;
    Blob& operator=(const Blob&) = delete;

    sqlite3_blob* get() const { return blob_; }

private:
    sqlite3_blob* blob_ = nullptr;
};
} // namespace

AttachmentStore::AttachmentStore(Database& db, qint64 maxBytes)
    : db_(db)
    , maxBytes_(std::clamp<qint64>(maxBytes, 0, kSqliteLimit))
{
}

void AttachmentStore::checkSize(qint64 size) const
{
    if (size < 0)
        throw StorageError(StorageError::Kind::Invalid,
                           Tr::tr("The size of the attachment is unknown, so it was not stored."));
    if (size > maxBytes_)
        throw StorageError(StorageError::Kind::Invalid,
                           Tr::tr("This attachment is %1, more than the %2 Waymark keeps with a record. Try a "
                                  "smaller photo or a shorter recording.")
                               .arg(sizeText(size), sizeText(maxBytes_)));
}

QString AttachmentStore::put(QIODevice& in, qint64 size, const QString& mediaType)
{
    checkSize(size);
    if (!in.isReadable())
        throw StorageError(StorageError::Kind::Io,
                           Tr::tr("The attachment could not be read, so it was not stored."));

    // The row is written under a placeholder key while the content streams in and is hashed; only
    // then is the key known, and a duplicate is dropped again. All inside one savepoint.
    Transaction tx(db_);
    db_.prepare("INSERT INTO attachment(sha256, size, media_type, data) VALUES (?1, ?2, ?3, zeroblob(?2))")
        .bindAll(pendingKey(), size, mediaType.isEmpty() ? QStringLiteral("application/octet-stream") : mediaType)
        .run();
    const qint64 rowId = db_.lastInsertRowId();

    QCryptographicHash hash(QCryptographicHash::Sha256);
    {
        Blob blob(db_, rowId, true);
        QByteArray buffer(int(std::clamp<qint64>(size, 1, kChunkBytes)), Qt::Uninitialized);
        qint64 offset = 0;
        while (offset < size) {
            const qint64 want = std::min<qint64>(kChunkBytes, size - offset);
            const qint64 got = in.read(buffer.data(), want);
            if (got == 0 && in.isSequential() && in.waitForReadyRead(kWaitForDataMs))
                continue;
            if (got <= 0)
                throw StorageError(StorageError::Kind::Io,
                                   Tr::tr("The attachment ended early (%1 of %2 bytes could be read), so it was not "
                                          "stored. If it is on a USB stick or a network drive, copy it to this "
                                          "computer and try again.")
                                       .arg(offset)
                                       .arg(size));
            hash.addData(QByteArrayView(buffer.constData(), got));
            const int rc = sqlite3_blob_write(blob.get(), buffer.constData(), int(got), int(offset));
            if (rc != SQLITE_OK)
                db_.throwLastError(rc);
            offset += got;
        }
    }

    const QString key = QString::fromLatin1(hash.result().toHex());
    bool known = false;
    {
        auto existing = db_.prepare("SELECT 1 FROM attachment WHERE sha256 = ?1");
        existing.bindAll(key);
        known = existing.step();
    }
    if (known)
        db_.prepare("DELETE FROM attachment WHERE id = ?1").bindAll(rowId).run();
    else
        db_.prepare("UPDATE attachment SET sha256 = ?1 WHERE id = ?2").bindAll(key, rowId).run();
    tx.commit();
    return key;
}

QString AttachmentStore::putFile(const QString& path, QString mediaType)
{
    const QFileInfo fileInfo(path);
    const QString name = fileInfo.fileName();
    if (fileInfo.isDir())
        throw StorageError(StorageError::Kind::Invalid,
                           Tr::tr("“%1” is a folder, not a file, so it was not attached.").arg(name));
    if (!fileInfo.exists())
        throw StorageError(StorageError::Kind::NotFound,
                           Tr::tr("“%1” could not be found, so it was not attached. It may have been moved or "
                                  "renamed.")
                               .arg(name));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw StorageError(StorageError::Kind::Io,
                           Tr::tr("“%1” could not be read (%2), so it was not attached.").arg(name, file.errorString()));
    if (mediaType.isEmpty())
        mediaType = mediaTypeForFile(path);
    return put(file, file.size(), mediaType);
}

QString AttachmentStore::putBytes(const QByteArray& bytes, const QString& mediaType)
{
    checkSize(bytes.size());
    // In memory already, so the key is known first and a duplicate costs no write at all.
    const QString key = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    Transaction tx(db_);
    db_.prepare("INSERT INTO attachment(sha256, size, media_type, data) VALUES (?1, ?2, ?3, ?4) "
                "ON CONFLICT(sha256) DO NOTHING")
        .bindAll(key, qint64(bytes.size()),
                 mediaType.isEmpty() ? QStringLiteral("application/octet-stream") : mediaType, bytes)
        .run();
    tx.commit();
    return key;
}

bool AttachmentStore::contains(const QString& sha256) const
{
    auto s = db_.prepare("SELECT 1 FROM attachment WHERE sha256 = ?1");
    s.bindAll(normalisedKey(sha256));
    return s.step();
}

std::optional<AttachmentStore::Info> AttachmentStore::info(const QString& sha256) const
{
    auto s = db_.prepare("SELECT sha256, size, media_type FROM attachment WHERE sha256 = ?1");
    s.bindAll(normalisedKey(sha256));
    if (!s.step())
        return std::nullopt;
    return Info{s.text(0), s.int64(1), s.text(2)};
}

void AttachmentStore::read(const QString& sha256, QIODevice& out) const
{
    const QString key = normalisedKey(sha256);
    Transaction tx(db_, Transaction::Kind::Read); // one snapshot, even if a writer commits meanwhile
    qint64 rowId = 0;
    qint64 size = 0;
    {
        auto s = db_.prepare("SELECT id, length(data) FROM attachment WHERE sha256 = ?1");
        s.bindAll(key);
        if (!s.step())
            throw StorageError(StorageError::Kind::NotFound,
                               Tr::tr("That attachment is not in this school file. It may have been left out when "
                                      "the record was shared."));
        rowId = s.int64(0);
        size = s.int64(1);
    }
    if (!out.isWritable())
        throw StorageError(StorageError::Kind::Io,
                           Tr::tr("The attachment could not be saved: the destination is not open for writing."));

    QCryptographicHash hash(QCryptographicHash::Sha256);
    {
        Blob blob(db_, rowId, false);
        QByteArray buffer(int(std::clamp<qint64>(size, 1, kChunkBytes)), Qt::Uninitialized);
        for (qint64 offset = 0; offset < size;) {
            const int n = int(std::min<qint64>(kChunkBytes, size - offset));
            const int rc = sqlite3_blob_read(blob.get(), buffer.data(), n, int(offset));
            if (rc != SQLITE_OK)
                db_.throwLastError(rc);
            hash.addData(QByteArrayView(buffer.constData(), n));
            if (out.write(buffer.constData(), n) != n)
                throw StorageError(StorageError::Kind::Io,
                                   Tr::tr("The attachment could not be saved (%1).").arg(out.errorString()));
            offset += n;
        }
    }
    tx.commit();
    if (QString::fromLatin1(hash.result().toHex()) != key)
        throw StorageError(StorageError::Kind::Damaged,
                           Tr::tr("This attachment is damaged: its content no longer matches what was stored. "
                                  "Restore the school file from a backup to get it back."));
}

QByteArray AttachmentStore::readAll(const QString& sha256) const
{
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        read(sha256, buffer);
    }
    return bytes;
}

QString AttachmentStore::mediaTypeForFile(const QString& path)
{
    return QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchExtension).name();
}

} // namespace waymark
