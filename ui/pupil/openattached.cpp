#include "pupil/openattached.h"

#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

namespace waymark {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("waymark::EvidencePanel", text);
}

QTemporaryDir& openedFiles()
{
    static QTemporaryDir dir(QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
                                 .filePath(QStringLiteral("waymark-opened-XXXXXX")));
    return dir;
}
} // namespace

QString openAttachedCopy(const AttachedFile& file, const std::function<void(const QString& path)>& save)
{
    QTemporaryDir& dir = openedFiles();
    if (!dir.isValid())
        return tr("“%1” could not be opened: there is no room for a copy to open (%2). Use Save a copy instead.")
            .arg(safeFileName(file), dir.errorString());
    // Only kinds of file that are read, not run: a school file from elsewhere may carry a program
    // dressed as a photo.
    if (!isSafeToOpen(file))
        return tr("Waymark opens photos, recordings, videos and documents only. Save a copy of “%1” and check it "
                  "before opening it.")
            .arg(safeFileName(file));
    // One folder per content, so the copy keeps its own name and two files of one name never meet.
    // The copy is written afresh each time (one changed in its program is not the school's) and
    // left read-only.
    const QString folder = dir.filePath(file.sha256.left(16));
    const QString path = QDir(folder).filePath(safeFileName(file));
    try {
        QDir().mkpath(folder);
        if (QFileInfo::exists(path)) {
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            QFile::remove(path);
        }
        save(path);
        QFile::setPermissions(path, QFileDevice::ReadOwner);
    } catch (const StorageError& e) {
        return e.message();
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        return tr("No program on this computer opens “%1”. Use Save a copy, and open it from there.")
            .arg(safeFileName(file));
    return {};
}

} // namespace waymark
