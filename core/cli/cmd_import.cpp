// waymark-cli import FILE SOURCE [--format auto|csv] [--dry-run] [--leavers mark|ignore]: a roster
// from the school's MIS, planned and applied through the import service the app uses.
#include "cli/clicommand.h"
#include "exchange/roster.h"
#include "services/rosterimport.h"
#include "storage/database.h"
#include "storage/storageerror.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace waymark::cli {

namespace {
int runImport(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const QString source = parser.positionalArguments().at(1);
    const QDate today = todayOption(parser);
    const QString format =
        parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")) : QStringLiteral("auto");
    if (format != QLatin1String("auto") && format != QLatin1String("csv"))
        throw UsageError(
            Tr::tr("--format %1 is not read yet; this version reads roster CSV files (--format csv).").arg(format));
    const QString leaversText =
        parser.isSet(QStringLiteral("leavers")) ? parser.value(QStringLiteral("leavers")) : QStringLiteral("ignore");
    if (leaversText != QLatin1String("mark") && leaversText != QLatin1String("ignore"))
        throw UsageError(Tr::tr("--leavers is mark or ignore, not “%1”.").arg(leaversText));
    const auto leavers = leaversText == QLatin1String("mark") ? importing::Leavers::Mark : importing::Leavers::Ignore;

    QFile file(source);
    if (!QFileInfo(source).isFile() || !file.open(QIODevice::ReadOnly))
        throw UsageError(Tr::tr("“%1” could not be read: %2").arg(source, file.errorString()));
    if (file.size() > exchange::kMaxTextBytes)
        throw UsageError(Tr::tr("“%1” is larger than a school roster could need; it is probably not the export you "
                                "meant.")
                             .arg(source));
    const QByteArray bytes = file.readAll();
    exchange::Roster roster;
    try {
        roster = exchange::readCsvRoster(bytes, today);
    } catch (const StorageError& e) {
        throw UsageError(Tr::tr("“%1”: %2").arg(source, e.message()));
    }

    Database::Options options;
    options.busyTimeoutMs = kBusyTimeoutMs;
    options.readOnly = parser.isSet(QStringLiteral("dry-run"));
    std::unique_ptr<Database> db = Database::open(path, options);
    const importing::ImportPlan plan = importing::planImport(*db, roster, today);
    importing::ImportResult result;
    if (parser.isSet(QStringLiteral("dry-run"))) {
        result.created = plan.count(importing::PlannedRow::Kind::New);
        result.updated = plan.count(importing::PlannedRow::Kind::Updated);
        result.unchanged = plan.count(importing::PlannedRow::Kind::Unchanged);
    } else {
        try {
            result = importing::applyImport(*db, plan, today, leavers);
        } catch (const StorageError& e) {
            throw explainWriteFailure(e, path);
        }
    }
    QJsonArray flagged;
    QJsonArray rejected;
    for (const importing::PlannedRow& row : plan.rows) {
        for (const QString& flag : row.flags)
            flagged.append(QJsonObject{{QStringLiteral("row"), row.line}, {QStringLiteral("reason"), flag}});
        if (row.kind == importing::PlannedRow::Kind::Rejected)
            rejected.append(QJsonObject{{QStringLiteral("row"), row.line}, {QStringLiteral("reason"), row.reason}});
    }
    QJsonObject out{
        {QStringLiteral("created"), result.created},     {QStringLiteral("updated"), result.updated},
        {QStringLiteral("unchanged"), result.unchanged}, {QStringLiteral("flagged"), flagged},
        {QStringLiteral("rejected"), rejected},          {QStringLiteral("not_in_file"), int(plan.notInFile.size())}};
    if (leavers == importing::Leavers::Mark)
        out.insert(QStringLiteral("marked_left"), result.markedLeft);
    if (parser.isSet(QStringLiteral("dry-run")))
        out.insert(QStringLiteral("dry_run"), true);
    context.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
    return kExitOk;
}
} // namespace

Command importCommand()
{
    return {QStringLiteral("import"),
            QStringLiteral("FILE SOURCE"),
            2,
            Tr::tr("Import pupils from the school's MIS (a roster CSV) into FILE."),
            Tr::tr("Reads SOURCE, a roster CSV exported from any MIS (SIMS, Arbor, Bromcom, ...; UTF-8,\n"
                   "UTF-16 or Windows-1252; comma, semicolon or tab), and brings FILE in step with it in one\n"
                   "transaction: new pupils added, known ones (by UPN, else by name and date of birth)\n"
                   "updated, old values kept in history. Prints a JSON summary with the rows flagged and\n"
                   "rejected and why. With --dry-run nothing is written. Pupils on roll whom SOURCE does not\n"
                   "list are counted; --leavers mark marks them as left today (never deleted)."),
            {{{QStringLiteral("format")}, QStringLiteral("FORMAT"), Tr::tr("auto or csv (the default: auto).")},
             {{QStringLiteral("dry-run")}, QString(), Tr::tr("Show what would change; write nothing.")},
             {{QStringLiteral("leavers")},
              QStringLiteral("mark|ignore"),
              Tr::tr("Mark pupils missing from a full roll as left (default: ignore).")},
             {{QStringLiteral("today")}, QStringLiteral("DATE"), Tr::tr("Import as on DATE (YYYY-MM-DD).")}},
            runImport};
}

} // namespace waymark::cli
