// waymark-cli export FILE --format csv --out DIR: the school as CSV files a spreadsheet opens safely.
#include "cli/clicommand.h"
#include "exchange/csvexport.h"
#include "maintenance/maintenance.h"
#include "storage/storageerror.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace waymark::cli {

namespace {
int runExport(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const QString format =
        parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")) : QStringLiteral("csv");
    if (format != QLatin1String("csv"))
        throw UsageError(Tr::tr("--format %1 is not written yet; this version writes CSV (--format csv).").arg(format));
    if (!parser.isSet(QStringLiteral("out")))
        throw UsageError(Tr::tr("export needs --out DIR, the folder to write the CSV files into."));
    const QString folder = parser.value(QStringLiteral("out"));
    ReadOnlyVisit visit(path, kBusyTimeoutMs);
    std::vector<exchange::ExportedFile> files;
    try {
        files = exchange::exportCsv(visit.db(), folder);
    } catch (const StorageError& e) {
        throw explainWriteFailure(e, folder);
    }
    QJsonArray list;
    for (const exchange::ExportedFile& f : files)
        list.append(
            QJsonObject{{QStringLiteral("file"), QFileInfo(f.path).fileName()}, {QStringLiteral("rows"), f.rows}});
    context.out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("folder"), QDir(folder).absolutePath()},
                                                               {QStringLiteral("files"), list}})
                                         .toJson(QJsonDocument::Indented));
    return kExitOk;
}
} // namespace

Command exportCommand()
{
    return {QStringLiteral("export"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("Write the school out as CSV files (one per kind of record)."),
            Tr::tr("Writes school, staff, subjects, pupils, groups, group members, plans, targets, reviews,\n"
                   "evidence and feedback from FILE into the folder --out, one CSV each (UTF-8, for Excel).\n"
                   "A cell starting with = + - @, a tab or a carriage return gets a ' in front, so a\n"
                   "spreadsheet shows it and never runs it. Reads FILE only; prints the files as JSON."),
            {{{QStringLiteral("format")}, QStringLiteral("FORMAT"), Tr::tr("csv (the only one yet).")},
             {{QStringLiteral("out")}, QStringLiteral("DIR"), Tr::tr("The folder to write into (made if missing).")}},
            runExport};
}

} // namespace waymark::cli
