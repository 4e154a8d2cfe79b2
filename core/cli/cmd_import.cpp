// waymark-cli import FILE SOURCE [--format auto|csv|sds|oneroster|ctf] [--mis NAME] [--mapping MAP.json]
// [--dry-run] [--leavers mark|ignore]: a roster from the school's MIS, planned and applied through
// the import service the app uses.
#include "cli/clicommand.h"
#include "exchange/roster.h"
#include "exchange/rosterformats.h"
#include "exchange/rostermapping.h"
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
    const QString formatText =
        parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")) : QStringLiteral("auto");
    std::optional<exchange::RosterFormat> format;
    if (formatText != QLatin1String("auto")) {
        format = exchange::formatFromName(formatText);
        if (!format)
            throw UsageError(Tr::tr("--format is auto, csv, sds, oneroster or ctf, not “%1”.").arg(formatText));
    }
    const QString leaversText =
        parser.isSet(QStringLiteral("leavers")) ? parser.value(QStringLiteral("leavers")) : QStringLiteral("ignore");
    if (leaversText != QLatin1String("mark") && leaversText != QLatin1String("ignore"))
        throw UsageError(Tr::tr("--leavers is mark or ignore, not “%1”.").arg(leaversText));
    const auto leavers = leaversText == QLatin1String("mark") ? importing::Leavers::Mark : importing::Leavers::Ignore;

    if (!QFileInfo::exists(source))
        throw UsageError(Tr::tr("“%1” does not exist.").arg(source));
    if (!format)
        format = exchange::detectRosterFormat(source);
    if (!format)
        throw UsageError(Tr::tr("“%1” is not a roster Waymark can read: choose a CSV file, a School Data Sync or "
                                "OneRoster folder or zip, or a Common Transfer File.")
                             .arg(source));
    if (*format == exchange::RosterFormat::SdsUk && QFileInfo(source).isDir())
        format = exchange::detectRosterFormat(source).value_or(*format); // UK or v2.1, as the folder holds
    std::optional<exchange::ColumnMapping> mapping;
    if (parser.isSet(QStringLiteral("mapping"))) {
        if (*format != exchange::RosterFormat::Csv)
            throw UsageError(Tr::tr("--mapping is for CSV files; %1 names its own columns.")
                                 .arg(exchange::formatDisplayName(*format)));
        QFile mapFile(parser.value(QStringLiteral("mapping")));
        if (!mapFile.open(QIODevice::ReadOnly))
            throw UsageError(
                Tr::tr("“%1” could not be read: %2").arg(parser.value(QStringLiteral("mapping")), mapFile.errorString()));
        try {
            mapping = exchange::ColumnMapping::fromJson(mapFile.read(1024 * 1024));
        } catch (const StorageError& e) {
            throw UsageError(Tr::tr("“%1”: %2").arg(parser.value(QStringLiteral("mapping")), e.message()));
        }
    }
    // The MIS whose ids are kept: named, or the format's own name.
    const QString mis = parser.isSet(QStringLiteral("mis")) ? parser.value(QStringLiteral("mis")).simplified()
                                                            : exchange::formatName(*format);
    if (mis.isEmpty() || mis.size() > 100)
        throw UsageError(Tr::tr("--mis names the MIS in at most 100 characters (SIMS, Arbor, ...)."));

    exchange::Roster roster;
    try {
        if (mapping) {
            QFile file(source);
            if (!file.open(QIODevice::ReadOnly) || file.size() > exchange::kMaxTextBytes)
                throw UsageError(Tr::tr("“%1” could not be read, or is larger than a school roster could need.")
                                     .arg(source));
            const QByteArray bytes = file.readAll();
            const std::vector<exchange::RosterField> columns = mapping->columnsFor(exchange::readCsv(bytes).header);
            roster = exchange::readCsvRoster(bytes, today, &columns,
                                             mapping->dates.value_or(exchange::DateOrder::DayMonthYear));
        } else {
            roster = exchange::readRoster(source, *format, today);
        }
    } catch (const StorageError& e) {
        throw UsageError(Tr::tr("“%1”: %2").arg(source, e.message()));
    }

    Database::Options options;
    options.busyTimeoutMs = kBusyTimeoutMs;
    options.readOnly = parser.isSet(QStringLiteral("dry-run"));
    std::unique_ptr<Database> db = Database::open(path, options);
    const importing::ImportPlan plan = importing::planImport(*db, roster, today, mis);
    importing::ImportResult result;
    if (parser.isSet(QStringLiteral("dry-run"))) {
        result.created = plan.count(importing::PlannedRow::Kind::New);
        result.updated = plan.count(importing::PlannedRow::Kind::Updated);
        result.unchanged = plan.count(importing::PlannedRow::Kind::Unchanged);
        for (const importing::PlannedItem& item : plan.staff) {
            result.staffCreated += item.kind == importing::PlannedItem::Kind::New ? 1 : 0;
            result.staffUpdated += item.kind == importing::PlannedItem::Kind::Updated ? 1 : 0;
        }
        for (const importing::PlannedItem& item : plan.groups) {
            result.groupsCreated += item.kind == importing::PlannedItem::Kind::New ? 1 : 0;
            result.groupsUpdated += item.kind == importing::PlannedItem::Kind::Updated ? 1 : 0;
        }
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
    out.insert(QStringLiteral("format"), exchange::formatName(*format));
    out.insert(QStringLiteral("mis"), mis);
    if (!roster.staff.empty() || !roster.groups.empty()) {
        out.insert(QStringLiteral("staff"), QJsonObject{{QStringLiteral("created"), result.staffCreated},
                                                        {QStringLiteral("updated"), result.staffUpdated}});
        out.insert(QStringLiteral("groups"), QJsonObject{{QStringLiteral("created"), result.groupsCreated},
                                                         {QStringLiteral("updated"), result.groupsUpdated}});
    }
    if (!parser.isSet(QStringLiteral("dry-run")) && result.resultsAdded > 0)
        out.insert(QStringLiteral("assessment_results"), result.resultsAdded);
    if (!plan.problems.isEmpty())
        out.insert(QStringLiteral("problems"), QJsonArray::fromStringList(plan.problems));
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
            Tr::tr("Import pupils, staff and groups from the school's MIS into FILE."),
            Tr::tr("Reads SOURCE: a roster CSV exported from any MIS (SIMS, Arbor, Bromcom, ...; UTF-8,\n"
                   "UTF-16 or Windows-1252; comma, semicolon or tab), a School Data Sync folder (UK or\n"
                   "v2.1), a OneRoster 1.1 zip or folder, or a DfE Common Transfer File. Brings FILE in\n"
                   "step with it in one transaction: new pupils added, known ones (by UPN, else by the\n"
                   "MIS's own id, else by name and date of birth) updated, old values kept in history;\n"
                   "staff, classes and their members likewise. Prints a JSON summary with the rows flagged\n"
                   "and rejected and why. With --dry-run nothing is written. Pupils on roll whom SOURCE\n"
                   "does not list are counted; --leavers mark marks them as left today (never deleted)."),
            {{{QStringLiteral("format")},
              QStringLiteral("FORMAT"),
              Tr::tr("auto, csv, sds, oneroster or ctf (the default: auto, from what SOURCE is).")},
             {{QStringLiteral("mis")},
              QStringLiteral("NAME"),
              Tr::tr("The MIS SOURCE came from (SIMS, Arbor, ...): its own ids are kept under this name so that "
                     "the next import finds the same pupils (the default: the format's name).")},
             {{QStringLiteral("mapping")},
              QStringLiteral("MAP.json"),
              Tr::tr("For a CSV: which column holds what, as {\"columns\": {\"Surname\": \"legal-surname\"}, "
                     "\"dates\": \"day-month-year\"}; columns it does not name are detected.")},
             {{QStringLiteral("dry-run")}, QString(), Tr::tr("Show what would change; write nothing.")},
             {{QStringLiteral("leavers")},
              QStringLiteral("mark|ignore"),
              Tr::tr("Mark pupils missing from a full roll as left (default: ignore).")},
             {{QStringLiteral("today")}, QStringLiteral("DATE"), Tr::tr("Import as on DATE (YYYY-MM-DD).")}},
            runImport};
}

} // namespace waymark::cli
