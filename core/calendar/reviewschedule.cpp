#include "calendar/reviewschedule.h"

#include <QCoreApplication>

namespace waymark {

namespace {

// The interval in school days that applies to this pupil, or 0 for none.
int intervalFor(const ReviewNeeds& needs)
{
    if (needs.customIntervalSchoolDays > 0)
        return needs.customIntervalSchoolDays;
    return isVulnerable(needs) ? kVulnerableIntervalSchoolDays : 0;
}

// Names the strongest reason for the interval, so the teacher sees why it is more often.
QString intervalReason(const ReviewNeeds& needs, int days)
{
    if (needs.customIntervalSchoolDays > 0)
        return QCoreApplication::translate("waymark::ReviewSchedule", "Custom interval: every %n school day(s)",
                                           nullptr, days);
    if (needs.lookedAfter)
        return QCoreApplication::translate("waymark::ReviewSchedule", "Looked-after: every %n school day(s)", nullptr,
                                           days);
    if (needs.ehcPlan)
        return QCoreApplication::translate("waymark::ReviewSchedule", "EHC plan: every %n school day(s)", nullptr,
                                           days);
    return QCoreApplication::translate("waymark::ReviewSchedule", "Flagged for extra reviews: every %n school day(s)",
                                       nullptr, days);
}

} // namespace

bool isVulnerable(const ReviewNeeds& needs)
{
    return needs.lookedAfter || needs.ehcPlan || needs.flaggedByHand;
}

ReviewDue nextReviewDue(const SchoolCalendar& calendar, std::optional<QDate> lastReview, const ReviewNeeds& needs,
                        QDate today)
{
    if (!lastReview || !lastReview->isValid()) {
        const HalfTerm current = calendar.halfTermAtOrAfter(today);
        return {current.end, QCoreApplication::translate("waymark::ReviewSchedule", "First review: by the end of %1")
                                 .arg(current.name())};
    }

    const HalfTerm next = calendar.nextHalfTerm(calendar.halfTermAtOrAfter(*lastReview));
    ReviewDue result{next.end,
                     QCoreApplication::translate("waymark::ReviewSchedule", "Half-termly review: by the end of %1")
                         .arg(next.name())};

    const int interval = intervalFor(needs);
    if (interval > 0) {
        const QDate byInterval = calendar.addSchoolDays(*lastReview, interval);
        // A tie keeps the half-termly wording: both rules agree, and it is the familiar one.
        if (byInterval.isValid() && (!result.due.isValid() || byInterval < result.due))
            result = {byInterval, intervalReason(needs, interval)};
    }
    return result;
}

} // namespace waymark
