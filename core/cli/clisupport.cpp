// Pieces every waymark-cli command shares: its help page, Ctrl+C handling and a progress line.
#include "cli/clicommand.h"
#include "calendar/schoolcalendar.h"
#include "queries/rosterqueries.h"
#include "storage/database.h"
#include "storage/storageerror.h"

#include <QRegularExpression>

namespace waymark::cli {

namespace {
volatile std::sig_atomic_t interruptRequested = 0;

extern "C" void onInterrupt(int)
{
    interruptRequested = 1;
}

// "  -p, --pupils N" padded to a column, as QCommandLineParser lays out its own help.
QString optionSyntax(const Option& option)
{
    QStringList names;
    for (const QString& name : option.names)
        names << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    QString syntax = names.join(QStringLiteral(", "));
    if (!option.valueName.isEmpty())
        syntax += QLatin1Char(' ') + option.valueName;
    return syntax;
}
} // namespace

QString helpFor(const Command& command)
{
    QString text =
        Tr::tr("Usage: waymark-cli %1 [options] %2").arg(command.name, command.arguments) + QLatin1Char('\n');
    text += QLatin1Char('\n') + command.description + QLatin1Char('\n');
    std::vector<Option> options = command.options;
    options.push_back({{QStringLiteral("h"), QStringLiteral("help")}, {}, Tr::tr("Show this help.")});
    text += QLatin1Char('\n') + Tr::tr("Options:") + QLatin1Char('\n');
    for (const Option& option : options)
        text += helpRow(optionSyntax(option), option.description);
    return text;
}

QString helpRow(const QString& left, const QString& right)
{
    return QStringLiteral("  ") + left.leftJustified(22) + QLatin1Char(' ') + right + QLatin1Char('\n');
}

std::optional<RowId> groupOption(Database& db, const QCommandLineParser& parser, QDate today)
{
    if (!parser.isSet(QStringLiteral("group")))
        return std::nullopt;
    const QString name = parser.value(QStringLiteral("group"));
    const int year = rosterYear(db, today);
    const std::optional<GroupSummary> group = findGroup(db, name, year);
    if (!group)
        throw UsageError(
            Tr::tr("There is no group called “%1” in %2.").arg(name, SchoolCalendar::academicYearLabel(year)));
    return group->id;
}

QDate todayOption(const QCommandLineParser& parser)
{
    return dateOption(parser, QStringLiteral("today"), QDate::currentDate());
}

QDate isoDate(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    if (!pattern.match(text).hasMatch())
        return {};
    return QDate::fromString(text, Qt::ISODate);
}

QDate dateOption(const QCommandLineParser& parser, const QString& name, QDate otherwise)
{
    if (!parser.isSet(name))
        return otherwise;
    const QDate date = isoDate(parser.value(name).trimmed());
    if (!date.isValid() || date.year() < 1970 || date.year() > 2199)
        throw UsageError(Tr::tr("--%1 must be a date written YYYY-MM-DD (for example 2025-03-14), not “%2”.")
                             .arg(name, parser.value(name)));
    return date;
}

QStringList listOption(const QCommandLineParser& parser, const QString& name)
{
    QStringList values;
    for (const QString& value : parser.value(name).split(QLatin1Char(',')))
        if (!value.trimmed().isEmpty())
            values << value.trimmed();
    return values;
}

QString tidyUpn(const QString& typed)
{
    return typed.simplified().remove(QLatin1Char(' ')).toUpper();
}

std::unique_ptr<Database> openForChange(const QString& path)
{
    Database::Options options;
    options.busyTimeoutMs = kBusyTimeoutMs;
    return Database::open(path, options);
}

StorageError explainWriteFailure(const StorageError& error, const QString& path)
{
    using Kind = StorageError::Kind;
    switch (error.kind()) {
    case Kind::DiskFull:
        return {Kind::DiskFull,
                Tr::tr("There is not enough space on the disk for “%1”; nothing was written.").arg(path)};
    case Kind::Io:
        return {Kind::Io, Tr::tr("“%1” could not be written: the disk refused (it may be full, or the file too "
                                 "large for it). Nothing was written.")
                              .arg(path)};
    case Kind::ReadOnly:
    case Kind::NotFound:
        return {Kind::ReadOnly, Tr::tr("“%1” cannot be made there; choose a folder you can write to.").arg(path)};
    default:
        return error;
    }
}

InterruptGuard::InterruptGuard()
{
    interruptRequested = 0;
    previousInt_ = std::signal(SIGINT, onInterrupt);
    previousTerm_ = std::signal(SIGTERM, onInterrupt);
}

InterruptGuard::~InterruptGuard()
{
    std::signal(SIGINT, previousInt_ == SIG_ERR ? SIG_DFL : previousInt_);
    std::signal(SIGTERM, previousTerm_ == SIG_ERR ? SIG_DFL : previousTerm_);
}

bool InterruptGuard::requested()
{
    return interruptRequested != 0;
}

ProgressLine::ProgressLine(Context& context, QString label) : context_(context), label_(std::move(label)) {}

ProgressLine::~ProgressLine()
{
    if (shown_ >= 0) {
        context_.err << '\r' << QString(label_.size() + 6, QLatin1Char(' ')) << '\r';
        context_.err.flush();
    }
}

void ProgressLine::update(qint64 done, qint64 total)
{
    if (!context_.errIsTerminal || total <= 0)
        return;
    const int percent = int(qBound(qint64(0), done * 100 / total, qint64(100)));
    if (percent == shown_)
        return;
    shown_ = percent;
    context_.err << '\r' << label_ << ' ' << percent << '%';
    context_.err.flush();
}

} // namespace waymark::cli
