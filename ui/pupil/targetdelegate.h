#pragma once

#include <QStyledItemDelegate>

namespace waymark {

// Editors for the targets table: a status list with its shapes, and dates with a calendar (where
// the earliest date stands for "not set"). Text cells use the standard line editor.
class TargetDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

} // namespace waymark
