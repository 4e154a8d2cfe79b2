#pragma once

#include "calendar/reviewschedule.h"
#include "domain/entity.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace waymark {

class Database;
class SchoolCalendar;

// Read-side queries behind the dashboard: the school's headline counts and whose half-termly
// reviews are due. Each database function runs ONE statement.

struct SchoolCounts
{
    int pupilsOnRoll = 0;
    int groups = 0;           // of the given academic year
    int activeTargets = 0;    // of pupils on roll
    int evidenceInPeriod = 0; // for pupils on roll, recorded within [from, to]
    int staff = 0;
};

SchoolCounts schoolCounts(Database& db, QDate today, int academicYear, QDate from, QDate to);

// What the review rule needs to know about one pupil on roll, plus what the dashboard shows.
struct ReviewFacts
{
    RowId pupilId = 0;
    QString name;     // the name the pupil goes by
    QString sortName; // "Family, Given"
    QString upn;
    QString tutorGroup;              // of the given academic year; empty if none
    QString learningGuide;           // display name; empty if none
    std::optional<QDate> lastReview; // held date of the latest review held (draft or final)
    ReviewNeeds needs;
};

// Every pupil on roll with the date of their last held review, in one statement.
std::vector<ReviewFacts> reviewFacts(Database& db, QDate today, int academicYear);

struct ReviewDueEntry
{
    ReviewFacts pupil;
    ReviewDue due;
    bool overdue = false;
};

struct ReviewsDue
{
    std::vector<ReviewDueEntry> overdue;      // due before today, most overdue first
    std::vector<ReviewDueEntry> thisHalfTerm; // due from today to the end of the current half-term
};

// Applies nextReviewDue to each pupil (pure computation, no queries). "This half-term" is the one
// holding today, or the next one during a holiday.
ReviewsDue reviewsDue(const SchoolCalendar& calendar, const std::vector<ReviewFacts>& facts, QDate today);

} // namespace waymark
