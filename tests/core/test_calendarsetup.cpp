// The set-up services' calendar: the English defaults until a school stores its own dates; stored
// dates replace the old rows by update or tombstone (history keeps them); a stale edit is refused.
#include "domain/entities.h"
#include "repo/repository.h"
#include "services/calendarsetup.h"
#include "setuptestsupport.h"

#include <catch2/catch.hpp>

using namespace waymark;
using namespace waymark::setup;
using test::differences;
using test::dump;
using test::refusal;
using test::Stamps;

namespace {
YearCalendar defaults(int year)
{
    return {year, false, SchoolCalendar::defaultHalfTerms(year), SchoolCalendar::defaultClosures(year)};
}

// The school's own 2026/27: the defaults with a later start and a snow day.
YearCalendar ours()
{
    YearCalendar c = defaults(2026);
    c.configured = true;
    c.halfTerms[0].start = c.halfTerms[0].start.addDays(1);
    c.closures.push_back({QDate(2027, 1, 20), QDate(2027, 1, 20), ClosureKind::Closure, QStringLiteral("Snow day")});
    return c;
}
} // namespace

TEST_CASE("A year nobody set has the English defaults, and nothing stored", "[setup][calendar]")
{
    test::SchoolFile school;
    Database& db = *school;
    const QStringList before = dump(db);
    const YearCalendar c = yearCalendar(db, 2026);
    CHECK(c == defaults(2026));
    CHECK(c.halfTerms.size() == 6);
    CHECK(configuredYears(db).empty());
    CHECK(loadCalendar(db).halfTerms(2026) == SchoolCalendar::defaultHalfTerms(2026));
    CHECK(problemsWithCalendar(c).isEmpty());
    CHECK(differences(before, dump(db)) == QString()); // reading writes nothing
}

TEST_CASE("Dates that cannot be used are refused with the reason, and nothing is written", "[setup][calendar]")
{
    test::SchoolFile school;
    Database& db = *school;
    setYearCalendar(db, ours());
    const QStringList before = dump(db);

    struct Case
    {
        const char* what;
        YearCalendar calendar;
        QString sentence;
    };
    std::vector<Case> cases;
    const auto with = [&](const char* what, auto&& change, const QString& sentence) {
        YearCalendar c = ours();
        change(c);
        cases.push_back({what, c, sentence});
    };
    with(
        "five half-terms", [](YearCalendar& c) { c.halfTerms.pop_back(); },
        QStringLiteral("A school year needs exactly 6 half-terms, but 5 were given."));
    with(
        "a half-term backwards", [](YearCalendar& c) { std::swap(c.halfTerms[1].start, c.halfTerms[1].end); },
        QStringLiteral("Autumn 2 ends before it starts."));
    with(
        "overlapping", [](YearCalendar& c) { c.halfTerms[2].start = c.halfTerms[1].end; },
        QStringLiteral("Spring 1 starts before Autumn 2 has ended."));
    with(
        "outside the year", [](YearCalendar& c) { c.halfTerms[0].start = QDate(2026, 8, 31); },
        QStringLiteral("Autumn 1 must fall between 1 September 2026 and 31 August 2027."));
    with(
        "a closure outside the year", [](YearCalendar& c) { c.closures.back().to = QDate(2027, 9, 2); },
        QStringLiteral("Snow day must fall within the 2026/27 school year."));
    with(
        "a closure backwards", [](YearCalendar& c) { c.closures.back().to = QDate(2027, 1, 19); },
        QStringLiteral("Snow day ends before it starts."));
    with(
        "a closure's name too long", [](YearCalendar& c) { c.closures.back().label = QString(101, QLatin1Char('x')); },
        QStringLiteral("A closure's name can have at most 100 characters."));
    for (const Case& c : cases) {
        INFO(c.what);
        CHECK(test::Text(problemsWithCalendar(c.calendar)) == c.sentence);
        CHECK(refusal([&] { setYearCalendar(db, c.calendar); }) == c.sentence);
        CHECK(differences(before, dump(db)) == QString());
    }
    YearCalendar unconfigured = ours();
    unconfigured.configured = false;
    unconfigured.halfTerms.clear();
    CHECK(problemsWithCalendar(unconfigured).isEmpty()); // back to the defaults: nothing to check
}

