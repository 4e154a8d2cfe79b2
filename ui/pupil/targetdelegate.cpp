#include "pupil/targetdelegate.h"

#include "domain/enums.h"
#include "pupil/shapes.h"
#include "pupil/targetmodel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>

namespace waymark {

namespace {

const QDate kNotSet(2000, 1, 1);

} // namespace

QWidget* TargetDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                      const QModelIndex& index) const
{
    switch (index.column()) {
    case TargetModel::StatusColumn: {
        auto* combo = new QComboBox(parent);
        for (TargetStatus s : allValues<TargetStatus>())
            combo->addItem(shapes::targetStatusIcon(s), displayName(s), static_cast<int>(s));
        combo->setAccessibleName(tr("Target status"));
        return combo;
    }
    case TargetModel::SetOnColumn:
    case TargetModel::ReviewByColumn: {
        auto* edit = new QDateEdit(parent);
        edit->setCalendarPopup(true);
        edit->setMinimumDate(kNotSet);
        edit->setSpecialValueText(tr("Not set"));
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
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

void TargetDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::EditRole))));
    } else if (auto* date = qobject_cast<QDateEdit*>(editor)) {
        const QDate d = index.data(Qt::EditRole).toDate();
        date->setDate(d.isValid() ? d : kNotSet);
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void TargetDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, combo->currentData(), Qt::EditRole);
    } else if (auto* date = qobject_cast<QDateEdit*>(editor)) {
        model->setData(index, date->date() == kNotSet ? QDate() : date->date(), Qt::EditRole);
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

} // namespace waymark
