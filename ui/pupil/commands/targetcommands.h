#pragma once

#include "domain/entities.h"
#include "pupil/commands/changefield.h"

#include <QUndoCommand>

namespace waymark {

class Database;

// Adds a target to a pupil's plan. Undo tombstones it and redo brings the same row back, so a
// target added, undone and redone keeps one identity everywhere it has travelled.
class AddTargetCommand final : public QUndoCommand
{
public:
    AddTargetCommand(Database& db, Target target, const QString& text, ProblemSink problem);
    void redo() override;
    void undo() override;
    RowId targetId() const { return target_.id; }

private:
    Database& db_;
    Target target_;
    ProblemSink problem_;
};

// Removes (tombstones) a target or, undone, brings it back. Nothing is erased.
class RemoveTargetCommand final : public QUndoCommand
{
public:
    RemoveTargetCommand(Database& db, RowId targetId, const QString& text, ProblemSink problem);
    void redo() override;
    void undo() override;

private:
    bool setDeleted(bool deleted);

    Database& db_;
    RowId targetId_;
    ProblemSink problem_;
    bool done_ = false;
};

} // namespace waymark
