// Whole-class feedback: the counts and lists worked out from a task's marks, and the teacher's
// notes for the class, set over what the teacher saw and undone exactly.
#include "domain/entities.h"
#include "repo/repository.h"
#include "services/classfeedback.h"
#include "services/groupsetup.h"
#include "services/marking.h"
#include "services/marksheet.h"
#include "services/pupilsetup.h"
#include "services/schoolsetup.h"
#include "services/tasksetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace waymark;
using namespace waymark::marking;

namespace {
const QDate kToday(2026, 11, 30);

struct FeedbackSchool
{
    test::TempDir dir;
    std::unique_ptr<Database> db;
    RowId group = 0;
    RowId task = 0;
    std::vector<RowId> pupils; // Adams, Brown, Cole, Dunn, Evans, Fox
    std::vector<RowId> criteria;

    explicit FeedbackSchool(QStringList criteriaTexts = {QStringLiteral("I can add fractions"),
                                                         QStringLiteral("I can simplify")})
    {
        const QString path = dir.path(QStringLiteral("school.waymark"));
        setup::createSchoolFile(path, QStringLiteral("Oakfield"));
        db = Database::open(path);
        setup::GroupDetails g;
        g.name = QStringLiteral("9X/Ma1");
        g.yearGroup = 9;
        g.academicYear = 2026;
        group = setup::addGroup(*db, g);
        for (const char* family : {"Adams", "Brown", "Cole", "Dunn", "Evans", "Fox"}) {
            setup::NewPupil p;
            p.legalGivenName = QStringLiteral("Sam");
            p.legalFamilyName = QString::fromLatin1(family);
            pupils.push_back(setup::addPupil(*db, p, kToday));
        }
        setup::addMembers(*db, group, pupils);
        TaskDetails d;
        d.groupId = group;
        d.title = QStringLiteral("Fractions");
        d.setOn = kToday;
        d.criteria = criteriaTexts;
        task = createTask(*db, d);
        const std::optional<MarkSheet> sheet = markSheet(*db, task);
        for (const SheetCriterion& c : sheet->criteria)
            criteria.push_back(c.id);
    }

    void mark(std::size_t pupil, const QString& light, const QStringList& judgements)
    {
        std::vector<MarkChange> changes;
        if (!light.isEmpty())
            changes.push_back(
                {{pupils[pupil], MarkField::Light, 0, light}, markOf(*db, task, pupils[pupil], MarkField::Light)});
        for (int i = 0; i < judgements.size(); ++i)
            if (!judgements[i].isEmpty())
                changes.push_back(
                    {{pupils[pupil], MarkField::Judgement, criteria[std::size_t(i)], judgements[i]}, QString()});
        setMarks(*db, task, changes, kToday);
    }

    ClassSummary summary() { return classSummary(*markSheet(*db, task)); }
};

QStringList names(const std::vector<PupilNote>& notes)
{
    QStringList out;
    for (const PupilNote& n : notes)
        out << n.name;
    return out;
}
} // namespace

TEST_CASE("The class summary counts lights and judgements, and lists who to revisit and praise, with why",
          "[classfeedback]")
{
    FeedbackSchool s;
    s.mark(0, QStringLiteral("green"), {QStringLiteral("met"), QStringLiteral("met")});     // Adams: praise
    s.mark(1, QStringLiteral("red"), {QStringLiteral("met"), QStringLiteral("partly")});    // Brown: revisit (red)
    s.mark(2, QStringLiteral("amber"), {QStringLiteral("not_yet"), QStringLiteral("met")}); // Cole: revisit (not yet)
    s.mark(3, QStringLiteral("green"), {QStringLiteral("met"), QStringLiteral("partly")});  // Dunn: neither
    s.mark(4, QString(), {QStringLiteral("met")});                                          // Evans: no light
    // Fox: not marked at all.

    const ClassSummary sum = s.summary();
    CHECK(sum.pupils == 6);
    CHECK(sum.marked == 5);
    CHECK(sum.red == 1);
    CHECK(sum.amber == 1);
    CHECK(sum.green == 2);
    CHECK(sum.noLight == 2);
    REQUIRE(sum.criteria.size() == 2);
    CHECK(sum.criteria[0].text == QStringLiteral("I can add fractions"));
    CHECK(sum.criteria[0].met == 4);
    CHECK(sum.criteria[0].partly == 0);
    CHECK(sum.criteria[0].notYet == 1);
    CHECK(sum.criteria[0].none == 1);
    CHECK(sum.criteria[1].met == 2);
    CHECK(sum.criteria[1].partly == 2);
    CHECK(sum.criteria[1].notYet == 0);
    CHECK(sum.criteria[1].none == 2);

    CHECK(names(sum.revisit) == QStringList({QStringLiteral("Sam Brown"), QStringLiteral("Sam Cole")}));
    CHECK(sum.revisit[0].reasons == QStringList({QStringLiteral("red light")}));
    CHECK(sum.revisit[1].reasons == QStringList({QStringLiteral("not yet: I can add fractions")}));
    CHECK(names(sum.praise) == QStringList({QStringLiteral("Sam Adams")}));
    CHECK(sum.praise[0].reasons == QStringList({QStringLiteral("green light, every criterion met")}));

    SECTION("a red light with a criterion not yet gives both reasons, and a pupil is never in both lists")
    {
        s.mark(0, QStringLiteral("red"), {});
        s.mark(5, QStringLiteral("green"), {QStringLiteral("met"), QStringLiteral("not_yet")});
        const ClassSummary again = s.summary();
        CHECK(names(again.revisit) == QStringList({QStringLiteral("Sam Adams"), QStringLiteral("Sam Brown"),
                                                   QStringLiteral("Sam Cole"), QStringLiteral("Sam Fox")}));
        CHECK(again.revisit[3].reasons == QStringList({QStringLiteral("not yet: I can simplify")}));
        CHECK(again.praise.empty());
    }
    SECTION("a pupil who has left the group is counted and listed, marked as having left")
    {
        setup::removeMembers(*s.db, s.group, {s.pupils[1]});
        const ClassSummary again = s.summary();
        CHECK(again.pupils == 6); // Brown's row stays for their marks
        CHECK(again.red == 1);
        CHECK(names(again.revisit) == QStringList({QStringLiteral("Sam Brown"), QStringLiteral("Sam Cole")}));
        CHECK(again.revisit[0].left);
        CHECK_FALSE(again.revisit[1].left);
    }
}

