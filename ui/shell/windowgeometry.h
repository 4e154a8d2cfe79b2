#pragma once

#include <QRect>
#include <QSize>

class QWidget;

namespace waymark {

// Keeps a window on screen: a remembered geometry from a larger monitor (or one since unplugged) is
// shrunk and moved to fit the screen it lands on, so the window always fits a 1366×768 laptop.
QRect fitToScreen(const QRect& frame, const QRect& available);

// The default size: 1280×720 or less, to leave room for a taskbar on a 1366×768 screen.
QSize defaultWindowSize(const QRect& available);

// Restores geometry saved by QWidget::saveGeometry() (or applies the default size), then fits the
// window to the available area of its screen.
void restoreWindowGeometry(QWidget& window, const QByteArray& saved);

} // namespace waymark
