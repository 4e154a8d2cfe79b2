#pragma once

#include <QStyledItemDelegate>

namespace waymark {

// Cells and editors for the targets table: a status list with its shapes, and dates with a calendar (where
// the earliest date stands for "not set"). Text cells use the standard line editor.
class TargetDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // Draws the cell as usual, and the current cell (where typing goes) with a ring that shows on
    // the chosen row's colour too: the style's own focus frame is drawn in that same colour.
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

protected:
    // Enter or Tab on a date that cannot be read keeps the cell open, with the message, so the
    // teacher can mend it; it is never dropped without a word.
    bool eventFilter(QObject* object, QEvent* event) override;
};

} // namespace waymark
