// waymark-cli init FILE: a new, empty school file.
#include "cli/clicommand.h"
#include "maintenance/maintenance.h"
#include "services/schoolsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"

#include <QFileInfo>

namespace waymark::cli {

namespace {
int runInit(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const QString name = parser.value(QStringLiteral("name")).simplified();
    requireNewFileDestination(path);
    try {
        setup::createSchoolFile(path, name);
    } catch (const StorageError& e) {
        if (e.kind() == StorageError::Kind::Invalid && !QFileInfo::exists(path))
            throw UsageError(e.message());
        throw explainWriteFailure(e, path);
    }
    if (name.isEmpty())
        context.out << Tr::tr("Made an empty school file at “%1”.").arg(path) << Qt::endl;
    else
        context.out << Tr::tr("Made an empty school file for %1 at “%2”.").arg(name, path) << Qt::endl;
    return kExitOk;
}
} // namespace

Command initCommand()
{
    return {QStringLiteral("init"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("Make a new, empty school file."),
            Tr::tr("Makes a new, empty school file at FILE, ready for Waymark to open, named by --name.\n"
                   "An existing file is never replaced."),
            {{{QStringLiteral("name")}, QStringLiteral("NAME"), Tr::tr("The school's name, as Waymark shows it.")}},
            runInit};
}

} // namespace waymark::cli
