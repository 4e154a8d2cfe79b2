#include "app/commandline.h"

#include "app/version.h"
#include "domain/upn.h"

#include <QCommandLineParser>

namespace waymark {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};
} // namespace

std::optional<ShowTarget> ShowTarget::parse(const QString& text, QString* error)
{
    auto fail = [&](const QString& why) -> std::optional<ShowTarget> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString trimmed = text.trimmed();
    if (trimmed.compare(QLatin1String("dashboard"), Qt::CaseInsensitive) == 0)
        return ShowTarget{Kind::Dashboard, {}};

    const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
    const QString kind = colon < 0 ? trimmed : trimmed.left(colon).trimmed();
    const QString value = colon < 0 ? QString() : trimmed.mid(colon + 1).trimmed();
    if (kind.compare(QLatin1String("pupil"), Qt::CaseInsensitive) == 0) {
        const QString upnText = upn::normalise(value);
        if (upnText.isEmpty())
            return fail(Tr::tr("--show pupil: needs a UPN, for example --show pupil:B801200005001."));
        if (const upn::Problem problem = upn::validate(upnText); problem != upn::Problem::None)
            return fail(Tr::tr("--show pupil:%1: %2").arg(value, upn::describe(problem, upnText)));
        return ShowTarget{Kind::Pupil, upnText};
    }
    if (kind.compare(QLatin1String("group"), Qt::CaseInsensitive) == 0) {
        if (value.isEmpty())
            return fail(Tr::tr("--show group: needs a group's name, for example --show group:9T1."));
        return ShowTarget{Kind::Group, value};
    }
    if (kind.compare(QLatin1String("task"), Qt::CaseInsensitive) == 0) {
        bool ok = false;
        const qlonglong id = value.toLongLong(&ok);
        if (!ok || id <= 0)
            return fail(Tr::tr("--show task: needs a task's number, as waymark-cli tasks lists them, for example "
                               "--show task:12."));
        return ShowTarget{Kind::Task, QString::number(id)};
    }
    if (kind.compare(QLatin1String("setup"), Qt::CaseInsensitive) == 0) {
        const QString page = value.toLower();
        if (page != QLatin1String("staff") && page != QLatin1String("subjects") && page != QLatin1String("groups") &&
            page != QLatin1String("calendar"))
            return fail(Tr::tr("--show setup: takes staff, subjects, groups or calendar, not “%1”.").arg(value));
        return ShowTarget{Kind::Setup, page};
    }
    if (kind.compare(QLatin1String("import"), Qt::CaseInsensitive) == 0) {
        if (value.isEmpty())
            return fail(Tr::tr("--show import: needs the file or folder to import, for example "
                               "--show import:roll.csv."));
        return ShowTarget{Kind::Import, value};
    }
    return fail(Tr::tr("--show takes dashboard, pupil:<UPN>, group:<name>, task:<id>, setup:<page> or import:<file>, not "
                       "“%1”.")
                    .arg(trimmed));
}

ParsedCommandLine parseCommandLine(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Waymark keeps each pupil's individual learning plan and the evidence behind it, offline."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption show(QStringLiteral("show"),
                                  Tr::tr("Open at a place: dashboard, pupil:<UPN>, group:<name>, task:<id>, setup:<staff|subjects|groups|calendar> "
                                         "or import:<file>."), Tr::tr("place"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        Tr::tr("Open, save a picture of the window as PNG, and exit."), Tr::tr("PNG"));
    const QCommandLineOption today(QStringLiteral("today"),
                                   Tr::tr("Count ages, due reviews and this year's targets from DATE "
                                          "(YYYY-MM-DD) instead of the computer's date."),
                                   Tr::tr("DATE"));
    parser.addOption(show);
    parser.addOption(screenshot);
    parser.addOption(today);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 Tr::tr("The school file to open (default: the school in your data folder)."),
                                 Tr::tr("[FILE]"));

    ParsedCommandLine out;
    auto exitWith = [&](const QString& text, int code, bool isError) {
        out.action = ParsedCommandLine::Action::Exit;
        out.text = text;
        out.exitCode = code;
        out.textIsError = isError;
        return out;
    };
    if (!parser.parse(arguments))
        return exitWith(parser.errorText() + QLatin1Char('\n') + parser.helpText(), 2, true);
    if (parser.isSet(help))
        return exitWith(parser.helpText(), 0, false);
    if (parser.isSet(version))
        return exitWith(QStringLiteral("waymark ") + appVersion() + QLatin1Char('\n'), 0, false);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return exitWith(Tr::tr("Waymark opens one school file at a time; you gave %1.").arg(positional.size()) +
                            QLatin1Char('\n'),
                        2, true);
    if (!positional.isEmpty())
        out.options.file = positional.front();
    if (parser.isSet(show)) {
        QString error;
        out.options.show = ShowTarget::parse(parser.value(show), &error);
        if (!out.options.show)
            return exitWith(error + QLatin1Char('\n'), 2, true);
    }
    if (parser.isSet(today)) {
        out.options.today = QDate::fromString(parser.value(today), Qt::ISODate);
        if (!out.options.today.isValid())
            return exitWith(Tr::tr("--today takes a date written YYYY-MM-DD, for example 2026-11-23, not “%1”.")
                                    .arg(parser.value(today)) +
                                QLatin1Char('\n'),
                            2, true);
    }
    if (parser.isSet(screenshot)) {
        out.options.screenshot = parser.value(screenshot);
        if (out.options.screenshot.isEmpty())
            return exitWith(Tr::tr("--screenshot needs the path of the PNG to write.") + QLatin1Char('\n'), 2, true);
    }
    return out;
}

} // namespace waymark
