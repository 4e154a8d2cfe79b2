#pragma once

#include "qtstringmaker.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// Runs the real waymark-cli (and the sqlite3 shell) for the end-to-end tests.
namespace waymark::test {

struct CliRun
{
    int exitCode = -1;
    bool crashed = false; // killed by a signal or timed out
    QString out;
    QString err;
    qint64 milliseconds = 0;
};

CliRun runCli(const QStringList& arguments, int timeoutMs = 180000);
// The same under `sh -c`, with shellSetup (e.g. "ulimit -f 100") run first.
CliRun runCliUnderShell(const QString& shellSetup, const QStringList& arguments);

// stats FILE through the CLI, parsed; fails the test if it does not succeed.
QJsonObject statsOf(const QString& path);

// The sqlite3 shell's output for sql (or a dot-command) on path, trimmed.
QString sqliteShell(const QString& path, const QString& sql);

// Checks a CLI failure: exit status `status`, nothing like a crash, and exactly one line on stderr
// starting "waymark-cli: " that contains every one of `words` (case-insensitive).
void requireOneLineError(const CliRun& run, int status, const QStringList& words);

// The first line where two texts differ, as "line N: <a> | <b>"; empty when they are equal. Keeps
// a failing comparison of two large dumps readable.
QString firstDifference(const QString& a, const QString& b);

// The stable keys of `stats`, with the SQL that counts each one independently of core/.
const std::vector<std::pair<QString, QString>>& statsKeysAndSql();

// Files (including hidden ones) in a folder, sorted.
QStringList filesIn(const QString& folder);

} // namespace waymark::test
