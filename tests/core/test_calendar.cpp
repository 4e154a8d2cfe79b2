// Tests for waymark::SchoolCalendar (default English dates, configured dates, school-day counting)
// and waymark::nextReviewDue. Expected dates are worked out by hand from a printed calendar.
#include "calendar/reviewschedule.h"
#include "calendar/schoolcalendar.h"
#include "calendar/typeddate.h"

#include <QDate>
#include <QString>

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

using namespace waymark;

namespace {

std::string iso(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate).toStdString() : std::string("invalid");
}

QDate date(int y, int m, int d)
{
    return QDate(y, m, d);
}

// "2025-09-02..2025-10-24" for compact comparisons of half-terms.
std::string span(const HalfTerm& h)
{
    return iso(h.start) + ".." + iso(h.end);
}

} // namespace

TEST_CASE("academic years run September to August", "[calendar]")
{
    CHECK(SchoolCalendar::academicYearOf(date(2026, 8, 31)) == 2025);
    CHECK(SchoolCalendar::academicYearOf(date(2026, 9, 1)) == 2026);
    CHECK(SchoolCalendar::academicYearOf(date(2027, 1, 1)) == 2026);
    CHECK(SchoolCalendar::academicYearOf(QDate()) == 0);
    CHECK(SchoolCalendar::academicYearLabel(2026).toStdString() == "2026/27");
    CHECK(SchoolCalendar::academicYearLabel(2099).toStdString() == "2099/00");
    CHECK(SchoolCalendar::academicYearLabel(2008).toStdString() == "2008/09");
}

TEST_CASE("Gregorian Easter", "[calendar]")
{
    CHECK(iso(SchoolCalendar::easterSunday(2024)) == "2024-03-31");
    CHECK(iso(SchoolCalendar::easterSunday(2025)) == "2025-04-20");
    CHECK(iso(SchoolCalendar::easterSunday(2026)) == "2026-04-05");
    CHECK(iso(SchoolCalendar::easterSunday(2038)) == "2038-04-25"); // latest possible date
    CHECK(iso(SchoolCalendar::easterSunday(2285)) == "2285-03-22"); // earliest possible date
}

TEST_CASE("default half-terms for 2025/26", "[calendar]")
{
    // 2 Sep 2025 is a Tuesday; 31 Oct a Friday, so half-term is 27-31 Oct; 22 Dec is a Monday;
    // 4 Jan 2026 a Sunday; third Monday of Feb 2026 is the 16th; Easter Sunday 5 Apr 2026, so the
    // holiday is 30 Mar - 10 Apr; the late-May bank holiday is 25 May; 22 Jul 2026 is a Wednesday.
    const auto terms = SchoolCalendar::defaultHalfTerms(2025);
    REQUIRE(terms.size() == 6);
    CHECK(span(terms[0]) == "2025-09-02..2025-10-24");
    CHECK(span(terms[1]) == "2025-11-03..2025-12-19");
    CHECK(span(terms[2]) == "2026-01-05..2026-02-13");
    CHECK(span(terms[3]) == "2026-02-23..2026-03-27");
    CHECK(span(terms[4]) == "2026-04-13..2026-05-22");
    CHECK(span(terms[5]) == "2026-06-01..2026-07-17");
    CHECK(terms[3].name().toStdString() == "Spring 2");
    CHECK(terms[3].academicYear == 2025);
    CHECK(terms[3].number == 4);

    const auto closures = SchoolCalendar::defaultClosures(2025);
    REQUIRE(closures.size() == 6);
    int inset = 0;
    for (const Closure& c : closures)
        inset += c.kind == ClosureKind::Inset ? 1 : 0;
    CHECK(inset == 5);
    CHECK(iso(closures[0].from) == "2025-09-02");
    CHECK(iso(closures[1].from) == "2025-09-03");
    CHECK(closures[5].kind == ClosureKind::BankHoliday);
    CHECK(iso(closures[5].from) == "2026-05-04"); // Early May bank holiday

    // 39 + 35 + 30 + 25 + 30 + 35 weekdays in term, less 5 INSET days and 4 May.
    CHECK(SchoolCalendar().schoolDaysBetween(date(2025, 9, 1), date(2026, 9, 1)) == 188);
}

