#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace waymark {

// Where `--show` asks the window to open: the dashboard, a pupil by UPN, or a group by name.
struct ShowTarget
{
    enum class Kind { Dashboard, Pupil, Group, Setup, Import, Task };
    Kind kind = Kind::Dashboard;
    QString value; // the normalised UPN, the group's name, the set-up page, the file to import, or a task id

    // "dashboard", "pupil:<UPN>", "group:<name>", "task:<id>" (its marking grid; ids as `waymark-cli tasks`
    // lists them), "setup:staff|subjects|groups|calendar" (School
    // Set-up at that tab), "import:<file or folder>" (the import wizard, as far as its preview);
    // nullopt and a sentence in *error if malformed.
    static std::optional<ShowTarget> parse(const QString& text, QString* error = nullptr);
    bool operator==(const ShowTarget&) const = default;
};

// What the command line asks of the GUI.
struct CommandLine
{
    QString file; // empty: the last or the default school file
    std::optional<ShowTarget> show;
    QString screenshot; // empty: run normally
    QDate today;        // invalid: the computer's date (a fixed date makes screenshots reproducible)
};

// The result of reading the arguments: run, or print `text` and exit with `exitCode`.
struct ParsedCommandLine
{
    enum class Action { Run, Exit };
    Action action = Action::Run;
    CommandLine options;
    QString text; // help, version or the problem with the arguments
    int exitCode = 0;
    bool textIsError = false;
};

// Parses `waymark [FILE] [--show ...] [--screenshot PNG] [--version] [--help]` (arguments[0] is the
// program). Needs a QCoreApplication for the translated help text.
ParsedCommandLine parseCommandLine(const QStringList& arguments);

} // namespace waymark
