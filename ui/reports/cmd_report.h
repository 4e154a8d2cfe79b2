#pragma once

#include "cli/clicommand.h"

namespace waymark::cli {

// waymark-cli report: the feedback slips or the whole-class feedback sheet of a task, as a PDF.
// It lives with the reports (Qt Gui), not in core/cli, and is handed to runCli() by waymark-cli's
// main, which makes a QGuiApplication (offscreen) for it.
Command reportCommand();

} // namespace waymark::cli
