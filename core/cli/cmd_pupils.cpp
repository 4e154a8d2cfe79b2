// waymark-cli pupils FILE [--group NAME] [--left], add-pupil FILE ... and pupil-left FILE UPN: the
// roll as JSON, and a pupil added, marked as left or re-admitted through the same set-up service the
// app uses.
#include "calendar/schoolcalendar.h"
#include "cli/clicommand.h"
#include "domain/entities.h"
#include "maintenance/maintenance.h"
#include "queries/rosterqueries.h"
#include "repo/repository.h"
#include "services/pupilsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace waymark::cli {

namespace {
const Option kToday{{QStringLiteral("today")},
                    QStringLiteral("DATE"),
                    Tr::tr("Count who is on roll on DATE (YYYY-MM-DD) instead of today.")};

int runPupils(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const QDate today = todayOption(parser);
    ReadOnlyVisit visit(path, kBusyTimeoutMs);
    Database& db = visit.db();
    Transaction read(db, Transaction::Kind::Read);
    const int year = rosterYear(db, today);
    std::vector<PupilSummary> pupils;
    if (parser.isSet(QStringLiteral("group"))) {
        const QString name = parser.value(QStringLiteral("group"));
        const std::optional<GroupSummary> group = findGroup(db, name, year);
        if (!group)
            throw UsageError(
                Tr::tr("There is no group called “%1” in %2.").arg(name, SchoolCalendar::academicYearLabel(year)));
        pupils = pupilsOfGroup(db, group->id, today);
    } else {
        pupils = pupilsOnRoll(db, today);
    }
    if (parser.isSet(QStringLiteral("left")))
        pupils = pupilsWhoLeft(db, today); // those who have left instead
    // Each pupil's groups of the year, in one pass over the memberships.
    QHash<RowId, QString> groupNames;
    for (const GroupSummary& g : groupsOfYear(db, year, MemberCounts::Skip))
        groupNames.insert(g.id, g.name);
    QHash<RowId, QStringList> groupsOf;
    for (const Membership& m : membershipsOfYear(db, year))
        groupsOf[m.pupilId] << groupNames.value(m.groupId);
    QJsonArray out;
    for (const PupilSummary& p : pupils) {
        QStringList groups = groupsOf.value(p.id);
        groups.sort(Qt::CaseInsensitive);
        QJsonObject o{{QStringLiteral("upn"), p.upn},
                      {QStringLiteral("legal_forename"), p.legalGivenName},
                      {QStringLiteral("legal_surname"), p.legalFamilyName},
                      {QStringLiteral("forename"), p.givenName},
                      {QStringLiteral("surname"), p.familyName},
                      {QStringLiteral("year"), p.yearGroup ? QJsonValue(*p.yearGroup) : QJsonValue()},
                      {QStringLiteral("groups"), QJsonArray::fromStringList(groups)}};
        if (p.leftOn.isValid())
            o.insert(QStringLiteral("left_on"), p.leftOn.toString(Qt::ISODate));
        out.append(o);
    }
    context.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
    return kExitOk;
}

int runGroups(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const QDate today = todayOption(parser);
    ReadOnlyVisit visit(path, kBusyTimeoutMs);
    Database& db = visit.db();
    Transaction read(db, Transaction::Kind::Read);
    const int year = rosterYear(db, today);
    QJsonArray out;
    for (const GroupSummary& g : groupsOfYear(db, year)) {
        const char* kind = g.kind == GroupKind::Tutor ? "tutor" : g.kind == GroupKind::Set ? "set" : "class";
        out.append(QJsonObject{{QStringLiteral("name"), g.name},
                               {QStringLiteral("kind"), QString::fromLatin1(kind)},
                               {QStringLiteral("year"), g.yearGroup ? QJsonValue(*g.yearGroup) : QJsonValue()},
                               {QStringLiteral("academic_year"), SchoolCalendar::academicYearLabel(g.academicYear)},
                               {QStringLiteral("subject"), g.subjectName},
                               {QStringLiteral("teacher"), g.teacherName},
                               {QStringLiteral("pupils"), g.memberCount}});
    }
    context.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
    return kExitOk;
}

int runAddPupil(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const QDate today = todayOption(parser);
    setup::NewPupil pupil;
    pupil.upn = parser.value(QStringLiteral("upn"));
    pupil.legalGivenName = parser.value(QStringLiteral("forename"));
    pupil.legalFamilyName = parser.value(QStringLiteral("surname"));
    if (parser.isSet(QStringLiteral("dob"))) {
        pupil.dateOfBirth = QDate::fromString(parser.value(QStringLiteral("dob")).trimmed(), Qt::ISODate);
        if (!pupil.dateOfBirth.isValid())
            throw UsageError(
                Tr::tr("--dob must be a date written YYYY-MM-DD, not “%1”.").arg(parser.value(QStringLiteral("dob"))));
    }
    if (parser.isSet(QStringLiteral("year"))) {
        bool ok = false;
        pupil.yearGroup = parser.value(QStringLiteral("year")).toInt(&ok);
        if (!ok)
            throw UsageError(Tr::tr("--year must be a number (0 for Reception), not “%1”.")
                                 .arg(parser.value(QStringLiteral("year"))));
    }
    Database::Options options;
    options.busyTimeoutMs = kBusyTimeoutMs;
    std::unique_ptr<Database> db = Database::open(path, options);
    if (const QStringList problems = setup::problemsWithNewPupil(*db, pupil, today); !problems.isEmpty())
        throw UsageError(problems.join(QLatin1Char(' ')) + QLatin1Char(' ') + Tr::tr("Nothing was added."));
    RowId id = 0;
    try {
        id = setup::addPupil(*db, pupil, today);
    } catch (const StorageError& e) {
        throw explainWriteFailure(e, path);
    }
    context.out << QString::fromUtf8(
                       QJsonDocument(QJsonObject{{QStringLiteral("added"), QString::number(id)},
                                                 {QStringLiteral("upn"),
                                                  pupil.upn.simplified().remove(QLatin1Char(' ')).toUpper()}})
                           .toJson(QJsonDocument::Compact))
                << Qt::endl;
    return kExitOk;
}

int runPupilLeft(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const QString upn = parser.positionalArguments().at(1);
    const bool readmit = parser.isSet(QStringLiteral("readmit"));
    if (readmit && parser.isSet(QStringLiteral("on")))
        throw UsageError(Tr::tr("--on and --readmit cannot be used together; choose one."));
    const QDate leftOn = readmit ? QDate() : dateOption(parser, QStringLiteral("on"), todayOption(parser));
    std::unique_ptr<Database> db = openForChange(path);
    const std::optional<RowId> id = findPupilByUpn(*db, tidyUpn(upn));
    if (!id)
        throw UsageError(Tr::tr("No pupil in this school file has the UPN %1. Nothing was changed.").arg(upn));
    try {
        setup::setLeftOn(*db, *id, leftOn);
    } catch (const StorageError& e) {
        if (e.kind() == StorageError::Kind::Invalid) // a leaving date before they started
            throw UsageError(e.message() + QLatin1Char(' ') + Tr::tr("Nothing was changed."));
        throw explainWriteFailure(e, path);
    }
    const std::optional<Pupil> pupil = Repository<Pupil>(*db).find(*id);
    if (!pupil)
        throw StorageError(StorageError::Kind::Invalid, Tr::tr("That pupil is no longer in this school file."));
    context.out << QString::fromUtf8(
        QJsonDocument(
            QJsonObject{{QStringLiteral("upn"), pupil->upn},
                        {QStringLiteral("name"), pupil->displayName()},
                        {QStringLiteral("left_on"),
                         pupil->leftOn.isValid() ? QJsonValue(pupil->leftOn.toString(Qt::ISODate)) : QJsonValue()}})
            .toJson(QJsonDocument::Indented));
    return kExitOk;
}
} // namespace

