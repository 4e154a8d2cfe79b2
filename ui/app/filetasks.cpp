#include "app/filetasks.h"

#include "demo/demogenerator.h"
#include "domain/entities.h"
#include "maintenance/maintenance.h"
#include "services/schoolsetup.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QStandardPaths>

namespace waymark::filetasks {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FileTasks)
};

struct BackupCancelled
{
};

QString inDataFolder(const QString& name)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(name);
}

// A modal dialog that appears only if the job takes more than a moment.
void prepare(QProgressDialog& dialog, const QString& label)
{
    dialog.setWindowTitle(QCoreApplication::applicationName());
    dialog.setLabelText(label);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(300);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    dialog.setRange(0, 1000);
    dialog.setValue(0);
}
} // namespace

QString defaultSchoolPath()
{
    return inDataFolder(QStringLiteral("school.waymark"));
}

QString demoSchoolPath()
{
    return inDataFolder(QStringLiteral("demo-school.waymark"));
}

QString safeFileBaseName(const QString& name)
{
    static const QRegularExpression unsafe(QStringLiteral(R"(\s*[\\/:*?"<>|\x00-\x1f]+\s*)"));
    static const QRegularExpression edges(QStringLiteral(R"(^[-\s.]+|[-\s.]+$)"));
    return name.simplified().replace(unsafe, QStringLiteral("-")).remove(edges);
}

QString suggestedBackupName(const QString& schoolName, QDate today)
{
    QString base = safeFileBaseName(schoolName);
    if (base.isEmpty())
        base = Tr::tr("school");
    return base + QStringLiteral("-backup-") + today.toString(Qt::ISODate) + QStringLiteral(".waymark");
}

void createSchool(const QString& path, const QString& schoolName)
{
    setup::createSchoolFile(path, schoolName);
}

bool generateDemoSchool(QWidget* parent, const QString& path, DemoOptions options)
{
    QProgressDialog dialog(parent);
    prepare(dialog, Tr::tr("Building the demo school…"));
    options.progress = [&dialog](qint64 done, qint64 total) {
        if (total > 0)
            dialog.setValue(int(done * 1000 / total)); // also keeps the window responsive
        return !dialog.wasCanceled();
    };
    try {
        Database::createAtomically(path, [&](Database& db) { waymark::generateDemoSchool(db, options); });
    } catch (const DemoCancelled&) {
        return false;
    }
    return true;
}

bool backUp(QWidget* parent, Database& source, const QString& dest, bool replaceExisting)
{
    QProgressDialog dialog(parent);
    prepare(dialog, Tr::tr("Backing up the school…"));
    BackupOptions options;
    options.replaceExisting = replaceExisting;
    options.progress = [&dialog](int remaining, int total) {
        if (total > 0)
            dialog.setValue(int(qint64(total - remaining) * 1000 / total));
        if (dialog.wasCanceled())
            throw BackupCancelled{};
    };
    try {
        backupTo(source, dest, options);
    } catch (const BackupCancelled&) {
        return false;
    }
    return true;
}

} // namespace waymark::filetasks
