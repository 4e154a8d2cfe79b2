#include "attachments/attachmentstore.h"
#include "calendar/schoolcalendar.h"
#include "demo/demoimages.h"
#include "demotestsupport.h"
#include "domain/upn.h"
#include "storage/storageerror.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QImage>
#include <QSet>

#include <catch2/catch.hpp>

using namespace waymark;
using test::scalar;

TEST_CASE("The same seed and date give the same school, byte for byte; another seed a different one")
{
    test::TempDir dir;
    const auto options = test::demoOptions(30);
    auto a = test::generatedSchool(dir.path(QStringLiteral("a.waymark")), options);
    auto b = test::generatedSchool(dir.path(QStringLiteral("b.waymark")), options);
    CHECK(a->deviceId() != b->deviceId()); // two files, two devices...
    CHECK(test::contentDigest(*a) == test::contentDigest(*b)); // ...with identical contents

    auto c = test::generatedSchool(dir.path(QStringLiteral("c.waymark")), test::demoOptions(30, 1, 8));
    CHECK(test::contentDigest(*a) != test::contentDigest(*c));
    CHECK(scalar(*a, "SELECT count(*) FROM evidence") != scalar(*c, "SELECT count(*) FROM evidence"));
}

TEST_CASE("A generated school is complete and consistent")
{
    test::TempDir dir;
    QElapsedTimer timer;
    timer.start();
    auto db = test::generatedSchool(dir.path(QStringLiteral("school.waymark")), test::demoOptions(30));
    const qint64 ms = timer.elapsed();
    INFO("30 pupils took " << ms << " ms");
    CHECK(ms < 20'000); // a debug build on a slow machine; release is far faster
    Database& d = *db;

    SECTION("school, staff, subjects, calendar and ladders")
    {
        CHECK(scalar(d, "SELECT count(*) FROM school") == 1);
        CHECK(scalar(d, "SELECT count(*) FROM staff") >= 12);
        CHECK(scalar(d, "SELECT count(*) FROM staff WHERE role = 'SENCo'") == 1);
        CHECK(scalar(d, "SELECT count(*) FROM staff WHERE role LIKE 'Head of Year %'") == 5);
        CHECK(scalar(d, "SELECT count(DISTINCT email) FROM staff") == scalar(d, "SELECT count(*) FROM staff"));
        CHECK(scalar(d, "SELECT count(*) FROM subject") >= 10);
        CHECK(scalar(d, "SELECT count(*) FROM calendar_half_term WHERE academic_year = 2024") == 6);
        CHECK(scalar(d, "SELECT count(*) FROM calendar_closure") >= 5);
        CHECK(scalar(d, "SELECT count(*) FROM scale WHERE builtin = 0") >= 3);
        CHECK(scalar(d, "SELECT count(*) FROM rung r JOIN scale s ON s.id = r.scale_id "
                        "WHERE s.builtin = 0 AND r.descriptor = ''") == 0);
        for (const char* category : {"what_went_well", "even_better_if", "next_step"}) {
            CHECK(scalar(d, std::string("SELECT count(*) FROM comment_bank WHERE subject_id IS NULL AND category = '")
                                + category + "'") >= 5);
            CHECK(scalar(d, std::string("SELECT count(*) FROM comment_bank WHERE subject_id IS NOT NULL AND "
                                        "category = '") + category + "'") >= 5);
        }
    }

    SECTION("every pupil has a valid UPN, a plan, targets, reviews and evidence")
    {
        CHECK(scalar(d, "SELECT count(*) FROM pupil") == 30);
        CHECK(scalar(d, "SELECT count(*) FROM pupil WHERE left_on IS NULL") == 30);
        auto s = d.prepare("SELECT p.upn, p.date_of_birth, p.year_group, sc.la_code, sc.estab FROM pupil p, school sc");
        QSet<QString> upns;
        while (s.step()) {
            const QString upn = s.text(0);
            CHECK(upn::isValid(upn));
            CHECK(upn.mid(1, 3) == s.text(3));
            CHECK(upn.mid(4, 4) == s.text(4));
            upns.insert(upn);
            // Born between September and August of the right year for the year group.
            CHECK(SchoolCalendar::academicYearOf(s.date(1)) == 2024 - s.integer(2) - 5);
        }
        CHECK(upns.size() == 30);
        CHECK(scalar(d, "SELECT min(year_group) FROM pupil") == 7);
        CHECK(scalar(d, "SELECT max(year_group) FROM pupil") == 11);
        CHECK(scalar(d, "SELECT count(*) FROM pupil p WHERE (SELECT count(*) FROM learning_plan l "
                        "WHERE l.pupil_id = p.id) <> 1") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM learning_plan WHERE strengths = '' OR needs = '' OR strategies = '' "
                        "OR provision = ''") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM pupil p WHERE (SELECT count(*) FROM target t "
                        "WHERE t.pupil_id = p.id) NOT BETWEEN 2 AND 4") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM pupil p WHERE NOT EXISTS (SELECT 1 FROM evidence e "
                        "WHERE e.pupil_id = p.id)") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM pupil p WHERE learning_guide_id IS NULL") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM pupil p WHERE NOT EXISTS (SELECT 1 FROM review r "
                        "WHERE r.pupil_id = p.id AND r.status = 'final')") == 0);
    }

    SECTION("reviews: held ones are final or drafts in the past, planned ones ahead")
    {
        CHECK(scalar(d, "SELECT count(*) FROM review WHERE status <> 'planned' AND (held_on IS NULL OR held_on > "
                        "'2025-03-12')") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM review WHERE status = 'planned' AND (held_on IS NOT NULL OR "
                        "due_on < '2025-03-12')") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM review WHERE status = 'planned'") > 0);
        CHECK(scalar(d, "SELECT count(*) FROM review_outcome o JOIN review r ON r.id = o.review_id "
                        "WHERE r.status = 'planned'") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM review_outcome") > 0);
        // A target is closed only by the outcome of a final review.
        CHECK(scalar(d, "SELECT count(*) FROM target t WHERE status <> 'active' AND NOT EXISTS (SELECT 1 FROM "
                        "review_outcome o JOIN review r ON r.id = o.review_id WHERE o.target_id = t.id AND "
                        "r.status = 'final' AND o.outcome = t.status)") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM target WHERE set_on > '2025-03-12' OR review_by < set_on") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM review WHERE kind = 'transition'") > 0); // Year 7
    }

    SECTION("groups: vertical tutor groups, sets and classes with a teacher")
    {
        auto s = d.prepare("SELECT g.id, count(DISTINCT p.year_group), count(*) FROM pupil_group g "
                           "JOIN group_member m ON m.group_id = g.id JOIN pupil p ON p.id = m.pupil_id "
                           "WHERE g.kind = 'tutor' GROUP BY g.id");
        int tutorGroups = 0;
        while (s.step()) {
            ++tutorGroups;
            CHECK(s.integer(1) >= 3);
        }
        CHECK(tutorGroups >= 1);
        CHECK(scalar(d, "SELECT count(*) FROM pupil p WHERE (SELECT count(*) FROM group_member m JOIN pupil_group g "
                        "ON g.id = m.group_id WHERE m.pupil_id = p.id AND g.kind = 'tutor') <> 1") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM pupil_group WHERE teacher_id IS NULL") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM pupil_group WHERE kind = 'set'") > 0);
        CHECK(scalar(d, "SELECT count(*) FROM pupil_group WHERE kind <> 'tutor' AND (subject_id IS NULL OR "
                        "year_group IS NULL)") == 0);
        CHECK(scalar(d, "SELECT max(n) FROM (SELECT count(*) AS n FROM group_member GROUP BY group_id)") <= 30);
        CHECK(scalar(d, "SELECT count(*) FROM group_member m JOIN pupil_group g ON g.id = m.group_id JOIN pupil p "
                        "ON p.id = m.pupil_id WHERE g.kind <> 'tutor' AND g.year_group <> p.year_group") == 0);
    }

    SECTION("evidence: school days, ladders that fit the task, lights, feedback")
    {
        SchoolCalendar calendar;
        auto s = d.prepare("SELECT DISTINCT recorded_on FROM evidence UNION SELECT DISTINCT responded_on FROM "
                           "feedback WHERE responded_on IS NOT NULL UNION SELECT DISTINCT set_on FROM task");
        int days = 0;
        while (s.step()) {
            ++days;
            const QDate day = s.date(0);
            CHECK(calendar.isSchoolDay(day));
            CHECK(day <= test::kDemoToday);
        }
        CHECK(days > 50);
        CHECK(scalar(d, "SELECT count(*) FROM evidence e JOIN task t ON t.id = e.task_id JOIN rung r "
                        "ON r.id = e.rung_id WHERE r.scale_id <> t.scale_id") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM task t JOIN pupil_group g ON g.id = t.group_id JOIN scale s "
                        "ON s.id = t.scale_id WHERE g.year_group >= 10 AND s.code <> 'gcse'") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM task t JOIN pupil_group g ON g.id = t.group_id JOIN scale s "
                        "ON s.id = t.scale_id WHERE g.year_group <= 9 AND s.code = 'gcse'") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM task t WHERE (SELECT count(*) FROM success_criterion c "
                        "WHERE c.task_id = t.id) NOT BETWEEN 2 AND 4") == 0);
        CHECK(scalar(d, "SELECT count(*) FROM evidence e WHERE e.task_id IS NOT NULL AND (SELECT count(*) FROM "
                        "criterion_judgement j WHERE j.evidence_id = e.id) <> (SELECT count(*) FROM "
                        "success_criterion c WHERE c.task_id = e.task_id)") == 0);
        CHECK(scalar(d, "SELECT count(DISTINCT light) FROM evidence WHERE light <> ''") == 3);
        CHECK(scalar(d, "SELECT count(*) FROM evidence WHERE self_light <> ''") > 0);
        CHECK(scalar(d, "SELECT count(*) FROM evidence WHERE peer_light <> ''") > 0);
        CHECK(scalar(d, "SELECT count(*) FROM evidence WHERE target_id IS NOT NULL") > 0);
        CHECK(scalar(d, "SELECT count(*) FROM feedback WHERE pupil_response <> ''") > 0);
        CHECK(scalar(d, "SELECT count(*) FROM feedback WHERE responded_on < (SELECT recorded_on FROM evidence e "
                        "WHERE e.id = evidence_id)") == 0);
        // Feedback comes from the comment bank.
        CHECK(scalar(d, "SELECT count(*) FROM feedback f WHERE NOT EXISTS (SELECT 1 FROM comment_bank c WHERE "
                        "c.category = 'next_step' AND c.text = f.next_step)") == 0);
    }

    SECTION("photos of work are real PNGs, stored once each")
    {
        AttachmentStore store(d);
        const qint64 links = scalar(d, "SELECT count(*) FROM evidence_attachment");
        const qint64 evidence = scalar(d, "SELECT count(*) FROM evidence");
        CHECK(links > 0);
        CHECK(links * 100 < evidence * 6);
        CHECK(scalar(d, "SELECT count(DISTINCT sha256) FROM evidence_attachment") < links); // shared photos
        CHECK(scalar(d, "SELECT count(*) FROM attachment") == scalar(d, "SELECT count(DISTINCT sha256) FROM "
                                                                       "evidence_attachment"));
        auto s = d.prepare("SELECT sha256 FROM attachment");
        while (s.step()) {
            const QByteArray png = store.readAll(s.text(0)); // checks the hash too
            const QImage image = QImage::fromData(png, "PNG");
            REQUIRE_FALSE(image.isNull());
            CHECK(image.size() == QSize(96, 64));
        }
    }

    SECTION("deterministic identity, no history, and a sound file")
    {
        CHECK(scalar(d, "SELECT count(*) FROM history") == 0);
        CHECK(scalar(d, "SELECT count(DISTINCT origin) FROM pupil") == 1);
        CHECK(scalar(d, "SELECT count(*) FROM evidence WHERE origin <> (SELECT origin FROM pupil LIMIT 1)") == 0);
        // No stamp is later than the demo's "today", and the clock has moved past them all.
        const qint64 endOfToday = (test::kDemoToday.toJulianDay() - 2440587) * 86'400'000LL;
        CHECK(scalar(d, "SELECT max(hlc) FROM evidence") < HybridClock::make(endOfToday, 0));
        CHECK(d.clock().last() >= scalar(d, "SELECT max(hlc) FROM evidence"));
        CHECK_FALSE(d.prepare("PRAGMA foreign_key_check").step());
        auto integrity = d.prepare("PRAGMA integrity_check");
        REQUIRE(integrity.step());
        CHECK(integrity.text(0) == QStringLiteral("ok"));
        CHECK(scalar(d, "PRAGMA synchronous") == 2); // FULL again after bulk loading
    }
}

