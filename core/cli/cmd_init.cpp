// waymark-cli init FILE: a new, empty school file.
#include "cli/clicommand.h"
#include "maintenance/maintenance.h"
#include "storage/database.h"
#include "storage/storageerror.h"

namespace waymark::cli {

namespace {
int runInit(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    requireNewFileDestination(path);
    try {
        Database::createAtomically(path, [](Database&) {});
    } catch (const StorageError& e) {
        throw explainWriteFailure(e, path);
    }
    context.out << Tr::tr("Made an empty school file at “%1”.").arg(path) << Qt::endl;
    return kExitOk;
}
} // namespace

Command initCommand()
{
    return {QStringLiteral("init"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("Make a new, empty school file."),
            Tr::tr("Makes a new, empty school file at FILE, ready for Waymark to open. An existing file is\n"
                   "never replaced."),
            {},
            runInit};
}

} // namespace waymark::cli
