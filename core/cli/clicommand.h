#pragma once

#include "domain/entity.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QTextStream>

#include <csignal>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

// Internal to waymark-cli: how a subcommand is described, parsed and run.
namespace waymark {
class Database;
class StorageError;
} // namespace waymark

namespace waymark::cli {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(WaymarkCli)
};

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
// Short, so a script never hangs on a file another program holds.
inline constexpr int kBusyTimeoutMs = 2000;

// Where a command writes, and whether err is a terminal (progress is drawn only there).
struct Context
{
    QTextStream& out;
    QTextStream& err;
    bool errIsTerminal = false;
};

// A mistake on the command line: reported in one line, exit status 2.
class UsageError : public std::runtime_error
{
public:
    explicit UsageError(QString message) : std::runtime_error(message.toStdString()), message_(std::move(message)) {}
    const QString& message() const { return message_; }

private:
    QString message_;
};

// The user pressed Ctrl+C: the command stops and leaves nothing behind.
struct Interrupted
{
};

struct Option
{
    QStringList names;
    QString valueName; // empty for a flag
    QString description;
};

struct Command
{
    QString name;
    QString arguments;     // as shown in usage, e.g. "FILE DEST"
    int argumentCount = 0; // positional arguments required, exactly
    QString summary;       // one line for the command list
    QString description;   // the paragraph of "help COMMAND"
    std::vector<Option> options;
    int (*run)(Context& context, const QCommandLineParser& parser) = nullptr;
};

Command initCommand();
Command demoCommand();
Command checkCommand();
Command statsCommand();
Command backupCommand();
Command schoolCommand();
Command pupilsCommand();
Command addPupilCommand();
Command importCommand();
Command exportCommand();
Command groupsCommand();
Command tasksCommand();
Command nextStepsCommand();
Command markCommand();
Command searchCommand();
Command staffCommand();
Command subjectsCommand();
Command groupCommand();
Command calendarCommand();
Command newYearCommand();
Command pupilLeftCommand();
Command commentsCommand();

QString helpFor(const Command& command);
// The --today option (YYYY-MM-DD), or the computer's date when it is not given; UsageError if
// malformed.
QDate todayOption(const QCommandLineParser& parser);
// A date written exactly YYYY-MM-DD, or an invalid QDate (Qt's own ISO parsing takes any separator).
QDate isoDate(const QString& text);
// The --group NAME option: this academic year's group of that name (the year of `today`), or empty
// when the option is not given; UsageError naming the year when there is no such group.
std::optional<RowId> groupOption(Database& db, const QCommandLineParser& parser, QDate today);
// The date option `name` (YYYY-MM-DD), or `otherwise` when it is not given; UsageError if malformed.
QDate dateOption(const QCommandLineParser& parser, const QString& name, QDate otherwise);
// A comma-separated option's values, each trimmed, empty ones dropped.
QStringList listOption(const QCommandLineParser& parser, const QString& name);
// A UPN as typed, tidied as the set-up services store it: no spaces, capitals.
QString tidyUpn(const QString& typed);
// The school file opened to be changed, waiting at most kBusyTimeoutMs for another program.
std::unique_ptr<Database> openForChange(const QString& path);
// One "  left   right" line of a help page, the right column aligned.
QString helpRow(const QString& left, const QString& right);

// A failure while writing a new file names that file, not the temporary one it was built in.
StorageError explainWriteFailure(const StorageError& error, const QString& path);

// Installs a Ctrl+C handler for its lifetime; requested() says whether it was pressed.
class InterruptGuard
{
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;
    static bool requested();

private:
    void (*previousInt_)(int) = nullptr;
    void (*previousTerm_)(int) = nullptr;
};

// "Making the demo school… 42%" redrawn in place on a terminal; nothing otherwise.
class ProgressLine
{
public:
    ProgressLine(Context& context, QString label);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;
    void update(qint64 done, qint64 total);

private:
    Context& context_;
    QString label_;
    int shown_ = -1;
};

} // namespace waymark::cli
