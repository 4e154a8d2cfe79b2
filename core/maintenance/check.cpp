// checkFile() / checkDatabase(): everything that can be verified about a school file without
// changing it.
#include "domain/upn.h"
#include "maintenance/maintenance.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/partfile.h"
#include "storage/schemacheck.h"
#include "storage/storageerror.h"
#include "storage/walinspection.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>

#include <sqlite3.h>

#include <map>
#include <memory>

namespace waymark {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Maintenance)
};

// Long lists of the same kind of fault help nobody at 10 p.m.; the first few and a count do.
constexpr int kMaxListed = 20;

void addCapped(QStringList& list, int& seen, const QString& line)
{
    if (++seen <= kMaxListed)
        list << line;
}

void checkIdentity(Database& db, CheckReport& report)
{
    auto appId = db.prepare("PRAGMA application_id");
    if (appId.step() && appId.integer(0) != Database::kApplicationId)
        report.problems << Tr::tr("The file is not marked as a Waymark school file.");
    report.schemaVersion = db.schemaVersion();
    if (report.schemaVersion != Migrations::currentVersion())
        report.problems << Tr::tr("The file is at schema version %1, but this version of Waymark uses version %2.")
                               .arg(report.schemaVersion)
                               .arg(Migrations::currentVersion());
}

// A table, index, trigger or view that Waymark did not make, or one of its own missing or changed.
void checkSchema(Database& db, CheckReport& report)
{
    const int version = db.schemaVersion();
    if (version < 0 || version > Migrations::currentVersion())
        return; // checkIdentity has said so
    for (const QString& difference : schema::differences(db, version).sentences)
        report.problems << Tr::tr("Not as Waymark made it: %1").arg(difference);
}

void checkIntegrity(Database& db, CheckReport& report)
{
    int seen = 0;
    auto stmt = db.prepare("PRAGMA integrity_check(100)");
    while (stmt.step()) {
        // One row may hold several findings, one per line, under a "*** in database main ***" heading.
        const QStringList lines = stmt.text(0).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString& line : lines) {
            if (line != QLatin1String("ok") && !line.startsWith(QLatin1String("***")))
                addCapped(report.problems, seen, Tr::tr("Damage found: %1").arg(line.trimmed()));
        }
    }
    if (seen > kMaxListed)
        report.problems << Tr::tr("More damage found but not listed above: %1 findings.").arg(seen - kMaxListed);
}

void checkForeignKeys(Database& db, CheckReport& report)
{
    // One line per kind of broken link, not per row: a damaged table can have thousands.
    std::map<std::pair<QString, QString>, int> broken;
    auto stmt = db.prepare("PRAGMA foreign_key_check");
    while (stmt.step())
        ++broken[{stmt.text(0), stmt.text(2)}];
    for (const auto& [tables, count] : broken)
        report.problems << Tr::tr("Records in “%1” point to a missing record in “%2” (%3 of them).")
                               .arg(tables.first, tables.second)
                               .arg(count);
}

// Streams each attachment through SHA-256 in chunks, so a large video never sits whole in memory.
void checkAttachments(Database& db, CheckReport& report)
{
    struct BlobCloser
    {
        void operator()(sqlite3_blob* blob) const { sqlite3_blob_close(blob); }
    };
    int seen = 0;
    auto stmt = db.prepare("SELECT id, sha256, size FROM attachment ORDER BY id");
    while (stmt.step()) {
        const qint64 id = stmt.int64(0);
        const QString sha = stmt.text(1);
        sqlite3_blob* raw = nullptr;
        const int rc = sqlite3_blob_open(db.handle(), "main", "attachment", "data", id, 0, &raw);
        std::unique_ptr<sqlite3_blob, BlobCloser> blob(raw);
        if (rc != SQLITE_OK) {
            addCapped(report.problems, seen, Tr::tr("The attached file %1 cannot be read.").arg(sha.left(12)));
            continue;
        }
        const int size = sqlite3_blob_bytes(blob.get());
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QByteArray chunk;
        bool readable = true;
        for (int offset = 0; offset < size && readable; offset += int(chunk.size())) {
            chunk.resize(qMin(size - offset, 1 << 16));
            readable = sqlite3_blob_read(blob.get(), chunk.data(), int(chunk.size()), offset) == SQLITE_OK;
            hash.addData(chunk);
        }
        if (!readable)
            addCapped(report.problems, seen, Tr::tr("The attached file %1 cannot be read.").arg(sha.left(12)));
        else if (QString::fromLatin1(hash.result().toHex()) != sha.toLower() || size != stmt.int64(2))
            addCapped(report.problems, seen,
                      Tr::tr("The attached file %1 is damaged: its contents no longer match their fingerprint.")
                          .arg(sha.left(12)));
    }
    if (seen > kMaxListed)
        report.problems << Tr::tr("Damaged attached files not listed above: %1.").arg(seen - kMaxListed);
}

