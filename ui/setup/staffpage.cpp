#include "setup/staffpage.h"

#include "domain/fieldlimits.h"
#include "setup/staffcommands.h"
#include "storage/storageerror.h"
#include "widgets/datefield.h"
#include "widgets/listkeys.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFont>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPalette>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace waymark {

namespace {
QString fullName(const setup::StaffDetails& d)
{
    return QStringList{d.title, d.givenName, d.familyName}.join(QLatin1Char(' ')).simplified();
}

QString shownName(const setup::StaffDetails& d)
{
    const QString shown = d.displayName.simplified();
    return shown.isEmpty() ? setup::composeDisplayName(d.title, d.givenName, d.familyName) : shown;
}

QString dayText(QDate date)
{
    return QLocale().toString(date, QStringLiteral("d MMM yyyy"));
}
} // namespace

// ---------------------------------------------------------------------------------------------------

StaffTableModel::StaffTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void StaffTableModel::setStaff(std::vector<setup::StaffMember> staff, std::optional<RowId> me)
{
    beginResetModel();
    staff_ = std::move(staff);
    me_ = me;
    endResetModel();
}

const setup::StaffMember* StaffTableModel::member(int row) const
{
    return row >= 0 && row < int(staff_.size()) ? &staff_[std::size_t(row)] : nullptr;
}

int StaffTableModel::rowOf(RowId id) const
{
    for (std::size_t row = 0; row < staff_.size(); ++row)
        if (staff_[row].id == id)
            return int(row);
    return -1;
}

int StaffTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(staff_.size());
}

int StaffTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StaffTableModel::data(const QModelIndex& index, int role) const
{
    const setup::StaffMember* m = index.isValid() ? member(index.row()) : nullptr;
    if (!m)
        return {};
    const bool left = m->leftOn.isValid();
    const bool isMe = me_ == m->id;
    if (role == StaffIdRole)
        return qlonglong(m->id);
    if (role == Qt::ForegroundRole && left)
        return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text); // greyed: has left
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return m->details.displayName;
        if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) {
            const QString full = fullName(m->details);
            return full.isEmpty() || full == m->details.displayName ? m->details.displayName
                                                                    : tr("%1 (%2)").arg(m->details.displayName, full);
        }
        break;
    case RoleColumn:
        if (role == Qt::DisplayRole)
            return m->details.role;
        if (role == Qt::AccessibleTextRole)
            return m->details.role.isEmpty() ? tr("No role") : m->details.role;
        break;
    case EmailColumn:
        if (role == Qt::DisplayRole)
            return m->details.email;
        if (role == Qt::AccessibleTextRole)
            return m->details.email.isEmpty() ? tr("No e-mail address") : m->details.email;
        break;
    case LeftColumn:
        if (role == Qt::DisplayRole)
            return left ? dayText(m->leftOn) : QString();
        if (role == Qt::AccessibleTextRole)
            return left ? tr("Left on %1").arg(dayText(m->leftOn)) : tr("On the staff");
        break;
    case MeColumn:
        if (role == Qt::DisplayRole)
            return isMe ? tr("This is me") : QString();
        if (role == Qt::AccessibleTextRole)
            return isMe ? tr("This is me") : tr("Not me");
        if (role == Qt::FontRole && isMe) {
            QFont bold = QGuiApplication::font();
            bold.setBold(true);
            return bold;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant StaffTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case RoleColumn:
        return tr("Role");
    case EmailColumn:
        return tr("E-mail");
    case LeftColumn:
        return tr("Left on");
    case MeColumn:
        return tr("On this computer");
    default:
        return {};
    }
}

// ---------------------------------------------------------------------------------------------------

StaffDialog::StaffDialog(const setup::StaffDetails& current, QWidget* parent)
    : QDialog(parent), current_(current), adding_(current.familyName.simplified().isEmpty()),
      title_(new QLineEdit(current.title, this)), forename_(new QLineEdit(current.givenName, this)),
      surname_(new QLineEdit(current.familyName, this)), display_(new QLineEdit(this)),
      email_(new QLineEdit(current.email, this)), role_(new QLineEdit(current.role, this)), problem_(new QLabel(this))
{
    setWindowTitle(adding_ ? tr("Add Member of Staff") : tr("Edit %1").arg(shownName(current)));
    // A display name that is just the one made from the names is left to be made again, so that it
    // follows a corrected surname.
    if (current.displayName != setup::composeDisplayName(current.title, current.givenName, current.familyName))
        display_->setText(current.displayName);
    for (QLineEdit* field : {title_, forename_, surname_, display_, email_, role_})
        field->setMaxLength(limits::kName);
    title_->setPlaceholderText(tr("Mrs, Mr, Ms, Dr, Mx… (may be left empty)"));
    title_->setAccessibleName(tr("Title"));
    forename_->setAccessibleName(tr("Forename"));
    surname_->setAccessibleName(tr("Surname"));
    display_->setAccessibleName(tr("Display name"));
    display_->setToolTip(tr("How the member of staff is named where space is short. Left empty, it is made from "
                            "the title and names."));
    email_->setAccessibleName(tr("E-mail address"));
    email_->setPlaceholderText(tr("name@school.sch.uk (may be left empty)"));
    role_->setAccessibleName(tr("Role"));
    role_->setPlaceholderText(tr("For example, Teacher, SENCo or Head of Year 9"));
    problem_->setWordWrap(true);
    problem_->setAccessibleName(tr("Problem"));
    problem_->setMinimumHeight(fontMetrics().lineSpacing() * 3);
    problem_->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), title_);
    form->addRow(tr("&Forename:"), forename_);
    form->addRow(tr("&Surname:"), surname_);
    form->addRow(tr("&Display name:"), display_);
    form->addRow(tr("&E-mail:"), email_);
    form->addRow(tr("&Role:"), role_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(adding_ ? tr("&Add") : tr("Sa&ve"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grows for a longer message, never squashes
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons);

    for (QLineEdit* field : {title_, forename_, surname_, display_, email_, role_})
        connect(field, &QLineEdit::textChanged, this, &StaffDialog::validate);
    validate();
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 64), sizeHint().height());
    (adding_ ? title_ : forename_)->setFocus();
}

