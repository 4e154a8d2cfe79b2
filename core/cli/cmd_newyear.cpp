// waymark-cli new-year FILE [--from Y] [--dry-run] [--leavers usual|none|UPN,...]: what starting the
// next academic year would do, and (unless --dry-run) doing it through the set-up service the app
// uses, in one transaction.
#include "calendar/schoolcalendar.h"
#include "cli/clicommand.h"
#include "domain/entities.h"
#include "maintenance/maintenance.h"
#include "queries/rosterqueries.h"
#include "repo/repository.h"
#include "services/newyear.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace waymark::cli {

namespace {
int fromOption(const QCommandLineParser& parser, QDate today)
{
    if (!parser.isSet(QStringLiteral("from")))
        return SchoolCalendar::academicYearOf(today);
    bool ok = false;
    const int year = parser.value(QStringLiteral("from")).trimmed().toInt(&ok);
    if (!ok || year < 1970 || year > 2199)
        throw UsageError(Tr::tr("--from is the academic year ending, by the year it started (2026 for 2026/27), "
                                "not “%1”.")
                             .arg(parser.value(QStringLiteral("from"))));
    return year;
}

// The pupils --leavers names: "usual" (the candidates who usually leave, the default), "none", or
// UPNs, each of which must be a candidate; UsageError otherwise.
std::vector<RowId> chosenLeavers(Database& db, const QCommandLineParser& parser, const setup::NewYearPlan& plan)
{
    const QString value = parser.isSet(QStringLiteral("leavers")) ? parser.value(QStringLiteral("leavers")).trimmed()
                                                                  : QStringLiteral("usual");
    std::vector<RowId> leavers;
    if (value.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return leavers;
    if (value.compare(QLatin1String("usual"), Qt::CaseInsensitive) == 0) {
        for (const setup::LeaverCandidate& c : plan.candidates)
            if (c.usuallyLeaves)
                leavers.push_back(c.pupilId);
        return leavers;
    }
    for (const QString& upn : listOption(parser, QStringLiteral("leavers"))) {
        const std::optional<RowId> id = findPupilByUpn(db, tidyUpn(upn));
        if (!id)
            throw UsageError(
                Tr::tr("No pupil in this school file has the UPN %1 (--leavers). Nothing was changed.").arg(upn));
        if (std::none_of(plan.candidates.begin(), plan.candidates.end(),
                         [&](const setup::LeaverCandidate& c) { return c.pupilId == *id; }))
            throw UsageError(Tr::tr("The pupil with the UPN %1 is not on roll in Year 6, 11 or 13, so cannot be "
                                    "one of this year's leavers. Nothing was changed.")
                                 .arg(upn));
        leavers.push_back(*id);
    }
    if (leavers.empty())
        throw UsageError(Tr::tr("--leavers is “usual”, “none” or pupils' UPNs separated by commas."));
    return leavers;
}

QJsonObject planJson(Database& db, const setup::NewYearPlan& plan, const std::vector<RowId>& leavers)
{
    QJsonArray candidates;
    int usual = 0;
    for (const setup::LeaverCandidate& c : plan.candidates) {
        const std::optional<Pupil> pupil = Repository<Pupil>(db).find(c.pupilId);
        usual += c.usuallyLeaves ? 1 : 0;
        candidates.append(QJsonObject{
            {QStringLiteral("upn"), pupil ? pupil->upn : QString()},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("year"), c.yearGroup},
            {QStringLiteral("usually_leaves"), c.usuallyLeaves},
            {QStringLiteral("leaving"), std::find(leavers.begin(), leavers.end(), c.pupilId) != leavers.end()}});
    }
    return {{QStringLiteral("from_year"), plan.fromYear},
            {QStringLiteral("to_year"), plan.toYear},
            {QStringLiteral("from_label"), SchoolCalendar::academicYearLabel(plan.fromYear)},
            {QStringLiteral("to_label"), SchoolCalendar::academicYearLabel(plan.toYear)},
            {QStringLiteral("leave_on"), plan.leaveOn.toString(Qt::ISODate)},
            // The plan counts the usual leavers out; these are the leavers chosen.
            {QStringLiteral("moving_up"), plan.movingUp + usual - int(leavers.size())},
            {QStringLiteral("calendar_stored"), plan.calendarStored},
            {QStringLiteral("already_started"), plan.alreadyStarted},
            {QStringLiteral("candidates"), candidates}};
}

int runNewYear(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const int from = fromOption(parser, todayOption(parser));

    if (parser.isSet(QStringLiteral("dry-run"))) {
        ReadOnlyVisit visit(path, kBusyTimeoutMs);
        Database& db = visit.db();
        Transaction read(db, Transaction::Kind::Read);
        const setup::NewYearPlan plan = setup::planNewYear(db, from);
        QJsonObject out = planJson(db, plan, chosenLeavers(db, parser, plan));
        out.insert(QStringLiteral("dry_run"), true);
        out.insert(QStringLiteral("started"), QJsonValue());
        context.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
        return kExitOk;
    }

    std::unique_ptr<Database> db = openForChange(path);
    QJsonObject out;
    try {
        Transaction transaction(*db); // the plan is made and carried out at one moment
        const setup::NewYearPlan plan = setup::planNewYear(*db, from);
        const std::vector<RowId> leavers = chosenLeavers(*db, parser, plan);
        out = planJson(*db, plan, leavers);
        const setup::NewYearResult result = setup::startNewYear(*db, plan, leavers);
        transaction.commit();
        out.insert(QStringLiteral("dry_run"), false);
        out.insert(QStringLiteral("started"),
                   QJsonObject{{QStringLiteral("moved_up"), int(result.movedUp.size())},
                               {QStringLiteral("marked_left"), int(result.markedLeft.size())},
                               {QStringLiteral("calendar_created"), !result.calendarBefore.configured}});
    } catch (const StorageError& e) {
        throw explainWriteFailure(e, path);
    }
    context.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
    return kExitOk;
}
} // namespace

Command newYearCommand()
{
    return {QStringLiteral("new-year"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("Start the next academic year: pupils move up, leavers are marked (--dry-run to look)."),
            Tr::tr("Prints, as JSON, what starting the academic year after --from would do: the pupils who\n"
                   "move up a year group, and those in Years 6, 11 and 13 who may be leaving (each marked\n"
                   "with whether they usually leave and whether they will). Unless --dry-run, then does it\n"
                   "in one step: the leavers are marked as left on the last day of the year, everyone else\n"
                   "on roll moves up, and next year gets the default dates if it has none, and prints what\n"
                   "was done under “started”. A year is started once: a second run changes nothing (exit\n"
                   "status 1)."),
            {{{QStringLiteral("from")},
              QStringLiteral("YEAR"),
              Tr::tr("The academic year ending (2026 for 2026/27); default the one of today.")},
             {{QStringLiteral("dry-run")}, QString(), Tr::tr("Only show what would be done; change nothing.")},
             {{QStringLiteral("leavers")},
              QStringLiteral("WHO"),
              Tr::tr("usual (default): those who usually leave; none; or UPNs, comma-separated.")},
             {{QStringLiteral("today")},
              QStringLiteral("DATE"),
              Tr::tr("Take DATE (YYYY-MM-DD) as today, for the year ending without --from.")}},
            runNewYear};
}

} // namespace waymark::cli
