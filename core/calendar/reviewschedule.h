#pragma once

#include "calendar/schoolcalendar.h"

#include <QDate>
#include <QString>

#include <optional>

// When a pupil's next formal review is due. A learning guide "meets them at least half-termly",
// more often for vulnerable pupils.
//
// The rule:
// - Standard: at least once in every half-term. The next review is due by the END of the half-term
//   after the one containing the last review; a review held in a holiday counts for the half-term
//   at-or-after it. With no last review, it is due by the end of the half-term at-or-after today.
// - Interval: vulnerable pupils (looked-after, EHC plan, or flagged by hand) are also due
//   kVulnerableIntervalSchoolDays school days after the last review. A custom interval set by hand
//   replaces those 20 days, and applies to any pupil it is set for. The due date is the earlier of
//   the standard date and the interval date; without a last review only the standard date applies
//   (there is nothing to count from).
// - Overdue is simply due < today; the caller decides what to show.
namespace waymark {

inline constexpr int kVulnerableIntervalSchoolDays = 20;

struct ReviewNeeds
{
    bool lookedAfter = false;
    bool ehcPlan = false;
    bool flaggedByHand = false;
    int customIntervalSchoolDays = 0; // 0 = none
};

bool isVulnerable(const ReviewNeeds& needs);

struct ReviewDue
{
    QDate due;
    QString reason; // translated, e.g. "Half-termly review: by the end of Spring 1"
};

// Invalid due date only if the calendar has no half-term at or after the dates involved.
ReviewDue nextReviewDue(const SchoolCalendar& calendar, std::optional<QDate> lastReview, const ReviewNeeds& needs,
                        QDate today);

} // namespace waymark
