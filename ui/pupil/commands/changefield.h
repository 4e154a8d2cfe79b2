#pragma once

#include "pupil/commands/commandids.h"
#include "repo/repository.h"
#include "storage/database.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <functional>
#include <utility>

namespace waymark {

// Reports a write that failed, in a sentence for the teacher.
using ProblemSink = std::function<void(const QString& message)>;

// Changes one field of one stored row (after Tiled's ChangeValue). The row is read afresh before
// every write, so undoing a field never overwrites other fields changed since. Consecutive edits
// of the same field in one typing session merge into a single undo step.
template <class T, class V> class ChangeField final : public QUndoCommand
{
public:
    // typingSession: 0 for a one-off change; otherwise edits with the same value merge.
    ChangeField(Database& db, RowId rowId, V T::*member, V oldValue, V newValue, const QString& text,
                quint64 typingSession, ProblemSink problem)
        : QUndoCommand(text)
        , db_(db)
        , rowId_(rowId)
        , member_(member)
        , old_(std::move(oldValue))
        , new_(std::move(newValue))
        , typingSession_(typingSession)
        , problem_(std::move(problem))
    {
    }

    void redo() override
    {
        // A first write that fails leaves nothing to undo: the stack drops an obsolete command.
        if (!write(new_, old_) && !done_)
            setObsolete(true);
        done_ = true;
    }

    void undo() override { write(old_, new_); }

    int id() const override { return typingSession_ != 0 ? commandid::ChangeField : -1; }

    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* o = dynamic_cast<const ChangeField*>(other);
        // An edit whose write failed wrote nothing: taking its value would make this step's undo
        // expect, and its redo write, a value that was never saved. The stack drops it instead.
        if (!o || o->isObsolete() || o->rowId_ != rowId_ || o->member_ != member_ ||
            o->typingSession_ != typingSession_)
            return false;
        new_ = o->new_;
        // Typing back to where it started leaves no step at all.
        setObsolete(new_ == old_);
        return true;
    }

    RowId rowId() const { return rowId_; }

private:
    // Writes value where the field still holds expected. If it holds something else, someone changed
    // it elsewhere since: an undo or redo then never writes a stale value over theirs, and says so.
    bool write(const V& value, const V& expected)
    {
        try {
            Repository<T> repo(db_);
            std::optional<T> row = repo.findAny(rowId_);
            if (!row)
                throw StorageError(StorageError::Kind::Invalid,
                                   QCoreApplication::translate("waymark::ChangeField",
                                                               "That record is no longer in this school file."));
            if (!((*row).*member_ == expected) && !((*row).*member_ == value))
                throw StorageError(StorageError::Kind::Invalid,
                                   QCoreApplication::translate("waymark::ChangeField",
                                                               "“%1” was not undone or redone: this was changed "
                                                               "elsewhere since, and that newer change was kept.")
                                       .arg(text()));
            (*row).*member_ = value;
            repo.update(*row);
            return true;
        } catch (const StorageError& e) {
            if (problem_)
                problem_(e.message());
            return false;
        }
    }

    Database& db_;
    RowId rowId_;
    V T::*member_;
    V old_;
    V new_;
    quint64 typingSession_;
    ProblemSink problem_;
    bool done_ = false;
};

} // namespace waymark
