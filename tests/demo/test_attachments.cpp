#include "attachments/attachmentstore.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace waymark;

namespace {

int attachmentRows(Database& db)
{
    auto s = db.prepare("SELECT count(*) FROM attachment");
    s.step();
    return s.integer(0);
}

// Pseudo-random bytes that do not compress, so a round trip really moves every byte.
QByteArray noise(qsizetype size, quint32 seed)
{
    QByteArray out(size, Qt::Uninitialized);
    quint32 x = seed;
    for (qsizetype i = 0; i < size; ++i) {
        x = x * 1664525U + 1013904223U;
        out[i] = char(x >> 24);
    }
    return out;
}

QString sha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A device that remembers the largest single read or write it was asked for: proof of streaming.
class WatchedBuffer : public QBuffer
{
public:
    using QBuffer::QBuffer;
    qint64 largestRead = 0;
    qint64 largestWrite = 0;

protected:
    qint64 readData(char* data, qint64 max) override
    {
        largestRead = std::max(largestRead, max);
        return QBuffer::readData(data, max);
    }
    qint64 writeData(const char* data, qint64 len) override
    {
        largestWrite = std::max(largestWrite, len);
        return QBuffer::writeData(data, len);
    }
};

StorageError::Kind kindOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const StorageError& e) {
        CHECK_FALSE(e.message().isEmpty());
        return e.kind();
    }
    FAIL("no StorageError was thrown");
    return StorageError::Kind::Other;
}

} // namespace

