#include "calendar/schoolcalendar.h"
#include "demotestsupport.h"
#include "domain/upn.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace waymark;
using test::scalar;

TEST_CASE("Several years of history: pupils move up, Year 11s leave, evidence builds up")
{
    test::TempDir dir;
    auto one = test::generatedSchool(dir.path(QStringLiteral("one.waymark")), test::demoOptions(30, 1));
    auto three = test::generatedSchool(dir.path(QStringLiteral("three.waymark")), test::demoOptions(30, 3));
    Database& d = *three;

    CHECK(scalar(d, "SELECT count(*) FROM evidence") > 2 * scalar(*one, "SELECT count(*) FROM evidence"));
    CHECK(scalar(d, "SELECT count(*) FROM pupil WHERE left_on IS NULL") == 30); // the roll today
    const qint64 leavers = scalar(d, "SELECT count(*) FROM pupil WHERE left_on IS NOT NULL");
    CHECK(leavers >= 8); // two Year 11s have left since
    CHECK(scalar(d, "SELECT count(*) FROM pupil WHERE left_on IS NOT NULL AND (year_group <> 11 OR "
                    "left_on > '2025-03-12' OR strftime('%m', left_on) <> '06')") == 0);
    CHECK(scalar(d, "SELECT count(DISTINCT academic_year) FROM pupil_group") == 3);
    CHECK(scalar(d, "SELECT count(*) FROM calendar_half_term") == 18);

    SECTION("each pupil's year group in every year follows from today's")
    {
        // The year a pupil was last here: this year, or the year they left.
        const std::string lastYear =
            "(CASE WHEN p.left_on IS NULL THEN 2024 ELSE CAST(strftime('%Y', p.left_on) AS INTEGER) - 1 END)";
        CHECK(scalar(d, "SELECT count(*) FROM group_member m JOIN pupil_group g ON g.id = m.group_id JOIN pupil p "
                        "ON p.id = m.pupil_id WHERE g.kind <> 'tutor' AND g.year_group <> p.year_group - ("
                            + lastYear + " - g.academic_year)") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM group_member m JOIN pupil_group g ON g.id = m.group_id JOIN pupil p "
                        "ON p.id = m.pupil_id WHERE p.year_group - (" + lastYear + " - g.academic_year) NOT BETWEEN 7 "
                        "AND 11") == 0);
        // One tutor group a year, the same one (by name and tutor) every year.
        CHECK(scalar(d, "SELECT count(*) FROM (SELECT m.pupil_id, g.academic_year FROM group_member m JOIN "
                        "pupil_group g ON g.id = m.group_id WHERE g.kind = 'tutor' GROUP BY 1, 2 "
                        "HAVING count(*) <> 1)") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM (SELECT m.pupil_id FROM group_member m JOIN pupil_group g ON "
                        "g.id = m.group_id WHERE g.kind = 'tutor' GROUP BY 1 HAVING count(DISTINCT g.name) > 1 "
                        "OR count(DISTINCT g.teacher_id) > 1)") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM pupil p WHERE p.left_on IS NULL AND NOT EXISTS (SELECT 1 FROM "
                        "group_member m JOIN pupil_group g ON g.id = m.group_id WHERE m.pupil_id = p.id AND "
                        "g.kind = 'tutor' AND g.academic_year = 2024)") == 0);
    }

    SECTION("records stay inside each pupil's time at the school")
    {
        CHECK(scalar(d, "SELECT count(*) FROM evidence e JOIN pupil p ON p.id = e.pupil_id WHERE e.recorded_on < "
                        "p.started_on OR (p.left_on IS NOT NULL AND e.recorded_on > p.left_on)") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM review r JOIN pupil p ON p.id = r.pupil_id WHERE r.held_on < "
                        "p.started_on OR (p.left_on IS NOT NULL AND r.held_on > p.left_on)") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM review WHERE status = 'planned' AND due_on < '2024-09-01'") == 0);
        SchoolCalendar calendar;
        auto s = d.prepare("SELECT DISTINCT recorded_on FROM evidence");
        while (s.step())
            CHECK(calendar.isSchoolDay(s.date(0)));
        auto upns = d.prepare("SELECT upn FROM pupil");
        while (upns.step())
            CHECK(upn::isValid(upns.text(0)));
        CHECK(scalar(d, "SELECT count(DISTINCT upn) FROM pupil") == scalar(d, "SELECT count(*) FROM pupil"));
    }

    SECTION("pupils climb their ladders as they move up the school")
    {
        // Average rung on the school's KS3 ladder, by the year group the pupil was in at the time.
        const std::string byYear =
            "SELECT avg(r.position) FROM evidence e JOIN rung r ON r.id = e.rung_id JOIN scale s ON s.id = r.scale_id "
            "JOIN task t ON t.id = e.task_id JOIN pupil_group g ON g.id = t.group_id WHERE s.code = 'ks3-steps' "
            "AND g.year_group = ";
        auto average = [&](int yearGroup) {
            auto s = d.prepare(byYear + std::to_string(yearGroup));
            REQUIRE(s.step());
            return s.real(0);
        };
        CHECK(average(7) < average(8));
        CHECK(average(8) < average(9));
        // Some pupils are stuck: the same rung in one subject for a whole term and more.
        CHECK(scalar(d, "SELECT count(*) FROM (SELECT e.pupil_id, e.subject_id FROM evidence e JOIN task t ON "
                        "t.id = e.task_id WHERE e.rung_id IS NOT NULL AND e.recorded_on >= '2024-09-01' "
                        "GROUP BY 1, 2 HAVING count(*) >= 8 AND count(DISTINCT e.rung_id) = 1)") > 0);
    }

    SECTION("still sound")
    {
        CHECK(scalar(d, "SELECT count(*) FROM history") == 0);
        CHECK_FALSE(d.prepare("PRAGMA foreign_key_check").step());
        auto integrity = d.prepare("PRAGMA integrity_check");
        REQUIRE(integrity.step());
        CHECK(integrity.text(0) == QStringLiteral("ok"));
    }
}

