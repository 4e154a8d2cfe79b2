#include "setup/subjectspage.h"

#include "domain/fieldlimits.h"
#include "setup/staffcommands.h"
#include "storage/storageerror.h"
#include "widgets/listkeys.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpacerItem>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace waymark {

SubjectTableModel::SubjectTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void SubjectTableModel::setSubjects(std::vector<setup::SubjectEntry> subjects)
{
    beginResetModel();
    subjects_ = std::move(subjects);
    endResetModel();
}

const setup::SubjectEntry* SubjectTableModel::subject(int row) const
{
    return row >= 0 && row < int(subjects_.size()) ? &subjects_[std::size_t(row)] : nullptr;
}

int SubjectTableModel::rowOf(RowId id) const
{
    for (std::size_t row = 0; row < subjects_.size(); ++row)
        if (subjects_[row].id == id)
            return int(row);
    return -1;
}

int SubjectTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(subjects_.size());
}

int SubjectTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SubjectTableModel::data(const QModelIndex& index, int role) const
{
    const setup::SubjectEntry* s = index.isValid() ? subject(index.row()) : nullptr;
    if (!s)
        return {};
    if (role == SubjectIdRole)
        return qlonglong(s->id);
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return s->details.name;
        break;
    case CodeColumn:
        if (role == Qt::DisplayRole)
            return s->details.code;
        if (role == Qt::AccessibleTextRole)
            return s->details.code.isEmpty() ? tr("No code") : tr("Code %1").arg(s->details.code);
        break;
    case GroupsColumn:
        if (role == Qt::DisplayRole)
            return s->groups;
        if (role == Qt::AccessibleTextRole)
            return tr("%n group(s)", nullptr, s->groups);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant SubjectTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return int((section == GroupsColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Subject");
    case CodeColumn:
        return tr("Code");
    case GroupsColumn:
        return tr("Groups");
    default:
        return {};
    }
}

// ---------------------------------------------------------------------------------------------------

SubjectDialog::SubjectDialog(const setup::SubjectDetails& current,
                             std::function<QStringList(const setup::SubjectDetails&)> problems, QWidget* parent)
    : QDialog(parent), current_(current), problems_(std::move(problems)), adding_(current.name.isEmpty()),
      name_(new QLineEdit(current.name, this)), code_(new QLineEdit(current.code, this)), problem_(new QLabel(this))
{
    setWindowTitle(adding_ ? tr("Add Subject") : tr("Rename %1").arg(current.name));
    name_->setMaxLength(limits::kName);
    name_->setPlaceholderText(tr("For example, Latin"));
    name_->setAccessibleName(tr("Subject name"));
    code_->setMaxLength(limits::kName);
    code_->setPlaceholderText(tr("As the MIS writes it, for example LA (may be left empty)"));
    code_->setAccessibleName(tr("Subject code"));
    problem_->setWordWrap(true);
    problem_->setAccessibleName(tr("Problem"));
    problem_->setMinimumHeight(fontMetrics().lineSpacing() * 2);
    problem_->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), name_);
    form->addRow(tr("&Code:"), code_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(adding_ ? tr("&Add") : tr("&Save"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons);

    connect(name_, &QLineEdit::textChanged, this, &SubjectDialog::validate);
    connect(code_, &QLineEdit::textChanged, this, &SubjectDialog::validate);
    validate();
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 60), sizeHint().height());
    name_->setFocus();
    name_->selectAll();
}

setup::SubjectDetails SubjectDialog::details() const
{
    return {name_->text(), code_->text()};
}

QString SubjectDialog::problemText() const
{
    return problem_->text();
}

void SubjectDialog::validate()
{
    const setup::SubjectDetails typed = details();
    const QStringList problems = problems_ ? problems_(typed) : QStringList();
    const bool begun = !adding_ || !name_->text().isEmpty() || !code_->text().isEmpty();
    problem_->setText(begun ? problems.join(QLatin1Char('\n')) : QString());
    const setup::SubjectDetails tidied{typed.name.simplified(), typed.code.simplified()};
    ok_->setEnabled(problems.isEmpty() && (adding_ || tidied != current_));
}

