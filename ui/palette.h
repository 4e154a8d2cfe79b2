#pragma once

#include <QPalette>

namespace waymark {

// A dark palette for the Fusion style, used when the desktop gives none (a bare X server, a check of
// the dark look in screenshots). Everything else in the app reads colours from the palette.
QPalette darkPalette();

// Applies WAYMARK_PALETTE=dark|light from the environment, if set; the desktop's palette otherwise.
void applyPaletteFromEnvironment();

} // namespace waymark
