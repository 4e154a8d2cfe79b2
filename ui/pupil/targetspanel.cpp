#include "pupil/targetspanel.h"

#include "calendar/typeddate.h"
#include "pupil/pupileditor.h"
#include "pupil/targetdelegate.h"
#include "pupil/targetmodel.h"
#include "widgets/columnlayout.h"
#include "widgets/listkeys.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace waymark {

TargetsPanel::TargetsPanel(PupilEditor& editor, TargetModel& model, QWidget* parent)
    : QWidget(parent)
    , editor_(editor)
    , model_(model)
    , view_(new QTableView(this))
    , add_(new QAction(tr("&Add target"), this))
    , remove_(new QAction(tr("Re&move target"), this))
    , addButton_(new QPushButton(this))
    , removeButton_(new QPushButton(this))
    , earlier_(new QToolButton(this))
{
    view_->setModel(&model_);
    chooseFirstRowOnFirstMove(view_);
    view_->setItemDelegate(new TargetDelegate(view_));
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::AnyKeyPressed);
    view_->setWordWrap(true);
    view_->setAlternatingRowColors(true);
    view_->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    view_->verticalHeader()->setVisible(false);
    view_->setAccessibleName(tr("Targets"));
    QHeaderView* header = view_->horizontalHeader();
    header->setHighlightSections(false); // a chosen row would otherwise make every title bold
    // The three columns of words share the width left over and wrap; the rest fit what they show.
    const QFontMetrics fm = fontMetrics();
    const int em = fm.horizontalAdvance(QLatin1Char('M'));
    const int pad = cellPadding();
    const int date = fm.horizontalAdvance(typedDateText(QDate(2026, 12, 28)));
    int status = 0;
    for (TargetStatus st : allValues<TargetStatus>())
        status = std::max(status, fm.horizontalAdvance(displayName(st)));
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    columns_ = new ColumnLayout(view_, header);
    columns_->setFitted(TargetModel::SetOnColumn, std::max(date + pad, headerWidth(TargetModel::SetOnColumn)), date + pad);
    columns_->setFitted(TargetModel::ReviewByColumn, std::max(date + pad, headerWidth(TargetModel::ReviewByColumn)),
                        date + pad);
    columns_->setFitted(TargetModel::StatusColumn, status + icon + em + pad);
    // "Pupil and parent" may wrap onto two lines when room is short.
    columns_->setFitted(TargetModel::AgreedWithColumn, em * 10, fm.horizontalAdvance(tr("parent")) + pad);
    const int words = readableTextWidth();
    columns_->setShared(TargetModel::TextColumn, std::max(words, headerWidth(TargetModel::TextColumn)), 4);
    columns_->setShared(TargetModel::SuccessColumn, std::max(words, headerWidth(TargetModel::SuccessColumn)), 3);
    columns_->setShared(TargetModel::SupportColumn, std::max(words, headerWidth(TargetModel::SupportColumn)), 3);
    fitAreaColumn();

    // Insert and Delete act while the table has the focus; a cell being typed in keeps its keys.
    add_->setShortcut(QKeySequence(Qt::Key_Insert));
    add_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    add_->setToolTip(tr("Add a target to the plan (Insert)"));
    remove_->setShortcut(QKeySequence(QKeySequence::Delete));
    remove_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    remove_->setToolTip(tr("Remove the chosen target (Delete). You can undo this."));
    view_->addAction(add_);
    view_->addAction(remove_);
    connect(add_, &QAction::triggered, this, [this] { addTarget(); });
    connect(remove_, &QAction::triggered, this, [this] { removeCurrentTarget(); });

    // Buttons mirror the actions so the mnemonics (Alt+A, Alt+M) work from anywhere on the tab.
    for (auto [button, action] : {std::pair{addButton_, add_}, std::pair{removeButton_, remove_}}) {
        button->setText(action->text());
        button->setToolTip(action->toolTip());
        button->setAccessibleName(action->text().remove(QLatin1Char('&')));
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, button, [button, action] { button->setEnabled(action->isEnabled()); });
    }

    // A disclosure button: its words say what pressing it does (not a checkable state as well).
    earlier_->setAutoRaise(true);
    earlier_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    earlier_->setToolTip(tr("Targets from earlier school years that are no longer being worked on"));
    connect(earlier_, &QToolButton::clicked, this, [this] {
        model_.setShowEarlier(!model_.showsEarlier());
        updateEarlierToggle();
    });
    connect(&model_, &TargetModel::earlierCountChanged, this, &TargetsPanel::updateEarlierToggle);
    updateEarlierToggle();

    auto* title = new QLabel(tr("<b>Targets</b>"), this);
    auto* top = new QHBoxLayout;
    top->addWidget(title);
    top->addSpacing(fm.horizontalAdvance(QLatin1Char(' ')) * 2);
    top->addWidget(earlier_);
    top->addStretch();
    top->addWidget(addButton_);
    top->addWidget(removeButton_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(view_, 1);
    // Tab follows the screen: the top row left to right, then the table.
    setTabOrder(earlier_, addButton_);
    setTabOrder(addButton_, removeButton_);
    setTabOrder(removeButton_, view_);

    // Wrapped text needs taller rows. A burst of changes (a layout pass resizes the stretched
    // columns several times) is fitted once, after the event that caused it.
    fitTimer_.setSingleShot(true);
    fitTimer_.setInterval(0);
    connect(&fitTimer_, &QTimer::timeout, this, &TargetsPanel::fitRowsNow);
    const auto rowsChanged = [this] {
        updateActions();
        fitRows();
    };
    connect(&model_, &QAbstractItemModel::modelReset, this, [this, rowsChanged] {
        fitAreaColumn();
        rowsChanged();
    });
    connect(&model_, &QAbstractItemModel::rowsInserted, this, rowsChanged);
    connect(&model_, &QAbstractItemModel::rowsRemoved, this, rowsChanged);
    connect(&model_, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                // An Area typed longer than the column widens it.
                if (topLeft.column() <= TargetModel::AreaColumn && bottomRight.column() >= TargetModel::AreaColumn)
                    fitAreaColumn();
                fitRows();
            });
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this, &TargetsPanel::updateActions);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TargetsPanel::updateActions);
    connect(header, &QHeaderView::sectionResized, this, &TargetsPanel::fitRows);
    updateActions();
}

