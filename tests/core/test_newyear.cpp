// The set-up services' new academic year, on small real schools: who is offered as a leaver, who
// moves up (never past Year 14), next year's calendar stored, and the whole of it undone and redone
// exactly; a second start, a stale plan and a stale undo are refused with nothing written.
#include "domain/entities.h"
#include "repo/repository.h"
#include "services/calendarsetup.h"
#include "services/newyear.h"
#include "services/pupilsetup.h"
#include "setuptestsupport.h"

#include <catch2/catch.hpp>

#include <map>

using namespace waymark;
using namespace waymark::setup;
using test::differences;
using test::dump;
using test::refusal;
using test::Stamps;

namespace {
// One pupil in each year group given, named "Year <n>".
std::map<int, RowId> pupilsIn(Database& db, std::initializer_list<int> years)
{
    std::map<int, RowId> out;
    for (const int year : years)
        out[year] = test::addPupilIn(db, QStringLiteral("Pupil"), QStringLiteral("Year %1").arg(year), year);
    return out;
}

std::optional<int> yearOf(Database& db, RowId id)
{
    return Repository<Pupil>(db).findAny(id)->yearGroup;
}

QDate leftOn(Database& db, RowId id)
{
    return Repository<Pupil>(db).findAny(id)->leftOn;
}

std::vector<std::pair<int, bool>> offered(const NewYearPlan& plan)
{
    std::vector<std::pair<int, bool>> out;
    for (const LeaverCandidate& c : plan.candidates)
        out.emplace_back(c.yearGroup, c.usuallyLeaves);
    return out;
}

std::vector<RowId> usualLeavers(const NewYearPlan& plan)
{
    std::vector<RowId> out;
    for (const LeaverCandidate& c : plan.candidates)
        if (c.usuallyLeaves)
            out.push_back(c.pupilId);
    return out;
}

// The lines of a dump for some tables only.
QStringList only(const QStringList& lines, const QStringList& tables)
{
    QStringList out;
    for (const QString& line : lines)
        if (tables.contains(line.section(QLatin1Char(':'), 0, 0)))
            out << line;
    return out;
}
const QStringList kPupilsAndMeta{QStringLiteral("pupil"), QStringLiteral("meta")};

const QString kStalePlan = QStringLiteral(
    "Pupils or dates were changed since the new year was planned, so nothing was changed. Look at the plan again.");

const QDate kLastDay2026 = SchoolCalendar::defaultHalfTerms(2026).back().end;
} // namespace

