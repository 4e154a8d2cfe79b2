#pragma once

#include "reports/feedbackslips.h"
#include "services/classfeedback.h"
#include "services/marksheet.h"

class QWidget;

// Printing a task's feedback slips and whole-class feedback sheet from the app: through the print
// dialog (A4 unless the teacher picks other paper), or as a PDF where the teacher chooses. Each
// says what went wrong (nobody marked yet, a file that could not be written) in a message on
// parent, and returns true only once the report was printed or saved.
namespace waymark {

bool printFeedbackSlips(QWidget* parent, const marking::MarkSheet& sheet, const reports::SlipOptions& options = {});
bool saveFeedbackSlipsPdf(QWidget* parent, const marking::MarkSheet& sheet, const reports::SlipOptions& options = {});

bool printClassFeedback(QWidget* parent, const marking::MarkSheet& sheet, const marking::ClassSummary& summary,
                        const marking::ClassNotes& notes);
bool saveClassFeedbackPdf(QWidget* parent, const marking::MarkSheet& sheet, const marking::ClassSummary& summary,
                          const marking::ClassNotes& notes);

} // namespace waymark
