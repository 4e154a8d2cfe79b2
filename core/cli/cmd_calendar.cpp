// waymark-cli calendar FILE [--year Y] [--set DATES.json | --defaults]: one academic year's
// half-terms and closures as JSON, set from a file of the same shape or put back to the English
// defaults through the set-up service the app uses.
#include "calendar/schoolcalendar.h"
#include "cli/clicommand.h"
#include "maintenance/maintenance.h"
#include "services/calendarsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <stdexcept>

namespace waymark::cli {

namespace {
constexpr qint64 kMaxDatesFileBytes = 1024 * 1024;

QString text(std::string_view value)
{
    return QString::fromLatin1(value.data(), qsizetype(value.size()));
}

QJsonObject toJson(const setup::YearCalendar& calendar)
{
    QJsonArray halfTerms;
    for (const HalfTerm& h : calendar.halfTerms)
        halfTerms.append(QJsonObject{{QStringLiteral("number"), h.number},
                                     {QStringLiteral("name"), h.name()},
                                     {QStringLiteral("start"), h.start.toString(Qt::ISODate)},
                                     {QStringLiteral("end"), h.end.toString(Qt::ISODate)}});
    QJsonArray closures;
    for (const Closure& c : calendar.closures)
        closures.append(QJsonObject{{QStringLiteral("from"), c.from.toString(Qt::ISODate)},
                                    {QStringLiteral("to"), c.to.toString(Qt::ISODate)},
                                    {QStringLiteral("kind"), text(toText(c.kind))},
                                    {QStringLiteral("label"), c.label}});
    // Counted from the dates shown, so the figure always agrees with them.
    int schoolDays = 0;
    try {
        SchoolCalendar counted;
        counted.setHalfTerms(calendar.academicYear, calendar.halfTerms);
        counted.setClosures(calendar.academicYear, calendar.closures);
        schoolDays =
            counted.schoolDaysBetween(QDate(calendar.academicYear, 9, 1), QDate(calendar.academicYear + 1, 9, 1));
    } catch (const std::invalid_argument&) {
        schoolDays = 0; // dates that cannot be used have no school days
    }
    return {{QStringLiteral("academic_year"), calendar.academicYear},
            {QStringLiteral("label"), SchoolCalendar::academicYearLabel(calendar.academicYear)},
            {QStringLiteral("configured"), calendar.configured},
            {QStringLiteral("half_terms"), halfTerms},
            {QStringLiteral("closures"), closures},
            {QStringLiteral("school_days"), schoolDays}};
}

int yearOption(const QCommandLineParser& parser, QDate today)
{
    if (!parser.isSet(QStringLiteral("year")))
        return SchoolCalendar::academicYearOf(today);
    bool ok = false;
    const int year = parser.value(QStringLiteral("year")).trimmed().toInt(&ok);
    if (!ok || year < 1970 || year > 2199)
        throw UsageError(Tr::tr("--year is the year the academic year starts in (2026 for 2026/27), not “%1”.")
                             .arg(parser.value(QStringLiteral("year"))));
    return year;
}

// A problem with the dates file: exit status 2, naming the file.
UsageError badDates(const QString& file, const QString& why)
{
    return UsageError(Tr::tr("%1: %2 Nothing was changed.").arg(file, why));
}

QDate dateIn(const QString& file, const QJsonObject& object, const QString& key, const QString& where)
{
    const QString value = object.value(key).toString();
    const QDate date = isoDate(value);
    if (!object.value(key).isString() || !date.isValid())
        throw badDates(file, Tr::tr("%1 needs “%2” as a date written YYYY-MM-DD.").arg(where, key));
    return date;
}

// The dates file, in the shape "calendar" prints, read into one year's calendar; UsageError if not.
setup::YearCalendar readDates(const QString& file, int year)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        throw UsageError(Tr::tr("Cannot read the dates file “%1”: %2").arg(file, in.errorString()));
    if (in.size() > kMaxDatesFileBytes)
        throw badDates(file, Tr::tr("the file is far larger than a year's dates."));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(in.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw badDates(file, Tr::tr("this is not a JSON object like the one “waymark-cli calendar” prints."));
    const QJsonObject root = document.object();
    if (root.contains(QStringLiteral("academic_year")) && root.value(QStringLiteral("academic_year")).toInt() != year)
        throw badDates(file, Tr::tr("the dates are for academic year %1, not %2 (--year).")
                                 .arg(root.value(QStringLiteral("academic_year")).toInt())
                                 .arg(year));
    if (!root.value(QStringLiteral("half_terms")).isArray())
        throw badDates(file, Tr::tr("it needs “half_terms”: a list of the six half-terms."));
    setup::YearCalendar calendar;
    calendar.academicYear = year;
    calendar.configured = true;
    int number = 0;
    for (const QJsonValue& value : root.value(QStringLiteral("half_terms")).toArray()) {
        ++number;
        const QString where = Tr::tr("Half-term %1").arg(number);
        if (!value.isObject())
            throw badDates(file, Tr::tr("%1 is not an object with “start” and “end”.").arg(where));
        const QJsonObject h = value.toObject();
        calendar.halfTerms.push_back(HalfTerm{year, number, dateIn(file, h, QStringLiteral("start"), where),
                                              dateIn(file, h, QStringLiteral("end"), where)});
    }
    if (root.contains(QStringLiteral("closures")) && !root.value(QStringLiteral("closures")).isArray())
        throw badDates(file, Tr::tr("“closures” must be a list."));
    int count = 0;
    for (const QJsonValue& value : root.value(QStringLiteral("closures")).toArray()) {
        const QString where = Tr::tr("Closure %1").arg(++count);
        if (!value.isObject())
            throw badDates(file, Tr::tr("%1 is not an object with “from”, “to”, “kind” and “label”.").arg(where));
        const QJsonObject c = value.toObject();
        Closure closure;
        closure.from = dateIn(file, c, QStringLiteral("from"), where);
        closure.to = c.contains(QStringLiteral("to")) ? dateIn(file, c, QStringLiteral("to"), where) : closure.from;
        const QString kind = c.value(QStringLiteral("kind")).toString(QStringLiteral("closure"));
        const std::optional<ClosureKind> parsed = fromText<ClosureKind>(kind.toStdString());
        if (!parsed)
            throw badDates(file, Tr::tr("%1's “kind” is inset, bank_holiday or closure, not “%2”.").arg(where, kind));
        closure.kind = *parsed;
        closure.label = c.value(QStringLiteral("label")).toString();
        calendar.closures.push_back(closure);
    }
    return calendar;
}

int runCalendar(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const bool setting = parser.isSet(QStringLiteral("set"));
    const bool defaults = parser.isSet(QStringLiteral("defaults"));
    if (setting && defaults)
        throw UsageError(Tr::tr("--set and --defaults cannot be used together; choose one."));
    if ((setting || defaults) && !parser.isSet(QStringLiteral("year")))
        throw UsageError(Tr::tr("Say which academic year to change with --year (2026 for 2026/27)."));
    const int year = yearOption(parser, todayOption(parser));

    if (!setting && !defaults) {
        ReadOnlyVisit visit(path, kBusyTimeoutMs);
        Transaction read(visit.db(), Transaction::Kind::Read);
        context.out << QString::fromUtf8(
            QJsonDocument(toJson(setup::yearCalendar(visit.db(), year))).toJson(QJsonDocument::Indented));
        return kExitOk;
    }

    setup::YearCalendar wanted;
    wanted.academicYear = year;
    if (setting) {
        const QString file = parser.value(QStringLiteral("set"));
        wanted = readDates(file, year);
        if (const QString why = setup::problemsWithCalendar(wanted); !why.isEmpty())
            throw badDates(file, why);
    }
    std::unique_ptr<Database> db = openForChange(path);
    try {
        setup::setYearCalendar(*db, wanted);
    } catch (const StorageError& e) {
        throw explainWriteFailure(e, path);
    }
    context.out << QString::fromUtf8(
        QJsonDocument(toJson(setup::yearCalendar(*db, year))).toJson(QJsonDocument::Indented));
    return kExitOk;
}
} // namespace

Command calendarCommand()
{
    return {QStringLiteral("calendar"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("Show or set an academic year's half-terms and closures as JSON."),
            Tr::tr("Prints one academic year's dates in FILE as JSON: its six half-terms, its closures\n"
                   "(INSET days, bank holidays, other closures), whether the school set them (or they are\n"
                   "the English defaults) and how many school days that makes. --set stores the dates in a\n"
                   "JSON file of the same shape instead; dates that cannot be used change nothing.\n"
                   "--defaults goes back to the English defaults."),
            {{{QStringLiteral("year")},
              QStringLiteral("YEAR"),
              Tr::tr("The academic year by the year it starts (2026 for 2026/27); default this one.")},
             {{QStringLiteral("set")}, QStringLiteral("DATES.json"), Tr::tr("Store the dates in this file.")},
             {{QStringLiteral("defaults")}, QString(), Tr::tr("Go back to the English default dates.")},
             {{QStringLiteral("today")},
              QStringLiteral("DATE"),
              Tr::tr("Take DATE (YYYY-MM-DD) as today, for the year shown without --year.")}},
            runCalendar};
}

} // namespace waymark::cli
