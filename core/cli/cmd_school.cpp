// waymark-cli school FILE [--name N] [--urn U] [--la L] [--estab E] [--phase P]: the school's own
// details, shown as JSON and changed through the set-up service the app uses.
#include "cli/clicommand.h"
#include "domain/enums.h"
#include "maintenance/maintenance.h"
#include "services/schoolsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace waymark::cli {

namespace {
QJsonObject toJson(const setup::SchoolDetails& details)
{
    const std::string_view phase = toText(details.phase);
    return {{QStringLiteral("name"), details.name},
            {QStringLiteral("urn"), details.urn},
            {QStringLiteral("la"), details.laCode},
            {QStringLiteral("estab"), details.estab},
            {QStringLiteral("phase"),
             QString::fromLatin1(phase.data(), qsizetype(phase.size())).replace(QLatin1Char('_'), QLatin1Char('-'))}};
}

int runSchool(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const bool changing = parser.isSet(QStringLiteral("name")) || parser.isSet(QStringLiteral("urn")) ||
                          parser.isSet(QStringLiteral("la")) || parser.isSet(QStringLiteral("estab")) ||
                          parser.isSet(QStringLiteral("phase"));
    if (!changing) {
        ReadOnlyVisit visit(path, kBusyTimeoutMs);
        context.out << QString::fromUtf8(QJsonDocument(toJson(setup::schoolDetails(visit.db()))).toJson());
        return kExitOk;
    }
    Database::Options options;
    options.busyTimeoutMs = kBusyTimeoutMs;
    std::unique_ptr<Database> db = Database::open(path, options);
    setup::SchoolDetails details = setup::schoolDetails(*db);
    if (parser.isSet(QStringLiteral("name")))
        details.name = parser.value(QStringLiteral("name"));
    if (parser.isSet(QStringLiteral("urn")))
        details.urn = parser.value(QStringLiteral("urn"));
    if (parser.isSet(QStringLiteral("la")))
        details.laCode = parser.value(QStringLiteral("la"));
    if (parser.isSet(QStringLiteral("estab")))
        details.estab = parser.value(QStringLiteral("estab"));
    if (parser.isSet(QStringLiteral("phase"))) {
        const QString wanted =
            parser.value(QStringLiteral("phase")).trimmed().toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
        const auto phase = fromText<SchoolPhase>(wanted.toStdString());
        if (!phase)
            throw UsageError(Tr::tr("--phase is primary, secondary, all-through or special, not “%1”.")
                                 .arg(parser.value(QStringLiteral("phase"))));
        details.phase = *phase;
    }
    if (const QStringList problems = setup::problemsWith(details); !problems.isEmpty())
        throw UsageError(problems.join(QLatin1Char(' ')) + QLatin1Char(' ') + Tr::tr("Nothing was changed."));
    try {
        details = setup::changeSchoolDetails(*db, details);
    } catch (const StorageError& e) {
        throw explainWriteFailure(e, path);
    }
    context.out << QString::fromUtf8(QJsonDocument(toJson(details)).toJson());
    return kExitOk;
}
} // namespace

Command schoolCommand()
{
    return {
        QStringLiteral("school"),
        QStringLiteral("FILE"),
        1,
        Tr::tr("Show or change the school's name, URN, DfE number and phase."),
        Tr::tr("Prints the school's details in FILE as JSON: name, urn, la, estab and phase. With any\n"
               "of the options, changes those details first (the old ones are kept in the file's\n"
               "history) and prints the result. Details that are not valid change nothing."),
        {{{QStringLiteral("name")}, QStringLiteral("NAME"), Tr::tr("The school's name.")},
         {{QStringLiteral("urn")}, QStringLiteral("URN"), Tr::tr("Unique reference number: 6 digits.")},
         {{QStringLiteral("la")}, QStringLiteral("NUMBER"), Tr::tr("Local-authority number: 3 digits.")},
         {{QStringLiteral("estab")}, QStringLiteral("NUMBER"), Tr::tr("Establishment number: 4 digits.")},
         {{QStringLiteral("phase")}, QStringLiteral("PHASE"), Tr::tr("primary, secondary, all-through or special.")}},
        runSchool};
}

} // namespace waymark::cli