void TargetsPanel::fitRows()
{
    fitTimer_.start();
}

void TargetsPanel::fitRowsNow()
{
    // Rows grow to show up to four lines; longer text is in the cell's tooltip and its editor.
    view_->resizeRowsToContents();
    const int most = view_->fontMetrics().lineSpacing() * 4 + 8;
    for (int row = 0; row < model_.rowCount(); ++row)
        if (view_->rowHeight(row) > most)
            view_->setRowHeight(row, most);
}

int TargetsPanel::cellPadding() const
{
    // The delegate's text margins, either side, plus a little air.
    const int margin = view_->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view_) + 1;
    return 2 * margin + view_->fontMetrics().horizontalAdvance(QLatin1Char('M')) / 2;
}

int TargetsPanel::headerWidth(int column) const
{
    const QString title = model_.headerData(column, Qt::Horizontal).toString();
    return view_->horizontalHeader()->fontMetrics().horizontalAdvance(title) + cellPadding() * 2;
}

int TargetsPanel::readableTextWidth() const
{
    // About sixteen characters a line: three or four words, enough to read a target at a glance.
    return view_->fontMetrics().averageCharWidth() * 16 + cellPadding();
}

void TargetsPanel::fitAreaColumn()
{
    // Areas are short but single words ("Mathematics", "Communication") cannot wrap: the column
    // is as wide as the longest word shown (within reason), and never narrower than 7 letters.
    const QFontMetrics fm = view_->fontMetrics();
    const int em = fm.horizontalAdvance(QLatin1Char('M'));
    const int padding = cellPadding();
    int widest = std::max(em * 7, headerWidth(TargetModel::AreaColumn));
    for (int row = 0; row < model_.rowCount(); ++row) {
        const QString area = model_.index(row, TargetModel::AreaColumn).data().toString();
        for (const QString& word : area.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            widest = std::max(widest, fm.horizontalAdvance(word) + padding);
    }
    const int wanted = std::min(widest, em * 14);
    if (wanted != areaWidth_) {
        areaWidth_ = wanted;
        columns_->setFitted(TargetModel::AreaColumn, wanted);
    }
}

void TargetsPanel::updateEarlierToggle()
{
    const int count = model_.earlierCount();
    const QString number = QLocale().toString(count);
    // Alt+L: E is the Edit menu's, and the plan tab's fields hold R, B, G and O.
    earlier_->setText(model_.showsEarlier() ? tr("Hide ear&lier targets (%1)").arg(number)
                                            : tr("Show ear&lier targets (%1)").arg(number));
    earlier_->setArrowType(model_.showsEarlier() ? Qt::DownArrow : Qt::RightArrow);
    earlier_->setAccessibleName(earlier_->text().remove(QLatin1Char('&')));
    // Shown while there is something to unfold, or while unfolded (to fold it again).
    earlier_->setVisible(count > 0 || model_.showsEarlier());
}

void TargetsPanel::setReadOnly(bool readOnly)
{
    readOnly_ = readOnly;
    model_.setReadOnly(readOnly);
    updateActions();
}

void TargetsPanel::updateActions()
{
    const bool hasPupil = model_.pupilId() != 0;
    add_->setEnabled(!readOnly_ && hasPupil);
    // Only a target the teacher can see is chosen (its row marked) can be removed.
    remove_->setEnabled(!readOnly_ && hasPupil && chosenRow() >= 0);
}

int TargetsPanel::chosenRow() const
{
    const QModelIndex current = view_->currentIndex();
    return current.isValid() && view_->selectionModel()->isRowSelected(current.row(), {}) ? current.row() : -1;
}

RowId TargetsPanel::addTarget()
{
    if (readOnly_ || model_.pupilId() == 0)
        return 0;
    Target target = defaults_ ? defaults_() : Target{};
    target.pupilId = model_.pupilId();
    const RowId id = editor_.addTarget(std::move(target));
    const int row = model_.rowOf(id);
    if (row < 0)
        return id;
    const QModelIndex text = model_.index(row, TargetModel::TextColumn);
    view_->setFocus(Qt::OtherFocusReason);
    view_->setCurrentIndex(text);
    view_->scrollTo(text);
    view_->edit(text);
    return id;
}

bool TargetsPanel::removeCurrentTarget()
{
    const int row = chosenRow();
    if (readOnly_ || row < 0)
        return false;
    const RowId id = model_.targetIdAt(row);
    if (id == 0 || !editor_.removeTarget(id))
        return false;
    // Keep the keyboard in the table, on the row that moved into the removed one's place.
    if (model_.rowCount() > 0)
        view_->setCurrentIndex(model_.index(std::min(row, model_.rowCount() - 1), TargetModel::TextColumn));
    updateActions();
    return true;
}

} // namespace waymark
