// waymark-cli subjects FILE [--add NAME | --usual | --rename NAME --to NEW | --remove NAME]: the
// school's subjects as JSON, changed through the set-up service the app uses.
#include "cli/clicommand.h"
#include "maintenance/maintenance.h"
#include "services/subjectsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace waymark::cli {

namespace {
QJsonObject toJson(const setup::SubjectEntry& subject)
{
    return {{QStringLiteral("id"), qint64(subject.id)},
            {QStringLiteral("name"), subject.details.name},
            {QStringLiteral("code"), subject.details.code},
            {QStringLiteral("groups"), subject.groups}};
}

setup::SubjectEntry entryOf(Database& db, RowId id)
{
    for (const setup::SubjectEntry& subject : setup::subjectList(db))
        if (subject.id == id)
            return subject;
    throw StorageError(StorageError::Kind::Invalid, Tr::tr("That subject is no longer in this school file."));
}

void print(Context& context, const QJsonDocument& document)
{
    context.out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

RowId subjectNamed(Database& db, const QString& name)
{
    const std::optional<RowId> id = setup::findSubject(db, name);
    if (!id)
        throw UsageError(Tr::tr("There is no subject called “%1” in this school file.").arg(name));
    return *id;
}

int runSubjects(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    QStringList actions;
    for (const char* name : {"add", "usual", "rename", "remove"})
        if (parser.isSet(QString::fromLatin1(name)))
            actions << QStringLiteral("--") + QString::fromLatin1(name);
    if (actions.size() > 1)
        throw UsageError(Tr::tr("%1 cannot be used together; choose one.").arg(actions.join(QStringLiteral(", "))));
    const QString action = actions.isEmpty() ? QString() : actions.first().mid(2);
    if (parser.isSet(QStringLiteral("to")) && action != QLatin1String("rename"))
        throw UsageError(Tr::tr("--to is given with --rename."));
    if (parser.isSet(QStringLiteral("code")) && action != QLatin1String("add") && action != QLatin1String("rename"))
        throw UsageError(Tr::tr("--code is given with --add or --rename."));
    if (action == QLatin1String("rename") && !parser.isSet(QStringLiteral("to")) &&
        !parser.isSet(QStringLiteral("code")))
        throw UsageError(Tr::tr("--rename needs --to NEW (or --code) to say what to change."));

    if (action.isEmpty()) {
        ReadOnlyVisit visit(path, kBusyTimeoutMs);
        Transaction read(visit.db(), Transaction::Kind::Read);
        QJsonArray out;
        for (const setup::SubjectEntry& subject : setup::subjectList(visit.db()))
            out.append(toJson(subject));
        print(context, QJsonDocument(out));
        return kExitOk;
    }

    std::unique_ptr<Database> db = openForChange(path);
    try {
        if (action == QLatin1String("add")) {
            const setup::SubjectDetails wanted{parser.value(QStringLiteral("add")),
                                               parser.value(QStringLiteral("code"))};
            if (const QStringList problems = setup::problemsWithSubject(*db, wanted); !problems.isEmpty())
                throw UsageError(problems.join(QLatin1Char(' ')) + QLatin1Char(' ') + Tr::tr("Nothing was added."));
            print(context, QJsonDocument(toJson(entryOf(*db, setup::addSubject(*db, wanted)))));
        } else if (action == QLatin1String("usual")) {
            const std::vector<RowId> added = setup::addUsualSubjects(*db);
            QJsonArray out;
            for (const setup::SubjectEntry& subject : setup::subjectList(*db))
                if (std::find(added.begin(), added.end(), subject.id) != added.end())
                    out.append(toJson(subject));
            print(context, QJsonDocument(out));
        } else if (action == QLatin1String("rename")) {
            const setup::SubjectEntry old = entryOf(*db, subjectNamed(*db, parser.value(QStringLiteral("rename"))));
            setup::SubjectDetails wanted = old.details;
            if (parser.isSet(QStringLiteral("to")))
                wanted.name = parser.value(QStringLiteral("to"));
            if (parser.isSet(QStringLiteral("code")))
                wanted.code = parser.value(QStringLiteral("code"));
            if (const QStringList problems = setup::problemsWithSubject(*db, wanted, old.id); !problems.isEmpty())
                throw UsageError(problems.join(QLatin1Char(' ')) + QLatin1Char(' ') + Tr::tr("Nothing was changed."));
            setup::changeSubject(*db, old.id, wanted, &old.details);
            print(context, QJsonDocument(toJson(entryOf(*db, old.id))));
        } else { // --remove
            const setup::SubjectEntry old = entryOf(*db, subjectNamed(*db, parser.value(QStringLiteral("remove"))));
            setup::setSubjectsRemoved(*db, {old.id}, true);
            print(context, QJsonDocument(QJsonObject{{QStringLiteral("removed"), toJson(old)}}));
        }
    } catch (const StorageError& e) {
        throw explainWriteFailure(e, path);
    }
    return kExitOk;
}
} // namespace

Command subjectsCommand()
{
    return {QStringLiteral("subjects"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("List the subjects as JSON; add, rename or remove one, or add the usual list."),
            Tr::tr("Prints the subjects in FILE as JSON: id, name, code and how many groups are taught\n"
                   "it. With one of --add, --usual, --rename or --remove, changes the list first and\n"
                   "prints what was changed. A subject still used by a group, task, target or evidence\n"
                   "is not removed (exit status 1); rename it instead."),
            {{{QStringLiteral("add")}, QStringLiteral("NAME"), Tr::tr("Add a subject.")},
             {{QStringLiteral("code")}, QStringLiteral("CODE"), Tr::tr("With --add or --rename: its code (\"MA\").")},
             {{QStringLiteral("usual")},
              QString(),
              Tr::tr("Add the subjects most English schools teach (those not there yet).")},
             {{QStringLiteral("rename")}, QStringLiteral("NAME"), Tr::tr("Rename (or recode) this subject.")},
             {{QStringLiteral("to")}, QStringLiteral("NEW"), Tr::tr("With --rename: its new name.")},
             {{QStringLiteral("remove")}, QStringLiteral("NAME"), Tr::tr("Remove this subject (kept in history).")}},
            runSubjects};
}

} // namespace waymark::cli
