#pragma once

#include "domain/entity.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace waymark {

class Database;

// The marking workflow's tasks: a piece of work set for a group, with its learning intention, its
// ordered success criteria and the scale it is graded on. Made from scratch or as a copy of an
// earlier task (for another class too); each change is one transaction.
namespace marking {

struct TaskDetails
{
    RowId groupId = 0;
    std::optional<RowId> subjectId; // empty: the group's subject
    QString title;
    QDate setOn;
    QString learningIntention;
    QStringList criteria;         // in order; empty lines are dropped
    std::optional<RowId> scaleId; // empty: traffic lights only (or marks, below)
    std::optional<int> marksOutOf; // marks out of N (1 to 200): graded on the scale "Marks out of N"
    std::optional<RowId> setById; // empty: whoever "This is me" names on this computer
};

struct TaskSummary
{
    RowId id = 0;
    QString title;
    RowId groupId = 0;
    QString group;
    QString subject;
    QDate setOn;
    int criteria = 0;
    int marked = 0; // pupils with a record of the task
};

// One sentence per problem: a title and a group are needed, the group, subject, scale and teacher
// must be in the file, no text longer than it may be.
QStringList problemsWithTask(Database& db, const TaskDetails& details);

// The scale of marks 0 to `outOf`, made the first time a task is marked out of that number.
RowId marksScale(Database& db, int outOf);

// Makes the task and its criteria in one transaction. Throws StorageError with the problems.
RowId createTask(Database& db, const TaskDetails& details);

// A copy of a task, its intention, criteria and scale, for `groupId` (the same group or another)
// set on `setOn`: no marks are copied.
RowId duplicateTask(Database& db, RowId taskId, RowId groupId, QDate setOn);

// Takes back a task made by mistake (an undone "New task"), or brings it back: tombstoned with its
// criteria, never erased. Refused once a pupil has been marked for it.
void setTaskWithdrawn(Database& db, RowId taskId, bool withdrawn);

// Tasks of a group (or of every group), newest first.
std::vector<TaskSummary> tasksOf(Database& db, std::optional<RowId> groupId = std::nullopt);

} // namespace marking
} // namespace waymark
