// waymark-cli staff FILE [--add | --edit ID | --left ID | --back ID | --me ID]: the staff list as
// JSON, and members added, edited, marked as left and chosen as "me" through the set-up service.
#include "cli/clicommand.h"
#include "maintenance/maintenance.h"
#include "services/staffsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace waymark::cli {

namespace {
const QStringList kDetailOptions{QStringLiteral("title"),        QStringLiteral("forename"), QStringLiteral("surname"),
                                 QStringLiteral("display-name"), QStringLiteral("email"),    QStringLiteral("role")};

QJsonObject toJson(const setup::StaffMember& member, std::optional<RowId> me)
{
    const setup::StaffDetails& d = member.details;
    return {{QStringLiteral("id"), qint64(member.id)},
            {QStringLiteral("title"), d.title},
            {QStringLiteral("forename"), d.givenName},
            {QStringLiteral("surname"), d.familyName},
            {QStringLiteral("display_name"), d.displayName},
            {QStringLiteral("email"), d.email},
            {QStringLiteral("role"), d.role},
            {QStringLiteral("left_on"),
             member.leftOn.isValid() ? QJsonValue(member.leftOn.toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("me"), me == member.id}};
}

void print(Context& context, const QJsonDocument& document)
{
    context.out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

// The member of staff an --edit, --left, --back or --me names, or UsageError.
setup::StaffMember memberNamed(Database& db, const QString& option, const QString& value)
{
    bool ok = false;
    const RowId id = value.trimmed().toLongLong(&ok);
    if (!ok || id <= 0)
        throw UsageError(Tr::tr("--%1 takes a member of staff's id (a number from “waymark-cli staff”), not “%2”.")
                             .arg(option, value));
    std::optional<setup::StaffMember> member = setup::staffMember(db, id);
    if (!member)
        throw UsageError(Tr::tr("There is no member of staff with the id %1 in this school file.").arg(id));
    return *member;
}

// The details typed on the command line over `details`. A display name that was made from the
// other parts is made again from the new ones, unless --display-name gives one.
setup::StaffDetails withOptions(const QCommandLineParser& parser, setup::StaffDetails details)
{
    const bool madeUp =
        details.displayName == setup::composeDisplayName(details.title, details.givenName, details.familyName);
    if (parser.isSet(QStringLiteral("title")))
        details.title = parser.value(QStringLiteral("title"));
    if (parser.isSet(QStringLiteral("forename")))
        details.givenName = parser.value(QStringLiteral("forename"));
    if (parser.isSet(QStringLiteral("surname")))
        details.familyName = parser.value(QStringLiteral("surname"));
    if (parser.isSet(QStringLiteral("email")))
        details.email = parser.value(QStringLiteral("email"));
    if (parser.isSet(QStringLiteral("role")))
        details.role = parser.value(QStringLiteral("role"));
    if (parser.isSet(QStringLiteral("display-name")))
        details.displayName = parser.value(QStringLiteral("display-name"));
    else if (madeUp)
        details.displayName.clear();
    return details;
}

int runStaff(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    QStringList actions;
    for (const char* name : {"add", "edit", "left", "back", "me"})
        if (parser.isSet(QString::fromLatin1(name)))
            actions << QStringLiteral("--") + QString::fromLatin1(name);
    if (actions.size() > 1)
        throw UsageError(Tr::tr("%1 cannot be used together; choose one.").arg(actions.join(QStringLiteral(", "))));
    const QString action = actions.isEmpty() ? QString() : actions.first().mid(2);
    const bool details = std::any_of(kDetailOptions.begin(), kDetailOptions.end(),
                                     [&](const QString& name) { return parser.isSet(name); });
    if (details && action != QLatin1String("add") && action != QLatin1String("edit"))
        throw UsageError(Tr::tr("The details (--surname, --forename, --title, --display-name, --email, --role) are "
                                "given with --add or --edit."));
    if (parser.isSet(QStringLiteral("on")) && action != QLatin1String("left"))
        throw UsageError(Tr::tr("--on is given with --left."));
    const QDate today = todayOption(parser);
    const QDate leftOn = dateOption(parser, QStringLiteral("on"), today);

    if (action.isEmpty()) {
        ReadOnlyVisit visit(path, kBusyTimeoutMs);
        Database& db = visit.db();
        Transaction read(db, Transaction::Kind::Read);
        const std::optional<RowId> me = setup::whoIAm(db);
        QJsonArray out;
        for (const setup::StaffMember& member : setup::staffList(db))
            out.append(toJson(member, me));
        print(context, QJsonDocument(out));
        return kExitOk;
    }

    std::unique_ptr<Database> db = openForChange(path);
    RowId id = 0;
    try {
        if (action == QLatin1String("add")) {
            const setup::StaffDetails wanted = withOptions(parser, {});
            if (const QStringList problems = setup::problemsWithStaff(wanted); !problems.isEmpty())
                throw UsageError(problems.join(QLatin1Char(' ')) + QLatin1Char(' ') + Tr::tr("Nothing was added."));
            id = setup::addStaff(*db, wanted);
        } else if (action == QLatin1String("edit")) {
            const setup::StaffMember member = memberNamed(*db, action, parser.value(action));
            const setup::StaffDetails wanted = withOptions(parser, member.details);
            if (const QStringList problems = setup::problemsWithStaff(wanted); !problems.isEmpty())
                throw UsageError(problems.join(QLatin1Char(' ')) + QLatin1Char(' ') + Tr::tr("Nothing was changed."));
            id = member.id;
            setup::changeStaff(*db, id, wanted, &member.details);
        } else if (action == QLatin1String("left") || action == QLatin1String("back")) {
            id = memberNamed(*db, action, parser.value(action)).id;
            setup::setStaffLeftOn(*db, id, action == QLatin1String("left") ? leftOn : QDate());
        } else { // --me
            const QString value = parser.value(action);
            if (value.trimmed().compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
                setup::setWhoIAm(*db, std::nullopt);
                print(context, QJsonDocument(QJsonObject{{QStringLiteral("me"), QJsonValue()}}));
                return kExitOk;
            }
            id = memberNamed(*db, action, value).id;
            setup::setWhoIAm(*db, id);
        }
    } catch (const StorageError& e) {
        throw explainWriteFailure(e, path);
    }
    const std::optional<setup::StaffMember> member = setup::staffMember(*db, id);
    if (!member)
        throw StorageError(StorageError::Kind::Invalid,
                           Tr::tr("That member of staff is no longer in this school file."));
    print(context, QJsonDocument(toJson(*member, setup::whoIAm(*db))));
    return kExitOk;
}
} // namespace

Command staffCommand()
{
    return {
        QStringLiteral("staff"),
        QStringLiteral("FILE"),
        1,
        Tr::tr("List the staff as JSON; add, edit, mark as left, or choose who you are."),
        Tr::tr("Prints the staff in FILE as JSON: id, title, names, display name, e-mail, role, the date\n"
               "they left (or null) and whether they are “me” on this computer. With one of --add,\n"
               "--edit, --left, --back or --me, changes the staff list first and prints the member of\n"
               "staff changed. Staff are never deleted: those who leave are marked as left. Details\n"
               "that are not valid change nothing."),
        {{{QStringLiteral("add")}, QString(), Tr::tr("Add a member of staff (--surname is needed).")},
         {{QStringLiteral("edit")}, QStringLiteral("ID"), Tr::tr("Change this member of staff's details.")},
         {{QStringLiteral("left")}, QStringLiteral("ID"), Tr::tr("Mark this member of staff as left.")},
         {{QStringLiteral("on")}, QStringLiteral("DATE"), Tr::tr("With --left: the day they left (default today).")},
         {{QStringLiteral("back")}, QStringLiteral("ID"), Tr::tr("Put a member of staff who left back on the list.")},
         {{QStringLiteral("me")},
          QStringLiteral("ID"),
          Tr::tr("Say who uses Waymark on this computer (“none” for nobody).")},
         {{QStringLiteral("surname")}, QStringLiteral("NAME"), Tr::tr("Surname.")},
         {{QStringLiteral("forename")}, QStringLiteral("NAME"), Tr::tr("Forename.")},
         {{QStringLiteral("title")}, QStringLiteral("TITLE"), Tr::tr("Mrs, Mr, Ms, Mx, Dr…")},
         {{QStringLiteral("display-name")},
          QStringLiteral("NAME"),
          Tr::tr("How they are named where space is short (made from the rest if not given).")},
         {{QStringLiteral("email")}, QStringLiteral("ADDRESS"), Tr::tr("E-mail address.")},
         {{QStringLiteral("role")}, QStringLiteral("ROLE"), Tr::tr("Teacher, SENCo, Head of Year 9…")},
         {{QStringLiteral("today")},
          QStringLiteral("DATE"),
          Tr::tr("Take DATE (YYYY-MM-DD) as today, for --left without --on.")}},
        runStaff};
}

} // namespace waymark::cli