TEST_CASE("default calendars from 2020/21 to 2035/36 are plausible", "[calendar]")
{
    const SchoolCalendar calendar;
    for (int year = 2020; year <= 2035; ++year) {
        INFO("academic year " << year);
        const auto terms = calendar.halfTerms(year);
        REQUIRE(terms.size() == 6);
        CHECK(SchoolCalendar::checkHalfTerms(year, terms).isEmpty());
        for (std::size_t i = 0; i < terms.size(); ++i) {
            const HalfTerm& h = terms[i];
            INFO(h.name().toStdString() << " " << span(h));
            CHECK(h.number == static_cast<int>(i) + 1);
            CHECK(h.start.dayOfWeek() <= 3); // Monday to Wednesday
            CHECK(h.end.dayOfWeek() == 5);   // Friday
            CHECK(h.end.daysTo(h.start) < -10);
            if (i > 0) // a holiday of at least a week, weekend included, between half-terms
                CHECK(terms[i - 1].end.daysTo(h.start) >= 10);
        }
        // Christmas Day, Good Friday, Easter Monday and the late-May bank holiday fall in holidays.
        const QDate easter = SchoolCalendar::easterSunday(year + 1);
        for (const QDate holiday : {date(year, 12, 25), easter.addDays(-2), easter.addDays(1)})
            CHECK_FALSE(calendar.halfTermOf(holiday).has_value());
        CHECK(calendar.closures(year).size() == 6);
        const int days = calendar.schoolDaysBetween(date(year, 9, 1), date(year + 1, 9, 1));
        CHECK(days >= 185);
        CHECK(days <= 195);
    }
}

TEST_CASE("halfTermOf and friends", "[calendar]")
{
    const SchoolCalendar calendar;
    CHECK(calendar.halfTermOf(date(2025, 10, 24))->name().toStdString() == "Autumn 1");
    CHECK_FALSE(calendar.halfTermOf(date(2025, 10, 28)).has_value()); // October half-term
    CHECK_FALSE(calendar.halfTermOf(date(2026, 8, 10)).has_value());  // summer holiday
    CHECK_FALSE(calendar.halfTermOf(QDate()).has_value());

    CHECK(calendar.halfTermAtOrAfter(date(2025, 10, 28)).name().toStdString() == "Autumn 2");
    CHECK(calendar.halfTermAtOrAfter(date(2025, 10, 24)).number == 1);
    const HalfTerm september = calendar.halfTermAtOrAfter(date(2026, 8, 10)); // crosses the year
    CHECK(september.academicYear == 2026);
    CHECK(september.number == 1);
    CHECK(iso(september.start) == "2026-09-02"); // 2 Sep 2026 is a Wednesday

    const HalfTerm summer2 = calendar.halfTerms(2025)[5];
    CHECK(calendar.nextHalfTerm(summer2) == september);
    CHECK(calendar.nextHalfTerm(calendar.halfTerms(2025)[0]).number == 2);
}

TEST_CASE("school days across half-terms, INSET days and bank holidays", "[calendar]")
{
    const SchoolCalendar calendar;
    CHECK_FALSE(calendar.isSchoolDay(date(2025, 9, 1))); // before term
    CHECK_FALSE(calendar.isSchoolDay(date(2025, 9, 2))); // INSET
    CHECK(calendar.isSchoolDay(date(2025, 9, 4)));       // first pupil day
    CHECK_FALSE(calendar.isSchoolDay(date(2025, 9, 6))); // Saturday
    CHECK_FALSE(calendar.isSchoolDay(date(2026, 5, 4))); // Early May bank holiday
    CHECK_FALSE(calendar.isSchoolDay(QDate()));

    // 1-5 Sep 2025: Monday before term, two INSET days, then Thursday and Friday.
    CHECK(calendar.schoolDaysBetween(date(2025, 9, 1), date(2025, 9, 8)) == 2);
    // 20 Oct - 2 Nov 2025: one teaching week, then the half-term week.
    CHECK(calendar.schoolDaysBetween(date(2025, 10, 20), date(2025, 11, 3)) == 5);
    // 27 Apr - 10 May 2026: ten weekdays less the bank holiday.
    CHECK(calendar.schoolDaysBetween(date(2026, 4, 27), date(2026, 5, 11)) == 9);
    CHECK(calendar.schoolDaysBetween(date(2026, 5, 11), date(2026, 4, 27)) == -9);
    CHECK(calendar.schoolDaysBetween(date(2026, 5, 11), date(2026, 5, 11)) == 0);
    CHECK(calendar.schoolDaysBetween(date(2026, 5, 11), date(2026, 5, 12)) == 1); // [from, to)
    CHECK(calendar.schoolDaysBetween(QDate(), date(2026, 5, 12)) == 0);

    CHECK(iso(calendar.addSchoolDays(date(2025, 10, 24), 1)) == "2025-11-03"); // over half-term
    CHECK(iso(calendar.addSchoolDays(date(2026, 5, 1), 1)) == "2026-05-05");   // over 4 May
    CHECK(iso(calendar.addSchoolDays(date(2025, 12, 19), 1)) == "2026-01-06"); // 5 Jan is INSET
    CHECK(iso(calendar.addSchoolDays(date(2025, 11, 3), -1)) == "2025-10-24");
    CHECK(iso(calendar.addSchoolDays(date(2025, 11, 3), 0)) == "2025-11-03");
    CHECK_FALSE(calendar.addSchoolDays(QDate(), 3).isValid());
}

