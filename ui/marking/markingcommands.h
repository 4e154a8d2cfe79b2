#pragma once

#include "services/marking.h"

#include <QDate>
#include <QUndoCommand>

#include <functional>
#include <vector>

namespace waymark {

class Database;

// Marks set through the marking service as one undo step: one cell, or a filled column or
// selection (one transaction whatever its size). Redo writes only over what was there before the
// step, undo only over what the step left: a mark changed since in another window is never
// overwritten, and `problem` says so. A first write that fails leaves nothing on the stack, and is
// never merged into a step before it. Typing in one feedback cell (`typingSession` not 0) merges
// into one step.
class SetMarksCommand final : public QUndoCommand
{
public:
    SetMarksCommand(Database& db, RowId taskId, std::vector<marking::MarkChange> changes, QDate today,
                    const QString& text, std::function<void(const QString&)> problem, quint64 typingSession = 0);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    // What the step changed (empty before its first redo, or when nothing needed changing).
    const std::vector<marking::MarkChange>& changes() const { return made_; }

private:
    bool write(const std::vector<marking::MarkChange>& changes);

    Database& db_;
    RowId taskId_;
    std::vector<marking::MarkChange> wanted_;
    std::vector<marking::MarkChange> made_;
    QDate today_;
    std::function<void(const QString&)> problem_;
    quint64 typingSession_;
    bool done_ = false;
};

} // namespace waymark
