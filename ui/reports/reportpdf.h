#pragma once

#include "reports/feedbackslips.h"
#include "services/classfeedback.h"
#include "services/marksheet.h"

#include <QString>

namespace waymark::reports {

// The reports as A4 PDF files, written whole or not at all: built in a temporary file in the same
// folder and moved over `path` only once complete, so a failure (a folder that is not there or
// cannot be written, a full disk) leaves whatever was at `path` as it was. A file that is a
// database (a school file, or one of the files SQLite keeps beside it) is never written over.
// Fonts are embedded. Each throws StorageError with a message for the teacher, naming the file.

// The feedback slips; refused (StorageError::Kind::Invalid) when nobody gets a slip.
PrintedReport writeFeedbackSlipsPdf(const marking::MarkSheet& sheet, const QString& path,
                                    const SlipOptions& options = {});

PrintedReport writeClassFeedbackPdf(const marking::MarkSheet& sheet, const marking::ClassSummary& summary,
                                    const marking::ClassNotes& notes, const QString& path);

// The message for a task where nobody gets a slip (nobody marked yet).
QString noSlipsMessage(const marking::MarkSheet& sheet);

// A suggested file name for a report of the task ("Feedback slips - Fractions - 9X-Ma1.pdf"),
// with nothing a file system refuses.
QString suggestedFileName(const QString& report, const marking::MarkSheet& sheet);

} // namespace waymark::reports
