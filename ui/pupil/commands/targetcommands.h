#pragma once

#include "domain/entities.h"
#include "pupil/commands/changefield.h"

#include <QUndoCommand>

#include <optional>

namespace waymark {

class Database;

// Adds a target to a pupil's plan. Undo tombstones it and redo brings the same row back, so a
// target added, undone and redone keeps one identity everywhere it has travelled. Undo refuses (and
// says so) if the target was changed elsewhere since: someone else's words are never taken away.
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

// True if two versions of a target say the same (its words, dates, status and who agreed it).
bool sameTargetContent(const Target& a, const Target& b);

// Removes (tombstones) a target or, undone, brings it back. Nothing is erased. Redone, it refuses if
// the target was changed elsewhere meanwhile.
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
    std::optional<Target> removed_; // as it was when first removed
};

} // namespace waymark