TEST_CASE("Characteristics appear at plausible national rates")
{
    test::TempDir dir;
    auto options = test::demoOptions(400);
    options.today = QDate(2024, 9, 20); // early in the year, so this stays quick
    auto db = test::generatedSchool(dir.path(QStringLiteral("school.waymark")), options);
    auto percent = [&](const char* condition) {
        return double(scalar(*db, std::string("SELECT count(*) FROM pupil WHERE ") + condition)) / 4.0;
    };
    CHECK(percent("sen_status = 'sen_support'") == Approx(13).margin(5));
    CHECK(percent("sen_status = 'ehc_plan'") == Approx(3).margin(2.5));
    CHECK(percent("pupil_premium") == Approx(26).margin(8));
    CHECK(percent("fsm") == Approx(23).margin(8));
    CHECK(percent("eal") == Approx(18).margin(8));
    CHECK(percent("looked_after") <= 4);
    CHECK(percent("gifted") > 2);
    CHECK(percent("young_carer") > 0);
    CHECK(percent("sex = 'F'") == Approx(49).margin(8));
    CHECK(percent("preferred_given_name <> ''") > 3);
    CHECK(percent("pronouns <> ''") > 0);
    CHECK(scalar(*db, "SELECT count(DISTINCT legal_family_name) FROM pupil") > 100);
    CHECK(scalar(*db, "SELECT count(*) FROM staff") == 27);
}

