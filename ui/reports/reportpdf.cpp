#include "reports/reportpdf.h"

#include "reports/classfeedbacksheet.h"
#include "reports/reportpage.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>

#include <functional>

namespace waymark::reports {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ReportPdf", text);
}

QString shown(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

// A school file, its log or journal: never to be written over by a report.
bool isDatabase(const QString& path)
{
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        if (path.endsWith(QLatin1String(suffix)) && QFileInfo::exists(path))
            return true;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

PrintedReport writePdf(const QString& path, const QString& title,
                       const std::function<PrintedReport(QPdfWriter&)>& paint)
{
    const QFileInfo info(path);
    if (path.isEmpty() || info.fileName().isEmpty())
        throw StorageError(StorageError::Kind::Invalid, tr("No file name was given for the report."));
    if (!info.absoluteDir().exists())
        throw StorageError(StorageError::Kind::NotFound,
                           tr("“%1” could not be written: the folder “%2” does not exist. Nothing was written.")
                               .arg(shown(path), shown(info.absolutePath())));
    if (info.isDir())
        throw StorageError(StorageError::Kind::Invalid,
                           tr("“%1” is a folder; give the report a file name. Nothing was written.").arg(shown(path)));
    if (isDatabase(path))
        throw StorageError(StorageError::Kind::Invalid,
                           tr("“%1” is a database (perhaps a school file), so the report was not written over it. "
                              "Choose another name.")
                               .arg(shown(path)));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw StorageError(StorageError::Kind::ReadOnly,
                           tr("“%1” could not be written (%2); choose a folder you can write to. Nothing was written.")
                               .arg(shown(path), file.errorString()));
    PrintedReport printed;
    {
        QPdfWriter writer(&file);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Waymark"));
        setA4(writer);
        try {
            printed = paint(writer);
        } catch (...) {
            file.cancelWriting();
            throw;
        }
    } // the writer finishes the file as it goes
    if (!file.commit()) {
        const bool full = file.error() == QFileDevice::ResourceError;
        throw StorageError(
            full ? StorageError::Kind::DiskFull : StorageError::Kind::Io,
            full ? tr("“%1” could not be written: the disk is full. Nothing was written.").arg(shown(path))
                 : tr("“%1” could not be written (%2). Nothing was written.").arg(shown(path), file.errorString()));
    }
    return printed;
}
} // namespace

QString noSlipsMessage(const marking::MarkSheet& sheet)
{
    return tr("Nobody has been marked for “%1” yet, so there are no feedback slips to print.").arg(sheet.title);
}

PrintedReport writeFeedbackSlipsPdf(const marking::MarkSheet& sheet, const QString& path, const SlipOptions& options)
{
    if (slipRows(sheet, options).empty())
        throw StorageError(StorageError::Kind::Invalid, noSlipsMessage(sheet));
    return writePdf(path, tr("Feedback slips: %1").arg(sheet.title),
                    [&](QPdfWriter& writer) { return paintFeedbackSlips(writer, sheet, options); });
}

PrintedReport writeClassFeedbackPdf(const marking::MarkSheet& sheet, const marking::ClassSummary& summary,
                                    const marking::ClassNotes& notes, const QString& path)
{
    return writePdf(path, tr("Whole-class feedback: %1").arg(sheet.title),
                    [&](QPdfWriter& writer) { return paintClassFeedback(writer, sheet, summary, notes); });
}

QString suggestedFileName(const QString& report, const marking::MarkSheet& sheet)
{
    QStringList parts{report, sheet.title};
    if (!sheet.group.isEmpty())
        parts << sheet.group;
    QString name = parts.join(QStringLiteral(" - "));
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]"));
    name.replace(unsafe, QStringLiteral("-"));
    return name.left(120).trimmed() + QStringLiteral(".pdf");
}

} // namespace waymark::reports
