// waymark-cli next-steps FILE [--group NAME | --upn UPN] [--today DATE]: the next steps still
// waiting for the pupil's response (DIRT), as JSON.
#include "calendar/schoolcalendar.h"
#include "cli/clicommand.h"
#include "maintenance/maintenance.h"
#include "queries/rosterqueries.h"
#include "services/nextsteps.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace waymark::cli {

namespace {
int runNextSteps(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const QDate today = todayOption(parser);
    if (parser.isSet(QStringLiteral("group")) && parser.isSet(QStringLiteral("upn")))
        throw UsageError(Tr::tr("Give --group or --upn, not both."));
    ReadOnlyVisit visit(path, kBusyTimeoutMs);
    Database& db = visit.db();
    const std::optional<RowId> groupId = groupOption(db, parser, today);
    std::optional<RowId> pupilId;
    if (parser.isSet(QStringLiteral("upn"))) {
        const QString upn = parser.value(QStringLiteral("upn"));
        pupilId = findPupilByUpn(db, upn);
        if (!pupilId)
            throw UsageError(Tr::tr("There is no pupil with UPN %1 in this school.").arg(upn));
    }
    QJsonArray out;
    for (const marking::AwaitedStep& a : marking::awaitedNextSteps(db, groupId, pupilId))
        out.append(QJsonObject{
            {QStringLiteral("task"), a.taskId},
            {QStringLiteral("title"), a.task},
            {QStringLiteral("group"), a.group},
            {QStringLiteral("date"), a.setOn.isValid() ? QJsonValue(a.setOn.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("pupil"), a.pupil},
            {QStringLiteral("upn"), a.upn},
            {QStringLiteral("next_step"), a.nextStep}});
    context.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
    return kExitOk;
}
} // namespace

Command nextStepsCommand()
{
    return {QStringLiteral("next-steps"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("List next steps awaiting the pupil's response, as JSON."),
            Tr::tr("Prints the next steps given in feedback that still wait for the pupil to act on them (no\n"
                   "response recorded, not yet judged met or not met), oldest task first, as JSON: task,\n"
                   "title, group, date, pupil, upn, next_step. --group NAME for one class (this academic\n"
                   "year's), --upn UPN for one pupil. Reads only."),
            {{{QStringLiteral("group")}, QStringLiteral("NAME"), Tr::tr("Only this group's tasks.")},
             {{QStringLiteral("upn")}, QStringLiteral("UPN"), Tr::tr("Only this pupil's next steps.")},
             {{QStringLiteral("today")}, QStringLiteral("DATE"), Tr::tr("The academic year of DATE (YYYY-MM-DD).")}},
            runNextSteps};
}

} // namespace waymark::cli