TEST_CASE("leap days are ordinary school days", "[calendar]")
{
    const SchoolCalendar calendar;
    // 29 Feb 2028 is a Tuesday in Spring 2 (February half-term 2028 is 21-25 Feb).
    CHECK(SchoolCalendar::academicYearOf(date(2028, 2, 29)) == 2027);
    CHECK(calendar.isSchoolDay(date(2028, 2, 29)));
    CHECK(calendar.halfTermOf(date(2028, 2, 29))->number == 4);
    CHECK(calendar.schoolDaysBetween(date(2028, 2, 28), date(2028, 3, 6)) == 5);
    // 29 Feb 2024 is a Thursday; Spring 2 2024 starts on 26 Feb.
    CHECK(iso(calendar.addSchoolDays(date(2024, 2, 28), 1)) == "2024-02-29");
    CHECK(calendar.schoolDaysBetween(date(2024, 2, 26), date(2024, 3, 4)) == 5);
}

TEST_CASE("configured dates replace the defaults for their year only", "[calendar]")
{
    SchoolCalendar calendar;
    auto terms = SchoolCalendar::defaultHalfTerms(2025);
    terms[0].start = date(2025, 9, 3);
    terms[0].end = date(2025, 10, 17); // a two-week October holiday
    terms[0].number = 0;               // set from the position by setHalfTerms
    calendar.setHalfTerms(2025, terms);
    CHECK(calendar.halfTerms(2025)[0].number == 1);
    CHECK(iso(calendar.halfTerms(2025)[0].end) == "2025-10-17");
    CHECK_FALSE(calendar.halfTermOf(date(2025, 10, 20)).has_value());
    CHECK(SchoolCalendar().halfTermOf(date(2025, 10, 20)).has_value());
    CHECK(calendar.halfTerms(2026) == SchoolCalendar::defaultHalfTerms(2026));

    // Closures replace the defaults too: with none configured, 2 and 3 Sep are teaching days.
    calendar.setClosures(2025, {});
    CHECK(calendar.isSchoolDay(date(2025, 9, 3)));
    CHECK_FALSE(calendar.isSchoolDay(date(2025, 9, 2))); // before the configured start
    calendar.setClosures(2025, {Closure{date(2025, 11, 10), date(2025, 11, 11), ClosureKind::Closure,
                                        QStringLiteral("Polling station")}});
    CHECK(calendar.schoolDaysBetween(date(2025, 11, 10), date(2025, 11, 17)) == 3);
    CHECK(calendar.closures(2026) == SchoolCalendar::defaultClosures(2026));

    calendar.resetToDefaults(2025);
    CHECK(calendar.halfTerms(2025) == SchoolCalendar::defaultHalfTerms(2025));
    CHECK_FALSE(calendar.isSchoolDay(date(2025, 9, 3))); // INSET again
}

