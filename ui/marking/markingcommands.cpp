#include "marking/markingcommands.h"

#include "pupil/commands/commandids.h"
#include "storage/storageerror.h"

namespace waymark {

SetMarksCommand::SetMarksCommand(Database& db, RowId taskId, std::vector<marking::MarkChange> changes, QDate today,
                                 const QString& text, std::function<void(const QString&)> problem,
                                 quint64 typingSession)
    : QUndoCommand(text), db_(db), taskId_(taskId), wanted_(std::move(changes)), today_(today),
      problem_(std::move(problem)), typingSession_(typingSession)
{}

bool SetMarksCommand::write(const std::vector<marking::MarkChange>& changes)
{
    try {
        marking::setMarks(db_, taskId_, changes, today_);
        return true;
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        return false;
    }
}

void SetMarksCommand::redo()
{
    if (!done_) {
        done_ = true;
        try {
            made_ = marking::setMarks(db_, taskId_, wanted_, today_);
        } catch (const StorageError& e) {
            if (problem_)
                problem_(e.message());
            setObsolete(true); // nothing was written: nothing to undo, nothing to merge
            return;
        }
        if (made_.empty())
            setObsolete(true); // every mark already held its value
        return;
    }
    write(made_);
}

void SetMarksCommand::undo()
{
    write(marking::inverse(made_));
}

int SetMarksCommand::id() const
{
    return typingSession_ != 0 ? commandid::SetMarks : -1;
}

bool SetMarksCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const SetMarksCommand*>(other);
    // A failed write, another cell or another typing session never merges.
    if (!o || o->isObsolete() || o->typingSession_ != typingSession_ || o->taskId_ != taskId_ || made_.size() != 1 ||
        o->made_.size() != 1)
        return false;
    const marking::Mark& mine = made_.front().mark;
    const marking::Mark& theirs = o->made_.front().mark;
    if (mine.pupilId != theirs.pupilId || mine.field != theirs.field || mine.criterionId != theirs.criterionId)
        return false;
    made_.front().mark.value = theirs.value; // from what this step began with to the newest text
    setObsolete(made_.front().mark.value == made_.front().before);
    return true;
}

} // namespace waymark
