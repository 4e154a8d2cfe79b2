// runCli(): picks the subcommand, parses its options and turns every failure into one line and an
// exit status.
#include "cli/cli.h"

#include "cli/clicommand.h"
#include "demo/demogenerator.h"
#include "storage/storageerror.h"

#include <QFile>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

#ifndef WAYMARK_VERSION
#define WAYMARK_VERSION "unknown"
#endif

namespace waymark {

namespace {
using namespace cli;

std::vector<Command> allCommands()
{
    return {initCommand(),     demoCommand(),   checkCommand(),     statsCommand(),  backupCommand(),
            schoolCommand(),   pupilsCommand(), addPupilCommand(),  importCommand(), exportCommand(),
            groupsCommand(),   groupCommand(), tasksCommand(), nextStepsCommand(), markCommand(), searchCommand(), pupilLeftCommand(),
            staffCommand(),  subjectsCommand(), calendarCommand(), newYearCommand(), commentsCommand()};
}

const Command* findCommand(const std::vector<Command>& commands, const QString& name)
{
    for (const Command& command : commands) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

QString generalHelp(const std::vector<Command>& commands)
{
    QString text = Tr::tr("Usage: waymark-cli COMMAND [options] ARGUMENTS") + QLatin1Char('\n');
    text += QLatin1Char('\n') +
            Tr::tr("Looks after Waymark school files without opening the app: makes new and demo files,\n"
                   "checks them for damage, counts what they hold and backs them up safely.") +
            QLatin1Char('\n');
    text += QLatin1Char('\n') + Tr::tr("Commands:") + QLatin1Char('\n');
    for (const Command& command : commands)
        text += helpRow(command.name + QLatin1Char(' ') + command.arguments, command.summary);
    text += helpRow(QStringLiteral("help COMMAND"), Tr::tr("Explain one command and its options."));
    text += QLatin1Char('\n') + Tr::tr("Options:") + QLatin1Char('\n');
    text += helpRow(QStringLiteral("-h, --help"), Tr::tr("Show this help."));
    text += helpRow(QStringLiteral("-v, --version"), Tr::tr("Show the version of waymark-cli."));
    text += QLatin1Char('\n') + Tr::tr("Exit status:") + QLatin1Char('\n');
    text += Tr::tr("  0  it worked (for check: the file is sound)\n"
                   "  1  it failed, or check found problems; the message says why, and no file was left\n"
                   "     half-written\n"
                   "  2  the command line was wrong: an unknown command or option, or a missing or bad value\n");
    return text;
}

QString helpHint()
{
    return Tr::tr("Run “waymark-cli --help” to see the commands.");
}

int runCommand(Context& context, const Command& command, const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, Tr::tr("Show this help."));
    parser.addOption(help);
    for (const Option& option : command.options)
        parser.addOption(QCommandLineOption(option.names, option.description, option.valueName));
    if (!parser.parse(QStringList{QStringLiteral("waymark-cli")} + arguments))
        throw UsageError(Tr::tr("%1: %2 See “waymark-cli help %1”.").arg(command.name, parser.errorText()));
    if (parser.isSet(help)) {
        context.out << helpFor(command);
        return kExitOk;
    }
    if (parser.positionalArguments().size() != command.argumentCount)
        throw UsageError(Tr::tr("“%1” takes %2, no more and no less. See “waymark-cli help %1”.")
                             .arg(command.name, command.arguments));
    return command.run(context, parser);
}

int dispatch(Context& context, const QStringList& arguments, const std::vector<Command>& more)
{
    std::vector<Command> commands = allCommands();
    commands.insert(commands.end(), more.begin(), more.end());
    if (arguments.size() < 2)
        throw UsageError(Tr::tr("no command given. %1").arg(helpHint()));
    const QString first = arguments.at(1);
    const QStringList rest = arguments.mid(2);
    if (first == QLatin1String("-h") || first == QLatin1String("--help")) {
        context.out << generalHelp(commands);
        return kExitOk;
    }
    if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        context.out << QStringLiteral("waymark-cli %1").arg(QLatin1String(WAYMARK_VERSION)) << Qt::endl;
        return kExitOk;
    }
    if (first == QLatin1String("help")) {
        if (rest.isEmpty()) {
            context.out << generalHelp(commands);
            return kExitOk;
        }
        const Command* command = findCommand(commands, rest.first());
        if (!command || rest.size() > 1)
            throw UsageError(Tr::tr("there is no command “%1”. %2").arg(rest.join(QLatin1Char(' ')), helpHint()));
        context.out << helpFor(*command);
        return kExitOk;
    }
    if (first.startsWith(QLatin1Char('-')))
        throw UsageError(Tr::tr("unknown option “%1”; the command comes first. %2").arg(first, helpHint()));
    const Command* command = findCommand(commands, first);
    if (!command)
        throw UsageError(Tr::tr("there is no command “%1”. %2").arg(first, helpHint()));
    return runCommand(context, *command, rest);
}

bool isTerminal(QTextStream& stream)
{
    const auto* file = qobject_cast<QFile*>(stream.device());
    if (!file || file->handle() < 0)
        return false;
#ifdef Q_OS_WIN
    return _isatty(file->handle()) != 0;
#else
    return isatty(file->handle()) != 0;
#endif
}

// Scripts read stderr line by line: one message, one line.
QString oneLine(QString message)
{
    return message.replace(QLatin1Char('\n'), QLatin1Char(' ')).trimmed();
}

QtMessageHandler previousHandler = nullptr;

void quietHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if ((type == QtCriticalMsg || type == QtFatalMsg) && previousHandler)
        previousHandler(type, context, message);
}
} // namespace

int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    return runCli(arguments, out, err, {});
}

int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err, const std::vector<cli::Command>& more)
{
    Context context{out, err, isTerminal(err)};
    int status = kExitFailure;
    QString message;
    try {
        status = dispatch(context, arguments, more);
    } catch (const UsageError& e) {
        status = kExitUsage;
        message = e.message();
    } catch (const StorageError& e) {
        message = e.message();
    } catch (const Interrupted&) {
        message = Tr::tr("stopped before finishing; nothing was written.");
    } catch (const DemoCancelled&) {
        message = Tr::tr("stopped before finishing; nothing was written.");
    } catch (const std::exception& e) {
        message = Tr::tr("something unexpected went wrong: %1").arg(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        message = Tr::tr("something unexpected went wrong.");
    }
    out.flush();
    if (!message.isEmpty())
        err << "waymark-cli: " << oneLine(message) << Qt::endl;
    err.flush();
    return status;
}

void quietenQtMessages()
{
    previousHandler = qInstallMessageHandler(quietHandler);
}

} // namespace waymark
