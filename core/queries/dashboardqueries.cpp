#include "queries/dashboardqueries.h"

#include "calendar/schoolcalendar.h"
#include "domain/fieldlimits.h"
#include "storage/database.h"

#include <algorithm>

namespace waymark {

SchoolCounts schoolCounts(Database& db, QDate today, int academicYear, QDate from, QDate to)
{
    auto s = db.prepare(
        "SELECT "
        "(SELECT count(*) FROM pupil WHERE deleted = 0 AND (left_on IS NULL OR left_on > ?1)), "
        "(SELECT count(*) FROM pupil_group WHERE deleted = 0 AND academic_year = ?2), "
        "(SELECT count(*) FROM target t JOIN pupil p ON p.id = t.pupil_id "
        " WHERE t.deleted = 0 AND t.status = 'active' AND p.deleted = 0 AND (p.left_on IS NULL OR p.left_on > ?1)), "
        // Pupil first, then evidence_live(pupil_id, recorded_on): a range of one index per pupil, not a
        // scan of every piece of evidence ever recorded.
        "(SELECT count(*) FROM pupil p CROSS JOIN evidence e ON e.pupil_id = p.id "
        " AND e.recorded_on BETWEEN ?3 AND ?4 "
        " WHERE e.deleted = 0 AND p.deleted = 0 AND (p.left_on IS NULL OR p.left_on > ?1)), "
        "(SELECT count(*) FROM staff WHERE deleted = 0)");
    s.bind(1, today.toString(Qt::ISODate));
    s.bind(2, academicYear);
    s.bind(3, from.toString(Qt::ISODate));
    s.bind(4, to.toString(Qt::ISODate));
    s.step();
    return SchoolCounts{s.integer(0), s.integer(1), s.integer(2), s.integer(3), s.integer(4)};
}

std::vector<ReviewFacts> reviewFacts(Database& db, QDate today, int academicYear)
{
    // The last held review is one seek per pupil in review_last_held (schema v2), however many years
    // of reviews there are; the tutor groups come from one grouped scan of this year's memberships.
    auto s =
        db.prepare("SELECT p.id, "
                   "CASE WHEN p.preferred_given_name <> '' THEN p.preferred_given_name ELSE p.legal_given_name END, "
                   "CASE WHEN p.preferred_family_name <> '' THEN p.preferred_family_name ELSE p.legal_family_name END, "
                   "p.upn, p.looked_after, p.sen_status = 'ehc_plan', p.review_flagged, p.review_interval_days, "
                   "coalesce(st.display_name, ''), "
                   "(SELECT max(r.held_on) FROM review r WHERE r.pupil_id = p.id AND r.deleted = 0 "
                   " AND r.held_on IS NOT NULL AND r.status <> 'planned'), "
                   "coalesce(tg.name, '') "
                   "FROM pupil p "
                   "LEFT JOIN staff st ON st.id = p.learning_guide_id AND st.deleted = 0 "
                   "LEFT JOIN (SELECT m.pupil_id, min(g.name) AS name FROM pupil_group g "
                   "           JOIN group_member m ON m.group_id = g.id "
                   "           WHERE g.kind = 'tutor' AND g.academic_year = ?2 AND g.deleted = 0 AND m.deleted = 0 "
                   "           GROUP BY m.pupil_id) tg "
                   "       ON tg.pupil_id = p.id "
                   "WHERE p.deleted = 0 AND (p.left_on IS NULL OR p.left_on > ?1) "
                   "ORDER BY 3 COLLATE NOCASE, 2 COLLATE NOCASE, p.id");
    s.bind(1, today.toString(Qt::ISODate));
    s.bind(2, academicYear);
    std::vector<ReviewFacts> out;
    while (s.step()) {
        ReviewFacts f;
        f.pupilId = s.int64(0);
        const QString given = limits::shortened(s.text(1));
        const QString family = limits::shortened(s.text(2));
        f.name = given + QLatin1Char(' ') + family;
        f.sortName = family + QStringLiteral(", ") + given;
        f.upn = limits::shortened(s.text(3));
        f.needs.lookedAfter = s.boolean(4);
        f.needs.ehcPlan = s.boolean(5);
        f.needs.flaggedByHand = s.boolean(6);
        f.needs.customIntervalSchoolDays = s.integer(7);
        f.learningGuide = limits::shortened(s.text(8));
        if (const QDate last = s.date(9); last.isValid())
            f.lastReview = last;
        f.tutorGroup = limits::shortened(s.text(10));
        out.push_back(std::move(f));
    }
    return out;
}

ReviewsDue reviewsDue(const SchoolCalendar& calendar, const std::vector<ReviewFacts>& facts, QDate today)
{
    const HalfTerm current = calendar.halfTermAtOrAfter(today);
    ReviewsDue out;
    for (const ReviewFacts& f : facts) {
        ReviewDue due = nextReviewDue(calendar, f.lastReview, f.needs, today);
        if (!due.due.isValid())
            continue;
        if (due.due < today)
            out.overdue.push_back({f, std::move(due), true});
        else if (current.end.isValid() && due.due <= current.end)
            out.thisHalfTerm.push_back({f, std::move(due), false});
    }
    // Soonest first; the stable sort keeps pupils with the same date in name order.
    auto byDate = [](const ReviewDueEntry& a, const ReviewDueEntry& b) { return a.due.due < b.due.due; };
    std::stable_sort(out.overdue.begin(), out.overdue.end(), byDate);
    std::stable_sort(out.thisHalfTerm.begin(), out.thisHalfTerm.end(), byDate);
    return out;
}

} // namespace waymark
