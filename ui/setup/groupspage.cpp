#include "setup/groupspage.h"

#include "calendar/schoolcalendar.h"
#include "domain/enums.h"
#include "domain/fieldlimits.h"
#include "setup/groupcommands.h"
#include "setup/groupsinternal.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"
#include "widgets/columnlayout.h"
#include "widgets/listkeys.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace waymark {

namespace {
bool isEnter(const QKeyEvent* key)
{
    return (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
           (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}
} // namespace

QString yearGroupText(const std::optional<int>& yearGroup)
{
    if (!yearGroup)
        return GroupsPage::tr("Vertical");
    switch (*yearGroup) {
    case -2:
        return GroupsPage::tr("N1");
    case -1:
        return GroupsPage::tr("N2");
    case 0:
        return GroupsPage::tr("Reception");
    default:
        return GroupsPage::tr("Year %1").arg(*yearGroup);
    }
}

// ---- SetupGroupsModel ---------------------------------------------------------------------------

SetupGroupsModel::SetupGroupsModel(QObject* parent) : QAbstractTableModel(parent) {}

void SetupGroupsModel::setGroups(std::vector<setup::GroupEntry> groups)
{
    beginResetModel();
    groups_ = std::move(groups);
    endResetModel();
}

int SetupGroupsModel::rowOf(RowId groupId) const
{
    for (std::size_t i = 0; i < groups_.size(); ++i)
        if (groups_[i].id == groupId)
            return int(i);
    return -1;
}

int SetupGroupsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(groups_.size());
}

int SetupGroupsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SetupGroupsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(groups_.size()))
        return {};
    const setup::GroupEntry& g = groups_[std::size_t(index.row())];
    if (role == GroupIdRole)
        return g.id;
    if (role == Qt::TextAlignmentRole && index.column() == PupilsColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return g.details.name;
    case KindColumn:
        return displayName(g.details.kind);
    case YearColumn:
        return yearGroupText(g.details.yearGroup);
    case SubjectColumn:
        if (role == Qt::AccessibleTextRole && g.subjectName.isEmpty())
            return tr("No subject");
        return g.subjectName;
    case TeacherColumn:
        if (role == Qt::AccessibleTextRole && g.teacherName.isEmpty())
            return tr("No teacher");
        return g.teacherName;
    case PupilsColumn:
        if (role == Qt::AccessibleTextRole)
            return tr("%n pupil(s)", nullptr, g.members);
        return g.members;
    default:
        return {};
    }
}

QVariant SetupGroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Group");
    case KindColumn:
        return tr("Kind");
    case YearColumn:
        return tr("Year");
    case SubjectColumn:
        return tr("Subject");
    case TeacherColumn:
        return tr("Teacher");
    case PupilsColumn:
        return tr("Pupils");
    default:
        return {};
    }
}

// ---- SetupPupilsModel ---------------------------------------------------------------------------

SetupPupilsModel::SetupPupilsModel(bool checkable, QObject* parent) : QAbstractTableModel(parent), checkable_(checkable)
{}

void SetupPupilsModel::setPupils(std::vector<PupilSummary> pupils)
{
    beginResetModel();
    pupils_ = std::move(pupils);
    checked_.clear();
    endResetModel();
    Q_EMIT checkedChanged();
}

std::vector<RowId> SetupPupilsModel::checked() const
{
    std::vector<RowId> out;
    for (const PupilSummary& p : pupils_)
        if (checked_.contains(p.id))
            out.push_back(p.id);
    return out;
}

int SetupPupilsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(pupils_.size());
}

int SetupPupilsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SetupPupilsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(pupils_.size()))
        return {};
    const PupilSummary& p = pupils_[std::size_t(index.row())];
    if (role == PupilIdRole)
        return p.id;
    if (role == SearchRole)
        return QStringList{p.displayName(), p.legalGivenName, p.legalFamilyName, p.upn}.join(QLatin1Char(' '));
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return p.displayName();
        if (role == Qt::CheckStateRole && checkable_)
            return checked_.contains(p.id) ? Qt::Checked : Qt::Unchecked;
        break;
    case YearColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return p.yearGroup ? yearGroupText(p.yearGroup) : QString();
        break;
    default:
        break;
    }
    return {};
}