TEST_CASE("A secondary school with a sixth form: Year 13 leave, everyone else moves up, never past 14",
          "[setup][newyear]")
{
    test::SchoolFile school(SchoolPhase::Secondary);
    Database& db = *school;
    const std::map<int, RowId> p = pupilsIn(db, {5, 6, 10, 11, 12, 13, 14});
    const RowId gone = test::addPupilIn(db, QStringLiteral("Left"), QStringLiteral("Already"), 11);
    setLeftOn(db, gone, QDate(2026, 12, 1));
    const RowId noYear = test::addPupilIn(db, QStringLiteral("No"), QStringLiteral("Year"), std::nullopt);
    const QStringList before = dump(db);

    const NewYearPlan plan = planNewYear(db, 2026);
    CHECK(differences(before, dump(db)) == QString()); // planning writes nothing
    CHECK(plan.fromYear == 2026);
    CHECK(plan.toYear == 2027);
    CHECK(plan.leaveOn == kLastDay2026);
    CHECK_FALSE(plan.calendarStored);
    CHECK_FALSE(plan.alreadyStarted);
    CHECK(offered(plan) == std::vector<std::pair<int, bool>>{{6, false}, {11, false}, {13, true}});
    CHECK(plan.candidates.back().name == QStringLiteral("Year 13, Pupil"));
    CHECK(plan.movingUp == 6); // seven on roll with a year group, less Year 13
    const QStringList beforeStart = dump(db, Stamps::Left);

    const NewYearResult result = startNewYear(db, plan, usualLeavers(plan));
    CHECK(result.fromYear == 2026);
    CHECK(result.toYear == 2027);
    CHECK(result.markedLeft == std::vector<RowId>{p.at(13)});
    CHECK(leftOn(db, p.at(13)) == kLastDay2026);
    CHECK(yearOf(db, p.at(13)) == 13); // a leaver keeps the year they left from
    CHECK(yearOf(db, p.at(5)) == 6);
    CHECK(yearOf(db, p.at(6)) == 7);
    CHECK(yearOf(db, p.at(10)) == 11);
    CHECK(yearOf(db, p.at(11)) == 12);
    CHECK(yearOf(db, p.at(12)) == 13);
    CHECK(yearOf(db, p.at(14)) == 14);
    CHECK(result.movedUp.size() == 5);
    CHECK(yearOf(db, gone) == 11);
    CHECK(leftOn(db, gone) == QDate(2026, 12, 1));
    CHECK_FALSE(yearOf(db, noYear));
    CHECK(test::rowsIncludingDeleted(db, "pupil") == 9);

    // Next year's calendar is stored: the English defaults, for the school to edit.
    CHECK(result.calendarBefore ==
          YearCalendar{2027, false, SchoolCalendar::defaultHalfTerms(2027), SchoolCalendar::defaultClosures(2027)});
    const YearCalendar next = yearCalendar(db, 2027);
    CHECK(next.configured);
    CHECK(next.halfTerms == SchoolCalendar::defaultHalfTerms(2027));
    CHECK(next.closures == SchoolCalendar::defaultClosures(2027));
    CHECK(configuredYears(db) == std::vector<int>{2027});
    const QStringList afterStart = dump(db, Stamps::Left);

    SECTION("a second start is refused, and writes nothing")
    {
        const NewYearPlan again = planNewYear(db, 2026);
        CHECK(again.alreadyStarted);
        CHECK(again.calendarStored);
        const QStringList full = dump(db);
        const QString refused = QStringLiteral("2027/28 has already been started in this school file, so pupils "
                                               "were not moved up again.");
        CHECK(refusal([&] { startNewYear(db, again, {}); }) == refused);
        CHECK(refusal([&] { startNewYear(db, plan, usualLeavers(plan)); }) == refused); // the old plan too
        CHECK(differences(full, dump(db)) == QString());
    }
    SECTION("undone exactly, then redone exactly")
    {
        revertNewYear(db, result);
        CHECK(differences(only(beforeStart, kPupilsAndMeta), only(dump(db, Stamps::Left), kPupilsAndMeta)) ==
              QString());
        CHECK(yearCalendar(db, 2027) == result.calendarBefore);
        CHECK(configuredYears(db).empty());
        CHECK_FALSE(planNewYear(db, 2026).alreadyStarted);
        CHECK(planNewYear(db, 2025).alreadyStarted == false); // the year before was never started here either
        CHECK(test::rowsIncludingDeleted(db, "calendar_half_term") == 6); // tombstoned, not erased

        revertNewYear(db, result, true);
        CHECK(differences(only(afterStart, kPupilsAndMeta), only(dump(db, Stamps::Left), kPupilsAndMeta)) == QString());
        CHECK(yearCalendar(db, 2027) == next);
        CHECK(planNewYear(db, 2026).alreadyStarted);

        revertNewYear(db, result); // and undone again
        CHECK(differences(only(beforeStart, kPupilsAndMeta), only(dump(db, Stamps::Left), kPupilsAndMeta)) ==
              QString());
    }
    SECTION("an undo after a year group was changed by hand is refused, naming the pupil, writing nothing")
    {
        Pupil changed = *Repository<Pupil>(db).find(p.at(10));
        changed.yearGroup = 10;
        Repository<Pupil>(db).update(changed);
        const QStringList full = dump(db);
        CHECK(refusal([&] { revertNewYear(db, result); }) ==
              QStringLiteral("Pupil Year 10's year group was changed since, so the new year was not undone. Change "
                             "year groups by hand instead."));
        CHECK(differences(full, dump(db)) == QString());
    }
    SECTION("a redo after a year group was changed by hand is refused, writing nothing")
    {
        revertNewYear(db, result);
        Pupil changed = *Repository<Pupil>(db).find(p.at(5));
        changed.yearGroup = 6;
        Repository<Pupil>(db).update(changed);
        const QStringList full = dump(db);
        CHECK_FALSE(refusal([&] { revertNewYear(db, result, true); }).isEmpty());
        CHECK(differences(full, dump(db)) == QString());
    }
}

