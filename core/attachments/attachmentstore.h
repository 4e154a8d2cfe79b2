#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <optional>

class QIODevice;

namespace waymark {

class Database;

// Keeps attachment content (photos of work, scans, recordings) addressed by its SHA-256: each
// distinct content is stored once however many records use it, and is streamed in and out in
// small chunks so a large video never sits in memory whole.
class AttachmentStore
{
public:
    static constexpr qint64 kMaxBytes = qint64(50) * 1024 * 1024;
    static constexpr qint64 kChunkBytes = 64 * 1024;

    struct Info
    {
        QString sha256; // lower-case hex
        qint64 size = 0;
        QString mediaType;
    };

    // maxBytes is the largest content accepted; tests pass a small limit.
    explicit AttachmentStore(Database& db, qint64 maxBytes = kMaxBytes);

    qint64 maxBytes() const { return maxBytes_; }

    // Stores exactly size bytes read from in and returns their SHA-256 (lower-case hex). Content
    // already stored is kept once (its first media type stays). Throws StorageError, storing
    // nothing, if size is over the limit or in ends early. Runs in its own transaction, or in a
    // savepoint of the caller's.
    QString put(QIODevice& in, qint64 size, const QString& mediaType);
    // The same for a file; an empty mediaType is guessed from the file name.
    QString putFile(const QString& path, QString mediaType = {});
    // The same for content already in memory (small generated images).
    QString putBytes(const QByteArray& bytes, const QString& mediaType);

    bool contains(const QString& sha256) const;
    std::optional<Info> info(const QString& sha256) const;

    // Writes the content to out in chunks, then checks it still matches its SHA-256. Throws
    // StorageError: NotFound for an unknown hash, Io if out refuses data, Damaged on a mismatch.
    void read(const QString& sha256, QIODevice& out) const;
    QByteArray readAll(const QString& sha256) const;

    // The media type for a file name ("photo.JPG" -> "image/jpeg"); application/octet-stream if unknown.
    static QString mediaTypeForFile(const QString& path);

private:
    void checkSize(qint64 size) const;

    Database& db_;
    qint64 maxBytes_;
};

} // namespace waymark
