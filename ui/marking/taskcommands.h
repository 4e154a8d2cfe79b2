#pragma once

#include "services/tasksetup.h"

#include <QUndoCommand>

#include <functional>

namespace waymark {

class Database;

// Makes a task ("New task Fractions"), from details or as a copy of another task for a group. Undo
// takes it back (tombstoned, refused once a pupil has been marked for it); redo brings the same row
// back. A first make that fails leaves nothing to undo, and says why through `problem`.
class NewTaskCommand final : public QUndoCommand
{
public:
    NewTaskCommand(Database& db, marking::TaskDetails details, std::function<void(const QString&)> problem);
    // A copy of `fromTaskId` for `groupId`, set on `setOn`.
    NewTaskCommand(Database& db, RowId fromTaskId, RowId groupId, QDate setOn, const QString& title,
                   std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;
    RowId taskId() const { return taskId_; }

private:
    Database& db_;
    marking::TaskDetails details_;
    RowId fromTaskId_ = 0;
    std::function<void(const QString&)> problem_;
    RowId taskId_ = 0;
};

} // namespace waymark
