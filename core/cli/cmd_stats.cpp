// waymark-cli stats FILE: what the file holds, as JSON. Reads only.
#include "cli/clicommand.h"
#include "maintenance/maintenance.h"
#include "storage/database.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace waymark::cli {

namespace {
int runStats(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    ReadOnlyVisit visit(path, kBusyTimeoutMs);
    QJsonObject counts;
    for (const auto& [key, count] : statistics(visit.db()))
        counts.insert(key, count);
    context.out << QString::fromUtf8(QJsonDocument(counts).toJson(QJsonDocument::Indented));
    return kExitOk;
}
} // namespace

Command statsCommand()
{
    return {QStringLiteral("stats"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("Count what a school file holds, as JSON."),
            Tr::tr("Prints a JSON object counting the records in FILE that have not been deleted: school,\n"
                   "staff, subjects, pupils, groups, group_members, learning_plans, targets, reviews,\n"
                   "review_outcomes, scales, rungs, tasks, success_criteria, evidence, criterion_judgements,\n"
                   "feedback, attachments (distinct stored files), evidence_attachments, comment_bank,\n"
                   "calendar_half_terms, calendar_closures, mis_identities, pupil_periods,\n"
                   "criterion_assessments, task_feedback and history (kept old versions). Reads only."),
            {},
            runStats};
}

} // namespace waymark::cli
