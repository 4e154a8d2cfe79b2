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

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2)
        return 0;
    // The first byte chooses how the file is opened; the rest is the file.
    const std::uint8_t mode = data[0];
    const QString& path = schoolPath();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 0;
        file.write(reinterpret_cast<const char*>(data + 1), qint64(size - 1));
    }
    try {
        Database::Options options;
        options.readOnly = (mode & 1) != 0;
        options.allowUnexpectedSchema = (mode & 2) != 0;
        options.busyTimeoutMs = 0;
        auto db = Database::open(path, options);
        exercise(*db);
    } catch (const StorageError&) {
        // Refused or failed with a message: what a hostile file should get.
    }
    return 0;
}
