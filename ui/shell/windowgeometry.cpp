#include "shell/windowgeometry.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

#include <algorithm>

namespace waymark {

QRect fitToScreen(const QRect& frame, const QRect& available)
{
    if (available.isEmpty())
        return frame;
    QRect out = frame;
    out.setWidth(std::min(frame.width(), available.width()));
    out.setHeight(std::min(frame.height(), available.height()));
    out.moveLeft(std::clamp(out.left(), available.left(), available.right() - out.width() + 1));
    out.moveTop(std::clamp(out.top(), available.top(), available.bottom() - out.height() + 1));
    return out;
}

QSize defaultWindowSize(const QRect& available)
{
    QSize size(1280, 720);
    if (!available.isEmpty())
        size = size.boundedTo(available.size() * 0.95);
    return size;
}

void restoreWindowGeometry(QWidget& window, const QByteArray& saved)
{
    if (saved.isEmpty() || !window.restoreGeometry(saved)) {
        const QScreen* screen = window.screen() ? window.screen() : QGuiApplication::primaryScreen();
        const QRect available = screen ? screen->availableGeometry() : QRect();
        window.resize(defaultWindowSize(available));
        if (!available.isEmpty())
            window.move(available.center() - window.rect().center());
        return;
    }
    const QScreen* screen = QGuiApplication::screenAt(window.geometry().center());
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (!screen)
        return;
    if (window.isMaximized() || window.isFullScreen())
        return;
    // The frame adds a title bar and borders; keep the whole of it on screen.
    const QRect frame = window.frameGeometry();
    const QMargins margins(window.geometry().left() - frame.left(), window.geometry().top() - frame.top(),
                           frame.right() - window.geometry().right(), frame.bottom() - window.geometry().bottom());
    const QRect fitted = fitToScreen(frame, screen->availableGeometry());
    window.setGeometry(fitted.marginsRemoved(margins));
}

} // namespace waymark
