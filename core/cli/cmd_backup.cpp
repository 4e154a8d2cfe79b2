// waymark-cli backup FILE DEST: a checked copy, safe even while Waymark has FILE open.
#include "cli/clicommand.h"
#include "maintenance/maintenance.h"
#include "storage/database.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace waymark::cli {

namespace {
int runBackup(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const QString dest = parser.positionalArguments().at(1);
    ReadOnlyVisit visit(path, kBusyTimeoutMs);

    InterruptGuard interrupt;
    ProgressLine progress(context, Tr::tr("Backing up…"));
    BackupOptions options;
    options.replaceExisting = parser.isSet(QStringLiteral("replace"));
    options.progress = [&](int remaining, int total) {
        if (InterruptGuard::requested())
            throw Interrupted{};
        progress.update(total - remaining, total);
    };
    backupTo(visit.db(), dest, options);

    const QFileInfo copy(dest);
    context.out << Tr::tr("Backed up “%1” to “%2” (%3 MB); the copy passed its check.")
                       .arg(path, QDir::toNativeSeparators(copy.absoluteFilePath()),
                            QLocale().toString(double(copy.size()) / (1024.0 * 1024.0), 'f', 1))
                << Qt::endl;
    return kExitOk;
}
} // namespace

Command backupCommand()
{
    return {QStringLiteral("backup"),
            QStringLiteral("FILE DEST"),
            2,
            Tr::tr("Copy a school file safely, even while Waymark has it open."),
            Tr::tr("Copies FILE to DEST with SQLite's online backup, checks the copy and only then puts it in\n"
                   "place, so DEST is either a complete, sound copy or not there at all. An existing DEST is\n"
                   "refused unless --replace is given."),
            {{{QStringLiteral("replace")}, {}, Tr::tr("Replace DEST if it already exists.")}},
            runBackup};
}

} // namespace waymark::cli