TEST_CASE("Generation reports progress about a hundred times and can be cancelled")
{
    test::TempDir dir;
    auto db = Database::create(dir.path(QStringLiteral("school.waymark")));
    auto options = test::demoOptions(30);
    int calls = 0;
    options.progress = [&](qint64, qint64) { return ++calls < 5; };
    CHECK_THROWS_AS(generateDemoSchool(*db, options), DemoCancelled);
    CHECK(calls == 5);
    for (const char* table : {"school", "staff", "pupil", "evidence", "attachment", "calendar_half_term"})
        CHECK(scalar(*db, std::string("SELECT count(*) FROM ") + table) == 0);
    CHECK_FALSE(db->inTransaction());
    CHECK(scalar(*db, "PRAGMA synchronous") == 2);

    // The same file can then be filled after all.
    qint64 lastDone = -1;
    qint64 lastTotal = 0;
    bool ordered = true;
    calls = 0;
    options.progress = [&](qint64 done, qint64 total) {
        ++calls;
        ordered = ordered && done >= lastDone && done <= total;
        lastDone = done;
        lastTotal = total;
        return true;
    };
    generateDemoSchool(*db, options);
    CHECK(ordered);
    CHECK(calls >= 50);
    CHECK(calls <= 110);
    CHECK(lastDone == lastTotal);
    CHECK(scalar(*db, "SELECT count(*) FROM pupil") == 30);
}

