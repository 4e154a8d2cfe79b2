#pragma once

#include <QPalette>
#include <QString>

#include <optional>

namespace waymark {

// A dark palette for the Fusion style, used when the desktop gives none (a bare X server, a check of
// the dark look in screenshots). Everything else in the app reads colours from the palette.
QPalette darkPalette();

// View ▸ Appearance: follow the desktop, or always light, or always dark.
enum class Appearance { System, Light, Dark };
Appearance appearanceFromText(const QString& text); // "system", "light", "dark"; System otherwise
QString appearanceText(Appearance appearance);

// Applies an appearance to the whole app at once. The desktop's own style and palette are kept from
// the first call, so that System brings them back.
void applyAppearance(Appearance appearance);

// WAYMARK_PALETTE=dark|light from the environment (screenshots, checks), if set; nullopt otherwise.
std::optional<Appearance> appearanceFromEnvironment();

} // namespace waymark
