// The app's Marking menu: New Task… and Copy Task…, each one undo step, then the task's grid.
#include "app/appcontroller.h"
#include "app/schooldocument.h"
#include "group/grouppage.h"
#include "marking/markingpage.h"
#include "marking/taskcommands.h"
#include "marking/taskdialog.h"
#include "services/marksheet.h"
#include "services/schoolsession.h"
#include "shell/mainwindow.h"

#include <QStackedWidget>
#include <QUndoStack>

namespace waymark {

void AppController::newTask()
{
    RowId group = 0;
    if (window_->pages()->currentWidget() == window_->groupPage())
        group = window_->groupPage()->groupId();
    if (MarkingPage* page = window_->markingPage(); page && page->isVisible() && page->taskId() != 0) {
        if (const auto sheet = marking::markSheet(document_->session()->db(), page->taskId()))
            group = sheet->groupId;
    }
    makeTask(group, 0);
}

void AppController::copyTask()
{
    MarkingPage* page = window_->markingPage();
    if (!page || page->taskId() == 0)
        return;
    const auto sheet = marking::markSheet(document_->session()->db(), page->taskId());
    makeTask(sheet ? sheet->groupId : 0, page->taskId());
}

void AppController::makeTask(RowId groupId, RowId copyOf)
{
    SchoolSession* session = document_->session();
    if (!session || session->isReadOnly())
        return;
    if (MarkingPage* page = window_->markingPage())
        page->commitPendingEdits();
    TaskDialog dialog(session->db(), groupId, document_->today(), window_.get(), copyOf);
    dialog.setObjectName(QStringLiteral("taskDialog"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const marking::TaskDetails details = dialog.details();
    NewTaskCommand* command = nullptr;
    if (copyOf) {
        const std::optional<marking::MarkSheet> source = marking::markSheet(session->db(), copyOf);
        if (!source) {
            problemReporter()(tr("That task is no longer in this school file, so it was not copied."));
            return;
        }
        command = new NewTaskCommand(session->db(), copyOf, details.groupId, details.setOn, source->title,
                                     problemReporter());
    } else {
        command = new NewTaskCommand(session->db(), details, problemReporter());
    }
    RowId made = 0;
    QUndoStack& stack = document_->undoStack();
    const int before = stack.index();
    stack.push(command);
    // A make that failed is gone once pushed (and said why): only a new step on the stack is ours.
    if (stack.index() > before) {
        if (const auto* top = dynamic_cast<const NewTaskCommand*>(stack.command(stack.index() - 1)))
            made = top->taskId();
    }
    if (made != 0)
        window_->showTask(made);
}

} // namespace waymark
