// waymark-cli mark FILE --task ID (--upn UPN | --all) [marks...]: marks set through the marking
// service the grid uses, as one transaction; --all gives the whole class the same marks (a fill).
#include "cli/clicommand.h"
#include "queries/rosterqueries.h"
#include "services/marking.h"
#include "services/marksheet.h"
#include "storage/database.h"
#include "storage/storageerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace waymark::cli {

namespace {
using marking::MarkField;

QString lightValue(const QString& option, const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("red") || t == QLatin1String("amber") || t == QLatin1String("green"))
        return t;
    if (t == QLatin1String("none") || t.isEmpty())
        return QString();
    throw UsageError(Tr::tr("--%1 takes red, amber, green or none, not “%2”.").arg(option, text));
}

int runMark(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const QDate today = todayOption(parser);
    bool number = false;
    const RowId taskId = parser.value(QStringLiteral("task")).toLongLong(&number);
    if (!parser.isSet(QStringLiteral("task")) || !number || taskId <= 0)
        throw UsageError(Tr::tr("--task takes a task's number, as “waymark-cli tasks FILE” lists them."));
    const bool all = parser.isSet(QStringLiteral("all"));
    if (all == parser.isSet(QStringLiteral("upn")))
        throw UsageError(Tr::tr("Give --upn UPN for one pupil, or --all for the whole class."));

    std::unique_ptr<Database> db = openForChange(path);
    const std::optional<marking::MarkSheet> sheet = marking::markSheet(*db, taskId, today);
    if (!sheet)
        throw UsageError(Tr::tr("There is no task %1 in “%2”; “waymark-cli tasks %2” lists them.")
                             .arg(QString::number(taskId), path));
    std::vector<RowId> pupils;
    if (all) {
        for (const marking::SheetRow& row : sheet->rows)
            if (!row.left)
                pupils.push_back(row.pupilId);
    } else {
        const QString upn = parser.value(QStringLiteral("upn"));
        const std::optional<RowId> id = findPupilByUpn(*db, tidyUpn(upn));
        if (!id)
            throw UsageError(Tr::tr("No pupil in this school file has the UPN %1. Nothing was changed.").arg(upn));
        pupils.push_back(*id);
    }

    // What to set: each option given, as the grid would set it.
    std::vector<std::pair<MarkField, QVariant>> fields;
    RowId criterion = 0;
    const auto text = [&](const char* option, MarkField field) {
        if (parser.isSet(QString::fromLatin1(option)))
            fields.push_back({field, parser.value(QString::fromLatin1(option))});
    };
    if (parser.isSet(QStringLiteral("light")))
        fields.push_back({MarkField::Light, lightValue(QStringLiteral("light"), parser.value(QStringLiteral("light")))});
    if (parser.isSet(QStringLiteral("self")))
        fields.push_back({MarkField::SelfLight, lightValue(QStringLiteral("self"), parser.value(QStringLiteral("self")))});
    if (parser.isSet(QStringLiteral("peer")))
        fields.push_back({MarkField::PeerLight, lightValue(QStringLiteral("peer"), parser.value(QStringLiteral("peer")))});
    if (parser.isSet(QStringLiteral("grade"))) {
        const QString code = parser.value(QStringLiteral("grade")).trimmed();
        QVariant rung;
        if (!code.isEmpty() && code.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) {
            for (const marking::SheetRung& r : sheet->rungs)
                if (r.code.compare(code, Qt::CaseInsensitive) == 0)
                    rung = r.id;
            if (!rung.isValid())
                throw UsageError(Tr::tr("“%1” is not on this task's scale (%2).")
                                     .arg(code, sheet->scaleId ? sheet->scaleName : Tr::tr("it has none")));
        }
        fields.push_back({MarkField::Rung, rung});
    }
    if (parser.isSet(QStringLiteral("criterion")) != parser.isSet(QStringLiteral("judgement")))
        throw UsageError(Tr::tr("--criterion N and --judgement go together."));
    if (parser.isSet(QStringLiteral("criterion"))) {
        const int n = parser.value(QStringLiteral("criterion")).toInt();
        if (n < 1 || n > int(sheet->criteria.size()))
            throw UsageError(Tr::tr("--criterion takes 1 to %1, the task's success criteria in order.")
                                 .arg(sheet->criteria.size()));
        criterion = sheet->criteria[std::size_t(n - 1)].id;
        QString j = parser.value(QStringLiteral("judgement")).trimmed().toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
        if (j == QLatin1String("none"))
            j.clear();
        if (!j.isEmpty() && j != QLatin1String("met") && j != QLatin1String("partly") && j != QLatin1String("not_yet"))
            throw UsageError(Tr::tr("--judgement takes met, partly, not-yet or none."));
        fields.push_back({MarkField::Judgement, j});
    }
    text("www", MarkField::WhatWentWell);
    text("ebi", MarkField::EvenBetterIf);
    text("next-step", MarkField::NextStep);
    text("response", MarkField::PupilResponse);
    if (parser.isSet(QStringLiteral("responded-on")))
        fields.push_back({MarkField::RespondedOn, dateOption(parser, QStringLiteral("responded-on"), QDate())});
    if (parser.isSet(QStringLiteral("met"))) {
        const QString m = parser.value(QStringLiteral("met")).trimmed().toLower();
        if (m != QLatin1String("yes") && m != QLatin1String("no") && m != QLatin1String("undecided"))
            throw UsageError(Tr::tr("--met takes yes, no or undecided."));
        fields.push_back({MarkField::NextStepMet, m == QLatin1String("undecided") ? QVariant() : QVariant(m == QLatin1String("yes"))});
    }
    if (fields.empty())
        throw UsageError(Tr::tr("Nothing to mark: give --light, --grade, --criterion with --judgement, --www, "
                                "--ebi, --next-step, --response or --met."));

    std::vector<marking::MarkChange> changes;
    for (const auto& [field, value] : fields) {
        const RowId c = field == MarkField::Judgement ? criterion : 0;
        for (marking::MarkChange& change : marking::fill(*db, taskId, pupils, field, value, c))
            changes.push_back(std::move(change));
    }
    std::vector<marking::MarkChange> made;
    try {
        made = marking::setMarks(*db, taskId, changes, today); // one transaction, all or nothing
    } catch (const StorageError& e) {
        if (e.kind() == StorageError::Kind::Invalid)
            throw UsageError(e.message() + QLatin1Char(' ') + Tr::tr("Nothing was changed."));
        throw explainWriteFailure(e, path);
    }
    context.out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("task"), taskId},
                                                               {QStringLiteral("pupils"), int(pupils.size())},
                                                               {QStringLiteral("changed"), int(made.size())}})
                                         .toJson(QJsonDocument::Compact))
                << Qt::endl;
    return kExitOk;
}
} // namespace