TEST_CASE("invalid configurations are rejected and change nothing", "[calendar]")
{
    SchoolCalendar calendar;
    const auto good = SchoolCalendar::defaultHalfTerms(2025);
    auto rejected = [&calendar](std::vector<HalfTerm> terms) {
        const QString message = SchoolCalendar::checkHalfTerms(2025, terms);
        CHECK_FALSE(message.isEmpty());
        CHECK_THROWS_AS(calendar.setHalfTerms(2025, terms), std::invalid_argument);
        CHECK(calendar.halfTerms(2025) == SchoolCalendar::defaultHalfTerms(2025));
        return message.toStdString();
    };

    auto five = good;
    five.pop_back();
    CHECK(rejected(five).find("exactly 6") != std::string::npos);

    auto backwards = good;
    std::swap(backwards[2].start, backwards[2].end);
    CHECK(rejected(backwards) == "Spring 1 ends before it starts.");

    auto overlapping = good;
    overlapping[1].start = good[0].end; // Autumn 2 starts on the last day of Autumn 1
    CHECK(rejected(overlapping) == "Autumn 2 starts before Autumn 1 has ended.");

    auto unordered = good;
    std::swap(unordered[3], unordered[4]);
    CHECK(rejected(unordered) == "Summer 1 starts before Spring 2 has ended.");

    auto outside = good;
    outside[5].end = date(2026, 9, 1); // first day of the next academic year
    CHECK(rejected(outside).find("31 August 2026") != std::string::npos);

    auto early = good;
    early[0].start = date(2025, 8, 29);
    rejected(early);

    auto missing = good;
    missing[4].end = QDate();
    rejected(missing);

    CHECK_THROWS_AS(calendar.setClosures(2025, {Closure{date(2025, 9, 5), date(2025, 9, 4), ClosureKind::Closure, {}}}),
                    std::invalid_argument);
    CHECK_THROWS_AS(calendar.setClosures(2025, {Closure{date(2026, 9, 1), date(2026, 9, 1), ClosureKind::Closure, {}}}),
                    std::invalid_argument);
    CHECK(calendar.closures(2025) == SchoolCalendar::defaultClosures(2025));
}

TEST_CASE("next review: standard half-termly rule", "[review]")
{
    const SchoolCalendar calendar;
    const ReviewNeeds standard;
    CHECK_FALSE(isVulnerable(standard));

    // Reviewed in Autumn 1: due by the end of Autumn 2.
    ReviewDue due = nextReviewDue(calendar, date(2025, 10, 15), standard, date(2025, 11, 20));
    CHECK(iso(due.due) == "2025-12-19");
    CHECK(due.reason.toStdString() == "Half-termly review: by the end of Autumn 2");

    // Reviewed in the October holiday: counts for Autumn 2, so due by the end of Spring 1.
    due = nextReviewDue(calendar, date(2025, 10, 29), standard, date(2025, 11, 20));
    CHECK(iso(due.due) == "2026-02-13");

    // No review yet: by the end of the current half-term, or the next one during a holiday.
    due = nextReviewDue(calendar, std::nullopt, standard, date(2025, 10, 10));
    CHECK(iso(due.due) == "2025-10-24");
    CHECK(due.reason.toStdString() == "First review: by the end of Autumn 1");
    CHECK(iso(nextReviewDue(calendar, std::nullopt, standard, date(2025, 10, 28)).due) == "2025-12-19");

    // Reviewed in Summer 2: due by the end of Autumn 1 of the next academic year.
    CHECK(iso(nextReviewDue(calendar, date(2026, 7, 1), standard, date(2026, 7, 2)).due) == "2026-10-23");
    // Reviewed in the summer holiday: counts for Autumn 1, so due by the end of Autumn 2.
    CHECK(iso(nextReviewDue(calendar, date(2026, 8, 20), standard, date(2026, 9, 2)).due) == "2026-12-18");
}

