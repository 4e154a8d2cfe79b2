// waymark-cli comments FILE [--category C] [--subject S] [--search TEXT] | --export OUT.csv |
// --import IN.csv | --starter | --add TEXT --category C [--subject S]: the comment bank as JSON,
// shared as CSV, changed through the service the app uses.
#include "cli/clicommand.h"
#include "exchange/csvtable.h"
#include "maintenance/maintenance.h"
#include "services/commentbank.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace waymark::cli {

namespace {
QJsonObject toJson(const commentbank::Comment& c)
{
    return {{QStringLiteral("id"), qint64(c.id)},
            {QStringLiteral("category"),
             QString::fromLatin1(toText(c.category).data(), qsizetype(toText(c.category).size()))},
            {QStringLiteral("subject"), c.subject},
            {QStringLiteral("text"), c.text},
            {QStringLiteral("uses"), c.uses}};
}

void print(Context& context, const QJsonDocument& document)
{
    context.out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

std::optional<CommentCategory> categoryOption(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("category")))
        return std::nullopt;
    const QString written = parser.value(QStringLiteral("category"));
    const std::optional<CommentCategory> category = commentbank::categoryFromCsv(written);
    if (!category)
        throw UsageError(Tr::tr("“%1” is not a category: use www, ebi or next-step.").arg(written));
    return category;
}

std::optional<RowId> subjectOption(Database& db, const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("subject")))
        return std::nullopt;
    const QString name = parser.value(QStringLiteral("subject"));
    const std::vector<RowId> ids = commentbank::subjectsNamed(db, name);
    if (ids.empty())
        throw UsageError(Tr::tr("There is no subject called “%1” in this school file.").arg(name));
    if (ids.size() > 1)
        throw UsageError(
            Tr::tr("“%1” could be any of %n subjects in this school file; name one.", nullptr, int(ids.size()))
                .arg(name));
    return ids.front();
}

QJsonArray strings(const QStringList& list)
{
    QJsonArray out;
    for (const QString& s : list)
        out.append(s);
    return out;
}

QByteArray readBankFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw StorageError(StorageError::Kind::Invalid,
                           Tr::tr("“%1” could not be read: %2").arg(path, file.errorString()));
    if (file.size() > exchange::kMaxTextBytes)
        throw StorageError(StorageError::Kind::Invalid,
                           Tr::tr("“%1” is far larger than a comment bank; choose the bank's CSV file.").arg(path));
    return file.readAll();
}

