#include "shell/messagebanner.h"

#include "icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>

namespace waymark {

MessageBanner::MessageBanner(QWidget* parent) : QFrame(parent), icon_(new QLabel(this)), text_(new QLabel(this))
{
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(icon_, 0, Qt::AlignTop);
    layout->addWidget(text_, 1);
    setAccessibleName(tr("Notice"));
    updateIcon();
}

void MessageBanner::setText(const QString& text)
{
    text_->setText(text);
    setAccessibleDescription(text);
}

QString MessageBanner::text() const
{
    return text_->text();
}

void MessageBanner::updateIcon()
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    icon_->setPixmap(icons::themed(QStringLiteral("lock")).pixmap(QSize(size, size), devicePixelRatioF()));
}

void MessageBanner::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateIcon();
    QFrame::changeEvent(event);
}

void MessageBanner::paintEvent(QPaintEvent* /*event*/)
{
    // An amber wash over the window colour reads as "take note" on light and dark palettes alike.
    const QColor window = palette().color(QPalette::Window);
    const QColor amber(0xf0, 0xa0, 0x20);
    const qreal mix = window.lightnessF() > 0.5 ? 0.25 : 0.30;
    const QColor fill = QColor::fromRgbF(window.redF() * (1 - mix) + amber.redF() * mix,
                                         window.greenF() * (1 - mix) + amber.greenF() * mix,
                                         window.blueF() * (1 - mix) + amber.blueF() * mix);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(amber, 1));
    p.setBrush(fill);
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}

} // namespace waymark