// ---------------------------------------------------------------------------------------------------

SubjectsPage::SubjectsPage(Database& db, QUndoStack& undo, std::function<void(const QString&)> problem, QWidget* parent)
    : QWidget(parent), db_(db), undo_(undo), problem_(std::move(problem)), model_(new SubjectTableModel(this)),
      view_(new QTableView(this)), empty_(new QLabel(tr("This school has no subjects yet."), this)),
      add_(new QPushButton(tr("&Add…"), this)), rename_(new QPushButton(tr("&Rename…"), this)),
      remove_(new QPushButton(tr("Re&move"), this)), usual_(new QPushButton(tr("Add the &Usual Subjects"), this))
{
    view_->setModel(model_);
    chooseFirstRowOnFirstMove(view_);
    view_->setAccessibleName(tr("Subjects"));
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setTabKeyNavigation(false);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->setShowGrid(false);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(fontMetrics().lineSpacing() + 8);
    QHeaderView* header = view_->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(SubjectTableModel::NameColumn, QHeaderView::Stretch);
    const int em = fontMetrics().averageCharWidth();
    view_->setColumnWidth(SubjectTableModel::CodeColumn, em * 12);
    view_->setColumnWidth(SubjectTableModel::GroupsColumn, em * 10);
    view_->installEventFilter(this);
    connect(view_, &QTableView::doubleClicked, this, [this] { renameSelected(); });
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SubjectsPage::updateButtons);

    QFont bold = empty_->font();
    bold.setBold(true);
    empty_->setFont(bold);
    add_->setToolTip(tr("Add a subject"));
    rename_->setToolTip(tr("Rename the chosen subject or change its code (F2)"));
    remove_->setToolTip(tr("Remove the chosen subject (Delete). A subject with groups, tasks, targets or evidence "
                           "is kept."));
    connect(add_, &QPushButton::clicked, this, &SubjectsPage::addSubject);
    connect(rename_, &QPushButton::clicked, this, &SubjectsPage::renameSelected);
    connect(remove_, &QPushButton::clicked, this, &SubjectsPage::removeSelected);
    connect(usual_, &QPushButton::clicked, this, &SubjectsPage::addUsual);

    // A new school's page says it has no subjects, with the usual ones offered beside that; once it
    // has some, the offer moves to the other buttons (see placeUsualButton).
    top_ = new QHBoxLayout;
    top_->addWidget(empty_);
    top_->addStretch();
    buttons_ = new QVBoxLayout;
    for (QPushButton* button : {add_, rename_, remove_})
        buttons_->addWidget(button);
    buttons_->addStretch();
    auto* row = new QHBoxLayout;
    row->addWidget(view_, 1);
    row->addLayout(buttons_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top_);
    layout->addLayout(row, 1);
    setFocusProxy(view_);

    connect(&undo_, &QUndoStack::indexChanged, this, &SubjectsPage::reload);
    reload();
}

void SubjectsPage::reload()
{
    const std::optional<RowId> keep = selectedId();
    std::vector<setup::SubjectEntry> subjects;
    try {
        subjects = setup::subjectList(db_);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
    }
    // Which of the usual subjects the school does not have yet (by name, as the service matches).
    QStringList missing;
    for (const setup::SubjectDetails& usual : setup::usualSubjects()) {
        const bool has = std::any_of(subjects.begin(), subjects.end(), [&](const setup::SubjectEntry& s) {
            return s.details.name.compare(usual.name, Qt::CaseInsensitive) == 0;
        });
        if (!has)
            missing << usual.name;
    }
    usualMissing_ = int(missing.size());
    usual_->setToolTip(missing.isEmpty() ? tr("The school has all the usual subjects.")
                                         : tr("Adds %1.").arg(QLocale().createSeparatedList(missing)));
    placeUsualButton(subjects.empty());
    model_->setSubjects(std::move(subjects));
    if (keep)
        selectSubject(*keep);
    updateButtons();
}

