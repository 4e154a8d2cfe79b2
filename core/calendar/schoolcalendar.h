#pragma once

#include "domain/enums.h"

#include <QDate>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace waymark {

// ClosureKind lives in domain/enums.h with the other stored enums.

// One half-term: a run of teaching weeks between two holidays.
struct HalfTerm
{
    int academicYear = 0; // 2026 = Sep 2026 - Aug 2027
    int number = 0;       // 1..6
    QDate start;
    QDate end; // inclusive

    QString name() const; // "Autumn 1", "Autumn 2", "Spring 1", ... (translated); empty if number is not 1..6
    bool contains(QDate d) const;
    bool operator==(const HalfTerm&) const = default;
};

// Days inside a half-term when pupils are not taught (INSET, a bank holiday, a snow day).
struct Closure
{
    QDate from;
    QDate to; // inclusive
    ClosureKind kind = ClosureKind::Closure;
    QString label;

    bool contains(QDate d) const;
    bool operator==(const Closure&) const = default;
};

// The school calendar: which half-term a date is in and what counts as a school day. Each academic
// year uses the dates the school configured, or English defaults when it configured none.
//
// Default dates for academic year Y (English LAs vary; the school edits them):
// - Autumn 1 starts on 2 Sep, or the Monday after if 2 Sep is Thursday to Sunday; it ends the Friday
//   before the last full Monday-Friday week of October, which is the half-term holiday.
// - Autumn 2 ends on the Friday on or before 22 Dec.
// - Spring 1 starts on 4 Jan, or the Monday after if 4 Jan is Thursday to Sunday; half-term is the
//   week of the third Monday of February.
// - Spring 2 ends before a two-week Easter holiday: the week ending on Good Friday and the week
//   starting on Easter Monday (Gregorian Easter).
// - Summer 1 ends the Friday before the late-May bank holiday (last Monday of May); half-term is
//   that week. Summer 2 ends on the Friday on or before 22 Jul.
// - Closures: 5 INSET days (the first two weekdays of Autumn 1, the first weekday of Spring 1 and of
//   Summer 2, the last weekday of Summer 2) and the Early May bank holiday (first Monday of May).
//   Christmas, Easter, late-May and August bank holidays always fall in holidays with these dates.
// That gives 187-189 pupil days in each year from 2020/21 to 2035/36.
//
// Invalid QDates are never school days and never in a half-term. Years outside 1583-9998 (where
// the Gregorian rules and Boost.Date_Time do not reach) have no default half-terms.
class SchoolCalendar
{
public:
    static int academicYearOf(QDate d);                 // Sep-Aug: 1 Sep 2026 -> 2026; 0 if invalid
    static QString academicYearLabel(int academicYear); // 2026 -> "2026/27"
    static QDate easterSunday(int year);                // Gregorian (anonymous algorithm)
    static std::vector<HalfTerm> defaultHalfTerms(int academicYear);
    static std::vector<Closure> defaultClosures(int academicYear);

    // Why the dates cannot be used (a translated sentence), or an empty string if they are fine:
    // half-terms must be 6, each with start <= end, in order without overlapping, all within
    // 1 Sep Y - 31 Aug Y+1. Closures need from <= to, within the same academic year.
    static QString checkHalfTerms(int academicYear, const std::vector<HalfTerm>& halfTerms);
    static QString checkClosures(int academicYear, const std::vector<Closure>& closures);

    // Configured dates replace the defaults for that year. academicYear and number of each
    // half-term are set from the argument and the position. Both throw std::invalid_argument
    // (what() = the checkHalfTerms/checkClosures message, UTF-8) and change nothing if invalid.
    void setHalfTerms(int academicYear, std::vector<HalfTerm> halfTerms);
    void setClosures(int academicYear, std::vector<Closure> closures); // an empty list = no closures
    void resetToDefaults(int academicYear);                            // forgets both for that year

    std::vector<HalfTerm> halfTerms(int academicYear) const; // configured or defaults
    std::vector<Closure> closures(int academicYear) const;   // configured or defaults

    std::optional<HalfTerm> halfTermOf(QDate d) const; // nullopt during holidays
    // The half-term containing d, or the next one (possibly in the next academic year); a
    // default-constructed HalfTerm if d is invalid or beyond the supported years.
    HalfTerm halfTermAtOrAfter(QDate d) const;
    HalfTerm nextHalfTerm(const HalfTerm& h) const;

    bool isSchoolDay(QDate d) const; // Monday-Friday, inside a half-term, not a closure
    // School days in [from, to). If to < from the result is minus the count in [to, from), so
    // schoolDaysBetween(a, b) == -schoolDaysBetween(b, a); 0 if equal or either date is invalid.
    int schoolDaysBetween(QDate from, QDate to) const;
    // The n-th school day after d (d itself never counts); for n < 0 the |n|-th school day
    // before d; d for n == 0. An invalid QDate if d is invalid or no school day can be found.
    QDate addSchoolDays(QDate d, int n) const;

private:
    std::map<int, std::vector<HalfTerm>> halfTerms_;
    std::map<int, std::vector<Closure>> closures_;
};

} // namespace waymark