setup::StaffDetails StaffDialog::details() const
{
    return {title_->text(), forename_->text(), surname_->text(), display_->text(), email_->text(), role_->text()};
}

QString StaffDialog::problemText() const
{
    return problem_->text();
}

void StaffDialog::validate()
{
    const setup::StaffDetails typed = details();
    const QString made = setup::composeDisplayName(typed.title, typed.givenName, typed.familyName);
    display_->setPlaceholderText(made.isEmpty() ? tr("Made from the title and names") : made);

    const QStringList problems = setup::problemsWithStaff(typed);
    bool begun = !adding_;
    for (const QLineEdit* field : {title_, forename_, surname_, display_, email_, role_})
        begun = begun || !field->text().isEmpty();
    // A form not yet begun is not scolded (the button stays off).
    problem_->setText(begun ? problems.join(QLatin1Char('\n')) : QString());

    // Compared as the service would store it: spaces tidied, the display name made if empty.
    setup::StaffDetails stored = typed;
    for (QString* value :
         {&stored.title, &stored.givenName, &stored.familyName, &stored.displayName, &stored.email, &stored.role})
        *value = value->simplified();
    if (stored.displayName.isEmpty())
        stored.displayName = made;
    ok_->setEnabled(problems.isEmpty() && (adding_ || stored != current_));
}

// ---------------------------------------------------------------------------------------------------

