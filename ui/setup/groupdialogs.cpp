// The Groups page's dialogs: a group's details, pupils to add, and a tutor group to move to.
#include "setup/groupspage.h"

#include "calendar/schoolcalendar.h"
#include "domain/fieldlimits.h"
#include "setup/groupsinternal.h"

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
#include <QVBoxLayout>

#include <algorithm>

namespace waymark {

using groupsui::kNameRole;
using groupsui::kVertical;
using groupsui::setUpList;

// ---- GroupDialog --------------------------------------------------------------------------------

GroupDialog::GroupDialog(const setup::GroupDetails& initial, bool editing,
                         const std::vector<setup::SubjectEntry>& subjects, const std::vector<setup::StaffMember>& staff,
                         std::function<QStringList(const setup::GroupDetails&)> problems, QWidget* parent)
    : QDialog(parent), initial_(initial), editing_(editing), problems_(std::move(problems)), name_(new QLineEdit(this)),
      kind_(new QComboBox(this)), year_(new QComboBox(this)), subject_(new QComboBox(this)),
      teacher_(new QComboBox(this)), problem_(new QLabel(this))
{
    setWindowTitle(editing ? tr("Edit Group") : tr("New Group"));
    name_->setMaxLength(limits::kName + 20); // a name a little long is said to be so, not cut off
    name_->setPlaceholderText(tr("For example 7R, 9X/Ma1 or 10 Set 2"));
    name_->setAccessibleName(tr("Group name"));
    for (const GroupKind kind : {GroupKind::Class, GroupKind::Set, GroupKind::Tutor})
        kind_->addItem(displayName(kind), int(kind));
    kind_->setAccessibleName(tr("Kind of group"));
    // Each begins with what a teacher types to choose it (a closed list finds an item by its start,
    // and Space opens the list): 9, R, N2, V.
    year_->addItem(tr("N1 (Nursery)"), -2);
    year_->addItem(tr("N2 (Nursery)"), -1);
    year_->addItem(tr("R (Reception)"), 0);
    for (int year = 1; year <= 14; ++year)
        year_->addItem(QString::number(year), year);
    year_->addItem(tr("Vertical (several year groups)"), kVertical);
    year_->setAccessibleName(tr("Year group"));
    subject_->addItem(tr("None"), RowId(0));
    for (const setup::SubjectEntry& s : subjects)
        subject_->addItem(s.details.name, s.id);
    subject_->setAccessibleName(tr("Subject"));
    teacher_->addItem(tr("None"), RowId(0));
    for (const setup::StaffMember& s : staff)
        teacher_->addItem(s.details.displayName, s.id);
    teacher_->setAccessibleName(tr("Teacher"));
    // A subject taken out of the file since stays as it was (the check says so) until changed.
    if (initial.subjectId && subject_->findData(*initial.subjectId) < 0)
        subject_->addItem(tr("A subject no longer in the file"), *initial.subjectId);
    if (initial.teacherId && teacher_->findData(*initial.teacherId) < 0)
        teacher_->addItem(tr("Someone no longer in the file"), *initial.teacherId);

    name_->setText(initial.name);
    kind_->setCurrentIndex(kind_->findData(int(initial.kind)));
    year_->setCurrentIndex(year_->findData(initial.yearGroup.value_or(kVertical)));
    subject_->setCurrentIndex(std::max(0, subject_->findData(initial.subjectId.value_or(0))));
    teacher_->setCurrentIndex(std::max(0, teacher_->findData(initial.teacherId.value_or(0))));

    problem_->setWordWrap(true);
    problem_->setAccessibleName(tr("Problem"));
    problem_->setMinimumHeight(fontMetrics().lineSpacing() * 3);
    problem_->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), name_);
    form->addRow(tr("&Kind:"), kind_);
    form->addRow(tr("&Year group:"), year_);
    form->addRow(tr("&Subject:"), subject_);
    form->addRow(tr("&Teacher:"), teacher_);
    auto* academicYear = new QLabel(SchoolCalendar::academicYearLabel(initial.academicYear), this);
    form->addRow(tr("Academic year:"), academicYear);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(editing ? tr("Sa&ve") : tr("&Add Group"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons);

    connect(name_, &QLineEdit::textChanged, this, &GroupDialog::validate);
    for (QComboBox* box : {kind_, year_, subject_, teacher_})
        connect(box, &QComboBox::currentIndexChanged, this, &GroupDialog::validate);
    validate();
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 64), sizeHint().height());
    name_->setFocus();
    name_->selectAll();
}

setup::GroupDetails GroupDialog::details() const
{
    setup::GroupDetails d;
    d.name = name_->text();
    d.kind = GroupKind(kind_->currentData().toInt());
    if (const int year = year_->currentData().toInt(); year != kVertical)
        d.yearGroup = year;
    d.academicYear = initial_.academicYear;
    if (const RowId subject = subject_->currentData().toLongLong(); subject != 0)
        d.subjectId = subject;
    if (const RowId teacher = teacher_->currentData().toLongLong(); teacher != 0)
        d.teacherId = teacher;
    return d;
}

QString GroupDialog::problemText() const
{
    return problem_->text();
}

void GroupDialog::validate()
{
    // Said as it is typed; a new group not yet begun is not scolded (Add stays off).
    const setup::GroupDetails d = details();
    const QStringList problems = problems_(d);
    const bool begun = editing_ || !name_->text().isEmpty();
    problem_->setText(begun ? problems.join(QLatin1Char('\n')) : QString());
    ok_->setEnabled(problems.isEmpty() && (!editing_ || d != initial_));
}

// ---- AddMembersDialog ---------------------------------------------------------------------------