TEST_CASE("A secondary school without a sixth form: Year 11 leave on the school's own last day", "[setup][newyear]")
{
    test::SchoolFile school(SchoolPhase::Secondary);
    Database& db = *school;
    const std::map<int, RowId> p = pupilsIn(db, {5, 6, 10, 11});
    YearCalendar own = yearCalendar(db, 2026);
    own.configured = true;
    own.halfTerms.back().end = QDate(2027, 7, 16);
    setYearCalendar(db, own);

    const NewYearPlan plan = planNewYear(db, 2026);
    CHECK(plan.leaveOn == QDate(2027, 7, 16));
    CHECK(offered(plan) == std::vector<std::pair<int, bool>>{{6, false}, {11, true}});
    CHECK(plan.movingUp == 3);

    SECTION("the usual leavers")
    {
        const NewYearResult result = startNewYear(db, plan, usualLeavers(plan));
        CHECK(result.markedLeft == std::vector<RowId>{p.at(11)});
        CHECK(leftOn(db, p.at(11)) == QDate(2027, 7, 16));
        CHECK(yearOf(db, p.at(10)) == 11);
        CHECK(yearOf(db, p.at(6)) == 7);
        CHECK(yearCalendar(db, 2026) == own); // this year's dates untouched
        CHECK(yearCalendar(db, 2027).halfTerms == SchoolCalendar::defaultHalfTerms(2027));
        revertNewYear(db, result);
        CHECK_FALSE(leftOn(db, p.at(11)).isValid());
        CHECK(yearOf(db, p.at(11)) == 11);
        revertNewYear(db, result, true);
        CHECK(leftOn(db, p.at(11)) == QDate(2027, 7, 16));
    }
    SECTION("an undo is refused, writing nothing, once a leaver's date or next year's dates were changed since")
    {
        const NewYearResult result = startNewYear(db, plan, usualLeavers(plan));
        setLeftOn(db, p.at(11), QDate(2027, 7, 9)); // the school corrects the day they left
        const QStringList changed = dump(db);
        CHECK(refusal([&] { revertNewYear(db, result); }).contains(QStringLiteral("leaving date was changed since")));
        CHECK(differences(changed, dump(db)) == QString());

        setLeftOn(db, p.at(11), QDate(2027, 7, 16)); // as the new year left it
        YearCalendar next = yearCalendar(db, 2027);
        next.halfTerms.front().start = next.halfTerms.front().start.addDays(1); // next year's dates edited
        setYearCalendar(db, next);
        const QStringList edited = dump(db);
        CHECK(refusal([&] { revertNewYear(db, result); }).contains(QStringLiteral("changed elsewhere")));
        CHECK(differences(edited, dump(db)) == QString());
    }
    SECTION("the teacher unticks Year 11 (they stay for a sixth form this year) and ticks Year 6")
    {
        const NewYearResult result = startNewYear(db, plan, {p.at(6)});
        CHECK(result.markedLeft == std::vector<RowId>{p.at(6)});
        CHECK(yearOf(db, p.at(11)) == 12);
        CHECK_FALSE(leftOn(db, p.at(11)).isValid());
    }
    SECTION("a leaver who is not a candidate is refused, writing nothing")
    {
        const QStringList full = dump(db);
        CHECK(refusal([&] {
                  startNewYear(db, plan, {p.at(11), p.at(10)});
              }) == QStringLiteral("A pupil chosen to leave is not in Year 6, 11 or 13; nothing was changed."));
        CHECK(differences(full, dump(db)) == QString());
    }
    SECTION("a plan made stale by a year group changed since is refused, writing nothing")
    {
        Pupil changed = *Repository<Pupil>(db).find(p.at(11));
        changed.yearGroup = 10; // put back a year: no longer a leaver
        Repository<Pupil>(db).update(changed);
        const QStringList full = dump(db);
        CHECK(refusal([&] { startNewYear(db, plan, usualLeavers(plan)); }) == kStalePlan);
        CHECK(differences(full, dump(db)) == QString());
    }
    SECTION("a plan made stale by a pupil added since is refused, writing nothing")
    {
        test::addPupilIn(db, QStringLiteral("New"), QStringLiteral("Arrival"), 11);
        const QStringList full = dump(db);
        CHECK(refusal([&] { startNewYear(db, plan, usualLeavers(plan)); }) == kStalePlan);
        CHECK(differences(full, dump(db)) == QString());
    }
    SECTION("a plan made stale by the school's last day moved since is refused, writing nothing")
    {
        YearCalendar later = yearCalendar(db, 2026);
        later.halfTerms.back().end = QDate(2027, 7, 21);
        setYearCalendar(db, later);
        const QStringList full = dump(db);
        CHECK(refusal([&] { startNewYear(db, plan, usualLeavers(plan)); }) == kStalePlan);
        CHECK(differences(full, dump(db)) == QString());
    }
}