TEST_CASE("Pupils are not a crowd of namesakes, across the years")
{
    // Drawn from the same name pools, a school of hundreds used to list whole rows of the same
    // child ("Mazur, Antoni" four times); a clash is now drawn again, as real rolls rarely repeat.
    test::TempDir dir;
    auto db = test::generatedSchool(dir.path(QStringLiteral("s.waymark")), test::demoOptions(300, 3));
    const qint64 pupils = scalar(*db, "SELECT count(*) FROM pupil");
    REQUIRE(pupils > 300);
    const qint64 namesakes = scalar(*db, "SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM pupil "
                                         "GROUP BY legal_given_name, legal_family_name HAVING n > 1)");
    CHECK(namesakes * 100 <= pupils); // at most 1%
}

TEST_CASE("Tiny schools and awkward dates still give a sound file")
{
    test::TempDir dir;
    struct Case
    {
        int pupils;
        int years;
        QDate today;
    };
    const Case cases[] = {{0, 1, QDate(2025, 3, 12)}, {1, 2, QDate(2025, 3, 12)},  {7, 1, QDate(2024, 9, 1)},
                          {7, 2, QDate(2025, 8, 15)}, {12, 1, QDate(2025, 7, 21)}, {5, 6, QDate(2031, 1, 6)}};
    int n = 0;
    for (const Case& c : cases) {
        INFO(c.pupils << " pupils, " << c.years << " years, today " << c.today.toString(Qt::ISODate).toStdString());
        auto options = test::demoOptions(c.pupils, c.years);
        options.today = c.today;
        auto db = test::generatedSchool(dir.path(QStringLiteral("school%1.waymark").arg(++n)), options);
        CHECK(scalar(*db, "SELECT count(*) FROM pupil WHERE left_on IS NULL") == c.pupils);
        CHECK(scalar(*db, "SELECT count(*) FROM calendar_half_term") == 6 * c.years);
        CHECK(scalar(*db, "SELECT count(*) FROM history") == 0);
        CHECK_FALSE(db->prepare("PRAGMA foreign_key_check").step());
        auto integrity = db->prepare("PRAGMA integrity_check");
        REQUIRE(integrity.step());
        CHECK(integrity.text(0) == QStringLiteral("ok"));
        const std::string today = "'" + c.today.toString(Qt::ISODate).toStdString() + "'";
        CHECK(scalar(*db, "SELECT count(*) FROM evidence WHERE recorded_on > " + today) == 0);
        CHECK(scalar(*db, "SELECT count(*) FROM review WHERE held_on > " + today) == 0);
    }
}
