#pragma once

#include "domain/entities.h"
#include "pupil/commands/changefield.h"
#include "records/pupilrecord.h"
#include "repo/repository.h"
#include "services/schoolsession.h"

#include <QObject>
#include <QPointer>
#include <QUndoStack>

#include <memory>
#include <optional>
#include <type_traits>

namespace waymark {

// The pupil page's one way to change stored data: every edit becomes an undo command on the
// window's stack, and a write that fails is reported through problem() instead of thrown.
class PupilEditor final : public QObject
{
    Q_OBJECT

public:
    PupilEditor(SchoolSession& session, QUndoStack& undo, QObject* parent = nullptr);

    SchoolSession& session() { return *session_; }
    Database& db() { return session_->db(); }
    QUndoStack& undoStack() { return undo_; }
    // False once the session has closed or detach() was called: every edit is then refused
    // quietly, so widgets being torn down after the file has closed cannot touch it.
    bool isAttached() const { return session_ && !detached_; }
    void detach() { detached_ = true; }

    // Each pushes a ChangeField command unless the value is already stored. Returns true if the
    // value is now stored, false if the write failed (problem() has said why).
    // undoText names the step in the Edit menu ("Change pronouns").
    template <class V>
    bool changePupil(RowId pupilId, V Pupil::*member, V value, const QString& undoText, quint64 typingSession = 0,
                     std::optional<std::type_identity_t<V>> base = std::nullopt)
    {
        return change<Pupil>(pupilId, member, std::move(value), undoText, typingSession, std::move(base));
    }
    template <class V>
    bool changePlan(RowId pupilId, V LearningPlan::*member, V value, const QString& undoText,
                    quint64 typingSession = 0, std::optional<std::type_identity_t<V>> base = std::nullopt);
    template <class V>
    bool changeTarget(RowId targetId, V Target::*member, V value, const QString& undoText,
                      std::optional<std::type_identity_t<V>> base = std::nullopt)
    {
        return change<Target>(targetId, member, std::move(value), undoText, 0, std::move(base));
    }

    // Adds a target at the end of the pupil's plan; returns its id, or 0 if it could not be added.
    RowId addTarget(Target target);
    bool removeTarget(RowId targetId);

Q_SIGNALS:
    void problem(const QString& message);
    // Something the teacher should know that is not a failure (an edit made over a change from
    // elsewhere, saved with the other version kept in history).
    void notice(const QString& message);

private:
    template <class T, class V>
    bool change(RowId rowId, V T::*member, V value, const QString& text, quint64 typingSession,
                std::optional<std::type_identity_t<V>> base = std::nullopt);
    ProblemSink problemSink();

    QPointer<SchoolSession> session_;
    QUndoStack& undo_;
    bool detached_ = false;
    bool writeFailed_ = false;
};

template <class T, class V>
bool PupilEditor::change(RowId rowId, V T::*member, V value, const QString& text, quint64 typingSession,
                         std::optional<std::type_identity_t<V>> base)
{
    if (!isAttached())
        return false;
    std::optional<T> row;
    try {
        row = Repository<T>(db()).find(rowId);
    } catch (const StorageError& e) {
        Q_EMIT problem(e.message());
        return false;
    }
    if (!row) {
        Q_EMIT problem(tr("That record is no longer in this school file."));
        return false;
    }
    if ((*row).*member == value)
        return true;
    // The edit started from a value the file no longer holds: someone changed it elsewhere (another
    // window or computer) meanwhile. The teacher's newer typing is saved and the other version is
    // kept in history, as every overwritten value is; they are told, never silently.
    const bool changedElsewhere = base && !(*base == (*row).*member);
    writeFailed_ = false;
    // A failed first write reports through the sink and leaves the stack as it was.
    undo_.push(new ChangeField<T, V>(db(), rowId, member, (*row).*member, std::move(value), text, typingSession,
                                     problemSink()));
    if (changedElsewhere && !writeFailed_)
        Q_EMIT notice(tr("This was changed elsewhere while you were editing it (“%1”). Your version has been "
                         "saved, and the other one is kept in the history.")
                          .arg(text));
    return !writeFailed_;
}

template <class V>
bool PupilEditor::changePlan(RowId pupilId, V LearningPlan::*member, V value, const QString& undoText,
                             quint64 typingSession, std::optional<std::type_identity_t<V>> base)
{
    if (!isAttached())
        return false;
    RowId planId = 0;
    try {
        // The first words of a plan need a row to go into; an empty row is not worth an undo step.
        planId = ensureLearningPlan(db(), pupilId);
    } catch (const StorageError& e) {
        Q_EMIT problem(e.message());
        return false;
    }
    return change<LearningPlan>(planId, member, std::move(value), undoText, typingSession, std::move(base));
}

} // namespace waymark