Command markCommand()
{
    return {QStringLiteral("mark"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("Mark a pupil (or the whole class) for a task."),
            Tr::tr("Sets marks for the task --task ID, through the same marking service as the app's grid,\n"
                   "in one transaction: for the pupil --upn UPN, or with --all for every pupil in the class\n"
                   "(a fill). Lights are red, amber, green or none; --grade is a code on the task's scale;\n"
                   "--criterion N with --judgement met|partly|not-yet|none; feedback with --www, --ebi and\n"
                   "--next-step; the pupil's response with --response, --responded-on DATE and --met\n"
                   "yes|no|undecided. Prints how many marks changed, as JSON. A mark changed meanwhile\n"
                   "elsewhere is never written over: then nothing is written."),
            {{{QStringLiteral("task")}, QStringLiteral("ID"), Tr::tr("The task, by its id.")},
             {{QStringLiteral("upn")}, QStringLiteral("UPN"), Tr::tr("The pupil to mark.")},
             {{QStringLiteral("all")}, QString(), Tr::tr("Every pupil in the class.")},
             {{QStringLiteral("light")}, QStringLiteral("LIGHT"), Tr::tr("The teacher's traffic light.")},
             {{QStringLiteral("self")}, QStringLiteral("LIGHT"), Tr::tr("The pupil's own light.")},
             {{QStringLiteral("peer")}, QStringLiteral("LIGHT"), Tr::tr("A peer's light.")},
             {{QStringLiteral("grade")}, QStringLiteral("CODE"), Tr::tr("A grade or mark on the task's scale, or none.")},
             {{QStringLiteral("criterion")}, QStringLiteral("N"), Tr::tr("A success criterion, by its number.")},
             {{QStringLiteral("judgement")}, QStringLiteral("J"), Tr::tr("met, partly, not-yet or none.")},
             {{QStringLiteral("www")}, QStringLiteral("TEXT"), Tr::tr("What went well.")},
             {{QStringLiteral("ebi")}, QStringLiteral("TEXT"), Tr::tr("Even better if.")},
             {{QStringLiteral("next-step")}, QStringLiteral("TEXT"), Tr::tr("The next step.")},
             {{QStringLiteral("response")}, QStringLiteral("TEXT"), Tr::tr("The pupil's response to the next step.")},
             {{QStringLiteral("responded-on")}, QStringLiteral("DATE"), Tr::tr("When they responded, YYYY-MM-DD.")},
             {{QStringLiteral("met")}, QStringLiteral("yes|no|undecided"), Tr::tr("Whether the next step was met.")},
             {{QStringLiteral("today")}, QStringLiteral("DATE"), Tr::tr("Take DATE (YYYY-MM-DD) as today.")}},
            runMark};
}

} // namespace waymark::cli
