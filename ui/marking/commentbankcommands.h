#pragma once

#include "services/commentbank.h"

#include <QByteArray>
#include <QUndoCommand>

#include <functional>
#include <vector>

namespace waymark {

class Database;

// The comment bank's changes as undo steps, each through core/services/commentbank.h. A change
// that is refused is said through `problem`; a first write that fails (or changes nothing) leaves
// the command obsolete, so the stack drops it. Removing tombstones, so undo brings back the very
// same rows.

// Adds a comment ("Add “Well done…” to the comment bank"). Undo removes it; redo brings it back.
class AddCommentCommand final : public QUndoCommand
{
public:
    AddCommentCommand(Database& db, commentbank::CommentDetails details, std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;
    RowId commentId() const { return commentId_; }
    // Called once, when the comment is first added (the command may be gone after push() if not).
    void onAdded(std::function<void(RowId)> added) { added_ = std::move(added); }

private:
    Database& db_;
    commentbank::CommentDetails details_;
    std::function<void(const QString&)> problem_;
    std::function<void(RowId)> added_;
    RowId commentId_ = 0;
};

// Changes a comment's text (or category or subject), written only over what this command found
// (redo) or left (undo): a change made since in another window is kept, and `problem` says so.
class ChangeCommentCommand final : public QUndoCommand
{
public:
    ChangeCommentCommand(Database& db, RowId commentId, commentbank::CommentDetails before,
                         commentbank::CommentDetails after, std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;

private:
    Database& db_;
    RowId commentId_;
    commentbank::CommentDetails before_;
    commentbank::CommentDetails after_;
    std::function<void(const QString&)> problem_;
    bool done_ = false;
};

// Removes a comment from the bank ("Remove “…” from the comment bank"); undo brings it back.
class RemoveCommentCommand final : public QUndoCommand
{
public:
    RemoveCommentCommand(Database& db, RowId commentId, const QString& text,
                         std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;

private:
    bool write(bool removed);

    Database& db_;
    RowId commentId_;
    std::function<void(const QString&)> problem_;
    bool done_ = false;
};

// Merges a bank's CSV file ("Import 34 comments"): one step, however many rows. Undo removes
// exactly the comments it added; redo brings them back. Obsolete when nothing was added (every
// comment already there, or a file with problems: summary() says which).
class ImportCommentsCommand final : public QUndoCommand
{
public:
    ImportCommentsCommand(Database& db, QByteArray bytes, std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;
    const commentbank::ImportSummary& summary() const { return summary_; }
    // Called once, after the file was read (the stack deletes an obsolete command on push()).
    void onImported(std::function<void(const commentbank::ImportSummary&)> imported)
    {
        imported_ = std::move(imported);
    }

private:
    Database& db_;
    QByteArray bytes_;
    std::function<void(const QString&)> problem_;
    std::function<void(const commentbank::ImportSummary&)> imported_;
    commentbank::ImportSummary summary_;
    bool done_ = false;
};

// Adds the starter comments the bank lacks ("Add the starter comments"); undo removes exactly
// those. Obsolete when there were none to add.
class AddStarterCommentsCommand final : public QUndoCommand
{
public:
    AddStarterCommentsCommand(Database& db, std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;
    const std::vector<RowId>& added() const { return added_; }
    // Called once, with what was added (nothing: the command is obsolete and gone after push()).
    void onAdded(std::function<void(const std::vector<RowId>&)> added) { onAdded_ = std::move(added); }

private:
    Database& db_;
    std::function<void(const QString&)> problem_;
    std::function<void(const std::vector<RowId>&)> onAdded_;
    std::vector<RowId> added_;
    bool done_ = false;
};

} // namespace waymark
