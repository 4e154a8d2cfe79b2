#include "pupil/shapes.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <cmath>
#include <functional>
#include <numbers>

namespace waymark::shapes {

namespace {

using PaintFn = std::function<void(QPainter&, const QRectF&, const QPalette&, QIcon::Mode)>;

// An icon drawn by a function each time it is needed, at the device's pixel ratio.
class PaintedIconEngine final : public QIconEngine
{
public:
    explicit PaintedIconEngine(PaintFn paint)
        : paint_(std::move(paint))
    {
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        paint_(*painter, QRectF(rect), QGuiApplication::palette(), mode);
        painter->restore();
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pm(size * scale);
        pm.fill(Qt::transparent);
        pm.setDevicePixelRatio(scale);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }

    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine* clone() const override { return new PaintedIconEngine(paint_); }
    QString key() const override { return QStringLiteral("waymark-painted"); }

private:
    PaintFn paint_;
};

QIcon painted(PaintFn fn)
{
    return QIcon(new PaintedIconEngine(std::move(fn)));
}

double luminance(const QColor& c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor ink(const QPalette& palette, QIcon::Mode mode)
{
    return palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                         mode == QIcon::Selected ? QPalette::HighlightedText : QPalette::WindowText);
}

QRectF square(const QRectF& r)
{
    const double side = std::min(r.width(), r.height());
    return QRectF(r.center().x() - side / 2, r.center().y() - side / 2, side, side);
}

QPolygonF regularPolygon(const QRectF& r, int sides, double rotation)
{
    QPolygonF poly;
    const double radius = r.width() / 2;
    for (int i = 0; i < sides; ++i) {
        const double a = rotation + 2 * std::numbers::pi * i / sides;
        poly << QPointF(r.center().x() + radius * std::cos(a), r.center().y() + radius * std::sin(a));
    }
    return poly;
}

void drawLetter(QPainter& p, const QRectF& r, const QString& letter, const QColor& colour, double scale)
{
    QFont f = p.font();
    f.setBold(true);
    f.setPixelSize(std::max(6, static_cast<int>(r.height() * scale)));
    p.setFont(f);
    p.setPen(colour);
    p.drawText(r, Qt::AlignCenter, letter);
}

} // namespace

QColor trafficLightFill(TrafficLight light)
{
    // Mid-tone colours read against both light and dark backgrounds; the shape and letter carry
    // the meaning for anyone who cannot tell them apart.
    switch (light) {
    case TrafficLight::Red:
        return QColor(0xd3, 0x2f, 0x2f);
    case TrafficLight::Amber:
        return QColor(0xf0, 0xa3, 0x0a);
    case TrafficLight::Green:
        return QColor(0x2e, 0x7d, 0x32);
    case TrafficLight::None:
        break;
    }
    return {};
}

QColor readableOn(const QColor& fill, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    return contrast(fill, base) >= contrast(fill, text) ? base : text;
}

void paintTrafficLight(QPainter& p, const QRectF& rect, TrafficLight light, const QPalette& palette)
{
    if (light == TrafficLight::None)
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = square(rect).adjusted(1, 1, -1, -1);
    const QColor fill = trafficLightFill(light);
    p.setBrush(fill);
    p.setPen(QPen(palette.color(QPalette::Text), std::max(1.0, r.width() / 18)));
    QRectF letterBox = r;
    switch (light) {
    case TrafficLight::Red:
        p.drawPolygon(regularPolygon(r, 8, std::numbers::pi / 8));
        break;
    case TrafficLight::Amber: {
        QPolygonF tri;
        tri << QPointF(r.center().x(), r.top()) << QPointF(r.right(), r.bottom()) << QPointF(r.left(), r.bottom());
        p.drawPolygon(tri);
        letterBox = r.adjusted(0, r.height() * 0.3, 0, 0); // the letter sits low, where the triangle is wide
        break;
    }
    case TrafficLight::Green:
        p.drawEllipse(r);
        break;
    case TrafficLight::None:
        break;
    }
    drawLetter(p, letterBox, trafficLightLetter(light), readableOn(fill, palette),
               light == TrafficLight::Amber ? 0.55 : 0.62);
    p.restore();
}

QIcon trafficLightIcon(TrafficLight light)
{
    return painted([light](QPainter& p, const QRectF& r, const QPalette& palette, QIcon::Mode) {
        paintTrafficLight(p, r, light, palette);
    });
}

QIcon targetStatusIcon(TargetStatus status)
{
    return painted([status](QPainter& p, const QRectF& rect, const QPalette& palette, QIcon::Mode mode) {
        const QRectF r = square(rect).adjusted(1.5, 1.5, -1.5, -1.5);
        const QColor colour = ink(palette, mode);
        const double pen = std::max(1.2, r.width() / 10);
        p.setPen(QPen(colour, pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        switch (status) {
        case TargetStatus::Active: { // an arrow: still moving towards it
            QPolygonF arrow;
            arrow << QPointF(r.left() + r.width() * 0.2, r.top() + r.height() * 0.1)
                  << QPointF(r.right() - r.width() * 0.05, r.center().y())
                  << QPointF(r.left() + r.width() * 0.2, r.bottom() - r.height() * 0.1);
            p.drawPolygon(arrow);
            break;
        }
        case TargetStatus::Achieved: { // a filled circle with a tick
            const QColor fill = trafficLightFill(TrafficLight::Green);
            p.setBrush(fill);
            p.setPen(Qt::NoPen);
            p.drawEllipse(r);
            QPainterPath tick;
            tick.moveTo(r.left() + r.width() * 0.26, r.top() + r.height() * 0.52);
            tick.lineTo(r.left() + r.width() * 0.44, r.top() + r.height() * 0.70);
            tick.lineTo(r.left() + r.width() * 0.76, r.top() + r.height() * 0.32);
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(readableOn(fill, palette), pen * 1.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.drawPath(tick);
            break;
        }
        case TargetStatus::PartlyAchieved: { // a half-filled circle
            p.drawEllipse(r);
            QPainterPath half;
            half.moveTo(r.center());
            half.arcTo(r, 90, 180);
            half.closeSubpath();
            p.fillPath(half, colour);
            break;
        }
        case TargetStatus::NotAchieved: // an empty circle: not there yet
            p.drawEllipse(r);
            break;
        case TargetStatus::Discontinued: // a struck-through circle
            p.drawEllipse(r);
            p.drawLine(QPointF(r.left() + r.width() * 0.18, r.bottom() - r.height() * 0.18),
                       QPointF(r.right() - r.width() * 0.18, r.top() + r.height() * 0.18));
            break;
        }
    });
}

QIcon lockIcon()
{
    return painted([](QPainter& p, const QRectF& rect, const QPalette& palette, QIcon::Mode mode) {
        const QRectF r = square(rect).adjusted(1, 1, -1, -1);
        const QColor colour = ink(palette, mode);
        const QRectF body(r.left() + r.width() * 0.15, r.top() + r.height() * 0.45, r.width() * 0.7, r.height() * 0.55);
        const QRectF shackle(r.left() + r.width() * 0.28, r.top() + r.height() * 0.05, r.width() * 0.44,
                             r.height() * 0.7);
        p.setPen(QPen(colour, std::max(1.2, r.width() / 9)));
        p.setBrush(Qt::NoBrush);
        p.drawArc(shackle, 0, 180 * 16);
        p.drawLine(QPointF(shackle.left(), shackle.center().y()), QPointF(shackle.left(), body.top()));
        p.drawLine(QPointF(shackle.right(), shackle.center().y()), QPointF(shackle.right(), body.top()));
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawRoundedRect(body, r.width() * 0.08, r.width() * 0.08);
    });
}

QIcon warningIcon()
{
    return painted([](QPainter& p, const QRectF& rect, const QPalette& palette, QIcon::Mode) {
        const QRectF r = square(rect).adjusted(1, 1, -1, -1);
        const QColor fill = trafficLightFill(TrafficLight::Amber);
        QPolygonF tri;
        tri << QPointF(r.center().x(), r.top()) << QPointF(r.right(), r.bottom()) << QPointF(r.left(), r.bottom());
        p.setBrush(fill);
        p.setPen(QPen(palette.color(QPalette::Text), std::max(1.0, r.width() / 18)));
        p.drawPolygon(tri);
        drawLetter(p, r.adjusted(0, r.height() * 0.25, 0, 0), QStringLiteral("!"), readableOn(fill, palette), 0.55);
    });
}

QIcon tickIcon()
{
    return targetStatusIcon(TargetStatus::Achieved);
}

} // namespace waymark::shapes
