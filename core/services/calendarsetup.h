#pragma once

#include "calendar/schoolcalendar.h"

#include <QString>

#include <vector>

namespace waymark {

class Database;

// The set-up workflow's calendar: each academic year's half-terms and closures (INSET days, bank
// holidays, closures), English defaults until the school sets its own (Welsh and other local
// authorities' dates are typed in). Each change is one transaction.
namespace setup {

struct YearCalendar
{
    int academicYear = 0; // 2026 = Sep 2026 - Aug 2027
    bool configured = false; // false: the English defaults, nothing stored
    std::vector<HalfTerm> halfTerms; // six
    std::vector<Closure> closures;

    bool operator==(const YearCalendar&) const = default;
};

// The calendar as stored in the file, with defaults for the years it does not set.
SchoolCalendar loadCalendar(Database& db);

// One year's dates: as stored, or the defaults (configured = false).
YearCalendar yearCalendar(Database& db, int academicYear);

// The academic years the file sets dates for, in order.
std::vector<int> configuredYears(Database& db);

// Why the dates cannot be used (one sentence for the teacher), or empty.
QString problemsWithCalendar(const YearCalendar& calendar);

// Stores a year's dates in place of what was stored for it (old rows tombstoned, never erased), or,
// with configured = false, goes back to the defaults. With `expected`, refused (nothing written) if
// what is stored for the year differs from it: changed elsewhere since. Throws StorageError with
// problemsWithCalendar()'s sentence for dates that cannot be used.
void setYearCalendar(Database& db, const YearCalendar& calendar, const YearCalendar* expected = nullptr);

} // namespace setup
} // namespace waymark
