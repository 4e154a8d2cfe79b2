#include "marking/markingcommands.h"

#include "pupil/commands/commandids.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

namespace waymark {

SetMarksCommand::SetMarksCommand(Database& db, RowId taskId, std::vector<marking::MarkChange> changes, QDate today,
                                 const QString& text, std::function<void(const QString&)> problem,
                                 quint64 typingSession)
    : QUndoCommand(text), db_(db), taskId_(taskId), wanted_(std::move(changes)), today_(today),
      problem_(std::move(problem)), typingSession_(typingSession)
{}

SetMarksCommand::SetMarksCommand(QUndoCommand* parent, Database& db, RowId taskId, marking::MarkChange change,
                                 QDate today, std::function<void(const QString&)> problem)
    : QUndoCommand(parent), db_(db), taskId_(taskId), wanted_({std::move(change)}), today_(today),
      problem_(std::move(problem)), typingSession_(0)
{}

bool SetMarksCommand::write(const std::vector<marking::MarkChange>& changes)
{
    try {
        marking::setMarks(db_, taskId_, changes, today_);
        succeeded_ = true;
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        succeeded_ = false;
    }
    return succeeded_;
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
            succeeded_ = false;
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

FillMarksCommand::FillMarksCommand(Database& db, RowId taskId, const std::vector<marking::MarkChange>& changes,
                                   QDate today, const QString& text, std::function<void(const QString&)> problem)
    : QUndoCommand(text), db_(db), problem_(problem)
{
    for (const marking::MarkChange& change : changes)
        cells_.push_back(new SetMarksCommand(this, db, taskId, change, today, problem));
}

bool FillMarksCommand::runAll(bool forward)
{
    try {
        Transaction transaction(db_);
        if (forward) {
            for (SetMarksCommand* cell : cells_) {
                cell->redo();
                if (!cell->succeeded())
                    return false; // rolled back: nothing of the fill is written
            }
        } else {
            for (auto it = cells_.rbegin(); it != cells_.rend(); ++it) {
                (*it)->undo();
                if (!(*it)->succeeded())
                    return false;
            }
        }
        transaction.commit();
        return true;
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message()); // the transaction could not begin or commit
        return false;
    }
}

void FillMarksCommand::redo()
{
    const bool first = !done_;
    done_ = true;
    if (!runAll(true) && first)
        setObsolete(true);
    else if (first && cellsChanged() == 0)
        setObsolete(true); // every cell already held the value
}

void FillMarksCommand::undo()
{
    runAll(false);
}

std::size_t FillMarksCommand::cellsChanged() const
{
    std::size_t n = 0;
    for (const SetMarksCommand* cell : cells_)
        n += cell->changes().size();
    return n;
}

AddFilesCommand::AddFilesCommand(Database& db, RowId taskId, RowId pupilId, std::vector<Source> sources, QDate today,
                                 const QString& text, std::function<void(const QString&)> problem)
    : QUndoCommand(text), db_(db), taskId_(taskId), pupilId_(pupilId), sources_(std::move(sources)), today_(today),
      problem_(std::move(problem))
{}

void AddFilesCommand::redo()
{
    if (!added_.empty()) {
        setRemoved(false);
        return;
    }
    try {
        Transaction transaction(db_);
        std::vector<marking::AddedFile> added;
        for (const Source& s : sources_)
            added.push_back(s.path.isEmpty() ? marking::attachBytes(db_, taskId_, pupilId_, s.bytes, s.fileName,
                                                                    s.mediaType, today_)
                                             : marking::attachFile(db_, taskId_, pupilId_, s.path, today_));
        transaction.commit();
        added_ = std::move(added);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        setObsolete(true); // nothing was added
    }
    sources_.clear(); // the content is in the file now: a pasted picture is not kept twice
}

void AddFilesCommand::undo()
{
    setRemoved(true);
}

void AddFilesCommand::setRemoved(bool removed)
{
    try {
        Transaction transaction(db_);
        for (const marking::AddedFile& f : added_)
            marking::setFileRemoved(db_, f.fileId, removed);
        transaction.commit();
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
    }
}

} // namespace waymark