TEST_CASE("A school's dates are stored, changed in place with history, and put back to the defaults",
          "[setup][calendar]")
{
    test::SchoolFile school;
    Database& db = *school;
    const YearCalendar mine = ours();
    setYearCalendar(db, mine, nullptr);
    CHECK(yearCalendar(db, 2026) == mine);
    CHECK(configuredYears(db) == std::vector<int>{2026});
    CHECK(loadCalendar(db).halfTerms(2026) == mine.halfTerms);
    CHECK(loadCalendar(db).closures(2026) == mine.closures);
    CHECK(yearCalendar(db, 2027) == defaults(2027)); // other years keep the defaults
    CHECK(test::rowsIncludingDeleted(db, "calendar_half_term") == 6);
    const qint64 closures = test::rowsIncludingDeleted(db, "calendar_closure");
    CHECK(closures == qint64(mine.closures.size()));

    SECTION("the same dates again: the half-terms are not written")
    {
        const qint64 history = test::historyRows(db, "calendar_half_term");
        setYearCalendar(db, mine, &mine);
        CHECK(yearCalendar(db, 2026) == mine);
        CHECK(test::historyRows(db, "calendar_half_term") == history);
    }
    SECTION("one half-term moved: its row updated in place, the old dates in history")
    {
        auto ids = [&] {
            std::vector<RowId> out;
            for (const CalendarHalfTerm& h : Repository<CalendarHalfTerm>(db).where("1 ORDER BY number"))
                out.push_back(h.id);
            return out;
        };
        const std::vector<RowId> before = ids();
        YearCalendar moved = mine;
        moved.halfTerms[5].end = moved.halfTerms[5].end.addDays(-1);
        setYearCalendar(db, moved, &mine);
        CHECK(yearCalendar(db, 2026) == moved);
        CHECK(ids() == before);
        CHECK(test::rowsIncludingDeleted(db, "calendar_half_term") == 6);
        auto s = db.prepare("SELECT count(*) FROM history WHERE entity = 'calendar_half_term' AND old_row LIKE ?1");
        s.bindAll(QStringLiteral("%") + mine.halfTerms[5].end.toString(Qt::ISODate) + QStringLiteral("%"));
        REQUIRE(s.step());
        CHECK(s.int64(0) == 1);
    }
    SECTION("a closure taken out: the old rows tombstoned, never erased")
    {
        YearCalendar fewer = mine;
        fewer.closures.pop_back();
        setYearCalendar(db, fewer, &mine);
        CHECK(yearCalendar(db, 2026) == fewer);
        CHECK(test::rowsIncludingDeleted(db, "calendar_closure") > closures);
        auto s = db.prepare("SELECT deleted FROM calendar_closure WHERE label = 'Snow day'");
        REQUIRE(s.step());
        CHECK(s.int64(0) == 1);
    }
    SECTION("no closures at all: read back as none, not as the defaults")
    {
        YearCalendar none = mine;
        none.closures.clear();
        setYearCalendar(db, none, &mine);
        CHECK(yearCalendar(db, 2026) == none);
        CHECK(loadCalendar(db).closures(2026).empty());
    }
    SECTION("back to the defaults, and then the school's dates again")
    {
        YearCalendar back = defaults(2026);
        setYearCalendar(db, back, &mine);
        CHECK(yearCalendar(db, 2026) == defaults(2026));
        CHECK(configuredYears(db).empty());
        CHECK(test::rowsIncludingDeleted(db, "calendar_half_term") == 6); // tombstones
        CHECK(Repository<CalendarHalfTerm>(db).count() == 0);
        CHECK(Repository<CalendarClosure>(db).count() == 0);
        CHECK(loadCalendar(db).halfTerms(2026) == SchoolCalendar::defaultHalfTerms(2026));
        setYearCalendar(db, mine, &back); // undone
        CHECK(yearCalendar(db, 2026) == mine);
        CHECK(test::rowsIncludingDeleted(db, "calendar_half_term") == 12);
    }
    SECTION("a stale `expected` is refused, naming the year, and nothing is written")
    {
        const QStringList before = dump(db);
        YearCalendar seen = mine; // what this window read, before someone else moved a date
        seen.halfTerms[0].end = seen.halfTerms[0].end.addDays(-1);
        YearCalendar wanted = mine;
        wanted.closures.clear();
        CHECK(refusal([&] { setYearCalendar(db, wanted, &seen); }) ==
              QStringLiteral("The dates for 2026/27 were changed elsewhere (perhaps in another window) since you "
                             "began, so yours were not saved. Look at them again and make your change once more."));
        CHECK(differences(before, dump(db)) == QString());
        const YearCalendar stale = defaults(2026); // read before the school's dates were stored
        CHECK_FALSE(refusal([&] { setYearCalendar(db, defaults(2026), &stale); }).isEmpty());
        CHECK(differences(before, dump(db)) == QString());
    }
}
