#pragma once

#include "cli/clicommand.h"

namespace waymark::cli {

// waymark-cli report: the feedback slips or the whole-class feedback sheet of a task, as a PDF.
// Drawing needs Qt Gui, which the other commands never load (it would slow every one of them), so
// the command runs in a program of its own, waymark-cli-report, that waymark-cli hands `report` to.

// Its name, options and help (Qt Core only), for waymark-cli's command list; it does not run.
Command reportCommandHelp();

// The same, able to run: for waymark-cli-report, which makes a QGuiApplication first.
Command reportCommand();

} // namespace waymark::cli