bool SetupPupilsModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkable_ || role != Qt::CheckStateRole || !index.isValid() || index.column() != NameColumn ||
        index.row() >= int(pupils_.size()))
        return false;
    const RowId id = pupils_[std::size_t(index.row())].id;
    const bool check = value.value<Qt::CheckState>() == Qt::Checked;
    if (check == checked_.contains(id))
        return true;
    if (check)
        checked_.insert(id);
    else
        checked_.erase(id);
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT checkedChanged();
    return true;
}

Qt::ItemFlags SetupPupilsModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (checkable_ && index.isValid() && index.column() == NameColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant SetupPupilsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Pupil");
    case YearColumn:
        return tr("Year");
    default:
        return {};
    }
}

// ---- GroupsPage ---------------------------------------------------------------------------------

GroupsPage::GroupsPage(Database& db, QUndoStack& undo, QDate today, std::function<void(const QString&)> problem,
                       QWidget* parent)
    : QWidget(parent), db_(db), undo_(undo), today_(today), problem_(std::move(problem)), year_(new QComboBox(this)),
      groups_(new SetupGroupsModel(this)), groupsView_(new QTreeView(this)),
      new_(new QPushButton(tr("&New Group…"), this)), edit_(new QPushButton(tr("&Edit…"), this)),
      remove_(new QPushButton(tr("Remo&ve Group"), this)), membersLabel_(new QLabel(this)),
      members_(new SetupPupilsModel(false, this)), membersView_(new QTreeView(this)),
      addPupils_(new QPushButton(tr("&Add Pupils…"), this)),
      removePupils_(new QPushButton(tr("&Remove from Group"), this)),
      move_(new QPushButton(tr("&Move to Tutor Group…"), this))
{
    const int thisYear = SchoolCalendar::academicYearOf(today);
    year_->addItem(tr("%1 (this year)").arg(SchoolCalendar::academicYearLabel(thisYear)), thisYear);
    year_->addItem(tr("%1 (next year)").arg(SchoolCalendar::academicYearLabel(thisYear + 1)), thisYear + 1);
    year_->addItem(tr("%1 (last year)").arg(SchoolCalendar::academicYearLabel(thisYear - 1)), thisYear - 1);
    year_->setAccessibleName(tr("Academic year"));
    year_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* yearLabel = new QLabel(tr("Academic &year:"), this);
    yearLabel->setBuddy(year_);

    groupsView_->setModel(groups_);
    groupsui::setUpList(groupsView_);
    groupsView_->setSelectionMode(QAbstractItemView::SingleSelection);
    groupsView_->setAccessibleName(tr("Groups of the academic year"));
    // Names, kinds, years and counts fit their content (see fitColumns); subject and teacher share
    // the rest.
    groupColumns_ = new ColumnLayout(groupsView_, groupsView_->header());
    const int em = fontMetrics().averageCharWidth();
    groupColumns_->setShared(SetupGroupsModel::SubjectColumn, em * 14, 3);
    groupColumns_->setShared(SetupGroupsModel::TeacherColumn, em * 14, 2);
    groupsView_->installEventFilter(this);
    auto* groupsLabel = new QLabel(tr("&Groups:"), this);
    groupsLabel->setBuddy(groupsView_);

    membersView_->setModel(members_);
    groupsui::setUpList(membersView_);
    membersView_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    memberColumns_ = new ColumnLayout(membersView_, membersView_->header());
    memberColumns_->setShared(SetupPupilsModel::NameColumn, em * 20);
    membersView_->installEventFilter(this);
    membersLabel_->setBuddy(membersView_);

    new_->setAccessibleName(tr("New group"));
    edit_->setAccessibleName(tr("Edit group"));
    remove_->setAccessibleName(tr("Remove group"));
    addPupils_->setAccessibleName(tr("Add pupils to the group"));
    removePupils_->setAccessibleName(tr("Remove pupils from the group"));
    move_->setAccessibleName(tr("Move to another tutor group"));

    auto* top = new QHBoxLayout;
    top->addWidget(yearLabel);
    top->addWidget(year_);
    top->addStretch(1);

    auto* groupButtons = new QHBoxLayout;
    groupButtons->addWidget(new_);
    groupButtons->addWidget(edit_);
    groupButtons->addWidget(remove_);
    groupButtons->addStretch(1);
    auto* left = new QVBoxLayout;
    left->addWidget(groupsLabel);
    left->addWidget(groupsView_, 1);
    left->addLayout(groupButtons);

    auto* memberButtons = new QHBoxLayout;
    memberButtons->addWidget(addPupils_);
    memberButtons->addWidget(removePupils_);
    memberButtons->addWidget(move_);
    memberButtons->addStretch(1);
    auto* right = new QVBoxLayout;
    right->addWidget(membersLabel_);
    right->addWidget(membersView_, 1);
    right->addLayout(memberButtons);

    auto* panes = new QHBoxLayout;
    panes->setSpacing(em * 2);
    panes->addLayout(left, 3);
    panes->addLayout(right, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(panes, 1);

    setTabOrder(year_, groupsView_);
    setTabOrder(groupsView_, new_);
    setTabOrder(new_, edit_);
    setTabOrder(edit_, remove_);
    setTabOrder(remove_, membersView_);
    setTabOrder(membersView_, addPupils_);
    setTabOrder(addPupils_, removePupils_);
    setTabOrder(removePupils_, move_);

    connect(year_, &QComboBox::currentIndexChanged, this, &GroupsPage::reload);
    connect(groupsView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (!reloading_)
            showMembers();
    });
    connect(membersView_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &GroupsPage::updateButtons);
    connect(groupsView_, &QTreeView::doubleClicked, this, &GroupsPage::editGroup);
    connect(new_, &QPushButton::clicked, this, &GroupsPage::newGroup);
    connect(edit_, &QPushButton::clicked, this, &GroupsPage::editGroup);
    connect(remove_, &QPushButton::clicked, this, &GroupsPage::removeGroup);
    connect(addPupils_, &QPushButton::clicked, this, &GroupsPage::addPupils);
    connect(removePupils_, &QPushButton::clicked, this, &GroupsPage::removePupils);
    connect(move_, &QPushButton::clicked, this, &GroupsPage::moveToTutorGroup);
    // An undo or redo anywhere (this page's steps or another's) shows the file as it now is.
    connect(&undo_, &QUndoStack::indexChanged, this, &GroupsPage::reload);
    reload();
}

