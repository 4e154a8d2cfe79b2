#include "pupil/pupileditor.h"

#include "pupil/commands/targetcommands.h"
#include "records/pupilrecord.h"

#include <QPointer>

namespace waymark {

PupilEditor::PupilEditor(SchoolSession& session, QUndoStack& undo, QObject* parent)
    : QObject(parent)
    , session_(&session)
    , undo_(undo)
{
}

ProblemSink PupilEditor::problemSink()
{
    // Commands outlive this call (they sit on the stack), so they hold a guarded pointer.
    return [self = QPointer<PupilEditor>(this)](const QString& message) {
        if (!self)
            return;
        self->writeFailed_ = true;
        Q_EMIT self->problem(message);
    };
}

RowId PupilEditor::addTarget(Target target)
{
    if (!isAttached())
        return 0;
    try {
        if (target.position == 0)
            target.position = nextTargetPosition(db(), target.pupilId);
    } catch (const StorageError& e) {
        Q_EMIT problem(e.message());
        return 0;
    }
    writeFailed_ = false;
    auto* command = new AddTargetCommand(db(), std::move(target), tr("Add target"), problemSink());
    undo_.push(command);
    // The stack owns the command; on success it is the newest one and still alive.
    if (writeFailed_)
        return 0;
    return command->targetId();
}

bool PupilEditor::removeTarget(RowId targetId)
{
    if (!isAttached())
        return false;
    writeFailed_ = false;
    undo_.push(new RemoveTargetCommand(db(), targetId, tr("Remove target"), problemSink()));
    return !writeFailed_;
}

} // namespace waymark
