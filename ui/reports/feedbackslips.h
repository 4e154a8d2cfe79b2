#pragma once

#include "services/marksheet.h"

#include <vector>

class QPagedPaintDevice;

namespace waymark::reports {

struct SlipOptions
{
    // A slip for every pupil in the group, marked or not (an unmarked pupil's slip has the task and
    // its criteria, to be filled in by hand). Otherwise only pupils marked for the task get one.
    bool everyone = false;
};

struct PrintedReport
{
    int pages = 0;
    int slips = 0; // feedback slips only
};

// The pupils who get a slip, in the sheet's order (family name): those marked for the task
// (marking::isMarked), or with SlipOptions::everyone also every pupil still in the group.
std::vector<const marking::SheetRow*> slipRows(const marking::MarkSheet& sheet, const SlipOptions& options = {});

// Feedback slips to stick in books, drawn on device's pages as they are set up (setA4() for A4):
// six to a page, in two columns of three, with dashed cut lines round each. A slip has the pupil's
// name and group, the task, its date and learning intention, each criterion with its judgement as
// a symbol and a word, the traffic light as a coloured disc with its letter, the grade, What went
// well / Even better if / Next step, and a box for the pupil's response (or the response given).
// Long feedback is set smaller (down to 7.5 pt), then given two or three slots of its column, and
// beyond that continues in the next column, each part saying so: a slip is never cut short, and
// never split across pages unless it is longer than a whole column. Throws StorageError if the
// device cannot be painted on.
PrintedReport paintFeedbackSlips(QPagedPaintDevice& device, const marking::MarkSheet& sheet,
                                 const SlipOptions& options = {});

} // namespace waymark::reports
