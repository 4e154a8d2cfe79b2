// waymark-cli tasks FILE [--group NAME] [--today DATE]: the tasks set, as JSON (id, title, group,
// subject, date), newest first.
#include "calendar/schoolcalendar.h"
#include "cli/clicommand.h"
#include "maintenance/maintenance.h"
#include "queries/rosterqueries.h"
#include "services/tasksetup.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace waymark::cli {

namespace {
int runTasks(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const QDate today = todayOption(parser);
    ReadOnlyVisit visit(path, kBusyTimeoutMs);
    Database& db = visit.db();
    const std::optional<RowId> groupId = groupOption(db, parser, today);
    QJsonArray out;
    for (const marking::TaskSummary& t : marking::tasksOf(db, groupId))
        out.append(QJsonObject{
            {QStringLiteral("id"), t.id},
            {QStringLiteral("title"), t.title},
            {QStringLiteral("group"), t.group},
            {QStringLiteral("subject"), t.subject},
            {QStringLiteral("date"), t.setOn.isValid() ? QJsonValue(t.setOn.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("criteria"), t.criteria},
            {QStringLiteral("marked"), t.marked}});
    context.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
    return kExitOk;
}
} // namespace

Command tasksCommand()
{
    return {QStringLiteral("tasks"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("List the tasks set, as JSON."),
            Tr::tr("Prints every task set in FILE, newest first, as JSON: id, title, group, subject, date,\n"
                   "the number of success criteria and of pupils marked. --group NAME lists one group's\n"
                   "tasks (this academic year's group of that name). Reads only."),
            {{{QStringLiteral("group")}, QStringLiteral("NAME"), Tr::tr("Only this group's tasks.")},
             {{QStringLiteral("today")}, QStringLiteral("DATE"), Tr::tr("The academic year of DATE (YYYY-MM-DD).")}},
            runTasks};
}

} // namespace waymark::cli