AddMembersDialog::AddMembersDialog(const QString& groupName, std::vector<PupilSummary> candidates, const QString& note,
                                   QWidget* parent)
    : QDialog(parent), model_(new SetupPupilsModel(true, this)), filter_(new QSortFilterProxyModel(this)),
      search_(new QLineEdit(this)), view_(new QTreeView(this)), shown_(new QLabel(this))
{
    setWindowTitle(tr("Add Pupils to %1").arg(groupName));
    model_->setPupils(std::move(candidates));
    filter_->setSourceModel(model_);
    filter_->setFilterRole(SetupPupilsModel::SearchRole);
    filter_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    search_->setPlaceholderText(tr("Type part of a name or a UPN"));
    search_->setClearButtonEnabled(true);
    search_->setAccessibleName(tr("Search pupils"));
    view_->setModel(filter_);
    setUpList(view_);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setAccessibleName(tr("Pupils on roll not in %1").arg(groupName));
    view_->header()->setSectionResizeMode(SetupPupilsModel::NameColumn, QHeaderView::Stretch);
    view_->header()->setSectionResizeMode(SetupPupilsModel::YearColumn, QHeaderView::ResizeToContents);
    view_->header()->setStretchLastSection(false);
    view_->installEventFilter(this);
    search_->installEventFilter(this);

    auto* hint = new QLabel(tr("Space ticks a pupil, Ctrl+A ticks all those shown; Enter adds those ticked."), this);
    hint->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Search:"), search_);
    auto* listLabel = new QLabel(tr("&Pupils:"), this);
    listLabel->setBuddy(view_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    add_ = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(listLabel);
    layout->addWidget(view_, 1);
    layout->addWidget(shown_);
    layout->addWidget(hint);
    if (!note.isEmpty()) {
        auto* said = new QLabel(note, this);
        said->setWordWrap(true);
        layout->addWidget(said);
    }
    layout->addWidget(buttons);

    connect(search_, &QLineEdit::textChanged, this, [this](const QString& text) {
        filter_->setFilterFixedString(text.simplified());
        updateButton();
    });
    connect(model_, &SetupPupilsModel::checkedChanged, this, &AddMembersDialog::updateButton);
    updateButton();
    const int line = fontMetrics().lineSpacing();
    resize(fontMetrics().averageCharWidth() * 60, line * 28);
    search_->setFocus();
}

std::vector<RowId> AddMembersDialog::chosen() const
{
    return model_->checked();
}

QStringList AddMembersDialog::chosenNames() const
{
    QStringList names;
    const std::vector<RowId> ids = chosen();
    for (const PupilSummary& p : model_->pupils())
        if (std::find(ids.begin(), ids.end(), p.id) != ids.end())
            names << p.displayName();
    return names;
}

void AddMembersDialog::updateButton()
{
    const int ticked = int(model_->checked().size());
    add_->setText(ticked == 0 ? tr("&Add") : tr("&Add %n Pupil(s)", nullptr, ticked));
    add_->setEnabled(ticked > 0);
    shown_->setText(
        tr("%1 of %n pupil(s) shown, %2 ticked.", nullptr, model_->rowCount()).arg(filter_->rowCount()).arg(ticked));
}

bool AddMembersDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (watched == search_ && key->key() == Qt::Key_Down && key->modifiers() == Qt::NoModifier &&
        filter_->rowCount() > 0) {
        // Down from the search goes to the first pupil shown.
        view_->setFocus(Qt::TabFocusReason);
        view_->setCurrentIndex(filter_->index(0, SetupPupilsModel::NameColumn));
        return true;
    }
    if (watched != view_)
        return QDialog::eventFilter(watched, event);
    if ((key->key() == Qt::Key_Space || key->key() == Qt::Key_Select) && key->modifiers() == Qt::NoModifier) {
        const QModelIndex current = view_->currentIndex();
        if (current.isValid()) {
            const QModelIndex box = current.siblingAtColumn(SetupPupilsModel::NameColumn);
            const bool checked = box.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
            filter_->setData(box, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
        }
        return true;
    }
    if (key->matches(QKeySequence::SelectAll)) {
        // Ticks all those shown, or unticks them if they all were.
        bool all = true;
        for (int row = 0; row < filter_->rowCount() && all; ++row)
            all = filter_->index(row, 0).data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
        for (int row = 0; row < filter_->rowCount(); ++row)
            filter_->setData(filter_->index(row, 0), all ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

// ---- MoveToTutorGroupDialog ---------------------------------------------------------------------

MoveToTutorGroupDialog::MoveToTutorGroupDialog(const QString& who, const std::vector<setup::GroupEntry>& tutorGroups,
                                               QWidget* parent)
    : QDialog(parent), group_(new QComboBox(this))
{
    setWindowTitle(tr("Move to Tutor Group"));
    for (const setup::GroupEntry& g : tutorGroups) {
        group_->addItem(g.details.yearGroup ? tr("%1 (%2)").arg(g.details.name, yearGroupText(g.details.yearGroup))
                                            : g.details.name,
                        g.id);
        group_->setItemData(group_->count() - 1, g.details.name, kNameRole);
    }
    group_->setAccessibleName(tr("Tutor group"));
    auto* text = new QLabel(tr("Move %1 to another tutor group. A pupil has one tutor group a year: they leave "
                               "this one.")
                                .arg(who),
                            this);
    text->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Tutor group:"), group_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Move"));
    ok->setEnabled(group_->count() > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 56), sizeHint().height());
    group_->setFocus();
}

RowId MoveToTutorGroupDialog::chosen() const
{
    return group_->currentData().toLongLong();
}

QString MoveToTutorGroupDialog::chosenName() const
{
    return group_->currentData(kNameRole).toString();
}

} // namespace waymark
