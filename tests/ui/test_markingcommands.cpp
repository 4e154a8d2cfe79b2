// The marking grid's undo step: a filled column is one step and one transaction, typing in one
// feedback cell merges, and a write that failed is neither kept nor merged.
#include "domain/entities.h"
#include "marking/markingcommands.h"
#include "repo/repository.h"
#include "services/marking.h"
#include "services/pupilsetup.h"
#include "services/schoolsetup.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace waymark;
using namespace waymark::marking;

namespace {
const QDate kToday(2026, 11, 30);

struct MarkingSchool
{
    test::TempDir dir;
    std::unique_ptr<Database> db;
    std::vector<RowId> pupils;
    RowId task = 0;

    MarkingSchool()
    {
        const QString path = dir.path(QStringLiteral("school.waymark"));
        setup::createSchoolFile(path, QStringLiteral("Oakfield"));
        db = Database::open(path);
        for (const char* name : {"Emre", "Jo", "Lucja"}) {
            setup::NewPupil p;
            p.legalGivenName = QString::fromLatin1(name);
            p.legalFamilyName = QStringLiteral("Pupil");
            pupils.push_back(setup::addPupil(*db, p, kToday));
        }
        Task t;
        t.title = QStringLiteral("Persuasive letter");
        t.setOn = kToday;
        task = Repository<Task>(*db).insert(t);
    }
    QVariant mark(std::size_t pupil, MarkField field) { return markOf(*db, task, pupils[pupil], field); }
};
} // namespace

TEST_CASE("A filled column is one undo step, undone and redone whole")
{
    MarkingSchool s;
    QUndoStack stack;
    QStringList problems;
    stack.push(new SetMarksCommand(*s.db, s.task,
                                   fill(*s.db, s.task, s.pupils, MarkField::Light, QStringLiteral("green")), kToday,
                                   QStringLiteral("Fill Light"), [&](const QString& m) { problems << m; }));
    CHECK(stack.count() == 1);
    for (std::size_t i = 0; i < 3; ++i)
        CHECK(s.mark(i, MarkField::Light) == QStringLiteral("green"));
    stack.undo();
    for (std::size_t i = 0; i < 3; ++i)
        CHECK(s.mark(i, MarkField::Light) == QString());
    stack.redo();
    CHECK(s.mark(2, MarkField::Light) == QStringLiteral("green"));
    CHECK(problems.isEmpty());
}

TEST_CASE("Typing in one feedback cell is one step, and a keystroke whose write failed is not merged into it")
{
    MarkingSchool s;
    QUndoStack stack;
    QStringList problems;
    const auto type = [&](const QString& before, const QString& after) {
        stack.push(new SetMarksCommand(
            *s.db, s.task, {{Mark{s.pupils[0], MarkField::WhatWentWell, 0, after}, before}}, kToday,
            QStringLiteral("Type What went well"), [&](const QString& m) { problems << m; }, 42));
    };
    type(QString(), QStringLiteral("G"));
    type(QStringLiteral("G"), QStringLiteral("Go"));
    type(QStringLiteral("Go"), QStringLiteral("Good"));
    CHECK(stack.count() == 1);
    CHECK(s.mark(0, MarkField::WhatWentWell) == QStringLiteral("Good"));
    type(QStringLiteral("Good"), QString(30000, QLatin1Char('x'))); // too long: refused, nothing written
    CHECK_FALSE(problems.isEmpty());
    CHECK(stack.count() == 1);
    CHECK(s.mark(0, MarkField::WhatWentWell) == QStringLiteral("Good"));
    problems.clear();
    stack.undo(); // the whole typing, back to nothing, with no complaint
    CHECK(s.mark(0, MarkField::WhatWentWell) == QString());
    CHECK(problems.isEmpty());
    stack.redo();
    CHECK(s.mark(0, MarkField::WhatWentWell) == QStringLiteral("Good"));
}

TEST_CASE("Undo never writes over a mark changed elsewhere since, and says so")
{
    MarkingSchool s;
    QUndoStack stack;
    QStringList problems;
    stack.push(new SetMarksCommand(*s.db, s.task,
                                   fill(*s.db, s.task, s.pupils, MarkField::Light, QStringLiteral("amber")), kToday,
                                   QStringLiteral("Fill Light"), [&](const QString& m) { problems << m; }));
    // Another window turns Jo's light green.
    setMarks(*s.db, s.task,
             {{Mark{s.pupils[1], MarkField::Light, 0, QStringLiteral("green")}, QStringLiteral("amber")}}, kToday);
    stack.undo();
    CHECK_FALSE(problems.isEmpty());
    CHECK(s.mark(1, MarkField::Light) == QStringLiteral("green")); // theirs kept
    CHECK(s.mark(0, MarkField::Light) == QStringLiteral("amber")); // one transaction: nothing undone
}

TEST_CASE("Fill is a parent step with a child per cell, written in one transaction or not at all")
{
    MarkingSchool s;
    QUndoStack stack;
    QStringList problems;
    const auto problem = [&](const QString& m) { problems << m; };
    // Jo already has amber: undoing the fill gives it back.
    setMarks(*s.db, s.task, {{Mark{s.pupils[1], MarkField::Light, 0, QStringLiteral("amber")}, QString()}}, kToday);
    auto* filled = new FillMarksCommand(*s.db, s.task,
                                        fill(*s.db, s.task, s.pupils, MarkField::Light, QStringLiteral("green")),
                                        kToday, QStringLiteral("Fill Light"), problem);
    CHECK(filled->childCount() == 3);
    stack.push(filled);
    CHECK(stack.count() == 1);
    CHECK(filled->cellsChanged() == 3);
    for (std::size_t i = 0; i < 3; ++i)
        CHECK(s.mark(i, MarkField::Light) == QStringLiteral("green"));
    stack.undo();
    CHECK(s.mark(0, MarkField::Light) == QString());
    CHECK(s.mark(1, MarkField::Light) == QStringLiteral("amber"));
    CHECK(s.mark(2, MarkField::Light) == QString());
    stack.redo();
    CHECK(s.mark(2, MarkField::Light) == QStringLiteral("green"));
    CHECK(problems.isEmpty());

    SECTION("one cell changed elsewhere: nothing of the fill is written, and no step is kept")
    {
        std::vector<MarkChange> changes = fill(*s.db, s.task, s.pupils, MarkField::Light, QStringLiteral("red"));
        changes[2].before = QString(); // the teacher saw no light for Lucja, but green is stored
        const QString before = test::liveContent(*s.db);
        stack.push(new FillMarksCommand(*s.db, s.task, changes, kToday, QStringLiteral("Fill Light"), problem));
        CHECK(test::liveContent(*s.db) == before); // the first two cells were rolled back with the third
        CHECK(stack.count() == 1);                 // only the earlier fill
        CHECK(problems.size() == 1);
    }
}
