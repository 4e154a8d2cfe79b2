#pragma once

#include <QDateTime>
#include <QString>

namespace waymark {

// What a school file's write-ahead log ("<file>-wal") holds, read from its bytes before SQLite is let
// near it. When SQLite next opens the file it replays the log only up to the last commit before the
// first frame that fails its checks (wrong salts, page number 0, or a cumulative checksum mismatch),
// and it ignores the whole log when the 32-byte header is bad. Everything after that point is thrown
// away without a word, so a single flipped byte can silently lose committed work; this says so first.
// Format: https://www.sqlite.org/fileformat2.html#walformat
struct WalInspection
{
    static constexpr qint64 kHeaderSize = 32;

    bool present = false;     // a -wal file exists with at least one byte
    bool headerValid = false; // magic, version 3007000, page size a power of two 512..65536, header checksum ok
    int pageSize = 0;         // from the header; when the header is bad, the page size used to walk the frames
                              // (the header's if plausible, else the database's), or 0 if none could be trusted
    qint64 bytes = 0;         // size of the -wal file
    qint64 frames = 0;        // whole frames of the current log: those whose salts match the header's (see
                              // below), and a first bad frame whose salts alone were damaged
    qint64 validFrames = 0;   // frames SQLite will use: up to and including the last good commit frame
                              // before the first bad frame
    int transactions = 0;     // commit frames SQLite will apply
    int lostTransactions = 0; // commit frames of the current log at or after the first bad frame: committed
                              // transactions SQLite would silently drop
    qint64 lostFrames = 0;    // frames of the current log from the first bad frame (inclusive) to the end;
                              // may include frames of a transaction that never committed
    bool tornTail = false;    // the file ends part-way through a frame (a crash mid-write: normal, not damage)
    QDateTime lastWritten;    // the -wal file's modification time
    QString readError;        // set when the file exists but could not be read; the counts are then partial

    // Committed transactions would be lost, or the log holds more than a header that SQLite will ignore.
    bool damaged() const
    {
        return lostTransactions > 0 || (present && !headerValid && readError.isEmpty() && bytes > kHeaderSize);
    }
};

// Reads databasePath + "-wal" one frame at a time (never the whole file at once) and never writes,
// creates or locks anything. A missing or empty log gives present == false.
//
// Salts: a checkpoint restarts the log from the top with new salts and leaves the older, already
// checkpointed frames behind it. Only frames carrying the header's salts belong to the current log;
// the rest are neither counted nor lost. When the header itself is bad, SQLite ignores every frame;
// if the frames' own salts can still be trusted (they match the header's, or the first two frames
// agree), those frames are counted as lost so the loss can be described.
WalInspection inspectWal(const QString& databasePath);

// True if another process has the database open through SQLite in WAL mode right now: on POSIX, some
// other process holds a lock on the "DMS" byte (offset 128) of the -shm file, which every SQLite
// connection keeps locked while it uses the shared wal-index. Connections in locking_mode=EXCLUSIVE use
// no -shm and are not seen. Always false on other platforms.
//
// Call it BEFORE this process opens the database: it opens and closes the -shm file, and on POSIX
// closing any descriptor of a file drops every fcntl lock this process holds on that file, including
// SQLite's own. (A process cannot see its own fcntl locks this way either.)
bool walInUseByAnotherProgram(const QString& databasePath);

// What a damaged log would lose, in a teacher's words: "3 saved changes, the last made at about
// 20:15 on 30 November 2026" (or that the log could not be read at all).
QString describeWalLoss(const WalInspection& wal);

} // namespace waymark
