#pragma once

#include "domain/enums.h"

#include <QColor>
#include <QIcon>

class QPainter;
class QPalette;
class QRectF;

// Small shapes drawn in code for the pupil page: traffic lights that carry a letter and a shape as
// well as a colour (red octagon R, amber triangle A, green circle G), target-status marks, and the
// lock and warning signs. They are painted at the size and pixel ratio asked for, from the palette
// at paint time, so they stay sharp on high-DPI screens and follow light and dark palettes.
namespace waymark::shapes {

QColor trafficLightFill(TrafficLight light);
void paintTrafficLight(QPainter& painter, const QRectF& rect, TrafficLight light, const QPalette& palette);

QIcon trafficLightIcon(TrafficLight light);
QIcon targetStatusIcon(TargetStatus status);
QIcon lockIcon();
QIcon warningIcon();
QIcon tickIcon();

// Whichever of the palette's Base and Text colours reads better on `fill`.
QColor readableOn(const QColor& fill, const QPalette& palette);

} // namespace waymark::shapes
