#pragma once

#include "reports/feedbackslips.h"
#include "services/classfeedback.h"
#include "services/marksheet.h"

class QPagedPaintDevice;

namespace waymark::reports {

// The whole-class feedback sheet of a task, drawn on device's pages as they are set up (setA4()
// for A4): the task, how many pupils were marked, the counts per traffic light (a table with bars,
// each light as its colour and its letter), the counts per success criterion (with a bar of met,
// partly and not yet), the pupils to revisit and to praise (with why), and the teacher's notes:
// praise, common misconceptions, spelling and grammar to work on, who to revisit. One or two pages
// for a class, each with the task and "Page N of M" at its foot. Throws StorageError if the device
// cannot be painted on.
PrintedReport paintClassFeedback(QPagedPaintDevice& device, const marking::MarkSheet& sheet,
                                 const marking::ClassSummary& summary, const marking::ClassNotes& notes);

} // namespace waymark::reports
