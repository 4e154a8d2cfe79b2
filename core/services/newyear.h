#pragma once

#include "domain/entity.h"
#include "services/calendarsetup.h"

#include <QDate>
#include <QString>

#include <utility>
#include <vector>

namespace waymark {

class Database;

// The set-up workflow's "new academic year": next year's calendar made, every pupil on roll moved
// up a year group, and the pupils in a leaving year (6, 11 or 13) listed for the teacher to confirm
// as leavers. One transaction, undone exactly.
namespace setup {

struct LeaverCandidate
{
    RowId pupilId = 0;
    QString name; // "Aydın, Emre"
    int yearGroup = 0;
    bool usuallyLeaves = false; // ticked at first: the school's last year, or Year 6 in a primary
};

struct NewYearPlan
{
    int fromYear = 0; // the academic year ending
    int toYear = 0;   // the one starting
    QDate leaveOn;    // the last day of the year ending: when confirmed leavers are marked as left
    bool calendarStored = false; // the new year already has dates of its own
    int movingUp = 0;            // pupils on roll with a year group, less those confirmed as leavers
    std::vector<LeaverCandidate> candidates;
    bool alreadyStarted = false; // the new year was started in this file already
};

// What starting the academic year after `fromYear` would do. Reads only.
NewYearPlan planNewYear(Database& db, int fromYear);

struct NewYearResult
{
    int fromYear = 0;
    int toYear = 0;
    std::vector<std::pair<RowId, int>> movedUp; // each pupil and the year group they moved up to
    std::vector<RowId> markedLeft;
    YearCalendar calendarBefore; // the new year's dates before (for an undo)
    int startedBefore = 0;       // the year last started in this file before (0: none), put back by an undo
    QDate leftOn;                // the day the leavers were marked as left
    YearCalendar calendarAfter;  // the new year's dates as the start left them (for an undo's check)
};

// Starts the new year: `leavers` (from the plan's candidates) marked as left on plan.leaveOn;
// everyone else on roll with a year group moved up one (never past 14); next year's calendar
// stored (the English defaults, for the school to edit) unless it has its own. Throws StorageError
// (nothing written) if it was started already or the school changed so that the plan is stale.
NewYearResult startNewYear(Database& db, const NewYearPlan& plan, const std::vector<RowId>& leavers);

// Undoes a started year exactly (year groups back, leavers back on roll, the calendar as it was),
// or, with redo, does it again. Refused (StorageError) if a pupil's year group was changed since.
void revertNewYear(Database& db, const NewYearResult& result, bool redo = false);

} // namespace setup
} // namespace waymark
