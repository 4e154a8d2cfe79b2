#pragma once

#include "services/marking.h"
#include "services/markfiles.h"

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
    // A child of a FillMarksCommand: one cell of the fill.
    SetMarksCommand(QUndoCommand* parent, Database& db, RowId taskId, marking::MarkChange change, QDate today,
                    std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    // What the step changed (empty before its first redo, or when nothing needed changing).
    const std::vector<marking::MarkChange>& changes() const { return made_; }
    // False when its last redo or undo could not be written.
    bool succeeded() const { return succeeded_; }

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
    bool succeeded_ = true;
};

// Many cells given one value (fill down, fill a selection): a parent command with a SetMarksCommand
// child per cell, all written in one transaction and undone as one step. If any cell cannot be
// written (changed elsewhere since) nothing is, the teacher is told why, and nothing is left on the
// undo stack.
class FillMarksCommand final : public QUndoCommand
{
public:
    FillMarksCommand(Database& db, RowId taskId, const std::vector<marking::MarkChange>& changes, QDate today,
                     const QString& text, std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;

    // The cells the fill changed (those that already held the value are left out).
    std::size_t cellsChanged() const;

private:
    bool runAll(bool forward);

    Database& db_;
    std::vector<SetMarksCommand*> cells_; // owned as children
    std::function<void(const QString&)> problem_;
    bool done_ = false;
};

// Files added to a pupil's record of a task ("Add 2 files for Sam"): from paths (a file dialog, a
// drop on the grid) or a pasted picture. All in one transaction and one undo step; undo sets them
// aside, redo brings the same files back. A first add that fails (a file over the limit) adds
// nothing and leaves nothing on the stack.
class AddFilesCommand final : public QUndoCommand
{
public:
    struct Source
    {
        QString path;      // a file on disk, or
        QByteArray bytes;  // content in memory,
        QString fileName;  // named so,
        QString mediaType; // of this kind
    };

    AddFilesCommand(Database& db, RowId taskId, RowId pupilId, std::vector<Source> sources, QDate today,
                    const QString& text, std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;
    const std::vector<marking::AddedFile>& added() const { return added_; }

private:
    void setRemoved(bool removed);

    Database& db_;
    RowId taskId_;
    RowId pupilId_;
    std::vector<Source> sources_;
    QDate today_;
    std::function<void(const QString&)> problem_;
    std::vector<marking::AddedFile> added_;
};

} // namespace waymark
