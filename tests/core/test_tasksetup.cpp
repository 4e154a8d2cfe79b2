// Tasks: made with their criteria in one go, copied for another class without marks, taken back
// while nobody is marked, and listed newest first.
#include "domain/entities.h"
#include "repo/repository.h"
#include "services/groupsetup.h"
#include "services/marking.h"
#include "services/pupilsetup.h"
#include "services/schoolsetup.h"
#include "services/staffsetup.h"
#include "services/subjectsetup.h"
#include "services/tasksetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace waymark;

TEST_CASE("A task is made with its criteria, copied for another class, taken back, and listed", "[marking]")
{
    const QDate today(2026, 11, 30);
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    setup::createSchoolFile(path, QStringLiteral("Oakfield"));
    auto db = Database::open(path);
    const RowId maths = setup::addSubject(*db, {QStringLiteral("Mathematics"), QStringLiteral("MA")});
    setup::GroupDetails g;
    g.name = QStringLiteral("9X/Ma1");
    g.subjectId = maths;
    g.yearGroup = 9;
    g.academicYear = 2026;
    const RowId ma1 = setup::addGroup(*db, g);
    g.name = QStringLiteral("9Y/Ma1");
    const RowId ma2 = setup::addGroup(*db, g);
    const RowId me = setup::addStaff(*db, {QStringLiteral("Mrs"), QStringLiteral("Jo"), QStringLiteral("Patel"),
                                           QString(), QString(), QStringLiteral("Teacher")});
    setup::setWhoIAm(*db, me);

    marking::TaskDetails d;
    d.groupId = ma1;
    d.title = QStringLiteral("  Solving   linear equations ");
    d.setOn = today;
    d.learningIntention = QStringLiteral("To solve equations with unknowns on both sides");
    d.criteria = {QStringLiteral("I can collect like terms"), QStringLiteral("  "),
                  QStringLiteral("I can check my answer")};
    const RowId task = marking::createTask(*db, d);
    const std::optional<Task> stored = Repository<Task>(*db).find(task);
    REQUIRE(stored);
    CHECK(stored->title == QStringLiteral("Solving linear equations"));
    CHECK(stored->subjectId == maths); // the group's subject
    CHECK(stored->setById == me);      // "This is me"
    const std::vector<SuccessCriterion> criteria =
        Repository<SuccessCriterion>(*db).where("task_id = ?1 ORDER BY position", task);
    REQUIRE(criteria.size() == 2); // the empty line dropped
    CHECK(criteria[1].text == QStringLiteral("I can check my answer"));

    SECTION("a task with no title or group is refused, writing nothing")
    {
        const QString before = test::liveContent(*db);
        marking::TaskDetails bad;
        const QStringList problems = marking::problemsWithTask(*db, bad);
        CHECK(problems.join(QLatin1Char(' ')).contains(QStringLiteral("title")));
        CHECK(problems.join(QLatin1Char(' ')).contains(QStringLiteral("group")));
        CHECK_THROWS_AS(marking::createTask(*db, bad), StorageError);
        CHECK(test::liveContent(*db) == before);
    }
    SECTION("a copy for the other class has the criteria and none of the marks")
    {
        setup::NewPupil p;
        p.legalGivenName = QStringLiteral("Emre");
        p.legalFamilyName = QStringLiteral("Aydin");
        const RowId emre = setup::addPupil(*db, p, today);
        marking::setMarks(*db, task,
                          {{marking::Mark{emre, marking::MarkField::Light, 0, QStringLiteral("green")}, QString()}},
                          today);
        const RowId copy = marking::duplicateTask(*db, task, ma2, today.addDays(1));
        CHECK(Repository<SuccessCriterion>(*db).where("task_id = ?1", copy).size() == 2);
        CHECK(Repository<Evidence>(*db).where("task_id = ?1", copy).empty());
        const std::vector<marking::TaskSummary> all = marking::tasksOf(*db);
        REQUIRE(all.size() == 2);
        CHECK(all[0].id == copy); // newest first
        CHECK(all[0].group == QStringLiteral("9Y/Ma1"));
        CHECK(all[1].marked == 1);
        CHECK(marking::tasksOf(*db, ma1).size() == 1);
        // Once marked, making the task is no longer undone; the copy, unmarked, is.
        CHECK_THROWS_AS(marking::setTaskWithdrawn(*db, task, true), StorageError);
        marking::setTaskWithdrawn(*db, copy, true);
        CHECK(marking::tasksOf(*db).size() == 1);
        marking::setTaskWithdrawn(*db, copy, false);
        CHECK(Repository<SuccessCriterion>(*db).where("task_id = ?1", copy).size() == 2);
    }
}
