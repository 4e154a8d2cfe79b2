#include "pupil/commands/targetcommands.h"

#include "repo/repository.h"
#include "storage/database.h"
#include "storage/storageerror.h"

#include <QCoreApplication>

namespace waymark {

bool sameTargetContent(const Target& a, const Target& b)
{
    return a.area == b.area && a.text == b.text && a.successMeasure == b.successMeasure && a.support == b.support &&
           a.setOn == b.setOn && a.reviewBy == b.reviewBy && a.status == b.status && a.agreedWith == b.agreedWith;
}

namespace {
StorageError changedElsewhere(const QString& step)
{
    return StorageError(StorageError::Kind::Invalid,
                        QCoreApplication::translate("waymark::ChangeField",
                                                    "“%1” was not undone or redone: this was changed elsewhere since, "
                                                    "and that newer change was kept.")
                            .arg(step));
}
} // namespace

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
        Repository<Target> targets(db_);
        // This window's later edits of it have been undone by now: anything else is someone else's.
        if (const std::optional<Target> now = targets.find(target_.id); now && !sameTargetContent(*now, target_))
            throw changedElsewhere(text());
        targets.setDeleted(target_.id, true);
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
        Repository<Target> targets(db_);
        if (deleted) {
            const std::optional<Target> now = targets.find(targetId_);
            if (removed_ && now && !sameTargetContent(*now, *removed_))
                throw changedElsewhere(text());
            if (!removed_)
                removed_ = now;
        }
        targets.setDeleted(targetId_, deleted);
        return true;
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        return false;
    }
}

} // namespace waymark
