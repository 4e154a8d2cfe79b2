// waymark-cli check FILE: is the file sound? Reads only; never writes a byte.
#include "cli/clicommand.h"
#include "maintenance/maintenance.h"

namespace waymark::cli {

namespace {
int runCheck(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const CheckReport report = checkFile(path, kBusyTimeoutMs);
    if (report.ok())
        context.out << Tr::tr("%1: sound (schema version %2)").arg(path).arg(report.schemaVersion) << Qt::endl;
    else
        context.out << Tr::tr("%1: not sound").arg(path) << Qt::endl;
    for (const QString& problem : report.problems)
        context.out << QStringLiteral("  ") << problem << Qt::endl;
    for (const QString& warning : report.warnings)
        context.out << QStringLiteral("  ") << Tr::tr("warning: %1").arg(warning) << Qt::endl;
    return report.ok() ? kExitOk : kExitFailure;
}
} // namespace

Command checkCommand()
{
    return {QStringLiteral("check"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("Check a school file for damage."),
            Tr::tr("Checks FILE without changing it: that it is a Waymark school file of a version this program\n"
                   "knows, that SQLite finds no damage, that no record points to a missing one, and that\n"
                   "attached files still match their fingerprints. Prints \"FILE: sound (schema version N)\"\n"
                   "and exits 0, or lists one problem per line and exits 1. Pupils whose UPN is not valid\n"
                   "are listed as warnings; they do not make the file unsound."),
            {},
            runCheck};
}

} // namespace waymark::cli