TEST_CASE("The generator refuses a school file that already has data, and options that make no sense")
{
    test::TempDir dir;
    auto db = test::generatedSchool(dir.path(QStringLiteral("school.waymark")), test::demoOptions(5));
    const QByteArray before = test::contentDigest(*db);
    CHECK_THROWS_AS(generateDemoSchool(*db, test::demoOptions(5)), StorageError);
    CHECK(test::contentDigest(*db) == before);

    auto empty = Database::create(dir.path(QStringLiteral("empty.waymark")));
    CHECK_THROWS_AS(generateDemoSchool(*empty, test::demoOptions(-1)), StorageError);
    CHECK_THROWS_AS(generateDemoSchool(*empty, test::demoOptions(10, 0)), StorageError);
    auto noDate = test::demoOptions(10);
    noDate.today = QDate();
    CHECK_THROWS_AS(generateDemoSchool(*empty, noDate), StorageError);
    CHECK(scalar(*empty, "SELECT count(*) FROM pupil") == 0);
}

TEST_CASE("Demo images are valid PNGs drawn without QtGui")
{
    CHECK(demo::crc32("123456789", 9) == 0xcbf43926U);
    QByteArray rgb;
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 4; ++x)
            rgb.append(char(x * 60)).append(char(y * 100)).append(char(200));
    const QImage image = QImage::fromData(demo::encodePng(4, 3, rgb), "PNG");
    REQUIRE_FALSE(image.isNull());
    CHECK(image.size() == QSize(4, 3));
    CHECK(image.pixel(3, 2) == qRgb(180, 200, 200));
    CHECK(image.pixel(0, 1) == qRgb(0, 100, 200));

    demo::Random a(5);
    demo::Random b(5);
    CHECK(demo::workPhoto(a) == demo::workPhoto(b));
    b.next();
    CHECK(demo::workPhoto(a) != demo::workPhoto(b));
}
