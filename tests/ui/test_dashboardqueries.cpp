#include "calendar/schoolcalendar.h"
#include "queries/dashboardqueries.h"
#include "storage/database.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace waymark;

namespace {
const ReviewFacts* factsFor(const std::vector<ReviewFacts>& facts, RowId id)
{
    const auto it = std::find_if(facts.begin(), facts.end(), [&](const ReviewFacts& f) { return f.pupilId == id; });
    return it == facts.end() ? nullptr : &*it;
}

bool listed(const std::vector<ReviewDueEntry>& entries, RowId id)
{
    return std::any_of(entries.begin(), entries.end(), [&](const ReviewDueEntry& e) { return e.pupil.pupilId == id; });
}
} // namespace

TEST_CASE("schoolCounts counts pupils on roll, this year's groups, active targets and recent evidence")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto db = Database::open(school.path);

    const SchoolCounts counts =
        schoolCounts(*db, school.today, school.academicYear, school.today.addDays(-7), school.today);
    CHECK(counts.pupilsOnRoll == school.pupilsOnRoll);
    CHECK(counts.groups == 4);
    CHECK(counts.activeTargets == school.activeTargets);
    CHECK(counts.evidenceInPeriod == 1);
    CHECK(counts.staff == 1);
    CHECK(schoolCounts(*db, school.today, school.academicYear, school.today, school.today).evidenceInPeriod == 0);
}

TEST_CASE("reviewFacts reads each pupil's last held review, needs and tutor group in one go")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto db = Database::open(school.path);

    const auto facts = reviewFacts(*db, school.today, school.academicYear);
    CHECK(facts.size() == std::size_t(school.pupilsOnRoll));
    const ReviewFacts* ami = factsFor(facts, school.amara);
    REQUIRE(ami);
    CHECK(ami->name == QStringLiteral("Ami Okafor"));
    CHECK(ami->lastReview == school.today.addDays(-100));
    CHECK(ami->needs.lookedAfter);
    CHECK(ami->tutorGroup == QStringLiteral("9T1"));
    CHECK(ami->learningGuide == QStringLiteral("Mr D Evans"));
    const ReviewFacts* ben = factsFor(facts, school.ben);
    REQUIRE(ben);
    CHECK(ben->lastReview == school.today.addDays(-5)); // the planned one ahead is not "held"
    const ReviewFacts* chloe = factsFor(facts, school.chloe);
    REQUIRE(chloe);
    CHECK_FALSE(chloe->lastReview.has_value());
    CHECK(chloe->needs.ehcPlan);
    CHECK_FALSE(factsFor(facts, school.leaver));
}

TEST_CASE("reviewsDue sorts pupils into overdue and due this half-term by the review rule")
{
    test::TempDir dir;
    const auto school = test::buildShellSchool(dir.path(QStringLiteral("s.waymark")));
    auto db = Database::open(school.path);
    const SchoolCalendar calendar; // English defaults
    const auto facts = reviewFacts(*db, school.today, school.academicYear);

    const ReviewsDue due = reviewsDue(calendar, facts, school.today);
    // Ami (looked-after, reviewed 100 days ago) is overdue; Ben, reviewed five days ago, is not due
    // until the end of next half-term; the never-reviewed are due by the end of this one.
    CHECK(listed(due.overdue, school.amara));
    CHECK_FALSE(listed(due.overdue, school.ben));
    CHECK_FALSE(listed(due.thisHalfTerm, school.ben));
    CHECK(listed(due.thisHalfTerm, school.chloe));
    CHECK(listed(due.thisHalfTerm, school.dev));
    CHECK(due.overdue.size() + due.thisHalfTerm.size() == 5);
    for (const auto& e : due.overdue) {
        CHECK(e.overdue);
        CHECK(e.due.due < school.today);
    }
    const HalfTerm term = calendar.halfTermAtOrAfter(school.today);
    for (const auto& e : due.thisHalfTerm) {
        CHECK_FALSE(e.overdue);
        CHECK(e.due.due >= school.today);
        CHECK(e.due.due <= term.end);
        CHECK_FALSE(e.due.reason.isEmpty());
    }
    CHECK(std::is_sorted(due.thisHalfTerm.begin(), due.thisHalfTerm.end(),
                         [](const auto& a, const auto& b) { return a.due.due < b.due.due; }));
}