Command pupilLeftCommand()
{
    return {QStringLiteral("pupil-left"),
            QStringLiteral("FILE UPN"),
            2,
            Tr::tr("Mark a pupil as having left (or, with --readmit, back on roll)."),
            Tr::tr("Marks the pupil with this UPN as having left on --on (default today), and prints them as\n"
                   "JSON. Nothing of theirs is deleted: their plan and evidence stay. --readmit puts them\n"
                   "back on roll. A leaving date before the pupil started changes nothing."),
            {{{QStringLiteral("on")}, QStringLiteral("DATE"), Tr::tr("The day they left, YYYY-MM-DD.")},
             {{QStringLiteral("readmit")}, QString(), Tr::tr("Put a pupil who left back on roll.")},
             {{QStringLiteral("today")},
              QStringLiteral("DATE"),
              Tr::tr("Take DATE (YYYY-MM-DD) as today, for leaving without --on.")}},
            runPupilLeft};
}

Command pupilsCommand()
{
    return {QStringLiteral("pupils"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("List the pupils on roll (or of a group, or who have left) as JSON."),
            Tr::tr("Prints a JSON list of the pupils in FILE on roll today: UPN, legal and shown names,\n"
                   "year group and this year's groups. --group lists one group's pupils; --left lists\n"
                   "those who have left instead, with their leaving dates. Reads only."),
            {{{QStringLiteral("group")}, QStringLiteral("NAME"), Tr::tr("Only the pupils of this group.")},
             {{QStringLiteral("left")}, QString(), Tr::tr("The pupils who have left, not those on roll.")},
             kToday},
            runPupils};
}

Command groupsCommand()
{
    return {QStringLiteral("groups"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("List this year's groups as JSON."),
            Tr::tr("Prints a JSON list of the groups of the academic year in FILE (tutor groups, classes and\n"
                   "sets): name, kind, year group, subject, teacher and how many pupils. Reads only."),
            {kToday},
            runGroups};
}

Command addPupilCommand()
{
    return {QStringLiteral("add-pupil"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("Add a pupil by hand (the UPN is checked; a pupil is added once)."),
            Tr::tr("Adds one pupil to FILE and prints their id as JSON. The UPN's check letter is checked\n"
                   "and a UPN another pupil has is refused, naming them; nothing is added then."),
            {{{QStringLiteral("upn")}, QStringLiteral("UPN"), Tr::tr("The pupil's UPN (may be left out).")},
             {{QStringLiteral("surname")}, QStringLiteral("NAME"), Tr::tr("Legal surname.")},
             {{QStringLiteral("forename")}, QStringLiteral("NAME"), Tr::tr("Legal forename.")},
             {{QStringLiteral("dob")}, QStringLiteral("DATE"), Tr::tr("Date of birth, YYYY-MM-DD.")},
             {{QStringLiteral("year")}, QStringLiteral("N"), Tr::tr("National Curriculum year (0 for Reception).")},
             kToday},
            runAddPupil};
}

} // namespace waymark::cli
