#include "marking/taskcommands.h"

#include "storage/storageerror.h"

#include <QCoreApplication>

namespace waymark {

NewTaskCommand::NewTaskCommand(Database& db, marking::TaskDetails details, std::function<void(const QString&)> problem)
    : QUndoCommand(QCoreApplication::translate("waymark::NewTaskCommand", "New task %1").arg(details.title.simplified())),
      db_(db), details_(std::move(details)), problem_(std::move(problem))
{}

NewTaskCommand::NewTaskCommand(Database& db, RowId fromTaskId, RowId groupId, QDate setOn, const QString& title,
                               std::function<void(const QString&)> problem)
    : QUndoCommand(QCoreApplication::translate("waymark::NewTaskCommand", "Copy task %1").arg(title)), db_(db),
      fromTaskId_(fromTaskId), problem_(std::move(problem))
{
    details_.groupId = groupId;
    details_.setOn = setOn;
}

void NewTaskCommand::redo()
{
    try {
        if (taskId_ == 0)
            taskId_ = fromTaskId_ ? marking::duplicateTask(db_, fromTaskId_, details_.groupId, details_.setOn)
                                  : marking::createTask(db_, details_);
        else
            marking::setTaskWithdrawn(db_, taskId_, false);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        if (taskId_ == 0)
            setObsolete(true); // nothing was made: nothing to undo
    }
}

void NewTaskCommand::undo()
{
    try {
        marking::setTaskWithdrawn(db_, taskId_, true);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
    }
}

} // namespace waymark
