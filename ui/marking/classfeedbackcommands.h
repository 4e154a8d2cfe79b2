#pragma once

#include "services/classfeedback.h"

#include <QUndoCommand>

#include <functional>
#include <vector>

namespace waymark {

class Database;

// The whole-class notes of a task (praise, misconceptions, spelling and grammar, who to revisit)
// set through the class feedback service as one undo step. Redo writes only over what the teacher
// saw, undo only over what the step left: notes changed since in another window are never
// overwritten, and `problem` says so. A first write that fails leaves nothing on the stack and is
// never merged into a step before it. Typing in one box (`typingSession` not 0) merges into one step.
class SetClassNotesCommand final : public QUndoCommand
{
public:
    SetClassNotesCommand(Database& db, RowId taskId, std::vector<marking::ClassNoteChange> changes, const QString& text,
                         std::function<void(const QString&)> problem, quint64 typingSession = 0);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    // What the step changed (empty before its first redo, or when nothing needed changing).
    const std::vector<marking::ClassNoteChange>& changes() const { return made_; }

private:
    void write(const std::vector<marking::ClassNoteChange>& changes);

    Database& db_;
    RowId taskId_;
    std::vector<marking::ClassNoteChange> wanted_;
    std::vector<marking::ClassNoteChange> made_;
    std::function<void(const QString&)> problem_;
    quint64 typingSession_;
    bool done_ = false;
};

// "Type Praise", "Type Common Misconceptions", ...: the undo step's name for typing in a box.
QString classNoteUndoText(marking::ClassNote note);

} // namespace waymark
