#include "pupil/targetdelegate.h"

#include "domain/enums.h"
#include "pupil/shapes.h"
#include "pupil/targetmodel.h"
#include "widgets/datefield.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPainter>

namespace waymark {

void TargetDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    if (!(option.state & QStyle::State_HasFocus))
        return;
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    QPen pen(option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Highlight), 2);
    pen.setJoinStyle(Qt::MiterJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(option.rect.adjusted(2, 2, -2, -2));
    painter->restore();
}

void TargetDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                                          const QModelIndex& index) const
{
    // The status list and the date field cover the whole cell (the base class leaves room for the
    // cell's icon, which then shows beside the list, and cuts its text).
    if (qobject_cast<QComboBox*>(editor) || qobject_cast<DateField*>(editor))
        editor->setGeometry(option.rect);
    else
        QStyledItemDelegate::updateEditorGeometry(editor, option, index);
}

QWidget* TargetDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                      const QModelIndex& index) const
{
    switch (index.column()) {
    case TargetModel::StatusColumn: {
        auto* combo = new QComboBox(parent);
        for (TargetStatus s : allValues<TargetStatus>())
            combo->addItem(shapes::targetStatusIcon(s), displayName(s), static_cast<int>(s));
        combo->setAccessibleName(tr("Target status"));
        // The list shows each status whole ("Not yet achieved"), however narrow the column. (Fusion's
        // menu-like list keeps room for a tick it never draws and cut the longest one short.)
        combo->setItemDelegate(new QStyledItemDelegate(combo));
        int widest = 0;
        for (int i = 0; i < combo->count(); ++i)
            widest = std::max(widest, combo->fontMetrics().horizontalAdvance(combo->itemText(i)));
        combo->view()->setMinimumWidth(widest + combo->iconSize().width() +
                                       combo->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 3);
        return combo;
    }
    case TargetModel::SetOnColumn:
    case TargetModel::ReviewByColumn: {
        auto* edit = new DateField(parent);
        edit->setAccessibleName(index.column() == TargetModel::SetOnColumn ? tr("Set on") : tr("Review by"));
        return edit;
    }
    default: {
        QWidget* editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto* line = qobject_cast<QLineEdit*>(editor)) {
            line->setAccessibleName(index.model()->headerData(index.column(), Qt::Horizontal).toString());
            line->setMaxLength(2000); // TargetModel shows at most this much of a cell
        }
        return editor;
    }
    }
}

namespace {
// What the cell showed when its editor opened: an edit is made from it (see TargetModel::setDataFrom).
const char* const kBase = "waymarkEditBase";
} // namespace

void TargetDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    // Filled once, when the editor opens. A refresh while the teacher types (a change from another
    // window) would otherwise put the stored value over their typing; it is kept instead, and the
    // commit then says the cell was changed elsewhere meanwhile.
    if (editor->property(kBase).isValid())
        return;
    editor->setProperty(kBase, index.data(Qt::EditRole));
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::EditRole))));
    } else if (auto* date = qobject_cast<DateField*>(editor)) {
        date->setDate(index.data(Qt::EditRole).toDate());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

bool TargetDelegate::eventFilter(QObject* object, QEvent* event)
{
    if (auto* date = qobject_cast<DateField*>(object); date && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Tab || key == Qt::Key_Backtab) {
            date->commitText();
            if (date->hasUnreadableText())
                return true; // stays open with its message
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

void TargetDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    auto* targets = qobject_cast<TargetModel*>(model);
    const auto set = [&](const QVariant& value) {
        if (targets)
            targets->setDataFrom(index, value, editor->property(kBase));
        else
            model->setData(index, value, Qt::EditRole);
    };
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        set(combo->currentData());
    } else if (auto* date = qobject_cast<DateField*>(editor)) {
        date->commitText();
        // Text that is not a date changes nothing, and the page says why (the cell has closed).
        if (!date->hasUnreadableText())
            set(date->date());
        else if (targets)
            Q_EMIT targets->problem(date->accessibleDescription());
    } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        set(line->text());
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

} // namespace waymark