TEST_CASE("A primary school: Year 6 leave, Nursery and Reception move up", "[setup][newyear]")
{
    test::SchoolFile school(SchoolPhase::Primary);
    Database& db = *school;
    const std::map<int, RowId> p = pupilsIn(db, {-2, 0, 5, 6});
    const NewYearPlan plan = planNewYear(db, 2026);
    CHECK(offered(plan) == std::vector<std::pair<int, bool>>{{6, true}});
    CHECK(plan.movingUp == 3);
    const QStringList before = dump(db, Stamps::Left);
    const NewYearResult result = startNewYear(db, plan, usualLeavers(plan));
    CHECK(leftOn(db, p.at(6)) == kLastDay2026);
    CHECK(yearOf(db, p.at(-2)) == -1);
    CHECK(yearOf(db, p.at(0)) == 1);
    CHECK(yearOf(db, p.at(5)) == 6);
    revertNewYear(db, result);
    CHECK(differences(only(before, kPupilsAndMeta), only(dump(db, Stamps::Left), kPupilsAndMeta)) == QString());

    SECTION("in a secondary school, the same Year 6 would stay")
    {
        SchoolDetails details = schoolDetails(db);
        details.phase = SchoolPhase::Secondary;
        changeSchoolDetails(db, details);
        CHECK(offered(planNewYear(db, 2026)) == std::vector<std::pair<int, bool>>{{6, false}});
    }
}

TEST_CASE("Next year's dates set by the school before the new year are kept, through undo too", "[setup][newyear]")
{
    test::SchoolFile school;
    Database& db = *school;
    pupilsIn(db, {7});
    YearCalendar own = yearCalendar(db, 2027);
    own.configured = true;
    own.closures.clear();
    own.closures.push_back({QDate(2027, 9, 6), QDate(2027, 9, 6), ClosureKind::Inset, QStringLiteral("INSET")});
    setYearCalendar(db, own);
    const QStringList calendar =
        only(dump(db), {QStringLiteral("calendar_half_term"), QStringLiteral("calendar_closure")});

    const NewYearPlan plan = planNewYear(db, 2026);
    CHECK(plan.calendarStored);
    const NewYearResult result = startNewYear(db, plan, {});
    CHECK(result.calendarBefore == own);
    CHECK(yearCalendar(db, 2027) == own);
    revertNewYear(db, result);
    revertNewYear(db, result, true);
    CHECK(differences(calendar, only(dump(db), {QStringLiteral("calendar_half_term"),
                                                QStringLiteral("calendar_closure")})) == QString());
}
