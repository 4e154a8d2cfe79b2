// The marking service: marks set one at a time or many at once in one transaction, each only over
// the value the teacher saw, and undone exactly by the inverse of what was done.
#include "domain/entities.h"
#include "repo/repository.h"
#include "services/marking.h"
#include "services/pupilsetup.h"
#include "services/schoolsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace waymark;
using namespace waymark::marking;

namespace {
const QDate kToday(2026, 11, 30);

Mark mark(RowId pupil, MarkField field, QVariant value, RowId criterion = 0)
{
    return Mark{pupil, field, criterion, std::move(value)};
}
} // namespace

TEST_CASE("Marks are set over what the teacher saw, many in one go, and undone exactly", "[marking]")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    setup::createSchoolFile(path, QStringLiteral("Oakfield"));
    auto db = Database::open(path);
    std::vector<RowId> pupils;
    for (const char* name : {"Emre", "Jo", "Lucja"}) {
        setup::NewPupil p;
        p.legalGivenName = QString::fromLatin1(name);
        p.legalFamilyName = QStringLiteral("Pupil");
        pupils.push_back(setup::addPupil(*db, p, kToday));
    }
    const RowId gcse = Repository<Scale>(*db).first("code = 'gcse'")->id;
    Task task;
    task.title = QStringLiteral("Solving linear equations");
    task.setOn = kToday;
    task.scaleId = gcse;
    const RowId taskId = Repository<Task>(*db).insert(task);
    SuccessCriterion c;
    c.taskId = taskId;
    c.text = QStringLiteral("I can collect like terms");
    const RowId criterion = Repository<SuccessCriterion>(*db).insert(c);
    const QString before = test::liveContent(*db);

    // One mark: the pupil's record of the task is made with it.
    const std::vector<MarkChange> green =
        setMarks(*db, taskId, {{mark(pupils[0], MarkField::Light, QStringLiteral("green")), QString()}}, kToday);
    REQUIRE(green.size() == 1);
    CHECK(markOf(*db, taskId, pupils[0], MarkField::Light) == QStringLiteral("green"));
    CHECK(Repository<Evidence>(*db).where("task_id = ?1", taskId).size() == 1);

    SECTION("fill: three pupils amber in one transaction, and its inverse puts each back as it was")
    {
        const std::vector<MarkChange> filled =
            setMarks(*db, taskId, fill(*db, taskId, pupils, MarkField::Light, QStringLiteral("amber")), kToday);
        CHECK(filled.size() == 3);
        for (const RowId p : pupils)
            CHECK(markOf(*db, taskId, p, MarkField::Light) == QStringLiteral("amber"));
        setMarks(*db, taskId, inverse(filled), kToday);
        CHECK(markOf(*db, taskId, pupils[0], MarkField::Light) == QStringLiteral("green"));
        CHECK(markOf(*db, taskId, pupils[1], MarkField::Light) == QString());
    }
    SECTION("a mark changed elsewhere since is never written over, and nothing of the batch is written")
    {
        const QString now = test::liveContent(*db);
        std::vector<MarkChange> batch = fill(*db, taskId, pupils, MarkField::Light, QStringLiteral("red"));
        batch[0].before = QString(); // the teacher saw no light for Emre, but green is stored
        CHECK_THROWS_AS(setMarks(*db, taskId, batch, kToday), StorageError);
        CHECK(test::liveContent(*db) == now);
    }
    SECTION("judgements, a grade on the task's scale, feedback and the pupil's response, each undone")
    {
        const RowId grade5 = Repository<Rung>(*db).first("scale_id = ?1 AND code = '5'", gcse)->id;
        const std::vector<MarkChange> done =
            setMarks(*db, taskId,
                     {{mark(pupils[1], MarkField::Judgement, QStringLiteral("partly"), criterion), QString()},
                      {mark(pupils[1], MarkField::Rung, grade5), QVariant()},
                      {mark(pupils[1], MarkField::WhatWentWell, QStringLiteral("Clear working")), QString()},
                      {mark(pupils[1], MarkField::NextStep, QStringLiteral("Check each line")), QString()},
                      {mark(pupils[1], MarkField::PupilResponse, QStringLiteral("Done: all checked")), QString()},
                      {mark(pupils[1], MarkField::RespondedOn, kToday), QVariant()}},
                     kToday);
        CHECK(done.size() == 6);
        CHECK(markOf(*db, taskId, pupils[1], MarkField::Judgement, criterion) == QStringLiteral("partly"));
        CHECK(markOf(*db, taskId, pupils[1], MarkField::Rung) == QVariant(grade5));
        CHECK(markOf(*db, taskId, pupils[1], MarkField::NextStep) == QStringLiteral("Check each line"));
        CHECK(markOf(*db, taskId, pupils[1], MarkField::RespondedOn) == QVariant(kToday));
        setMarks(*db, taskId, inverse(done), kToday);
        CHECK(markOf(*db, taskId, pupils[1], MarkField::Judgement, criterion) == QString());
        CHECK(markOf(*db, taskId, pupils[1], MarkField::Rung).isNull());
        CHECK(markOf(*db, taskId, pupils[1], MarkField::WhatWentWell) == QString());
        // A cleared judgement is a tombstone, never erased.
        auto s = db->prepare("SELECT count(*) FROM criterion_judgement WHERE deleted = 1");
        REQUIRE(s.step());
        CHECK(s.int64(0) == 1);
    }
    SECTION("a grade not on the task's scale, a light that is no light and a criterion of another task are refused")
    {
        const QString now = test::liveContent(*db);
        const RowId exs = Repository<Rung>(*db).first("code = 'EXS'")->id;
        CHECK_THROWS_AS(setMarks(*db, taskId, {{mark(pupils[2], MarkField::Rung, exs), QVariant()}}, kToday),
                        StorageError);
        CHECK_THROWS_AS(
            setMarks(*db, taskId, {{mark(pupils[2], MarkField::Light, QStringLiteral("blue")), QString()}}, kToday),
            StorageError);
        CHECK_THROWS_AS(
            setMarks(*db, taskId,
                     {{mark(pupils[2], MarkField::Judgement, QStringLiteral("met"), criterion + 99), QString()}},
                     kToday),
            StorageError);
        CHECK(test::liveContent(*db) == now);
    }
    SECTION("undoing the first mark leaves the school as it was, but for the pupil's (empty) record of the task")
    {
        setMarks(*db, taskId, inverse(green), kToday);
        CHECK(markOf(*db, taskId, pupils[0], MarkField::Light) == QString());
        CHECK(test::liveContent(*db) != before); // the record of the task stays, with no mark on it
    }
}