TEST_CASE("Without success criteria, a green light alone is praised", "[classfeedback]")
{
    FeedbackSchool s{QStringList()};
    s.mark(0, QStringLiteral("green"), {});
    s.mark(1, QStringLiteral("amber"), {});
    const ClassSummary sum = s.summary();
    CHECK(sum.criteria.empty());
    CHECK(names(sum.praise) == QStringList({QStringLiteral("Sam Adams")}));
    CHECK(sum.praise[0].reasons == QStringList({QStringLiteral("green light")}));
    CHECK(sum.revisit.empty());
}

TEST_CASE("Class notes are set over what the teacher saw, in one transaction, and undone exactly", "[classfeedback]")
{
    FeedbackSchool s;
    CHECK(taskFeedback(*s.db, s.task) == ClassNotes{});

    const std::vector<ClassNoteChange> made =
        setTaskFeedback(*s.db, s.task,
                        {{ClassNote::Praise, QStringLiteral("Clear working throughout"), QString()},
                         {ClassNote::Misconceptions, QStringLiteral("Adding the denominators"), QString()},
                         {ClassNote::Literacy, QStringLiteral("numerator, denominator"), QString()},
                         {ClassNote::Revisit, QString(), QString()}}); // already empty: skipped
    REQUIRE(made.size() == 3);
    ClassNotes notes = taskFeedback(*s.db, s.task);
    CHECK(notes.praise == QStringLiteral("Clear working throughout"));
    CHECK(notes.misconceptions == QStringLiteral("Adding the denominators"));
    CHECK(notes.literacy == QStringLiteral("numerator, denominator"));
    CHECK(notes.revisit.isEmpty());
    CHECK(notes[ClassNote::Literacy] == notes.literacy);
    CHECK(Repository<TaskFeedback>(*s.db).where("task_id = ?1", s.task).size() == 1);

    SECTION("a second change updates the one row, and its inverse puts back what it replaced")
    {
        const std::vector<ClassNoteChange> second = setTaskFeedback(
            *s.db, s.task, {{ClassNote::Praise, QStringLiteral("Neat"), QStringLiteral("Clear working throughout")}});
        REQUIRE(second.size() == 1);
        CHECK(second[0].before == QStringLiteral("Clear working throughout"));
        CHECK(Repository<TaskFeedback>(*s.db).where("task_id = ?1", s.task).size() == 1);
        setTaskFeedback(*s.db, s.task, inverse(second));
        CHECK(taskFeedback(*s.db, s.task).praise == QStringLiteral("Clear working throughout"));
        setTaskFeedback(*s.db, s.task, inverse(made));
        CHECK(taskFeedback(*s.db, s.task) == ClassNotes{});
    }
    SECTION("a note changed elsewhere since is never written over, and nothing else is written either")
    {
        setTaskFeedback(*s.db, s.task,
                        {{ClassNote::Praise, QStringLiteral("Theirs"), QStringLiteral("Clear working throughout")}});
        const QString theirs = test::liveContent(*s.db);
        CHECK_THROWS_AS(
            setTaskFeedback(*s.db, s.task,
                            {{ClassNote::Revisit, QStringLiteral("Cole"), QString()},
                             {ClassNote::Praise, QStringLiteral("Mine"), QStringLiteral("Clear working throughout")}}),
            StorageError);
        CHECK(test::liveContent(*s.db) == theirs);
    }
    SECTION("a note too long, or a task no longer in the file, is refused whole")
    {
        const QString was = test::liveContent(*s.db);
        CHECK_THROWS_AS(setTaskFeedback(*s.db, s.task,
                                        {{ClassNote::Revisit, QStringLiteral("Cole"), QString()},
                                         {ClassNote::Literacy, QString(20001, QLatin1Char('x')),
                                          QStringLiteral("numerator, denominator")}}),
                        StorageError);
        CHECK(test::liveContent(*s.db) == was);
        CHECK_THROWS_AS(setTaskFeedback(*s.db, s.task + 99, {{ClassNote::Praise, QStringLiteral("x"), QString()}}),
                        StorageError);
    }
}
