// libFuzzer target: opens a mutated school file the way the app and waymark-cli do, then reads and
// writes through it. A crash, a sanitizer report, a hang or any exception other than StorageError
// is a finding. Build with the `fuzz` preset (clang); see the README's Security section.
#include "maintenance/maintenance.h"
#include "records/pupilrecord.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <vector>

using namespace waymark;

namespace {
const QString& schoolPath()
{
    // tmpfs when there is one: the file is written once per input.
    static QTemporaryDir dir(QDir(QStringLiteral("/dev/shm")).exists()
                                 ? QStringLiteral("/dev/shm/waymark-fuzz-XXXXXX")
                                 : QDir::tempPath() + QStringLiteral("/waymark-fuzz-XXXXXX"));
    static const QString path = dir.filePath(QStringLiteral("school.waymark"));
    return path;
}

void exercise(Database& db)
{
    statistics(db);
    checkDatabase(db);
    // What the pupil page reads, for the first few pupils.
    std::vector<RowId> ids;
    {
        auto pupils = db.prepare("SELECT id FROM pupil ORDER BY id LIMIT 3");
        while (pupils.step())
            ids.push_back(pupils.int64(0));
    }
    for (const RowId id : ids) {
        loadPupilRecord(db, id);
        loadTargets(db, id);
    }
    if (db.isReadOnly())
        return;
    // A teacher's edit: through the same statement the pupil page uses, in one write transaction.
    Transaction tx(db);
    db.prepare("UPDATE pupil SET pronouns = 'they/them', hlc = hlc + 1 WHERE id IN (SELECT id FROM pupil LIMIT 3)")
        .run();
    tx.commit();
}
} // namespace

// Writes bytes to a file, replacing it.
bool writeFile(const QString& path, const char* data, std::size_t size)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data, qint64(size)) == qint64(size);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2)
        return 0;
    // The first byte chooses how the file is opened (bit 0: read-only, bit 1: allow a schema that is
    // not Waymark's, bit 2: a brief look as check makes, bit 3: the rest is a school file and its
    // write-ahead log, split by a 4-byte length); the rest is the file.
    const std::uint8_t mode = data[0];
    const char* bytes = reinterpret_cast<const char*>(data + 1);
    std::size_t length = size - 1;
    const QString& path = schoolPath();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
    if (mode & 8) {
        if (length < 4)
            return 0;
        const std::size_t first = std::size_t(data[1]) << 24 | std::size_t(data[2]) << 16 |
                                  std::size_t(data[3]) << 8 | std::size_t(data[4]);
        bytes += 4;
        length -= 4;
        if (first > length)
            return 0;
        if (!writeFile(path + QStringLiteral("-wal"), bytes + first, length - first))
            return 0;
        length = first;
    }
    if (!writeFile(path, bytes, length))
        return 0;
    try {
        Database::Options options;
        options.readOnly = (mode & 1) != 0;
        options.allowUnexpectedSchema = (mode & 2) != 0;
        options.briefLook = (mode & 4) != 0;
        options.busyTimeoutMs = 0;
        auto db = Database::open(path, options);
        exercise(*db);
    } catch (const StorageError&) {
        // Refused or failed with a message: what a hostile file should get.
    }
    return 0;
}
