// waymark-cli group FILE NAME [--create | --rename | --subject | --teacher | --year | --remove |
// --add-pupils | --remove-pupils]: one group and its pupils as JSON, made and changed through the
// set-up service the app uses, every change of one run in one transaction.
#include "calendar/schoolcalendar.h"
#include "cli/clicommand.h"
#include "domain/entities.h"
#include "exchange/rostercolumns.h"
#include "maintenance/maintenance.h"
#include "queries/rosterqueries.h"
#include "repo/repository.h"
#include "services/groupsetup.h"
#include "services/staffsetup.h"
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
QString kindText(GroupKind kind)
{
    const std::string_view text = toText(kind);
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

// The academic year an option names (2026 for 2026/27), or UsageError.
int academicYearOption(const QCommandLineParser& parser, int otherwise)
{
    if (!parser.isSet(QStringLiteral("academic-year")))
        return otherwise;
    bool ok = false;
    const int year = parser.value(QStringLiteral("academic-year")).trimmed().toInt(&ok);
    if (!ok || year < 1970 || year > 2199)
        throw UsageError(Tr::tr("--academic-year is the year it starts in (2026 for 2026/27), not “%1”.")
                             .arg(parser.value(QStringLiteral("academic-year"))));
    return year;
}

setup::GroupEntry entryOf(Database& db, RowId id, int academicYear)
{
    for (const setup::GroupEntry& entry : setup::groupList(db, academicYear))
        if (entry.id == id)
            return entry;
    throw StorageError(StorageError::Kind::Invalid, Tr::tr("That group is no longer in this school file."));
}

QJsonObject toJson(Database& db, const setup::GroupEntry& group, QDate today)
{
    QJsonArray members;
    for (const PupilSummary& p : pupilsOfGroup(db, group.id, today))
        members.append(QJsonObject{{QStringLiteral("upn"), p.upn},
                                   {QStringLiteral("forename"), p.givenName},
                                   {QStringLiteral("surname"), p.familyName},
                                   {QStringLiteral("year"), p.yearGroup ? QJsonValue(*p.yearGroup) : QJsonValue()}});
    const setup::GroupDetails& d = group.details;
    return {{QStringLiteral("id"), qint64(group.id)},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("kind"), kindText(d.kind)},
            {QStringLiteral("year"), d.yearGroup ? QJsonValue(*d.yearGroup) : QJsonValue()},
            {QStringLiteral("academic_year"), SchoolCalendar::academicYearLabel(d.academicYear)},
            {QStringLiteral("subject"), group.subjectName},
            {QStringLiteral("teacher"), group.teacherName},
            {QStringLiteral("teacher_id"), d.teacherId ? QJsonValue(qint64(*d.teacherId)) : QJsonValue()},
            {QStringLiteral("pupils"), members.size()},
            {QStringLiteral("members"), members}};
}

// The pupils an --add-pupils or --remove-pupils list names, by UPN; UsageError naming any unknown.
std::vector<Pupil> pupilsNamed(Database& db, const QCommandLineParser& parser, const QString& option)
{
    const QStringList upns = listOption(parser, option);
    if (upns.isEmpty())
        throw UsageError(Tr::tr("--%1 takes pupils' UPNs, separated by commas.").arg(option));
    std::vector<Pupil> pupils;
    QStringList unknown;
    for (const QString& upn : upns) {
        const std::optional<RowId> id = findPupilByUpn(db, tidyUpn(upn));
        const std::optional<Pupil> pupil = id ? Repository<Pupil>(db).find(*id) : std::nullopt;
        if (pupil)
            pupils.push_back(*pupil);
        else
            unknown << upn;
    }
    if (!unknown.isEmpty())
        throw UsageError(Tr::tr("No pupil in this school file has the UPN %1 (--%2). Nothing was changed.")
                             .arg(unknown.join(QStringLiteral(", ")), option));
    return pupils;
}

// --year's value: a year group as an MIS writes it, or "vertical" for none.
std::optional<int> yearGroupOption(const QCommandLineParser& parser)
{
    const QString text = parser.value(QStringLiteral("year")).trimmed();
    if (text.compare(QLatin1String("vertical"), Qt::CaseInsensitive) == 0)
        return std::nullopt;
    const std::optional<int> year = exchange::parseYearGroup(text);
    if (!year)
        throw UsageError(Tr::tr("--year is a year group (7, R for Reception, N1) or “vertical”, not “%1”.").arg(text));
    return year;
}

