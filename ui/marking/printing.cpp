#include "marking/printing.h"

#include "reports/classfeedbacksheet.h"
#include "reports/reportpage.h"
#include "reports/reportpdf.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QStandardPaths>

#include <functional>

namespace waymark {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Printing", text);
}

// The print dialog on an A4 printer; paints once the teacher presses Print.
bool print(QWidget* parent, const QString& title, const QString& documentName,
           const std::function<void(QPrinter&)>& paint)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(documentName);
    printer.setCreator(QStringLiteral("Waymark"));
    reports::setA4(printer);
    QPrintDialog dialog(&printer, parent);
    dialog.setWindowTitle(title);
    dialog.setOption(QAbstractPrintDialog::PrintSelection, false);
    dialog.setOption(QAbstractPrintDialog::PrintPageRange, false);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    try {
        paint(printer);
    } catch (const StorageError& e) {
        QMessageBox::warning(parent, title, e.message());
        return false;
    }
    return true;
}

// Asks where to save, then writes; a failure is said and nothing is left half-written.
bool save(QWidget* parent, const QString& title, const QString& suggested,
          const std::function<void(const QString&)>& write)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path =
        QFileDialog::getSaveFileName(parent, title, QDir(folder).filePath(suggested), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    try {
        write(path);
    } catch (const StorageError& e) {
        QMessageBox::warning(parent, title, e.message());
        return false;
    }
    return true;
}

bool anySlips(QWidget* parent, const QString& title, const marking::MarkSheet& sheet,
              const reports::SlipOptions& options)
{
    if (!reports::slipRows(sheet, options).empty())
        return true;
    QMessageBox::information(parent, title, reports::noSlipsMessage(sheet));
    return false;
}
} // namespace

bool printFeedbackSlips(QWidget* parent, const marking::MarkSheet& sheet, const reports::SlipOptions& options)
{
    const QString title = tr("Print Feedback Slips");
    if (!anySlips(parent, title, sheet, options))
        return false;
    return print(parent, title, tr("Feedback slips: %1").arg(sheet.title),
                 [&](QPrinter& printer) { reports::paintFeedbackSlips(printer, sheet, options); });
}

bool saveFeedbackSlipsPdf(QWidget* parent, const marking::MarkSheet& sheet, const reports::SlipOptions& options)
{
    const QString title = tr("Save Feedback Slips as PDF");
    if (!anySlips(parent, title, sheet, options))
        return false;
    return save(parent, title, reports::suggestedFileName(tr("Feedback slips"), sheet),
                [&](const QString& path) { reports::writeFeedbackSlipsPdf(sheet, path, options); });
}

bool printClassFeedback(QWidget* parent, const marking::MarkSheet& sheet, const marking::ClassSummary& summary,
                        const marking::ClassNotes& notes)
{
    return print(parent, tr("Print Whole-Class Feedback"), tr("Whole-class feedback: %1").arg(sheet.title),
                 [&](QPrinter& printer) { reports::paintClassFeedback(printer, sheet, summary, notes); });
}

bool saveClassFeedbackPdf(QWidget* parent, const marking::MarkSheet& sheet, const marking::ClassSummary& summary,
                          const marking::ClassNotes& notes)
{
    return save(parent, tr("Save Whole-Class Feedback as PDF"),
                reports::suggestedFileName(tr("Whole-class feedback"), sheet),
                [&](const QString& path) { reports::writeClassFeedbackPdf(sheet, summary, notes, path); });
}

} // namespace waymark
