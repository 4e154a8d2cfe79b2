#pragma once

#include "domain/entity.h"
#include "services/marksheet.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace waymark {

class Database;

// Whole-class feedback for a task: what the marks say about the class (counts per traffic light
// and per success criterion, who to revisit and who to praise), worked out from the mark sheet
// alone, and the teacher's own notes for the class (praise, common misconceptions, spelling and
// grammar to work on, notes on who to revisit), kept one set per task.
namespace marking {

// A pupil on the sheet has been marked when any of the teacher's marks is given: a traffic light,
// a grade, a judgement on a criterion, or any of the three parts of feedback.
bool isMarked(const SheetRow& row);

struct CriterionCounts
{
    RowId criterionId = 0;
    QString text;
    int met = 0;
    int partly = 0;
    int notYet = 0;
    int none = 0; // no judgement given
};

// A pupil in a list, and why they are in it (one short sentence per reason).
struct PupilNote
{
    RowId pupilId = 0;
    QString name;
    QStringList reasons;
    bool left = false; // has left the school or the group since (SheetRow::left)
};

struct ClassSummary
{
    int pupils = 0; // rows on the sheet: the group's members and anyone marked for the task
    int marked = 0; // of them, marked (isMarked)
    int red = 0;
    int amber = 0;
    int green = 0;
    int noLight = 0;
    std::vector<CriterionCounts> criteria; // in the task's order
    // Pupils to revisit: a red light, or any criterion judged "not yet". The reasons name the red
    // light and each criterion not yet met.
    std::vector<PupilNote> revisit;
    // Pupils to praise: a green light with every criterion met (a task without criteria: a green
    // light alone). Nobody is in both lists.
    std::vector<PupilNote> praise;
};

// The counts and lists of a sheet, in its order (family name). Every row is counted and listed,
// pupils who have left the school or the group since too (an old task's class may all have), with
// PupilNote::left set.
ClassSummary classSummary(const MarkSheet& sheet);

// The teacher's notes for the class, as typed.
enum class ClassNote {
    Praise,
    Misconceptions,
    Literacy, // spelling and grammar to work on
    Revisit,  // who to revisit and why, in the teacher's words
};

struct ClassNotes
{
    QString praise;
    QString misconceptions;
    QString literacy;
    QString revisit;

    const QString& operator[](ClassNote note) const;
    QString& operator[](ClassNote note);
    bool operator==(const ClassNotes&) const = default;
};

// A note to set and the text it must replace: what the teacher saw.
struct ClassNoteChange
{
    ClassNote note = ClassNote::Praise;
    QString value;
    QString before;
};

// The task's notes (all empty when none were written, or the task is not in the file).
ClassNotes taskFeedback(Database& db, RowId taskId);

// Sets the notes in one transaction: each where the stored text still equals its `before`, else
// nothing at all is written and StorageError(Kind::Invalid) says the notes were changed elsewhere.
// Notes that already hold their text are skipped; a text longer than limits::kText, or a task no
// longer in the file, is refused. Returns the changes made (each `before` being what it replaced),
// so that inverse() of them is the undo.
std::vector<ClassNoteChange> setTaskFeedback(Database& db, RowId taskId, const std::vector<ClassNoteChange>& changes);

// The changes that put back what `changes` replaced (in reverse order).
std::vector<ClassNoteChange> inverse(const std::vector<ClassNoteChange>& changes);

} // namespace marking
} // namespace waymark
