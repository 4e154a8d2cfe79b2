#include "palette.h"

#include <QApplication>
#include <QPainter>
#include <QProxyStyle>
#include <QStyleOption>
#include <QStyle>
#include <QStyleFactory>

namespace waymark {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe8, 0xe8, 0xe6);
    const QColor disabledText(0x80, 0x82, 0x86);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x80, 0x80));
    p.setColor(QPalette::Light, QColor(0x45, 0x47, 0x4c));
    p.setColor(QPalette::Midlight, QColor(0x3b, 0x3d, 0x42));
    p.setColor(QPalette::Mid, QColor(0x24, 0x26, 0x29));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xc7));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x7c, 0xb4, 0xf5));
    p.setColor(QPalette::LinkVisited, QColor(0xb4, 0x9c, 0xf0));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4c, 0x50));
    return p;
}

namespace {
// Fusion draws an unticked box's edge from the window colour made darker, which on a dark window is
// all but invisible. This draws the edge again in a light colour wherever the palette is dark.
class VisibleIndicatorStyle final : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;
    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        const bool indicator = element == PE_IndicatorCheckBox || element == PE_IndicatorItemViewItemCheck;
        if (!indicator || option->palette.color(QPalette::Window).lightness() > 128)
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        QColor edge = option->palette.color(QPalette::WindowText);
        edge.setAlpha(option->state & State_Enabled ? 170 : 90);
        painter->setPen(QPen(edge, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5), 1.5, 1.5);
        painter->restore();
    }
};

struct Desktop
{
    QString style;
    QPalette palette;
};

const Desktop& desktop()
{
    static const Desktop original{QApplication::style()->name(), QApplication::palette()};
    return original;
}
} // namespace

Appearance appearanceFromText(const QString& text)
{
    if (text == QLatin1String("light"))
        return Appearance::Light;
    if (text == QLatin1String("dark"))
        return Appearance::Dark;
    return Appearance::System;
}

QString appearanceText(Appearance appearance)
{
    switch (appearance) {
    case Appearance::Light:
        return QStringLiteral("light");
    case Appearance::Dark:
        return QStringLiteral("dark");
    case Appearance::System:
        break;
    }
    return QStringLiteral("system");
}

void applyAppearance(Appearance appearance)
{
    static Appearance current = Appearance::System;
    const Desktop& original = desktop(); // captured before the first change
    if (appearance == current)
        return; // nothing to do (and start-up on the desktop's look costs nothing)
    current = appearance;
    if (appearance == Appearance::System) {
        QApplication::setStyle(QStyleFactory::create(original.style));
        QApplication::setPalette(original.palette);
        return;
    }
    // Fusion draws every control from the palette, so the chosen colours show everywhere.
    QApplication::setStyle(new VisibleIndicatorStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
    QApplication::setPalette(appearance == Appearance::Dark ? darkPalette()
                                                            : QApplication::style()->standardPalette());
}

std::optional<Appearance> appearanceFromEnvironment()
{
    const QByteArray wanted = qgetenv("WAYMARK_PALETTE").toLower();
    if (wanted == "dark")
        return Appearance::Dark;
    if (wanted == "light")
        return Appearance::Light;
    return std::nullopt;
}

} // namespace waymark
