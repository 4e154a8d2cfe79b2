#include "icons.h"

#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace waymark::icons {

namespace {

// Draws the SVG's shape, then floods it with the palette colour for the icon's mode (KeePassXC's
// approach): the SVG files stay plain black shapes, and one set serves every palette.
class TintedSvgEngine final : public QIconEngine
{
public:
    explicit TintedSvgEngine(QString path) : path_(std::move(path)) {}

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap pm = scaledPixmap(rect.size(), mode, state, ratio);
        painter->drawPixmap(rect, pm);
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State /*state*/, qreal scale) override
    {
        const QColor colour = colourFor(mode);
        const QSize device = size * scale;
        const QString cacheKey = QStringLiteral("waymark-icon:%1:%2x%3:%4")
                                     .arg(path_)
                                     .arg(device.width())
                                     .arg(device.height())
                                     .arg(colour.rgba());
        QPixmap pm;
        if (QPixmapCache::find(cacheKey, &pm))
            return pm;

        QImage image(device, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter p(&image);
            QSvgRenderer renderer(path_);
            renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(device)));
            p.setCompositionMode(QPainter::CompositionMode_SourceIn);
            p.fillRect(image.rect(), colour);
        }
        pm = QPixmap::fromImage(std::move(image));
        pm.setDevicePixelRatio(scale);
        QPixmapCache::insert(cacheKey, pm);
        return pm;
    }

    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine* clone() const override { return new TintedSvgEngine(path_); }
    QString key() const override { return QStringLiteral("waymark-tinted-svg"); }

private:
    static QColor colourFor(QIcon::Mode mode)
    {
        const QPalette palette = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return palette.color(QPalette::Active, QPalette::WindowText);
    }

    QString path_;
};

} // namespace

QIcon themed(const QString& name)
{
    const QString path = QStringLiteral(":/icons/") + name + QStringLiteral(".svg");
    if (!QFile::exists(path))
        return {};
    return QIcon(new TintedSvgEngine(path));
}

QIcon app()
{
    return QIcon(QStringLiteral(":/icons/waymark.svg"));
}

} // namespace waymark::icons