int runComments(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    QStringList actions;
    for (const char* name : {"export", "import", "starter", "add"})
        if (parser.isSet(QString::fromLatin1(name)))
            actions << QStringLiteral("--") + QString::fromLatin1(name);
    if (actions.size() > 1)
        throw UsageError(Tr::tr("%1 cannot be used together; choose one.").arg(actions.join(QStringLiteral(", "))));
    const QString action = actions.isEmpty() ? QString() : actions.first().mid(2);
    if (parser.isSet(QStringLiteral("search")) && !action.isEmpty())
        throw UsageError(Tr::tr("--search is given when listing comments."));
    if ((parser.isSet(QStringLiteral("category")) || parser.isSet(QStringLiteral("subject"))) && !action.isEmpty() &&
        action != QLatin1String("add"))
        throw UsageError(Tr::tr("--category and --subject are given when listing or adding comments."));
    if (action == QLatin1String("add") && !parser.isSet(QStringLiteral("category")))
        throw UsageError(Tr::tr("--add needs --category to say which kind of comment it is."));

    if (action.isEmpty() || action == QLatin1String("export")) {
        ReadOnlyVisit visit(path, kBusyTimeoutMs);
        Database& db = visit.db();
        if (action == QLatin1String("export")) {
            const QString out = parser.value(QStringLiteral("export"));
            const int rows = commentbank::exportCsvFile(db, out);
            print(context,
                  QJsonDocument(QJsonObject{{QStringLiteral("file"), out}, {QStringLiteral("comments"), rows}}));
            return kExitOk;
        }
        Transaction read(db, Transaction::Kind::Read);
        const std::optional<CommentCategory> category = categoryOption(parser);
        const std::optional<RowId> subject = subjectOption(db, parser);
        QJsonArray out;
        for (const commentbank::Comment& c :
             commentbank::list(db, category, subject, parser.value(QStringLiteral("search"))))
            out.append(toJson(c));
        print(context, QJsonDocument(out));
        return kExitOk;
    }

    // The file to import is read first: a failure to read it is no failure to write the school.
    QByteArray bank;
    if (action == QLatin1String("import"))
        bank = readBankFile(parser.value(QStringLiteral("import")));
    std::unique_ptr<Database> db = openForChange(path);
    try {
        if (action == QLatin1String("import")) {
            const commentbank::ImportSummary summary = commentbank::importCsv(*db, bank);
            print(context, QJsonDocument(QJsonObject{{QStringLiteral("added"), int(summary.added.size())},
                                                     {QStringLiteral("duplicates"), summary.duplicates},
                                                     {QStringLiteral("problems"), strings(summary.problems)},
                                                     {QStringLiteral("notes"), strings(summary.notes)}}));
            if (!summary.problems.isEmpty()) {
                context.err << Tr::tr("waymark-cli: %1 Nothing was imported.").arg(summary.problems.first())
                            << Qt::endl;
                return kExitFailure;
            }
        } else if (action == QLatin1String("starter")) {
            const commentbank::StarterResult result = commentbank::addStarterBank(*db);
            print(context, QJsonDocument(QJsonObject{{QStringLiteral("added"), int(result.added.size())},
                                                     {QStringLiteral("alreadyThere"), result.alreadyThere},
                                                     {QStringLiteral("withoutSubject"), result.withoutSubject}}));
        } else { // --add
            const commentbank::CommentDetails details{*categoryOption(parser), subjectOption(*db, parser),
                                                      parser.value(QStringLiteral("add"))};
            if (const QStringList problems = commentbank::problemsWithComment(*db, details); !problems.isEmpty())
                throw UsageError(problems.join(QLatin1Char(' ')) + QLatin1Char(' ') + Tr::tr("Nothing was added."));
            const RowId id = commentbank::add(*db, details);
            print(context, QJsonDocument(toJson(*commentbank::find(*db, id))));
        }
    } catch (const StorageError& e) {
        throw explainWriteFailure(e, path);
    }
    return kExitOk;
}
} // namespace

Command commentsCommand()
{
    return {QStringLiteral("comments"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("List the comment bank as JSON; share it as CSV; add the starter comments."),
            Tr::tr("Prints the feedback comment bank of FILE as JSON (id, category, subject, text, uses),\n"
                   "most used first. --category (www, ebi, next-step), --subject and --search narrow it;\n"
                   "a subject's list has its own comments and the general ones. --export writes the bank\n"
                   "as a CSV file (Category,Subject,Comment) another school can import; --import merges\n"
                   "one (comments already there are skipped, a subject the school does not teach is made\n"
                   "general; any row that cannot be read stops the whole import, exit status 1).\n"
                   "--starter adds the starter comments the bank lacks."),
            {{{QStringLiteral("category")}, QStringLiteral("C"), Tr::tr("Only this kind: www, ebi or next-step.")},
             {{QStringLiteral("subject")}, QStringLiteral("S"), Tr::tr("Only this subject's and the general ones.")},
             {{QStringLiteral("search")}, QStringLiteral("TEXT"), Tr::tr("Only comments with every word of TEXT.")},
             {{QStringLiteral("export")}, QStringLiteral("OUT.csv"), Tr::tr("Write the bank to a CSV file.")},
             {{QStringLiteral("import")}, QStringLiteral("IN.csv"), Tr::tr("Merge a bank's CSV file into FILE.")},
             {{QStringLiteral("starter")}, QString(), Tr::tr("Add the starter comments the bank lacks.")},
             {{QStringLiteral("add")}, QStringLiteral("TEXT"), Tr::tr("Add a comment (with --category, --subject).")}},
            runComments};
}

} // namespace waymark::cli