LeftOnDialog::LeftOnDialog(const QString& name, QDate today, QWidget* parent)
    : QDialog(parent), date_(new DateField(this)), problem_(new QLabel(this))
{
    setWindowTitle(tr("Mark %1 as Left").arg(name));
    date_->setToday(today);
    date_->setDate(today);
    date_->setAccessibleName(tr("Left on"));
    problem_->setWordWrap(true);
    problem_->setAccessibleName(tr("Problem"));
    problem_->setMinimumHeight(fontMetrics().lineSpacing() * 2);
    problem_->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* note = new QLabel(tr("%1 keeps everything they recorded, and is no longer offered for new groups and "
                               "tasks. This can be undone, and they can be brought back on the staff later.")
                                .arg(name),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto* form = new QFormLayout;
    form->addRow(tr("&Left on:"), date_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(tr("&Mark as Left"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        date_->commitText(); // what is typed counts, even if Enter was not pressed in the field
        if (date_->hasUnreadableText())
            return;
        if (!date_->date().isValid()) {
            problem_->setText(tr("Type the day they left."));
            return;
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(date_, &DateField::unreadable, problem_, &QLabel::setText);
    connect(date_, &DateField::dateEdited, problem_, &QLabel::clear);

    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 56), sizeHint().height());
    date_->setFocus();
    date_->selectAll();
}

QDate LeftOnDialog::date() const
{
    return date_->date();
}

// ---------------------------------------------------------------------------------------------------

StaffPage::StaffPage(Database& db, QUndoStack& undo, QDate today, std::function<void(const QString&)> problem,
                     QWidget* parent)
    : QWidget(parent), db_(db), undo_(undo), today_(today), problem_(std::move(problem)),
      model_(new StaffTableModel(this)), view_(new QTableView(this)), add_(new QPushButton(tr("&Add…"), this)),
      edit_(new QPushButton(tr("&Edit…"), this)), left_(new QPushButton(tr("Mark as &Left…"), this)),
      me_(new QPushButton(tr("This is &Me"), this))
{
    view_->setModel(model_);
    chooseFirstRowOnFirstMove(view_);
    view_->setAccessibleName(tr("Staff"));
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setTabKeyNavigation(false); // Tab leaves the list for the buttons
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->setShowGrid(false);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(fontMetrics().lineSpacing() + 8);
    QHeaderView* header = view_->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(StaffTableModel::EmailColumn, QHeaderView::Stretch);
    view_->installEventFilter(this);
    connect(view_, &QTableView::doubleClicked, this, [this] { editSelected(); });
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &StaffPage::updateButtons);

    add_->setToolTip(tr("Add a member of staff"));
    edit_->setToolTip(tr("Change the chosen member of staff's names, e-mail or role (Enter)"));
    me_->setCheckable(true);
    me_->setToolTip(tr("Say that the chosen member of staff uses Waymark on this computer, for “my tutees” and "
                       "“set by”"));
    connect(add_, &QPushButton::clicked, this, &StaffPage::addStaff);
    connect(edit_, &QPushButton::clicked, this, &StaffPage::editSelected);
    connect(left_, &QPushButton::clicked, this, &StaffPage::leftOrBack);
    connect(me_, &QPushButton::clicked, this, &StaffPage::toggleMe);

    auto* note = new QLabel(tr("Staff who have left keep everything they recorded; they are shown greyed, at the "
                               "end. “This is me” tells Waymark who uses it on this computer."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto* buttons = new QVBoxLayout;
    for (QPushButton* button : {add_, edit_, left_, me_})
        buttons->addWidget(button);
    buttons->addStretch();
    auto* row = new QHBoxLayout;
    row->addWidget(view_, 1);
    row->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(note);
    setTabOrder(view_, add_);
    setTabOrder(add_, edit_);
    setTabOrder(edit_, left_);
    setTabOrder(left_, me_);
    setFocusProxy(view_);

    // Whatever moves the undo stack (this page, Undo, another page) may have changed the list.
    connect(&undo_, &QUndoStack::indexChanged, this, &StaffPage::reload);
    reload();
}

void StaffPage::reload()
{
    const std::optional<RowId> keep = selectedId();
    try {
        model_->setStaff(setup::staffList(db_), setup::whoIAm(db_));
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
    }
    // Columns as wide as what they hold (and their headings), none so wide that it crowds out the
    // rest; the e-mail addresses take what is left.
    const int widest = fontMetrics().averageCharWidth() * 30;
    for (int column : {StaffTableModel::NameColumn, StaffTableModel::RoleColumn, StaffTableModel::LeftColumn,
                       StaffTableModel::MeColumn}) {
        view_->resizeColumnToContents(column);
        view_->setColumnWidth(column, std::min(view_->columnWidth(column) + 12, widest));
    }
    if (keep)
        selectStaff(*keep);
    updateButtons();
}

std::optional<RowId> StaffPage::selectedId() const
{
    if (const setup::StaffMember* m = selected())
        return m->id;
    return std::nullopt;
}

void StaffPage::selectStaff(RowId id)
{
    const int row = model_->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = model_->index(row, StaffTableModel::NameColumn);
    view_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view_->scrollTo(index);
}

const setup::StaffMember* StaffPage::selected() const
{
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : model_->member(rows.first().row());
}

bool StaffPage::eventFilter(QObject* watched, QEvent* event)
{
    // Enter edits the chosen member of staff (and is not passed on to a dialog's default button).
    if (watched == view_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier && selected()) {
            editSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void StaffPage::addStaff()
{
    StaffDialog dialog({}, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto* command = new AddStaffCommand(db_, dialog.details(), problem_);
    RowId added = 0;
    command->onAdded([&added](RowId id) { added = id; });
    undo_.push(command); // reloads the page
    if (added != 0) {
        selectStaff(added);
        view_->setFocus();
    }
}

void StaffPage::editSelected()
{
    const setup::StaffMember* chosen = selected();
    if (!chosen)
        return;
    const setup::StaffMember m = *chosen; // the list is read again when the change is made
    StaffDialog dialog(m.details, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    undo_.push(new ChangeStaffCommand(db_, m.id, m.details, dialog.details(), problem_));
    updateButtons();
}

void StaffPage::leftOrBack()
{
    const setup::StaffMember* chosen = selected();
    if (!chosen)
        return;
    const setup::StaffMember m = *chosen;
    if (m.leftOn.isValid()) {
        undo_.push(new SetStaffLeftCommand(db_, m.id, m.details.displayName, m.leftOn, QDate(), problem_));
    } else {
        LeftOnDialog dialog(m.details.displayName, today_, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        undo_.push(new SetStaffLeftCommand(db_, m.id, m.details.displayName, m.leftOn, dialog.date(), problem_));
    }
    updateButtons();
}

void StaffPage::toggleMe()
{
    const setup::StaffMember* chosen = selected();
    if (chosen) {
        const std::optional<RowId> now = model_->me();
        const bool isMe = now == chosen->id;
        undo_.push(new SetWhoIAmCommand(db_, now, isMe ? std::nullopt : std::optional<RowId>(chosen->id),
                                        chosen->details.displayName, problem_));
    }
    updateButtons(); // the button shows what is stored, also after a refusal
}

void StaffPage::updateButtons()
{
    const setup::StaffMember* m = selected();
    const bool left = m && m->leftOn.isValid();
    const bool isMe = m && model_->me() == m->id;
    edit_->setEnabled(m);
    left_->setEnabled(m);
    left_->setText(left ? tr("&Back on Staff") : tr("Mark as &Left…"));
    left_->setToolTip(left ? tr("Bring the chosen member of staff back on the staff")
                           : tr("Say that the chosen member of staff has left the school"));
    me_->setEnabled(m && (!left || isMe));
    me_->setChecked(isMe);
}

} // namespace waymark