// An invalid UPN is a typing slip to fix, not damage: a warning, so the file still counts as sound.
void checkUpns(Database& db, CheckReport& report)
{
    int seen = 0;
    auto stmt = db.prepare("SELECT upn, legal_given_name, legal_family_name FROM pupil "
                           "WHERE deleted = 0 AND upn <> '' ORDER BY legal_family_name, legal_given_name, id");
    while (stmt.step()) {
        const QString upn = stmt.text(0);
        const upn::Problem problem = upn::validate(upn);
        if (problem == upn::Problem::None)
            continue;
        addCapped(report.warnings, seen,
                  Tr::tr("%1 %2 has a UPN that is not valid (%3): %4")
                      .arg(stmt.text(1), stmt.text(2), upn, upn::describe(problem, upn)));
    }
    if (seen > kMaxListed)
        report.warnings << Tr::tr("Pupils with a UPN that is not valid not listed above: %1.").arg(seen - kMaxListed);
}
} // namespace

CheckReport checkDatabase(Database& db)
{
    CheckReport report;
    report.path = db.path();
    // Each step reports a failure of its own (a damaged page can make any query fail) and the
    // next still runs, so one fault does not hide another.
    for (auto* step : {checkIdentity, checkSchema, checkIntegrity, checkForeignKeys, checkAttachments, checkUpns}) {
        try {
            step(db, report);
        } catch (const StorageError& e) {
            report.problems << e.message();
        }
    }
    report.problems.removeDuplicates();
    return report;
}

CheckReport checkFile(const QString& path, int busyTimeoutMs)
{
    if (PartFile::isPartFile(path)) {
        // However whole it looks, a part file is a copy that a program was still making.
        CheckReport report;
        report.path = path;
        report.problems << Tr::tr("This is an unfinished copy that Waymark was still making when it was stopped (a "
                                  "“.part” file), not a school file. It can be deleted; the next backup or demo "
                                  "made there removes it.");
        return report;
    }
    try {
        // Read the log before SQLite does: it would skip a damaged part without a word.
        QString damagedLog;
        if (!Database::isOpenInThisProcess(path) && !walInUseByAnotherProgram(path)) {
            if (const WalInspection wal = inspectWal(path); wal.damaged())
                damagedLog = Tr::tr("The write-ahead log “%1” is damaged: %2 would be lost when the file is next "
                                    "opened. Keep a copy of that file before opening the school, and ask your IT "
                                    "technician to look at it.")
                                 .arg(QDir::toNativeSeparators(path + QStringLiteral("-wal")), describeWalLoss(wal));
        }
        ReadOnlyVisit visit(path, busyTimeoutMs, true);
        CheckReport report = checkDatabase(visit.db());
        report.path = path;
        if (!damagedLog.isEmpty())
            report.problems.prepend(damagedLog);
        if (!visit.notice().isEmpty())
            report.warnings.prepend(visit.notice());
        return report;
    } catch (const StorageError& e) {
        CheckReport report;
        report.path = path;
        if (e.kind() == StorageError::Kind::ForeignSchema) {
            // Its tables are not Waymark's: what differs is listed, and no row of it is read.
            for (const QString& difference : e.details())
                report.problems << Tr::tr("Not as Waymark made it: %1").arg(difference);
            report.problems << Tr::tr("Its records were not checked, because its tables are not the ones Waymark "
                                      "makes.");
        } else {
            report.problems << e.message();
        }
        return report;
    }
}

} // namespace waymark
