#include "pupil/commands/targetcommands.h"

#include "repo/repository.h"
#include "storage/database.h"
#include "storage/storageerror.h"

namespace waymark {

AddTargetCommand::AddTargetCommand(Database& db, Target target, const QString& text, ProblemSink problem)
    : QUndoCommand(text)
    , db_(db)
    , target_(std::move(target))
    , problem_(std::move(problem))
{
}

void AddTargetCommand::redo()
{
    try {
        Repository<Target> targets(db_);
        if (target_.id == 0)
            targets.insert(target_);
        else
            targets.setDeleted(target_.id, false);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        if (target_.id == 0)
            setObsolete(true);
    }
}

void AddTargetCommand::undo()
{
    try {
        Repository<Target>(db_).setDeleted(target_.id, true);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
    }
}

RemoveTargetCommand::RemoveTargetCommand(Database& db, RowId targetId, const QString& text, ProblemSink problem)
    : QUndoCommand(text)
    , db_(db)
    , targetId_(targetId)
    , problem_(std::move(problem))
{
}

void RemoveTargetCommand::redo()
{
    if (!setDeleted(true) && !done_)
        setObsolete(true);
    done_ = true;
}

void RemoveTargetCommand::undo()
{
    setDeleted(false);
}

bool RemoveTargetCommand::setDeleted(bool deleted)
{
    try {
        Repository<Target>(db_).setDeleted(targetId_, deleted);
        return true;
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        return false;
    }
}

} // namespace waymark
