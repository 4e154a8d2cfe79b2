#pragma once

#include <QStyledItemDelegate>

namespace waymark {

// Paints a traffic-light cell as its shape with its letter (TrafficLightRole), never colour alone.
class TrafficLightDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace waymark
