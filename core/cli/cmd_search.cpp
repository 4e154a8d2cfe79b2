// waymark-cli search FILE QUERY [--limit N]: full-text search over feedback, evidence notes,
// targets and plans, as JSON. Reads only.
#include "cli/clicommand.h"
#include "maintenance/maintenance.h"
#include "queries/search.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace waymark::cli {

namespace {
constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 1000;

int limitOption(const QCommandLineParser& parser)
{
    const QString name = QStringLiteral("limit");
    if (!parser.isSet(name))
        return kDefaultLimit;
    bool ok = false;
    const int value = parser.value(name).trimmed().toInt(&ok);
    if (!ok || value < 1 || value > kMaxLimit)
        throw UsageError(
            Tr::tr("--limit must be a whole number from 1 to %1, not “%2”.").arg(kMaxLimit).arg(parser.value(name)));
    return value;
}

int runSearch(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const QString words = parser.positionalArguments().at(1);
    const int limit = limitOption(parser);
    if (searchQueryFor(words).isEmpty())
        throw UsageError(Tr::tr("search: give at least one word to look for, not “%1”.").arg(words));
    ReadOnlyVisit visit(path, kBusyTimeoutMs);
    QJsonArray out;
    for (const SearchHit& hit : searchRecords(visit.db(), words, limit))
        out.append(QJsonObject{
            {QStringLiteral("kind"), searchKindKey(hit.kind)},
            {QStringLiteral("pupil"), hit.pupilName},
            {QStringLiteral("upn"), hit.upn},
            {QStringLiteral("date"), hit.date.isValid() ? QJsonValue(hit.date.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("field"), searchFieldName(hit.kind, hit.field)},
            {QStringLiteral("snippet"), hit.markedSnippet(QStringLiteral("["), QStringLiteral("]"))},
            {QStringLiteral("uuid"), hit.uuid.toString(QUuid::WithoutBraces)}});
    context.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
    return kExitOk;
}
} // namespace

Command searchCommand()
{
    return {QStringLiteral("search"),
            QStringLiteral("FILE QUERY"),
            2,
            Tr::tr("Search feedback, evidence notes, targets and plans, as JSON."),
            Tr::tr("Prints the records of FILE whose words match QUERY, best match first, as a JSON list:\n"
                   "kind (feedback, evidence, target or plan), pupil, upn, date, field (which text matched),\n"
                   "snippet (the words around the match, each match in [ ]) and uuid. Accents are ignored\n"
                   "and each word matches the start of a word (\"frac\" finds fractions); a record must have\n"
                   "every word. Deleted records are never found. Reads only."),
            {{{QStringLiteral("limit")},
              QStringLiteral("N"),
              Tr::tr("At most N records, 1 to %1 (default %2).").arg(kMaxLimit).arg(kDefaultLimit)}},
            runSearch};
}

} // namespace waymark::cli
