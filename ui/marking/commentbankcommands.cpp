#include "marking/commentbankcommands.h"

#include "domain/fieldlimits.h"
#include "storage/storageerror.h"

#include <QCoreApplication>

namespace waymark {

namespace {
// Runs a write; a refusal is said through `problem` and gives false.
template <typename Write> bool attempt(const std::function<void(const QString&)>& problem, Write&& write)
{
    try {
        write();
        return true;
    } catch (const StorageError& e) {
        if (problem)
            problem(e.message());
        return false;
    }
}

// A comment as an undo text names it: its start, in quotes.
QString quoted(const QString& text)
{
    return QStringLiteral("“%1”").arg(limits::shortened(commentbank::tidiedText(text), 40));
}
} // namespace

AddCommentCommand::AddCommentCommand(Database& db, commentbank::CommentDetails details,
                                     std::function<void(const QString&)> problem)
    : QUndoCommand(QCoreApplication::translate("waymark::AddCommentCommand", "Add %1 to the comment bank")
                       .arg(quoted(details.text))),
      db_(db), details_(std::move(details)), problem_(std::move(problem))
{}

void AddCommentCommand::redo()
{
    const bool first = commentId_ == 0;
    const bool ok = attempt(problem_, [&] {
        if (first)
            commentId_ = commentbank::add(db_, details_);
        else
            commentbank::restore(db_, commentId_);
    });
    if (first && !ok)
        setObsolete(true); // nothing was added: nothing to undo
    else if (first && added_)
        added_(commentId_);
}

void AddCommentCommand::undo()
{
    attempt(problem_, [&] { commentbank::remove(db_, commentId_); });
}

ChangeCommentCommand::ChangeCommentCommand(Database& db, RowId commentId, commentbank::CommentDetails before,
                                           commentbank::CommentDetails after,
                                           std::function<void(const QString&)> problem)
    : QUndoCommand(QCoreApplication::translate("waymark::ChangeCommentCommand", "Change the comment %1")
                       .arg(quoted(before.text))),
      db_(db), commentId_(commentId), before_(std::move(before)), after_(std::move(after)), problem_(std::move(problem))
{}

void ChangeCommentCommand::redo()
{
    if (!done_) {
        done_ = true;
        after_.text = commentbank::tidiedText(after_.text);
        if (after_ == before_ || !attempt(problem_, [&] { commentbank::change(db_, commentId_, after_, &before_); }))
            setObsolete(true);
        return;
    }
    attempt(problem_, [&] { commentbank::change(db_, commentId_, after_, &before_); });
}

void ChangeCommentCommand::undo()
{
    attempt(problem_, [&] { commentbank::change(db_, commentId_, before_, &after_); });
}

RemoveCommentCommand::RemoveCommentCommand(Database& db, RowId commentId, const QString& text,
                                           std::function<void(const QString&)> problem)
    : QUndoCommand(QCoreApplication::translate("waymark::RemoveCommentCommand", "Remove %1 from the comment bank")
                       .arg(quoted(text))),
      db_(db), commentId_(commentId), problem_(std::move(problem))
{}

void RemoveCommentCommand::redo()
{
    if (!write(true) && !done_)
        setObsolete(true);
    done_ = true;
}

void RemoveCommentCommand::undo()
{
    write(false);
}

bool RemoveCommentCommand::write(bool removed)
{
    return attempt(problem_, [&] { commentbank::setRemoved(db_, {commentId_}, removed); });
}

ImportCommentsCommand::ImportCommentsCommand(Database& db, QByteArray bytes,
                                             std::function<void(const QString&)> problem)
    : QUndoCommand(QCoreApplication::translate("waymark::ImportCommentsCommand", "Import comments")), db_(db),
      bytes_(std::move(bytes)), problem_(std::move(problem))
{}

void ImportCommentsCommand::redo()
{
    if (!done_) {
        done_ = true;
        const bool ok = attempt(problem_, [&] { summary_ = commentbank::importCsv(db_, bytes_); });
        bytes_.clear();
        if (ok && imported_)
            imported_(summary_);
        if (!ok || summary_.added.empty()) {
            setObsolete(true);
            return;
        }
        setText(QCoreApplication::translate("waymark::ImportCommentsCommand", "Import %n comment(s)", nullptr,
                                            int(summary_.added.size())));
        return;
    }
    attempt(problem_, [&] { commentbank::setRemoved(db_, summary_.added, false); });
}

void ImportCommentsCommand::undo()
{
    attempt(problem_, [&] { commentbank::setRemoved(db_, summary_.added, true); });
}

AddStarterCommentsCommand::AddStarterCommentsCommand(Database& db, std::function<void(const QString&)> problem)
    : QUndoCommand(QCoreApplication::translate("waymark::AddStarterCommentsCommand", "Add the starter comments")),
      db_(db), problem_(std::move(problem))
{}

void AddStarterCommentsCommand::redo()
{
    if (!done_) {
        done_ = true;
        const bool ok = attempt(problem_, [&] { added_ = commentbank::addStarterBank(db_).added; });
        if (ok && onAdded_)
            onAdded_(added_);
        if (!ok || added_.empty())
            setObsolete(true);
        return;
    }
    attempt(problem_, [&] { commentbank::setRemoved(db_, added_, false); });
}

void AddStarterCommentsCommand::undo()
{
    attempt(problem_, [&] { commentbank::setRemoved(db_, added_, true); });
}

} // namespace waymark
