#include "marking/classfeedbackcommands.h"

#include "pupil/commands/commandids.h"
#include "storage/storageerror.h"

#include <QCoreApplication>

namespace waymark {

SetClassNotesCommand::SetClassNotesCommand(Database& db, RowId taskId, std::vector<marking::ClassNoteChange> changes,
                                           const QString& text, std::function<void(const QString&)> problem,
                                           quint64 typingSession)
    : QUndoCommand(text), db_(db), taskId_(taskId), wanted_(std::move(changes)), problem_(std::move(problem)),
      typingSession_(typingSession)
{}

void SetClassNotesCommand::write(const std::vector<marking::ClassNoteChange>& changes)
{
    try {
        marking::setTaskFeedback(db_, taskId_, changes);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
    }
}

void SetClassNotesCommand::redo()
{
    if (!done_) {
        done_ = true;
        try {
            made_ = marking::setTaskFeedback(db_, taskId_, wanted_);
        } catch (const StorageError& e) {
            if (problem_)
                problem_(e.message());
            setObsolete(true); // nothing was written: nothing to undo, nothing to merge
            return;
        }
        if (made_.empty())
            setObsolete(true); // every note already held its text
        return;
    }
    write(made_);
}

void SetClassNotesCommand::undo()
{
    write(marking::inverse(made_));
}

int SetClassNotesCommand::id() const
{
    return typingSession_ != 0 ? commandid::ClassNotes : -1;
}

bool SetClassNotesCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const SetClassNotesCommand*>(other);
    // A failed write, another box, another task or another typing session never merges.
    if (!o || o->isObsolete() || o->typingSession_ != typingSession_ || o->taskId_ != taskId_ || made_.size() != 1 ||
        o->made_.size() != 1 || o->made_.front().note != made_.front().note)
        return false;
    made_.front().value = o->made_.front().value; // from what this step began with to the newest text
    setObsolete(made_.front().value == made_.front().before);
    return true;
}

QString classNoteUndoText(marking::ClassNote note)
{
    switch (note) {
    case marking::ClassNote::Praise:
        return QCoreApplication::translate("ClassFeedback", "Type Praise");
    case marking::ClassNote::Misconceptions:
        return QCoreApplication::translate("ClassFeedback", "Type Common Misconceptions");
    case marking::ClassNote::Literacy:
        return QCoreApplication::translate("ClassFeedback", "Type Spelling and Grammar");
    case marking::ClassNote::Revisit:
        break;
    }
    return QCoreApplication::translate("ClassFeedback", "Type Pupils to Revisit");
}

} // namespace waymark
