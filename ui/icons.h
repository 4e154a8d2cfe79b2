#pragma once

#include <QIcon>
#include <QString>

namespace waymark::icons {

// A monochrome icon from the resources (":/icons/<name>.svg") painted in the current palette's text
// colour at paint time, so it follows light and dark palettes and stays sharp on high-DPI screens.
QIcon themed(const QString& name);

// The full-colour application icon.
QIcon app();

} // namespace waymark::icons