TEST_CASE("The same content stored twice is kept once, under its SHA-256")
{
    test::TempDir dir;
    auto db = Database::create(dir.path(QStringLiteral("school.waymark")));
    AttachmentStore store(*db);

    const QByteArray photo = noise(200'000, 1);
    const QString first = store.putBytes(photo, QStringLiteral("image/jpeg"));
    CHECK(first == sha256(photo));

    QBuffer again;
    again.setData(photo);
    again.open(QIODevice::ReadOnly);
    const QString second = store.put(again, photo.size(), QStringLiteral("application/octet-stream"));
    CHECK(second == first);
    CHECK(attachmentRows(*db) == 1);

    const auto info = store.info(first);
    REQUIRE(info);
    CHECK(info->size == photo.size());
    CHECK(info->mediaType == QStringLiteral("image/jpeg")); // the first description stays
    CHECK(store.contains(first.toUpper()));

    const QString other = store.putBytes(noise(1000, 2), QStringLiteral("image/png"));
    CHECK(other != first);
    CHECK(attachmentRows(*db) == 2);
    CHECK(store.readAll(first) == photo);
}

TEST_CASE("A multi-megabyte file streams in and out in chunks and comes back identical")
{
    test::TempDir dir;
    auto db = Database::create(dir.path(QStringLiteral("school.waymark")));
    AttachmentStore store(*db);

    const QByteArray video = noise(7 * 1024 * 1024 + 123, 3);
    const QString source = dir.path(QStringLiteral("Lesson recording.MP4"));
    test::writeAll(source, video);
    const QString key = store.putFile(source);
    CHECK(key == sha256(video));
    CHECK(store.info(key)->mediaType == QStringLiteral("video/mp4"));
    CHECK(store.info(key)->size == video.size());

    const QString copy = dir.path(QStringLiteral("copy.mp4"));
    {
        QFile out(copy);
        REQUIRE(out.open(QIODevice::WriteOnly));
        store.read(key, out);
    }
    CHECK(test::sha256Of(copy) == test::sha256Of(source));

    // Neither direction ever asks for more than one chunk at a time.
    WatchedBuffer in;
    const QByteArray other = noise(3 * 1024 * 1024, 4);
    in.setData(other);
    in.open(QIODevice::ReadOnly);
    const QString otherKey = store.put(in, other.size(), QStringLiteral("video/mp4"));
    CHECK(in.largestRead <= AttachmentStore::kChunkBytes);
    WatchedBuffer out;
    out.open(QIODevice::WriteOnly);
    store.read(otherKey, out);
    CHECK(out.largestWrite <= AttachmentStore::kChunkBytes);
    CHECK(out.data() == other);
}

TEST_CASE("Content over the size limit is refused and nothing is stored")
{
    test::TempDir dir;
    auto db = Database::create(dir.path(QStringLiteral("school.waymark")));
    AttachmentStore store(*db, 1000);
    CHECK(AttachmentStore(*db).maxBytes() == 50 * 1024 * 1024);

    CHECK(kindOf([&] { store.putBytes(noise(1001, 5), QStringLiteral("image/png")); }) == StorageError::Kind::Invalid);
    const QString big = dir.path(QStringLiteral("big.png"));
    test::writeAll(big, noise(5000, 6));
    CHECK(kindOf([&] { store.putFile(big); }) == StorageError::Kind::Invalid);
    QBuffer buffer;
    buffer.setData(noise(2000, 7));
    buffer.open(QIODevice::ReadOnly);
    CHECK(kindOf([&] { store.put(buffer, 2000, {}); }) == StorageError::Kind::Invalid);
    CHECK(attachmentRows(*db) == 0);

    CHECK_FALSE(store.putBytes(noise(1000, 8), QStringLiteral("image/png")).isEmpty()); // exactly the limit
    CHECK(attachmentRows(*db) == 1);
}

TEST_CASE("Content that ends early, or a file that cannot be read, stores nothing")
{
    test::TempDir dir;
    auto db = Database::create(dir.path(QStringLiteral("school.waymark")));
    AttachmentStore store(*db);

    QBuffer shortBuffer;
    shortBuffer.setData(noise(100'000, 9));
    shortBuffer.open(QIODevice::ReadOnly);
    CHECK(kindOf([&] { store.put(shortBuffer, 300'000, QStringLiteral("image/png")); }) == StorageError::Kind::Io);

    QBuffer closed; // never opened
    CHECK(kindOf([&] { store.put(closed, 10, {}); }) == StorageError::Kind::Io);

    CHECK(kindOf([&] { store.putFile(dir.path(QStringLiteral("missing.jpg"))); }) == StorageError::Kind::NotFound);
    CHECK(kindOf([&] { store.putFile(dir.path()); }) == StorageError::Kind::Invalid);
    CHECK(attachmentRows(*db) == 0);

    // Inside the caller's transaction a failure undoes only its own savepoint.
    Transaction tx(*db);
    const QString kept = store.putBytes(noise(10, 10), {});
    QBuffer failing;
    failing.setData(noise(10, 11));
    failing.open(QIODevice::ReadOnly);
    CHECK_THROWS_AS(store.put(failing, 20, {}), StorageError);
    tx.commit();
    CHECK(attachmentRows(*db) == 1);
    CHECK(store.contains(kept));
    CHECK(store.info(kept)->mediaType == QStringLiteral("application/octet-stream"));
}

TEST_CASE("Reading an unknown or damaged attachment says so")
{
    test::TempDir dir;
    auto db = Database::create(dir.path(QStringLiteral("school.waymark")));
    AttachmentStore store(*db);
    const QString unknown = sha256("never stored");
    CHECK_FALSE(store.contains(unknown));
    CHECK_FALSE(store.info(unknown));
    CHECK(kindOf([&] { store.readAll(unknown); }) == StorageError::Kind::NotFound);

    const QString key = store.putBytes(noise(150'000, 12), QStringLiteral("image/png"));
    db->prepare("UPDATE attachment SET data = ?1 WHERE sha256 = ?2").bindAll(noise(150'000, 13), key).run();
    CHECK(kindOf([&] { store.readAll(key); }) == StorageError::Kind::Damaged);

    QBuffer nothing;
    nothing.open(QIODevice::ReadOnly);
    const QString empty = store.put(nothing, 0, {});
    CHECK(empty == sha256(QByteArray()));
    CHECK(store.putBytes(QByteArray(), {}) == empty);
    CHECK(store.readAll(empty).isEmpty());
    CHECK(attachmentRows(*db) == 2);
}