TEST_CASE("next review: vulnerable pupils and custom intervals", "[review]")
{
    const SchoolCalendar calendar;
    const QDate today = date(2025, 10, 20);
    // 20 school days after Wed 15 Oct 2025: 16-17 Oct (2), 20-24 Oct (7), half-term,
    // 3-7 Nov (12), 10-14 Nov (17), 17-19 Nov (20) -> 19 Nov, before the 19 Dec standard date.
    ReviewNeeds lookedAfter;
    lookedAfter.lookedAfter = true;
    CHECK(isVulnerable(lookedAfter));
    ReviewDue due = nextReviewDue(calendar, date(2025, 10, 15), lookedAfter, today);
    CHECK(iso(due.due) == "2025-11-19");
    CHECK(due.reason.startsWith(QStringLiteral("Looked-after: every 20 school day")));

    ReviewNeeds ehc;
    ehc.ehcPlan = true;
    due = nextReviewDue(calendar, date(2025, 10, 15), ehc, today);
    CHECK(iso(due.due) == "2025-11-19");
    CHECK(due.reason.startsWith(QStringLiteral("EHC plan")));

    ReviewNeeds flagged;
    flagged.flaggedByHand = true;
    CHECK(isVulnerable(flagged));
    CHECK(iso(nextReviewDue(calendar, date(2025, 10, 15), flagged, today).due) == "2025-11-19");

    // A custom interval replaces the 20 days: 16, 17, 20, 21, 22 Oct.
    ReviewNeeds custom = lookedAfter;
    custom.customIntervalSchoolDays = 5;
    due = nextReviewDue(calendar, date(2025, 10, 15), custom, today);
    CHECK(iso(due.due) == "2025-10-22");
    CHECK(due.reason.startsWith(QStringLiteral("Custom interval: every 5 school day")));

    // A long custom interval never delays past the half-termly date (60 days -> 29 Jan 2026).
    custom.customIntervalSchoolDays = 60;
    due = nextReviewDue(calendar, date(2025, 10, 15), custom, today);
    CHECK(iso(due.due) == "2025-12-19");
    CHECK(due.reason.startsWith(QStringLiteral("Half-termly")));

    // Across the academic year: from Wed 1 Jul 2026, 2-3 Jul (2), 6-10 Jul (7), 13-16 Jul (11;
    // 17 Jul is INSET), then Autumn 1 2026 opens with INSET on 2-3 Sep: 4 Sep (12), 7-11 Sep (17),
    // 14-16 Sep (20) -> 16 Sep 2026.
    CHECK(iso(nextReviewDue(calendar, date(2026, 7, 1), lookedAfter, date(2026, 7, 2)).due) == "2026-09-16");

    // No previous review: nothing to count from, so the standard date.
    CHECK(iso(nextReviewDue(calendar, std::nullopt, lookedAfter, today).due) == "2025-10-24");
}

TEST_CASE("Dates are read as teachers type them, day before month", "[typeddate]")
{
    const QDate today(2026, 11, 23);
    const QDate want(2027, 1, 15);
    for (const char* typed : {"15 Jan 2027", "15 January 2027", "15/01/2027", "15/1/27", "15.1.27", "15-01-2027",
                              "2027-01-15", "15th January 2027", "15 January", "15 jan", "15/1", " 15 / 1 / 2027 ",
                              "January 15, 2027", "15 Jan. 2027"}) {
        INFO(typed);
        const auto got = parseTypedDate(QString::fromUtf8(typed), today);
        REQUIRE(got.has_value());
        CHECK(*got == want);
    }
    // Without a year: the academic year that holds today (September to August).
    CHECK(*parseTypedDate(QStringLiteral("15 September"), today) == QDate(2026, 9, 15));
    CHECK(*parseTypedDate(QStringLiteral("31/8"), today) == QDate(2027, 8, 31));
    CHECK(*parseTypedDate(QStringLiteral("1 Sept"), QDate(2027, 3, 1)) == QDate(2026, 9, 1));
    // Two-digit years: this century unless that is more than ten years ahead (a birth date).
    CHECK(*parseTypedDate(QStringLiteral("2/4/13"), today) == QDate(2013, 4, 2));
    CHECK(*parseTypedDate(QStringLiteral("2/4/98"), today) == QDate(1998, 4, 2));
    // Not dates: refused, never turned into another date.
    for (const char* typed : {"", "next week", "31/02/2027", "15/13/2027", "13 Smarch 2027", "15", "2027",
                              "ja 15", "1/1/1800", "15//1"}) {
        INFO(typed);
        CHECK_FALSE(parseTypedDate(QString::fromUtf8(typed), today).has_value());
    }
    CHECK(typedDateText(QDate(2027, 1, 15)) == QStringLiteral("15 Jan 2027"));
    CHECK(typedDateText(QDate()).isEmpty());
    CHECK(typedDateText(QDate(2024, 9, 2)) == QStringLiteral("2 Sep 2024")); // never "Sept", whatever the locale
    CHECK(*parseTypedDate(typedDateText(QDate(2024, 9, 2)), QDate(2026, 11, 23)) == QDate(2024, 9, 2));
}
