#include "marking/markingdelegate.h"

#include "marking/markingmodel.h"
#include "pupil/shapes.h"

#include <QApplication>
#include <QCompleter>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>

namespace waymark {

namespace {
using Column = MarkingModel::Column;

TrafficLight lightOf(const QString& text)
{
    return fromText<TrafficLight>(text.toStdString()).value_or(TrafficLight::None);
}

QString judgementSign(const QString& judgement)
{
    if (judgement == QLatin1String("met"))
        return QStringLiteral("✓");
    if (judgement == QLatin1String("partly"))
        return QStringLiteral("~");
    if (judgement == QLatin1String("not_yet"))
        return QStringLiteral("✗");
    return {};
}

// The background, selection and focus as the style draws them, without text.
void drawBase(const QStyledItemDelegate& d, QPainter* painter, QStyleOptionViewItem opt)
{
    opt.text.clear();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    Q_UNUSED(d);
}

QColor textColour(const QStyleOptionViewItem& opt)
{
    return opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text);
}
} // namespace

void MarkingDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const auto kind = static_cast<Column>(index.data(MarkingModel::ColumnKindRole).toInt());
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString differs = index.data(MarkingModel::DiffersRole).toString();

    if (kind == Column::Light || kind == Column::SelfLight || kind == Column::PeerLight) {
        drawBase(*this, painter, opt);
        const TrafficLight light = lightOf(index.data(MarkingModel::ValueRole).toString());
        if (light != TrafficLight::None) {
            const int side = std::min(opt.rect.height() - 4, opt.rect.width() - 4);
            QRectF badge(0, 0, side, side);
            badge.moveCenter(QRectF(opt.rect).center());
            shapes::paintTrafficLight(*painter, badge, light, opt.palette);
        }
    } else if (kind == Column::Criterion) {
        drawBase(*this, painter, opt);
        const QString judgement = index.data(MarkingModel::ValueRole).toString();
        if (!judgement.isEmpty()) {
            painter->save();
            painter->setPen(textColour(opt));
            const QRect text = opt.rect.adjusted(6, 0, -4, 0);
            painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                              opt.fontMetrics.elidedText(judgementSign(judgement) + QLatin1Char(' ') +
                                                             MarkingModel::judgementName(judgement),
                                                         Qt::ElideRight, text.width()));
            painter->restore();
        }
    } else if (kind == Column::Pupil) {
        drawBase(*this, painter, opt);
        const QStringList markers = index.data(MarkingModel::MarkersRole).toStringList();
        painter->save();
        QFont small = opt.font;
        small.setPointSizeF(small.pointSizeF() * 0.8);
        const QFontMetrics smallMetrics(small);
        int markerWidth = 0;
        for (const QString& m : markers)
            markerWidth += smallMetrics.horizontalAdvance(m) + 10;
        QRect text = opt.rect.adjusted(6, 0, -4 - markerWidth, 0);
        painter->setPen(textColour(opt));
        painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                          opt.fontMetrics.elidedText(opt.text, Qt::ElideRight, text.width()));
        // Each marker an outlined label with its letters: readable in any palette, and not colour alone.
        int x = opt.rect.right() - 2 - markerWidth;
        painter->setFont(small);
        painter->setRenderHint(QPainter::Antialiasing);
        for (const QString& m : markers) {
            const int w = smallMetrics.horizontalAdvance(m) + 8;
            QRectF box(x + 1, opt.rect.center().y() - smallMetrics.height() / 2.0 - 1, w, smallMetrics.height() + 2);
            QPainterPath path;
            path.addRoundedRect(box, 3, 3);
            painter->setPen(QPen(textColour(opt), 1));
            painter->drawPath(path);
            painter->drawText(box, Qt::AlignCenter, m);
            x += w + 2;
        }
        painter->restore();
    } else {
        QStyledItemDelegate::paint(painter, option, index);
    }

    if (!differs.isEmpty()) {
        // The pupil sees it differently: a "≠" in the cell's top right corner.
        painter->save();
        QFont bold = opt.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(textColour(opt));
        painter->drawText(opt.rect.adjusted(0, 0, -3, 0), Qt::AlignTop | Qt::AlignRight, QStringLiteral("≠"));
        painter->restore();
    }
}

QSize MarkingDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int side = option.fontMetrics.height() + 10;
    return size.expandedTo(QSize(side, side));
}

QWidget* MarkingDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                       const QModelIndex& index) const
{
    auto* editor = qobject_cast<QLineEdit*>(QStyledItemDelegate::createEditor(parent, option, index));
    if (!editor)
        return QStyledItemDelegate::createEditor(parent, option, index);
    const auto kind = static_cast<Column>(index.data(MarkingModel::ColumnKindRole).toInt());
    const auto* model = qobject_cast<const MarkingModel*>(index.model());
    if (kind == Column::Grade && model) {
        QStringList codes;
        for (const marking::SheetRung& r : model->sheet().rungs)
            codes << r.code;
        auto* completer = new QCompleter(codes, editor);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        // Completed in the box itself: a popup list would take the Enter that saves the grade and
        // goes on to the next pupil.
        completer->setCompletionMode(QCompleter::InlineCompletion);
        editor->setCompleter(completer);
        editor->setAccessibleName(tr("Grade"));
    } else {
        editor->setAccessibleName(model ? model->headerData(index.column(), Qt::Horizontal).toString() : QString());
    }
    return editor;
}

} // namespace waymark
