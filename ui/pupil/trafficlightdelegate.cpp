#include "pupil/trafficlightdelegate.h"

#include "domain/enums.h"
#include "pupil/evidencetimelinemodel.h"
#include "pupil/shapes.h"

#include <QApplication>
#include <QPainter>

namespace waymark {

void TrafficLightDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // The background, selection and focus as usual, but no text: the shape carries the letter.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const auto light = static_cast<TrafficLight>(index.data(EvidenceTimelineModel::TrafficLightRole).toInt());
    if (light == TrafficLight::None)
        return;
    const int side = std::min(option.rect.height() - 2, option.rect.width() - 4);
    QRectF badge(0, 0, side, side);
    badge.moveCenter(QRectF(option.rect).center());
    shapes::paintTrafficLight(*painter, badge, light, option.palette);
}

QSize TrafficLightDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int side = option.fontMetrics.height() + 10;
    return size.expandedTo(QSize(side, side));
}

} // namespace waymark
