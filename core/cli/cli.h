#pragma once

#include <QStringList>
#include <QTextStream>

namespace waymark {

// The whole of waymark-cli: arguments as QCoreApplication::arguments() gives them (the program
// first), normal output to out, messages and progress to err. Returns the exit status:
// 0 success, 1 failure (or check found problems), 2 a usage error. Never throws.
int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err);

// Silences Qt's debug, info and warning messages, so scripts see only what the CLI itself says.
void quietenQtMessages();

} // namespace waymark