std::optional<RowId> SubjectsPage::selectedId() const
{
    if (const setup::SubjectEntry* s = selected())
        return s->id;
    return std::nullopt;
}

void SubjectsPage::selectSubject(RowId id)
{
    const int row = model_->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = model_->index(row, SubjectTableModel::NameColumn);
    view_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view_->scrollTo(index);
}

const setup::SubjectEntry* SubjectsPage::selected() const
{
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : model_->subject(rows.first().row());
}

bool SubjectsPage::eventFilter(QObject* watched, QEvent* event)
{
    // F2 or Enter renames the chosen subject, Delete removes it (neither goes on to a dialog's
    // default button).
    if (watched == view_ && event->type() == QEvent::KeyPress && selected()) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
        if (modifiers == Qt::NoModifier) {
            switch (key->key()) {
            case Qt::Key_F2:
            case Qt::Key_Return:
            case Qt::Key_Enter:
                renameSelected();
                return true;
            case Qt::Key_Delete:
                removeSelected();
                return true;
            default:
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SubjectsPage::addSubject()
{
    SubjectDialog dialog(
        {}, [this](const setup::SubjectDetails& d) { return setup::problemsWithSubject(db_, d); }, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto* command = new AddSubjectCommand(db_, dialog.details(), problem_);
    RowId added = 0;
    command->onAdded([&added](RowId id) { added = id; });
    undo_.push(command); // reloads the page
    if (added != 0) {
        selectSubject(added);
        view_->setFocus();
    }
}

void SubjectsPage::renameSelected()
{
    const setup::SubjectEntry* chosen = selected();
    if (!chosen)
        return;
    const setup::SubjectEntry s = *chosen;
    SubjectDialog dialog(
        s.details, [this, id = s.id](const setup::SubjectDetails& d) { return setup::problemsWithSubject(db_, d, id); },
        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    undo_.push(new ChangeSubjectCommand(db_, s.id, s.details, dialog.details(), problem_));
    updateButtons();
}

void SubjectsPage::removeSelected()
{
    const setup::SubjectEntry* chosen = selected();
    if (!chosen)
        return;
    const setup::SubjectEntry s = *chosen;
    const int row = model_->rowOf(s.id);
    undo_.push(new RemoveSubjectCommand(db_, s.id, s.details.name, problem_));
    // The next subject is chosen, so that Delete can be pressed again.
    if (!model_->subject(model_->rowOf(s.id)) && model_->rowCount() > 0)
        selectSubject(model_->subject(std::min(row, model_->rowCount() - 1))->id);
    updateButtons();
}

void SubjectsPage::addUsual()
{
    undo_.push(new AddUsualSubjectsCommand(db_, problem_));
    updateButtons();
}

void SubjectsPage::placeUsualButton(bool noSubjects)
{
    if (usualOnTop_ == noSubjects)
        return;
    usualOnTop_ = noSubjects;
    top_->removeWidget(usual_);
    buttons_->removeWidget(usual_);
    if (usualGap_) {
        buttons_->removeItem(usualGap_);
        delete usualGap_;
        usualGap_ = nullptr;
    }
    if (noSubjects) {
        top_->insertWidget(1, usual_);
    } else {
        usualGap_ = new QSpacerItem(0, fontMetrics().lineSpacing(), QSizePolicy::Minimum, QSizePolicy::Fixed);
        buttons_->insertItem(3, usualGap_);
        buttons_->insertWidget(4, usual_);
    }
    empty_->setVisible(noSubjects);
    if (noSubjects) {
        setTabOrder(usual_, view_);
        setTabOrder(view_, add_);
        setTabOrder(add_, rename_);
        setTabOrder(rename_, remove_);
    } else {
        setTabOrder(view_, add_);
        setTabOrder(add_, rename_);
        setTabOrder(rename_, remove_);
        setTabOrder(remove_, usual_);
    }
}

void SubjectsPage::updateButtons()
{
    const bool chosen = selected() != nullptr;
    rename_->setEnabled(chosen);
    remove_->setEnabled(chosen);
    usual_->setEnabled(usualMissing_ > 0);
}

} // namespace waymark
