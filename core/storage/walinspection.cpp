#include "storage/walinspection.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <array>
#include <cstring>

#if defined(Q_OS_UNIX)
#include <fcntl.h>
#include <unistd.h>
#endif

namespace waymark {

namespace {

constexpr qint64 kFrameHeaderSize = 24;
constexpr quint32 kMagic = 0x377f0682; // the low bit set means big-endian checksum words
constexpr quint32 kVersion = 3007000;
constexpr int kMinPageSize = 512;
constexpr int kMaxPageSize = 65536;
constexpr qint64 kShmDmsByte = 128; // os_unix.c: UNIX_SHM_DMS, just after the eight wal-index locks

using Salts = std::array<uchar, 8>;

quint32 bigEndian32(const uchar* p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

quint32 littleEndian32(const uchar* p)
{
    return (quint32(p[3]) << 24) | (quint32(p[2]) << 16) | (quint32(p[1]) << 8) | quint32(p[0]);
}

bool plausiblePageSize(quint32 size)
{
    return size >= kMinPageSize && size <= kMaxPageSize && (size & (size - 1)) == 0;
}

// The WAL's running checksum: the data is read as 32-bit words in the byte order the magic number
// names, two at a time, and each pair is folded into the two sums (the second sum takes in the
// first's new value). Every checksummed length in the format is a multiple of eight bytes.
struct Checksum
{
    quint32 first = 0;
    quint32 second = 0;

    void add(const uchar* data, qint64 length, bool bigEndianWords)
    {
        for (qint64 i = 0; i + 8 <= length; i += 8) {
            const quint32 a = bigEndianWords ? bigEndian32(data + i) : littleEndian32(data + i);
            const quint32 b = bigEndianWords ? bigEndian32(data + i + 4) : littleEndian32(data + i + 4);
            first += a + second;
            second += b + first;
        }
    }

    bool matches(const uchar* stored) const
    {
        return first == bigEndian32(stored) && second == bigEndian32(stored + 4);
    }
};

// Reads up to length bytes; returns how many (fewer only at the end of the file), or -1 on error.
qint64 readUpTo(QFile& file, uchar* into, qint64 length)
{
    qint64 done = 0;
    while (done < length) {
        const qint64 n = file.read(reinterpret_cast<char*>(into) + done, length - done);
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        done += n;
    }
    return done;
}

// The database's own page size (bytes 16-17 of its header), or 0 if it has none to offer.
int databasePageSize(const QString& databasePath)
{
    QFile db(databasePath);
    if (!db.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray header = db.read(18);
    if (header.size() < 18 || !header.startsWith(QByteArray("SQLite format 3\0", 16)))
        return 0;
    const int size = (uchar(header[16]) << 8) | uchar(header[17]);
    const int pageSize = size == 1 ? kMaxPageSize : size;
    return plausiblePageSize(quint32(pageSize)) ? pageSize : 0;
}

} // namespace

WalInspection inspectWal(const QString& databasePath)
{
    WalInspection result;
    const QString walPath = databasePath + QStringLiteral("-wal");
    const QFileInfo info(walPath);
    if (!info.isFile() || info.size() <= 0)
        return result;
    result.present = true;
    result.bytes = info.size();
    result.lastWritten = info.lastModified();

    QFile file(walPath);
    if (!file.open(QIODevice::ReadOnly)) {
        result.readError = file.errorString();
        return result;
    }

    // The header: eight big-endian words.
    uchar header[WalInspection::kHeaderSize];
    const qint64 headerRead = readUpTo(file, header, sizeof header);
    if (headerRead < 0) {
        result.readError = file.errorString();
        return result;
    }
    if (headerRead < WalInspection::kHeaderSize)
        return result; // shorter than a header: SQLite uses nothing, and nothing is there to lose

    const quint32 magic = bigEndian32(header);
    const quint32 headerPageSize = bigEndian32(header + 8);
    const bool bigEndianWords = (magic & 1) != 0;
    Salts headerSalts;
    std::memcpy(headerSalts.data(), header + 16, headerSalts.size());

    Checksum running;
    running.add(header, 24, bigEndianWords);
    result.headerValid = (magic & ~quint32(1)) == kMagic && bigEndian32(header + 4) == kVersion &&
                         plausiblePageSize(headerPageSize) && running.matches(header + 24);

    // Which page size and salts to walk the frames with. With a good header, the header's. With a bad
    // one SQLite uses no frame at all; the frames are still walked (without checksums, which chain
    // from the header's) so the loss can be counted, but only if their size and salts can be trusted.
    Salts salts = headerSalts;
    int pageSize = 0;
    if (result.headerValid) {
        pageSize = int(headerPageSize);
    } else {
        pageSize = plausiblePageSize(headerPageSize) ? int(headerPageSize) : databasePageSize(databasePath);
        if (pageSize > 0) {
            // Salts are trusted if the first frame carries the header's, or the first two frames agree
            // (sixty-four bits matching by chance in random bytes is not a worry).
            uchar first[kFrameHeaderSize];
            uchar second[kFrameHeaderSize];
            const bool haveFirst = readUpTo(file, first, kFrameHeaderSize) == kFrameHeaderSize;
            const bool haveSecond = haveFirst && file.seek(WalInspection::kHeaderSize + kFrameHeaderSize + pageSize) &&
                                    readUpTo(file, second, kFrameHeaderSize) == kFrameHeaderSize;
            if (haveFirst && std::memcmp(first + 8, headerSalts.data(), 8) == 0)
                salts = headerSalts;
            else if (haveSecond && std::memcmp(first + 8, second + 8, 8) == 0)
                std::memcpy(salts.data(), first + 8, salts.size());
            else
                pageSize = 0;
            if (!file.seek(WalInspection::kHeaderSize)) {
                result.readError = file.errorString();
                return result;
            }
        }
    }
    result.pageSize = pageSize;
    if (pageSize == 0)
        return result;

    // The frames, one at a time: a 24-byte header (page number, database size after a commit or 0,
    // the two salts, the two cumulative checksums) and then the page.
    const qint64 frameSize = kFrameHeaderSize + pageSize;
    QByteArray buffer(frameSize, Qt::Uninitialized);
    auto* frame = reinterpret_cast<uchar*>(buffer.data());
    bool intact = result.headerValid; // no bad frame met yet
    for (qint64 index = 1;; ++index) {
        const qint64 got = readUpTo(file, frame, frameSize);
        if (got < 0) {
            result.readError = file.errorString();
            break;
        }
        if (got == 0)
            break;
        if (got < frameSize) {
            result.tornTail = true; // SQLite never looks at a partial frame
            break;
        }
        const quint32 pageNumber = bigEndian32(frame);
        bool commit = bigEndian32(frame + 4) != 0;
        const bool saltsMatch = std::memcmp(frame + 8, salts.data(), salts.size()) == 0;

        if (intact) {
            Checksum next = running;
            next.add(frame, 8, bigEndianWords);
            next.add(frame + kFrameHeaderSize, pageSize, bigEndianWords);
            const bool sumOk = next.matches(frame + 16);
            if (saltsMatch && pageNumber != 0 && sumOk) {
                ++result.frames;
                running = next;
                if (commit) {
                    result.validFrames = index;
                    ++result.transactions;
                }
                continue;
            }
            // The first bad frame, where SQLite stops. The checksums do not cover the salts, so a frame
            // that still chains on had only its salts damaged: it belongs to this log all the same.
            // An old frame left behind by a restart never chains on from the new frames.
            intact = false;
            if (!saltsMatch && !sumOk)
                continue;
            // If the damage is in its own "database size after commit" field, that field cannot say
            // whether it ended a transaction; a frame whose checksum comes right with the field at
            // zero was not a commit frame.
            if (commit && !sumOk) {
                const uchar notCommit[8] = {frame[0], frame[1], frame[2], frame[3], 0, 0, 0, 0};
                Checksum asNotCommit = running;
                asNotCommit.add(notCommit, 8, bigEndianWords);
                asNotCommit.add(frame + kFrameHeaderSize, pageSize, bigEndianWords);
                if (asNotCommit.matches(frame + 16))
                    commit = false;
            }
        } else if (!saltsMatch) {
            continue;
        }
        ++result.frames;
        ++result.lostFrames;
        if (commit)
            ++result.lostTransactions;
    }
    return result;
}

bool walInUseByAnotherProgram(const QString& databasePath)
{
#if defined(Q_OS_UNIX)
    const QByteArray shmPath = QFile::encodeName(databasePath + QStringLiteral("-shm"));
    // Read-only and never created: looking must not disturb anything.
    const int fd = ::open(shmPath.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return false;
    struct flock probe
    {
    };
    probe.l_type = F_WRLCK; // conflicts with any lock, shared or exclusive, held by another process
    probe.l_whence = SEEK_SET;
    probe.l_start = kShmDmsByte;
    probe.l_len = 1;
    // F_GETLK (not F_OFD_GETLK): a process's own traditional locks never conflict with it, so this
    // process's own connections, if any, are not reported as another program.
    const bool held = ::fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
    ::close(fd);
    return held;
#else
    Q_UNUSED(databasePath);
    return false;
#endif
}

QString describeWalLoss(const WalInspection& wal)
{
    const QString when = QLocale().toString(wal.lastWritten, QStringLiteral("HH:mm 'on' d MMMM yyyy"));
    if (wal.lostTransactions > 0)
        return QCoreApplication::translate("WalInspection", "%n saved change(s), the last made at about %1", nullptr,
                                           wal.lostTransactions)
            .arg(when);
    return QCoreApplication::translate("WalInspection", "an unreadable log last written at about %1").arg(when);
}

} // namespace waymark
