#include "group/grouppage.h"

#include "calendar/schoolcalendar.h"
#include "domain/entities.h"
#include "group/groupmembersmodel.h"
#include "queries/rosterqueries.h"
#include "repo/repository.h"
#include "marking/awaitedsteps.h"
#include "services/schoolsession.h"
#include "services/tasksetup.h"
#include "storage/transaction.h"
#include "widgets/listkeys.h"

#include <QEvent>
#include <QHeaderView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace waymark {

GroupPage::GroupPage(QWidget* parent)
    : LazyPage(parent), title_(new QLabel(this)), details_(new QLabel(this)), model_(new GroupMembersModel(this)),
      view_(new QTreeView(this)), tasksTitle_(new QLabel(tr("&Tasks"), this)),
      newTask_(new QPushButton(tr("&New Task…"), this)), tasks_(new QStandardItemModel(this)),
      tasksView_(new QTreeView(this)), awaited_(new AwaitedStepsView(this))
{
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_->setWordWrap(true);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model_);
    proxy->setSortRole(GroupMembersModel::SortRole);
    view_->setModel(proxy);
    chooseFirstRowOnFirstMove(view_);
    view_->setRootIsDecorated(false);
    view_->setUniformRowHeights(true);
    view_->setAlternatingRowColors(true);
    view_->setSortingEnabled(true);
    view_->sortByColumn(GroupMembersModel::NameColumn, Qt::AscendingOrder);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setAccessibleName(tr("Pupils in the group"));
    view_->header()->setStretchLastSection(true);
    connect(view_, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (const RowId id = index.data(GroupMembersModel::PupilIdRole).toLongLong(); id != 0)
            Q_EMIT pupilActivated(id);
    });

    // The group's tasks, newest first: Enter opens one's marking grid.
    tasksView_->setModel(tasks_);
    tasksView_->setRootIsDecorated(false);
    tasksView_->setUniformRowHeights(true);
    tasksView_->setAlternatingRowColors(true);
    tasksView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tasksView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    tasksView_->setAccessibleName(tr("The group's tasks"));
    chooseFirstRowOnFirstMove(tasksView_);
    tasksTitle_->setBuddy(tasksView_);
    newTask_->setAutoDefault(false);
    connect(newTask_, &QPushButton::clicked, this, &GroupPage::newTaskRequested);
    connect(tasksView_, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (const RowId id = index.siblingAtColumn(0).data(TaskIdRole).toLongLong(); id != 0)
            Q_EMIT taskActivated(id);
    });
    // Closing the loop: next steps the pupils have still to act on, oldest first.
    connect(awaited_, &AwaitedStepsView::stepActivated, this, &GroupPage::awaitedActivated);
    auto* tasksBar = new QHBoxLayout;
    tasksBar->addWidget(tasksTitle_, 1);
    tasksBar->addWidget(newTask_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(details_);
    layout->addWidget(view_, 3);
    layout->addLayout(tasksBar);
    layout->addWidget(tasksView_, 2);
    layout->addWidget(awaited_, 2);
    updateFonts();
}

void GroupPage::updateFonts()
{
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title_->setFont(big);
}

void GroupPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        updateFonts();
    QWidget::changeEvent(event);
}

void GroupPage::setSession(SchoolSession* session, QDate today)
{
    session_ = session;
    today_ = today;
    groupId_ = 0;
    refresh(); // empties the page: nothing of the previous school stays on it
}

bool GroupPage::showGroup(RowId groupId)
{
    groupId_ = groupId;
    refresh();
    return groupId_ != 0;
}

void GroupPage::reload()
{
    std::optional<Group> group;
    std::vector<PupilSummary> pupils;
    std::vector<marking::TaskSummary> tasks;
    QString subject, teacher;
    if (session_ && groupId_ != 0) {
        Database& db = session_->db();
        Transaction read(db, Transaction::Kind::Read);
        group = Repository<Group>(db).find(groupId_);
        if (group) {
            pupils = pupilsOfGroup(db, groupId_, today_);
            tasks = marking::tasksOf(db, groupId_);
            awaited_->showFor(db, groupId_, std::nullopt);
            if (const auto s = group->subjectId ? Repository<Subject>(db).find(*group->subjectId) : std::nullopt)
                subject = s->name;
            if (const auto t = group->teacherId ? Repository<Staff>(db).find(*group->teacherId) : std::nullopt)
                teacher = t->displayName;
        }
        read.commit();
    }
    if (!group) {
        groupId_ = 0;
        title_->clear();
        details_->clear();
        model_->setPupils({});
        tasks_->clear();
        awaited_->clear();
        return;
    }
    tasks_->clear();
    tasks_->setHorizontalHeaderLabels({tr("Task"), tr("Set on"), tr("Criteria"), tr("Marked")});
    for (const marking::TaskSummary& t : tasks) {
        auto* title = new QStandardItem(t.title);
        title->setData(t.id, TaskIdRole);
        auto* date = new QStandardItem(QLocale().toString(t.setOn, QLocale::ShortFormat));
        auto* criteria = new QStandardItem(QString::number(t.criteria));
        auto* marked = new QStandardItem(tr("%1 of %2").arg(t.marked).arg(pupils.size()));
        tasks_->appendRow({title, date, criteria, marked});
    }
    tasksTitle_->setText(tasks.empty() ? tr("&Tasks: none yet") : tr("&Tasks (%1)").arg(tasks.size()));

    title_->setText(group->name);
    QStringList parts{displayName(group->kind)};
    if (!subject.isEmpty())
        parts << subject;
    if (group->yearGroup)
        parts << (*group->yearGroup == 0 ? tr("Reception") : tr("Year %1").arg(*group->yearGroup));
    parts << SchoolCalendar::academicYearLabel(group->academicYear);
    if (!teacher.isEmpty())
        parts << teacher;
    parts << tr("%n pupil(s)", nullptr, int(pupils.size()));
    details_->setText(parts.join(QStringLiteral(" · ")));
    model_->setPupils(std::move(pupils));
    for (int c = 0; c < GroupMembersModel::YearColumn; ++c)
        view_->resizeColumnToContents(c);
    tasksView_->resizeColumnToContents(0);
}

QTreeView* GroupPage::awaitedView() const
{
    return awaited_->view();
}

} // namespace waymark
