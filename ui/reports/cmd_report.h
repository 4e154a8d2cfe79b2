#pragma once

#include "cli/clicommand.h"

namespace waymark::cli {

// waymark-cli report: the feedback slips or the whole-class feedback sheet of a task, as a PDF.
// Drawing needs Qt Gui: waymark-cli makes a QGuiApplication (on the offscreen platform unless
// another is asked for) for this command only, and a QCoreApplication for every other.
Command reportCommand();

} // namespace waymark::cli
