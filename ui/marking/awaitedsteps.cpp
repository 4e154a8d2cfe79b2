#include "marking/awaitedsteps.h"

#include "services/nextsteps.h"
#include "widgets/listkeys.h"

#include <QLabel>
#include <QLocale>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace waymark {

AwaitedStepsView::AwaitedStepsView(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), model_(new QStandardItemModel(this)), view_(new QTreeView(this))
{
    view_->setModel(model_);
    view_->setRootIsDecorated(false);
    view_->setUniformRowHeights(true);
    view_->setAlternatingRowColors(true);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setAccessibleName(tr("Next steps awaiting a response"));
    chooseFirstRowOnFirstMove(view_);
    title_->setBuddy(view_);
    connect(view_, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const QModelIndex first = index.siblingAtColumn(0);
        if (const RowId task = first.data(TaskIdRole).toLongLong(); task != 0)
            Q_EMIT stepActivated(task, first.data(PupilIdRole).toLongLong());
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title_);
    layout->addWidget(view_, 1);
    clear();
}

int AwaitedStepsView::count() const
{
    return model_->rowCount();
}

void AwaitedStepsView::clear()
{
    model_->clear();
    title_->setText(tr("Next steps &awaiting a response"));
}

void AwaitedStepsView::showFor(Database& db, std::optional<RowId> groupId, std::optional<RowId> pupilId)
{
    forPupil_ = pupilId.has_value();
    const std::vector<marking::AwaitedStep> steps = marking::awaitedNextSteps(db, groupId, pupilId);
    model_->clear();
    // For one pupil, the class is what tells the steps apart; for a class, the pupil.
    model_->setHorizontalHeaderLabels({forPupil_ ? tr("Task") : tr("Pupil"), tr("Next step"),
                                       forPupil_ ? tr("Group") : tr("Task"), tr("Set on")});
    for (const marking::AwaitedStep& a : steps) {
        auto* first = new QStandardItem(forPupil_ ? a.task : a.pupil);
        first->setData(a.taskId, TaskIdRole);
        first->setData(a.pupilId, PupilIdRole);
        auto* step = new QStandardItem(a.nextStep.simplified());
        step->setToolTip(a.nextStep);
        model_->appendRow({first, step, new QStandardItem(forPupil_ ? a.group : a.task),
                           new QStandardItem(QLocale().toString(a.setOn, QLocale::ShortFormat))});
    }
    title_->setText(steps.empty() ? tr("Next steps &awaiting a response: none")
                                  : tr("Next steps &awaiting a response (%1)").arg(steps.size()));
    view_->resizeColumnToContents(0);
    view_->setColumnWidth(1, fontMetrics().averageCharWidth() * 50);
    view_->resizeColumnToContents(2);
}

} // namespace waymark
