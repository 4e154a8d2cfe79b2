#pragma once

#include <QStringList>
#include <QTextStream>

#include <vector>

namespace waymark {

namespace cli {
struct Command;
}

// The whole of waymark-cli: arguments as QCoreApplication::arguments() gives them (the program
// first), normal output to out, messages and progress to err. Returns the exit status:
// 0 success, 1 failure (or check found problems), 2 a usage error. Never throws.
int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err);
// The same with more commands beside core's own: those that need more than Qt Core (report, which
// draws with Qt Gui) are handed in by waymark-cli's main.
int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err, const std::vector<cli::Command>& more);

// Silences Qt's debug, info and warning messages, so scripts see only what the CLI itself says.
void quietenQtMessages();

} // namespace waymark