// The group details the options ask for, over `details`.
setup::GroupDetails withOptions(Database& db, const QCommandLineParser& parser, setup::GroupDetails details)
{
    if (parser.isSet(QStringLiteral("rename")))
        details.name = parser.value(QStringLiteral("rename"));
    if (parser.isSet(QStringLiteral("year")))
        details.yearGroup = yearGroupOption(parser);
    if (parser.isSet(QStringLiteral("subject"))) {
        const QString name = parser.value(QStringLiteral("subject")).trimmed();
        if (name.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
            details.subjectId.reset();
        } else {
            details.subjectId = setup::findSubject(db, name);
            if (!details.subjectId)
                throw UsageError(Tr::tr("There is no subject called “%1” in this school file (see “waymark-cli "
                                        "subjects”).")
                                     .arg(name));
        }
    }
    if (parser.isSet(QStringLiteral("teacher"))) {
        const QString value = parser.value(QStringLiteral("teacher")).trimmed();
        if (value.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
            details.teacherId.reset();
        } else {
            bool ok = false;
            const RowId id = value.toLongLong(&ok);
            const std::optional<setup::StaffMember> member =
                ok ? setup::staffMember(db, id) : std::optional<setup::StaffMember>();
            if (!member)
                throw UsageError(Tr::tr("--teacher takes the id of a member of staff (see “waymark-cli staff”) or "
                                        "“none”; there is none with “%1”.")
                                     .arg(value));
            if (member->leftOn.isValid())
                throw UsageError(
                    Tr::tr("%1 has left the school, so is not given new groups.").arg(member->details.displayName));
            details.teacherId = id;
        }
    }
    return details;
}

int runGroup(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const QString name = parser.positionalArguments().at(1);
    const QDate today = todayOption(parser);
    const bool creating = parser.isSet(QStringLiteral("create"));
    const bool removing = parser.isSet(QStringLiteral("remove"));
    const bool adding = parser.isSet(QStringLiteral("add-pupils"));
    const bool taking = parser.isSet(QStringLiteral("remove-pupils"));
    QStringList changes;
    for (const char* option : {"rename", "subject", "teacher", "year", "add-pupils", "remove-pupils"})
        if (parser.isSet(QString::fromLatin1(option)))
            changes << QStringLiteral("--") + QString::fromLatin1(option);
    if (creating && removing)
        throw UsageError(Tr::tr("--create and --remove cannot be used together; choose one."));
    if (removing && !changes.isEmpty())
        throw UsageError(
            Tr::tr("--remove removes the group; %1 cannot be given with it.").arg(changes.join(QStringLiteral(", "))));
    if (parser.isSet(QStringLiteral("kind")) && !creating)
        throw UsageError(Tr::tr("--kind is given with --create; a group's kind is not changed afterwards."));
    if (creating && parser.isSet(QStringLiteral("rename")))
        throw UsageError(Tr::tr("--rename is for a group that exists; --create makes one called NAME."));
    std::optional<GroupKind> kind;
    if (creating) {
        const QString text = parser.value(QStringLiteral("kind")).trimmed().toLower();
        kind = fromText<GroupKind>(text.toStdString());
        if (!kind)
            throw UsageError(Tr::tr("--create needs --kind class, set or tutor, not “%1”.")
                                 .arg(parser.value(QStringLiteral("kind"))));
    }

    if (!creating && !removing && changes.isEmpty()) {
        ReadOnlyVisit visit(path, kBusyTimeoutMs);
        Database& db = visit.db();
        Transaction read(db, Transaction::Kind::Read);
        const int year = academicYearOption(parser, rosterYear(db, today));
        const std::optional<GroupSummary> group = findGroup(db, name, year);
        if (!group)
            throw UsageError(
                Tr::tr("There is no group called “%1” in %2.").arg(name, SchoolCalendar::academicYearLabel(year)));
        context.out << QString::fromUtf8(
            QJsonDocument(toJson(db, entryOf(db, group->id, year), today)).toJson(QJsonDocument::Indented));
        return kExitOk;
    }

    std::unique_ptr<Database> db = openForChange(path);
    QJsonObject out;
    try {
        Transaction transaction(*db); // every change of this run, or none
        const int year =
            academicYearOption(parser, creating ? SchoolCalendar::academicYearOf(today) : rosterYear(*db, today));
        RowId id = 0;
        if (creating) {
            setup::GroupDetails details;
            details.name = name;
            details.kind = *kind;
            details.academicYear = year;
            details = withOptions(*db, parser, details);
            if (const QStringList problems = setup::problemsWithGroup(*db, details); !problems.isEmpty())
                throw UsageError(problems.join(QLatin1Char(' ')) + QLatin1Char(' ') + Tr::tr("Nothing was added."));
            id = setup::addGroup(*db, details);
        } else {
            const std::optional<GroupSummary> group = findGroup(*db, name, year);
            if (!group)
                throw UsageError(Tr::tr("There is no group called “%1” in %2. Nothing was changed.")
                                     .arg(name, SchoolCalendar::academicYearLabel(year)));
            id = group->id;
            const setup::GroupEntry before = entryOf(*db, id, year);
            if (removing) {
                setup::setGroupRemoved(*db, id, true);
                transaction.commit();
                context.out << QString::fromUtf8(
                    QJsonDocument(QJsonObject{{QStringLiteral("removed"), toJson(*db, before, today)}})
                        .toJson(QJsonDocument::Indented));
                return kExitOk;
            }
            const setup::GroupDetails details = withOptions(*db, parser, before.details);
            if (details != before.details) {
                if (const QStringList problems = setup::problemsWithGroup(*db, details, id); !problems.isEmpty())
                    throw UsageError(problems.join(QLatin1Char(' ')) + QLatin1Char(' ') +
                                     Tr::tr("Nothing was changed."));
                setup::changeGroup(*db, id, details, &before.details);
            }
        }
        const std::vector<Pupil> toAdd =
            adding ? pupilsNamed(*db, parser, QStringLiteral("add-pupils")) : std::vector<Pupil>();
        const std::vector<Pupil> toTake =
            taking ? pupilsNamed(*db, parser, QStringLiteral("remove-pupils")) : std::vector<Pupil>();
        const setup::GroupEntry group = entryOf(*db, id, year);
        if (adding) {
            const std::vector<RowId> members = setup::membersOf(*db, id);
            QJsonArray added;
            QJsonArray already;
            std::vector<RowId> ids;
            for (const Pupil& p : toAdd) {
                if (std::find(members.begin(), members.end(), p.id) != members.end()) {
                    already.append(p.upn);
                    continue;
                }
                // Into a tutor group, the pupil leaves the one they were in.
                const QString from = group.details.kind == GroupKind::Tutor
                                         ? setup::tutorGroupOf(*db, p.id, group.details.academicYear)
                                         : QString();
                added.append(
                    QJsonObject{{QStringLiteral("upn"), p.upn},
                                {QStringLiteral("name"), p.displayName()},
                                {QStringLiteral("moved_from"), from.isEmpty() ? QJsonValue() : QJsonValue(from)}});
                ids.push_back(p.id);
            }
            setup::addMembers(*db, id, ids);
            out.insert(QStringLiteral("added"), added);
            out.insert(QStringLiteral("already_in"), already);
        }
        if (taking) {
            const std::vector<RowId> members = setup::membersOf(*db, id);
            QJsonArray removed;
            QJsonArray notIn;
            std::vector<RowId> ids;
            for (const Pupil& p : toTake) {
                const bool member = std::find(members.begin(), members.end(), p.id) != members.end();
                (member ? removed : notIn).append(p.upn);
                if (member)
                    ids.push_back(p.id);
            }
            setup::removeMembers(*db, id, ids);
            out.insert(QStringLiteral("removed"), removed);
            out.insert(QStringLiteral("not_in"), notIn);
        }
        transaction.commit();
        const QJsonObject shown = toJson(*db, entryOf(*db, id, year), today);
        for (auto it = shown.begin(); it != shown.end(); ++it)
            out.insert(it.key(), it.value());
    } catch (const StorageError& e) {
        throw explainWriteFailure(e, path);
    }
    context.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
    return kExitOk;
}
} // namespace