int GroupsPage::academicYear() const
{
    return year_->currentData().toInt();
}

void GroupsPage::setAcademicYear(int academicYear)
{
    if (const int index = year_->findData(academicYear); index >= 0)
        year_->setCurrentIndex(index);
}

RowId GroupsPage::selectedGroup() const
{
    const setup::GroupEntry* g = current();
    return g ? g->id : 0;
}

void GroupsPage::selectGroup(RowId groupId)
{
    const int row = groups_->rowOf(groupId);
    if (row < 0)
        return;
    groupsView_->selectionModel()->setCurrentIndex(groups_->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    groupsView_->scrollTo(groups_->index(row, 0));
}

const setup::GroupEntry* GroupsPage::current() const
{
    const QModelIndex index = groupsView_->currentIndex();
    if (!index.isValid() || index.row() >= int(groups_->groups().size()))
        return nullptr;
    return &groups_->groups()[std::size_t(index.row())];
}

void GroupsPage::reload()
{
    const RowId keep = selectedGroup();
    const int keepRow = groupsView_->currentIndex().row();
    std::vector<setup::GroupEntry> list;
    try {
        list = setup::groupList(db_, academicYear());
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
    }
    reloading_ = true;
    groups_->setGroups(std::move(list));
    int row = groups_->rowOf(keep);
    if (row < 0 && groups_->rowCount() > 0) // the group went: the one now in its place (or the first)
        row = std::clamp(keepRow, 0, groups_->rowCount() - 1);
    if (row >= 0)
        groupsView_->selectionModel()->setCurrentIndex(groups_->index(row, 0),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    reloading_ = false;
    fitColumns(groupsView_, groupColumns_,
               {SetupGroupsModel::NameColumn, SetupGroupsModel::KindColumn, SetupGroupsModel::YearColumn,
                SetupGroupsModel::PupilsColumn});
    showMembers();
}

void GroupsPage::fitColumns(QTreeView* view, ColumnLayout* columns, std::initializer_list<int> fitted)
{
    const int air = view->fontMetrics().averageCharWidth() * 2;
    for (const int c : fitted) {
        view->resizeColumnToContents(c);
        columns->setFitted(c, view->header()->sectionSize(c) + air);
    }
    columns->apply();
}

void GroupsPage::showMembers()
{
    std::vector<RowId> keep = chosenMembers();
    std::vector<PupilSummary> pupils;
    const setup::GroupEntry* group = current();
    if (group) {
        try {
            pupils = pupilsOfGroup(db_, group->id, today_);
        } catch (const StorageError& e) {
            if (problem_)
                problem_(e.message());
        }
    }
    membersLabel_->setText(group ? tr("&Pupils in %1:").arg(group->details.name) : tr("&Pupils:"));
    members_->setPupils(std::move(pupils));
    fitColumns(membersView_, memberColumns_, {SetupPupilsModel::YearColumn});
    QItemSelection again;
    for (int row = 0; row < members_->rowCount(); ++row) {
        const QModelIndex index = members_->index(row, 0);
        if (std::find(keep.begin(), keep.end(), index.data(SetupPupilsModel::PupilIdRole).toLongLong()) != keep.end())
            again.select(index, index);
    }
    if (!again.isEmpty()) {
        membersView_->selectionModel()->select(again, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        membersView_->selectionModel()->setCurrentIndex(again.indexes().front(), QItemSelectionModel::NoUpdate);
    }
    updateButtons();
}

std::vector<RowId> GroupsPage::chosenMembers(QStringList* names) const
{
    std::vector<RowId> ids;
    for (const QModelIndex& index : membersView_->selectionModel()->selectedRows()) {
        ids.push_back(index.data(SetupPupilsModel::PupilIdRole).toLongLong());
        if (names)
            *names << index.data().toString();
    }
    return ids;
}

void GroupsPage::updateButtons()
{
    const setup::GroupEntry* group = current();
    edit_->setEnabled(group);
    remove_->setEnabled(group);
    addPupils_->setEnabled(group);
    const bool chosen = membersView_->selectionModel()->hasSelection();
    removePupils_->setEnabled(group && chosen);
    const bool tutor = group && group->details.kind == GroupKind::Tutor;
    move_->setVisible(tutor);
    const auto& all = groups_->groups();
    const bool elsewhere = tutor && std::any_of(all.begin(), all.end(), [group](const setup::GroupEntry& g) {
                               return g.details.kind == GroupKind::Tutor && g.id != group->id;
                           });
    move_->setEnabled(chosen && elsewhere);
}

void GroupsPage::push(QUndoCommand* command)
{
    undo_.push(command); // the stack's indexChanged reloads the page (unless the command came to nothing)
}

std::vector<setup::StaffMember> GroupsPage::teachersFor(const setup::GroupDetails& details)
{
    std::vector<setup::StaffMember> staff = setup::staffList(db_, false);
    // A teacher who has left stays offered for the group they teach.
    if (details.teacherId && std::none_of(staff.begin(), staff.end(),
                                          [&](const setup::StaffMember& s) { return s.id == *details.teacherId; })) {
        if (std::optional<setup::StaffMember> left = setup::staffMember(db_, *details.teacherId))
            staff.push_back(std::move(*left));
    }
    return staff;
}

void GroupsPage::newGroup()
{
    setup::GroupDetails initial;
    initial.academicYear = academicYear();
    if (const setup::GroupEntry* group = current())
        initial.yearGroup = group->details.yearGroup; // the next group is often of the same year
    std::vector<setup::SubjectEntry> subjects;
    std::vector<setup::StaffMember> staff;
    try {
        subjects = setup::subjectList(db_);
        staff = teachersFor(initial);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        return;
    }
    GroupDialog dialog(
        initial, false, subjects, staff,
        [this](const setup::GroupDetails& d) { return setup::problemsWithGroup(db_, d); }, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto* command = new AddGroupCommand(db_, dialog.details(), problem_);
    auto added = std::make_shared<RowId>(0);
    command->onAdded([added](RowId id) { *added = id; });
    push(command);
    if (*added != 0)
        selectGroup(*added);
}

void GroupsPage::editGroup()
{
    const setup::GroupEntry* group = current();
    if (!group)
        return;
    const RowId id = group->id;
    const setup::GroupDetails before = group->details;
    std::vector<setup::SubjectEntry> subjects;
    std::vector<setup::StaffMember> staff;
    try {
        subjects = setup::subjectList(db_);
        staff = teachersFor(before);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        return;
    }
    GroupDialog dialog(
        before, true, subjects, staff,
        [this, id](const setup::GroupDetails& d) { return setup::problemsWithGroup(db_, d, id); }, this);
    if (dialog.exec() != QDialog::Accepted || dialog.details() == before)
        return;
    push(new ChangeGroupCommand(db_, id, before, dialog.details(), problem_));
}

void GroupsPage::removeGroup()
{
    if (const setup::GroupEntry* group = current())
        push(new RemoveGroupCommand(db_, group->id, group->details.name, problem_));
}

void GroupsPage::addPupils()
{
    const setup::GroupEntry* group = current();
    if (!group)
        return;
    const RowId id = group->id;
    const QString name = group->details.name;
    std::vector<PupilSummary> candidates;
    try {
        Transaction read(db_, Transaction::Kind::Read);
        const std::vector<RowId> in = setup::membersOf(db_, id);
        for (PupilSummary& p : pupilsOnRoll(db_, today_))
            if (std::find(in.begin(), in.end(), p.id) == in.end())
                candidates.push_back(std::move(p));
        read.commit();
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        return;
    }
    const QString note = group->details.kind == GroupKind::Tutor
                             ? tr("A pupil has one tutor group a year: those in another tutor group of %1 move to %2.")
                                   .arg(SchoolCalendar::academicYearLabel(group->details.academicYear), name)
                             : QString();
    AddMembersDialog dialog(name, std::move(candidates), note, this);
    if (dialog.exec() != QDialog::Accepted || dialog.chosen().empty())
        return;
    push(new ChangeMembersCommand(db_, ChangeMembersCommand::Kind::Add, id, name, dialog.chosen(), dialog.chosenNames(),
                                  problem_));
}

void GroupsPage::removePupils()
{
    const setup::GroupEntry* group = current();
    QStringList names;
    const std::vector<RowId> pupils = chosenMembers(&names);
    if (!group || pupils.empty())
        return;
    push(new ChangeMembersCommand(db_, ChangeMembersCommand::Kind::Remove, group->id, group->details.name, pupils,
                                  names, problem_));
}

void GroupsPage::moveToTutorGroup()
{
    const setup::GroupEntry* group = current();
    QStringList names;
    const std::vector<RowId> pupils = chosenMembers(&names);
    if (!group || group->details.kind != GroupKind::Tutor || pupils.empty())
        return;
    std::vector<setup::GroupEntry> others;
    for (const setup::GroupEntry& g : groups_->groups())
        if (g.details.kind == GroupKind::Tutor && g.id != group->id)
            others.push_back(g);
    const QString who = names.size() == 1 ? names.front() : tr("%n pupil(s)", nullptr, int(names.size()));
    MoveToTutorGroupDialog dialog(who, others, this);
    if (dialog.exec() != QDialog::Accepted || dialog.chosen() == 0)
        return;
    push(new ChangeMembersCommand(db_, ChangeMembersCommand::Kind::MoveToTutorGroup, dialog.chosen(),
                                  dialog.chosenName(), pupils, names, problem_));
}

bool GroupsPage::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (watched == groupsView_ && isEnter(key)) {
        // Enter edits the group (and is not passed on to a dialog's default button).
        editGroup();
        return true;
    }
    if (watched == membersView_ && (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) &&
        key->modifiers() == Qt::NoModifier) {
        removePupils();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace waymark