Command groupCommand()
{
    return {QStringLiteral("group"),
            QStringLiteral("FILE NAME"),
            2,
            Tr::tr("Show one group and its pupils as JSON; make, change or remove it, add or take out pupils."),
            Tr::tr("Prints the group called NAME in this academic year (as “groups” chooses it) as JSON,\n"
                   "with its pupils on roll. --create makes it (in the academic year of today unless\n"
                   "--academic-year says otherwise); --rename, --subject, --teacher and --year change it;\n"
                   "--remove removes it (refused, exit status 1, once tasks were set for it);\n"
                   "--add-pupils and --remove-pupils change who is in it, by UPN. A pupil added to a tutor\n"
                   "group leaves their other tutor group of the year (“moved_from”). All the changes of\n"
                   "one run are made together or, if any is refused, none is."),
            {{{QStringLiteral("create")}, QString(), Tr::tr("Make the group (with --kind).")},
             {{QStringLiteral("kind")}, QStringLiteral("KIND"), Tr::tr("With --create: class, set or tutor.")},
             {{QStringLiteral("rename")}, QStringLiteral("NEW"), Tr::tr("Give the group a new name.")},
             {{QStringLiteral("year")},
              QStringLiteral("YEAR"),
              Tr::tr("Its year group: 7, R (Reception), N1, or “vertical” for several.")},
             {{QStringLiteral("subject")}, QStringLiteral("NAME"), Tr::tr("The subject taught (“none” for none).")},
             {{QStringLiteral("teacher")},
              QStringLiteral("ID"),
              Tr::tr("The teacher, by id from “waymark-cli staff” (“none” for none).")},
             {{QStringLiteral("academic-year")},
              QStringLiteral("YEAR"),
              Tr::tr("The academic year by the year it starts (2026 for 2026/27).")},
             {{QStringLiteral("remove")}, QString(), Tr::tr("Remove the group (kept in history).")},
             {{QStringLiteral("add-pupils")}, QStringLiteral("UPNS"), Tr::tr("Put these pupils in the group.")},
             {{QStringLiteral("remove-pupils")}, QStringLiteral("UPNS"), Tr::tr("Take these pupils out of it.")},
             {{QStringLiteral("today")},
              QStringLiteral("DATE"),
              Tr::tr("Take DATE (YYYY-MM-DD) as today: which year, and who is on roll.")}},
            runGroup};
}

} // namespace waymark::cli
