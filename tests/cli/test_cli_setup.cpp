// waymark-cli's set-up commands end to end: staff, subjects, group, calendar, new-year and
// pupil-left, run as the real binary. Each change is checked in the file with the sqlite3 shell,
// and each refused one leaves the file byte-identical.
#include "clirunner.h"
#include "domain/upn.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace waymark;
using test::CliRun;

namespace {
const QString kToday = QStringLiteral("2026-11-23");

QString makeSchool(const test::TempDir& dir)
{
    const QString path = dir.path(QStringLiteral("school.waymark"));
    REQUIRE(test::runCli({QStringLiteral("init"), path}).exitCode == 0);
    return path;
}

// Runs a command that must succeed (with --today kToday unless the arguments give one) and returns
// its JSON.
QJsonDocument ok(QStringList arguments)
{
    if (!arguments.contains(QStringLiteral("--today")) && arguments.first() != QLatin1String("subjects"))
        arguments << QStringLiteral("--today") << kToday;
    const CliRun run = test::runCli(arguments);
    INFO(arguments.join(QLatin1Char(' ')).toStdString() << "\n" << run.err.toStdString());
    REQUIRE_FALSE(run.crashed);
    REQUIRE(run.exitCode == 0);
    CHECK(run.err.isEmpty());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    return document;
}

// Runs a command that must be refused with `status` and one line containing `words`, and checks
// that the school file is byte-identical afterwards.
void refused(const QString& path, QStringList arguments, int status, const QStringList& words)
{
    if (!arguments.contains(QStringLiteral("--today")) && arguments.first() != QLatin1String("subjects"))
        arguments << QStringLiteral("--today") << kToday;
    INFO(arguments.join(QLatin1Char(' ')).toStdString());
    const QByteArray before = test::sha256Of(path);
    const CliRun run = test::runCli(arguments);
    test::requireOneLineError(run, status, words);
    CHECK(run.out.isEmpty());
    CHECK(test::sha256Of(path) == before);
}

QStringList keysOf(const QJsonObject& object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QStringList sorted(std::initializer_list<const char*> names)
{
    QStringList list;
    for (const char* name : names)
        list << QLatin1String(name);
    list.sort();
    return list;
}

// A valid UPN of this test's school (LA 801, establishment 2000), numbered.
QString upnNumber(int serial)
{
    return upn::withCheckLetter(QStringLiteral("80120002%1").arg(serial, 4, 10, QLatin1Char('0')));
}

QString addPupil(const QString& path, int serial, const QString& surname, int year, const QString& today = kToday)
{
    const QString upn = upnNumber(serial);
    ok({QStringLiteral("add-pupil"), path, QStringLiteral("--upn"), upn, QStringLiteral("--surname"), surname,
        QStringLiteral("--forename"), QStringLiteral("Pupil%1").arg(serial), QStringLiteral("--year"),
        QString::number(year), QStringLiteral("--today"), today});
    return upn;
}

QString sql(const QString& path, const QString& query)
{
    return test::sqliteShell(path, query);
}
} // namespace

TEST_CASE("help lists the set-up commands, each with its options")
{
    const CliRun help = test::runCli({QStringLiteral("--help")});
    REQUIRE(help.exitCode == 0);
    for (const char* word :
         {"staff FILE", "subjects FILE", "group FILE NAME", "calendar FILE", "new-year FILE", "pupil-left FILE UPN"})
        CHECK(help.out.contains(QLatin1String(word)));
    const CliRun group = test::runCli({QStringLiteral("help"), QStringLiteral("group")});
    for (const char* word : {"--create", "--kind", "--add-pupils", "--remove-pupils", "--academic-year", "moved_from"})
        CHECK(group.out.contains(QLatin1String(word)));
}

TEST_CASE("staff lists, adds, edits, marks as left and brings back staff, and says who I am")
{
    test::TempDir dir;
    const QString path = makeSchool(dir);
    CHECK(ok({QStringLiteral("staff"), path}).array().isEmpty());

    const QJsonObject patel =
        ok({QStringLiteral("staff"), path, QStringLiteral("--add"), QStringLiteral("--title"), QStringLiteral("Mrs"),
            QStringLiteral("--forename"), QStringLiteral(" Jo "), QStringLiteral("--surname"), QStringLiteral("Patel"),
            QStringLiteral("--email"), QStringLiteral("j.patel@oakfield.sch.uk"), QStringLiteral("--role"),
            QStringLiteral("SENCo")})
            .object();
    CHECK(keysOf(patel) ==
          sorted({"id", "title", "forename", "surname", "display_name", "email", "role", "left_on", "me"}));
    CHECK(patel.value(QStringLiteral("display_name")).toString() == QStringLiteral("Mrs J Patel"));
    CHECK(patel.value(QStringLiteral("left_on")).isNull());
    CHECK(patel.value(QStringLiteral("me")).toBool() == false);
    const QString id = QString::number(patel.value(QStringLiteral("id")).toInteger());
    CHECK(sql(path, QStringLiteral("SELECT title, given_name, family_name, display_name, email, role FROM staff "
                                   "WHERE id = %1")
                        .arg(id)) == QStringLiteral("Mrs|Jo|Patel|Mrs J Patel|j.patel@oakfield.sch.uk|SENCo"));

    const QString other =
        QString::number(ok({QStringLiteral("staff"), path, QStringLiteral("--add"), QStringLiteral("--forename"),
                            QStringLiteral("Sam"), QStringLiteral("--surname"), QStringLiteral("Okafor")})
                            .object()
                            .value(QStringLiteral("id"))
                            .toInteger());

    // A new surname makes the display name again, as the app does.
    const QJsonObject edited = ok({QStringLiteral("staff"), path, QStringLiteral("--edit"), id,
                                   QStringLiteral("--surname"), QStringLiteral("Shah")})
                                   .object();
    CHECK(edited.value(QStringLiteral("display_name")).toString() == QStringLiteral("Mrs J Shah"));
    CHECK(sql(path, QStringLiteral("SELECT family_name, display_name, email FROM staff WHERE id = %1").arg(id)) ==
          QStringLiteral("Shah|Mrs J Shah|j.patel@oakfield.sch.uk"));

    // Left on a day, back, then left today.
    CHECK(ok({QStringLiteral("staff"), path, QStringLiteral("--left"), other, QStringLiteral("--on"),
              QStringLiteral("2026-10-31")})
              .object()
              .value(QStringLiteral("left_on"))
              .toString() == QStringLiteral("2026-10-31"));
    CHECK(sql(path, QStringLiteral("SELECT left_on FROM staff WHERE id = %1").arg(other)) ==
          QStringLiteral("2026-10-31"));
    CHECK(ok({QStringLiteral("staff"), path, QStringLiteral("--back"), other})
              .object()
              .value(QStringLiteral("left_on"))
              .isNull());
    CHECK(sql(path, QStringLiteral("SELECT left_on IS NULL FROM staff WHERE id = %1").arg(other)) ==
          QStringLiteral("1"));
    ok({QStringLiteral("staff"), path, QStringLiteral("--left"), other});
    CHECK(sql(path, QStringLiteral("SELECT left_on FROM staff WHERE id = %1").arg(other)) == kToday);

    // Who I am: kept in the file's own settings, shown in the list.
    CHECK(
        ok({QStringLiteral("staff"), path, QStringLiteral("--me"), id}).object().value(QStringLiteral("me")).toBool());
    CHECK(sql(path, QStringLiteral("SELECT s.id FROM meta m JOIN staff s ON s.uuid = m.value WHERE m.key = "
                                   "'who_i_am'")) == id);
    const QJsonArray list = ok({QStringLiteral("staff"), path}).array();
    REQUIRE(list.size() == 2);
    CHECK(list[0].toObject().value(QStringLiteral("surname")).toString() == QStringLiteral("Shah")); // left last
    CHECK(list[0].toObject().value(QStringLiteral("me")).toBool());
    CHECK_FALSE(list[1].toObject().value(QStringLiteral("me")).toBool());
    CHECK(list[1].toObject().value(QStringLiteral("left_on")).toString() == kToday);
    CHECK(ok({QStringLiteral("staff"), path, QStringLiteral("--me"), QStringLiteral("none")})
              .object()
              .value(QStringLiteral("me"))
              .isNull());
    CHECK(sql(path, QStringLiteral("SELECT count(*) FROM meta WHERE key = 'who_i_am'")) == QStringLiteral("0"));

    // Refused: exit 2, one line, nothing written.
    const QString staff = QStringLiteral("staff");
    refused(path, {staff, path, QStringLiteral("--add"), QStringLiteral("--forename"), QStringLiteral("Al")}, 2,
            {QStringLiteral("surname"), QStringLiteral("Nothing was added")});
    refused(path,
            {staff, path, QStringLiteral("--add"), QStringLiteral("--surname"), QStringLiteral("Lee"),
             QStringLiteral("--email"), QStringLiteral("not-an-address")},
            2, {QStringLiteral("not an e-mail address")});
    refused(path, {staff, path, QStringLiteral("--edit"), id, QStringLiteral("--surname"), QStringLiteral(" ")}, 2,
            {QStringLiteral("surname"), QStringLiteral("Nothing was changed")});
    refused(path,
            {staff, path, QStringLiteral("--edit"), QStringLiteral("999"), QStringLiteral("--role"),
             QStringLiteral("Head")},
            2, {QStringLiteral("999")});
    refused(path, {staff, path, QStringLiteral("--left"), QStringLiteral("abc")}, 2, {QStringLiteral("--left")});
    refused(path, {staff, path, QStringLiteral("--left"), id, QStringLiteral("--on"), QStringLiteral("2026-13-01")}, 2,
            {QStringLiteral("--on")});
    refused(path, {staff, path, QStringLiteral("--add"), QStringLiteral("--edit"), id}, 2,
            {QStringLiteral("together")});
    refused(path, {staff, path, QStringLiteral("--surname"), QStringLiteral("Lee")}, 2, {QStringLiteral("--add")});
    refused(path, {staff, path, QStringLiteral("--me"), QStringLiteral("42")}, 2, {QStringLiteral("42")});
}

TEST_CASE("subjects lists, adds, adds the usual list, renames and removes subjects; one in use stays")
{
    test::TempDir dir;
    const QString path = makeSchool(dir);
    const QString subjects = QStringLiteral("subjects");
    CHECK(ok({subjects, path}).array().isEmpty());

    const QJsonArray usual = ok({subjects, path, QStringLiteral("--usual")}).array();
    CHECK(usual.size() == 16);
    REQUIRE_FALSE(usual.isEmpty());
    CHECK(keysOf(usual[0].toObject()) == sorted({"id", "name", "code", "groups"}));
    CHECK(sql(path, QStringLiteral("SELECT count(*) FROM subject WHERE deleted = 0")) == QStringLiteral("16"));
    CHECK(sql(path, QStringLiteral("SELECT code FROM subject WHERE name = 'Mathematics'")) == QStringLiteral("MA"));
    CHECK(ok({subjects, path, QStringLiteral("--usual")}).array().isEmpty()); // each added once

    const QJsonObject latin = ok({subjects, path, QStringLiteral("--add"), QStringLiteral("Latin"),
                                  QStringLiteral("--code"), QStringLiteral("LA")})
                                  .object();
    CHECK(latin.value(QStringLiteral("name")).toString() == QStringLiteral("Latin"));
    CHECK(latin.value(QStringLiteral("groups")).toInt() == 0);
    ok({subjects, path, QStringLiteral("--rename"), QStringLiteral("latin"), QStringLiteral("--to"),
        QStringLiteral("Classics"), QStringLiteral("--code"), QStringLiteral("CL")});
    CHECK(sql(path, QStringLiteral("SELECT name, code FROM subject WHERE deleted = 0 AND id = %1")
                        .arg(latin.value(QStringLiteral("id")).toInteger())) == QStringLiteral("Classics|CL"));

    refused(path, {subjects, path, QStringLiteral("--add"), QStringLiteral("MATHEMATICS")}, 2,
            {QStringLiteral("already has a subject called"), QStringLiteral("Nothing was added")});
    refused(path, {subjects, path, QStringLiteral("--add"), QStringLiteral(" ")}, 2, {QStringLiteral("name")});
    refused(path,
            {subjects, path, QStringLiteral("--rename"), QStringLiteral("Alchemy"), QStringLiteral("--to"),
             QStringLiteral("Chemistry")},
            2, {QStringLiteral("no subject called “Alchemy”")});
    refused(path,
            {subjects, path, QStringLiteral("--rename"), QStringLiteral("Classics"), QStringLiteral("--to"),
             QStringLiteral("Music")},
            2, {QStringLiteral("already has a subject called"), QStringLiteral("Nothing was changed")});
    refused(path, {subjects, path, QStringLiteral("--rename"), QStringLiteral("Classics")}, 2,
            {QStringLiteral("--to")});

    // A subject a group is taught is kept: exit 1 with the service's reason.
    ok({QStringLiteral("group"), path, QStringLiteral("10Ma1"), QStringLiteral("--create"), QStringLiteral("--kind"),
        QStringLiteral("set"), QStringLiteral("--subject"), QStringLiteral("Mathematics")});
    refused(path, {subjects, path, QStringLiteral("--remove"), QStringLiteral("Mathematics")}, 1,
            {QStringLiteral("has groups, tasks, targets or evidence")});
    for (const QJsonValue& s : ok({subjects, path}).array())
        if (s.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("Mathematics"))
            CHECK(s.toObject().value(QStringLiteral("groups")).toInt() == 1);

    ok({subjects, path, QStringLiteral("--remove"), QStringLiteral("Classics")});
    CHECK(sql(path, QStringLiteral("SELECT deleted FROM subject WHERE name = 'Classics'")) == QStringLiteral("1"));
    CHECK(ok({subjects, path}).array().size() == 16);
}

TEST_CASE("group makes, shows and changes a group and its pupils; a tutee moves between tutor groups")
{
    test::TempDir dir;
    const QString path = makeSchool(dir);
    const QString group = QStringLiteral("group");
    const QString ada = addPupil(path, 1, QStringLiteral("Adams"), 7);
    const QString ben = addPupil(path, 2, QStringLiteral("Brown"), 7);
    const QString cat = addPupil(path, 3, QStringLiteral("Cole"), 8);
    const QString teacher = QString::number(
        ok({QStringLiteral("staff"), path, QStringLiteral("--add"), QStringLiteral("--title"), QStringLiteral("Mr"),
            QStringLiteral("--forename"), QStringLiteral("Tom"), QStringLiteral("--surname"), QStringLiteral("Reed")})
            .object()
            .value(QStringLiteral("id"))
            .toInteger());
    ok({QStringLiteral("subjects"), path, QStringLiteral("--add"), QStringLiteral("Mathematics")});

    const QJsonObject made = ok({group, path, QStringLiteral("7R"), QStringLiteral("--create"),
                                 QStringLiteral("--kind"), QStringLiteral("tutor"), QStringLiteral("--year"),
                                 QStringLiteral("7"), QStringLiteral("--teacher"), teacher})
                                 .object();
    CHECK(keysOf(made) == sorted({"id", "name", "kind", "year", "academic_year", "subject", "teacher", "teacher_id",
                                  "pupils", "members"}));
    CHECK(made.value(QStringLiteral("kind")).toString() == QStringLiteral("tutor"));
    CHECK(made.value(QStringLiteral("academic_year")).toString() == QStringLiteral("2026/27"));
    CHECK(made.value(QStringLiteral("teacher")).toString() == QStringLiteral("Mr T Reed"));
    CHECK(sql(path, QStringLiteral("SELECT name, kind, year_group, academic_year, teacher_id FROM pupil_group")) ==
          QStringLiteral("7R|tutor|7|2026|%1").arg(teacher));
    ok({group, path, QStringLiteral("7S"), QStringLiteral("--create"), QStringLiteral("--kind"),
        QStringLiteral("tutor"), QStringLiteral("--year"), QStringLiteral("7")});

    const QJsonObject filled =
        ok({group, path, QStringLiteral("7R"), QStringLiteral("--add-pupils"), ada + QStringLiteral(",") + ben})
            .object();
    const QJsonArray added = filled.value(QStringLiteral("added")).toArray();
    REQUIRE(added.size() == 2);
    CHECK(added[0].toObject().value(QStringLiteral("moved_from")).isNull());
    CHECK(filled.value(QStringLiteral("pupils")).toInt() == 2);
    const QJsonObject first = filled.value(QStringLiteral("members")).toArray()[0].toObject();
    CHECK(keysOf(first) == sorted({"upn", "forename", "surname", "year"}));
    CHECK(first.value(QStringLiteral("upn")).toString() == ada);
    CHECK(first.value(QStringLiteral("surname")).toString() == QStringLiteral("Adams"));

    // Into another tutor group: Ada leaves 7R, and the output says so.
    const QJsonObject moved =
        ok({group, path, QStringLiteral("7S"), QStringLiteral("--add-pupils"), ada.toLower()}).object();
    CHECK(moved.value(QStringLiteral("added")).toArray()[0].toObject().value(QStringLiteral("moved_from")).toString() ==
          QStringLiteral("7R"));
    CHECK(sql(path, QStringLiteral("SELECT g.name FROM group_member m JOIN pupil_group g ON g.id = m.group_id JOIN "
                                   "pupil p ON p.id = m.pupil_id WHERE m.deleted = 0 AND p.upn = '%1'")
                        .arg(ada)) == QStringLiteral("7S"));
    const QJsonArray left = ok({group, path, QStringLiteral("7R")}).object().value(QStringLiteral("members")).toArray();
    REQUIRE(left.size() == 1);
    CHECK(left[0].toObject().value(QStringLiteral("upn")).toString() == ben);

    // A class: pupils in and out, then changed.
    ok({group, path, QStringLiteral("7Ma"), QStringLiteral("--create"), QStringLiteral("--kind"),
        QStringLiteral("class"), QStringLiteral("--subject"), QStringLiteral("mathematics"), QStringLiteral("--year"),
        QStringLiteral("7"), QStringLiteral("--add-pupils"),
        ada + QStringLiteral(",") + ben + QStringLiteral(",") + cat});
    const QJsonObject out = ok({group, path, QStringLiteral("7Ma"), QStringLiteral("--remove-pupils"), cat}).object();
    CHECK(out.value(QStringLiteral("removed")).toArray() == QJsonArray{cat});
    CHECK(out.value(QStringLiteral("pupils")).toInt() == 2);
    CHECK(sql(path, QStringLiteral("SELECT count(*) FROM group_member m JOIN pupil_group g ON g.id = m.group_id "
                                   "WHERE g.name = '7Ma' AND m.deleted = 0")) == QStringLiteral("2"));
    const QJsonObject changed =
        ok({group, path, QStringLiteral("7Ma"), QStringLiteral("--rename"), QStringLiteral("Maths 7"),
            QStringLiteral("--year"), QStringLiteral("vertical"), QStringLiteral("--teacher"), teacher})
            .object();
    CHECK(changed.value(QStringLiteral("name")).toString() == QStringLiteral("Maths 7"));
    CHECK(changed.value(QStringLiteral("year")).isNull());
    CHECK(sql(path, QStringLiteral("SELECT name, year_group IS NULL, teacher_id, subject_id IS NOT NULL FROM "
                                   "pupil_group WHERE kind = 'class'")) ==
          QStringLiteral("Maths 7|1|%1|1").arg(teacher));

    // Refused, nothing written: an unknown UPN stops the whole run, a rename with it included.
    const QString stranger = upnNumber(99);
    refused(path,
            {group, path, QStringLiteral("7S"), QStringLiteral("--rename"), QStringLiteral("7T"),
             QStringLiteral("--add-pupils"), ben + QStringLiteral(",") + stranger},
            2, {stranger, QStringLiteral("Nothing was changed")});
    refused(path, {group, path, QStringLiteral("7S"), QStringLiteral("--remove-pupils"), QStringLiteral("nonsense")}, 2,
            {QStringLiteral("nonsense")});
    refused(path,
            {group, path, QStringLiteral("7r"), QStringLiteral("--create"), QStringLiteral("--kind"),
             QStringLiteral("class")},
            2, {QStringLiteral("already a group called"), QStringLiteral("Nothing was added")});
    refused(path,
            {group, path, QStringLiteral("8Q"), QStringLiteral("--create"), QStringLiteral("--kind"),
             QStringLiteral("club")},
            2, {QStringLiteral("--kind")});
    refused(path, {group, path, QStringLiteral("7S"), QStringLiteral("--year"), QStringLiteral("twelfth")}, 2,
            {QStringLiteral("--year")});
    refused(path, {group, path, QStringLiteral("7S"), QStringLiteral("--year"), QStringLiteral("15")}, 2,
            {QStringLiteral("--year"), QStringLiteral("“15”")});
    refused(path, {group, path, QStringLiteral("7S"), QStringLiteral("--subject"), QStringLiteral("Alchemy")}, 2,
            {QStringLiteral("Alchemy")});
    refused(path, {group, path, QStringLiteral("7S"), QStringLiteral("--teacher"), QStringLiteral("77")}, 2,
            {QStringLiteral("77")});
    refused(path, {group, path, QStringLiteral("9Z"), QStringLiteral("--rename"), QStringLiteral("9Y")}, 2,
            {QStringLiteral("no group called")});
    refused(path, {group, path, QStringLiteral("9Z")}, 2, {QStringLiteral("no group called")});

    // Removed: gone from the year, kept in the file.
    ok({group, path, QStringLiteral("Maths 7"), QStringLiteral("--remove")});
    CHECK(sql(path, QStringLiteral("SELECT deleted FROM pupil_group WHERE name = 'Maths 7'")) == QStringLiteral("1"));
    refused(path, {group, path, QStringLiteral("Maths 7")}, 2, {QStringLiteral("no group called")});
    // Another academic year's group is reached with --academic-year.
    ok({group, path, QStringLiteral("7R"), QStringLiteral("--create"), QStringLiteral("--kind"),
        QStringLiteral("tutor"), QStringLiteral("--academic-year"), QStringLiteral("2027")});
    CHECK(ok({group, path, QStringLiteral("7R"), QStringLiteral("--academic-year"), QStringLiteral("2027")})
              .object()
              .value(QStringLiteral("academic_year"))
              .toString() == QStringLiteral("2027/28"));
}

TEST_CASE("calendar shows a year's dates, sets them from a file of the same shape, and goes back to the defaults")
{
    test::TempDir dir;
    const QString path = makeSchool(dir);
    const QString calendar = QStringLiteral("calendar");
    const QJsonObject defaults = ok({calendar, path}).object(); // the year of --today: 2026/27
    CHECK(keysOf(defaults) ==
          sorted({"academic_year", "label", "configured", "half_terms", "closures", "school_days"}));
    CHECK(defaults.value(QStringLiteral("academic_year")).toInt() == 2026);
    CHECK(defaults.value(QStringLiteral("label")).toString() == QStringLiteral("2026/27"));
    CHECK_FALSE(defaults.value(QStringLiteral("configured")).toBool());
    const QJsonArray terms = defaults.value(QStringLiteral("half_terms")).toArray();
    REQUIRE(terms.size() == 6);
    CHECK(keysOf(terms[0].toObject()) == sorted({"number", "name", "start", "end"}));
    CHECK(terms[0].toObject().value(QStringLiteral("name")).toString() == QStringLiteral("Autumn 1"));
    REQUIRE_FALSE(defaults.value(QStringLiteral("closures")).toArray().isEmpty());
    CHECK(keysOf(defaults.value(QStringLiteral("closures")).toArray()[0].toObject()) ==
          sorted({"from", "to", "kind", "label"}));
    const int defaultDays = defaults.value(QStringLiteral("school_days")).toInt();
    CHECK(defaultDays >= 187);
    CHECK(defaultDays <= 189);

    // The printed shape, edited: Autumn 1 starts a day later, and one closure only.
    QJsonObject edited = defaults;
    QJsonArray editedTerms = terms;
    QJsonObject autumn = editedTerms[0].toObject();
    const QDate start = QDate::fromString(autumn.value(QStringLiteral("start")).toString(), Qt::ISODate);
    autumn.insert(QStringLiteral("start"), start.addDays(1).toString(Qt::ISODate));
    editedTerms[0] = autumn;
    edited.insert(QStringLiteral("half_terms"), editedTerms);
    const QString inset = start.addDays(7).toString(Qt::ISODate); // a weekday in Autumn 1
    edited.insert(QStringLiteral("closures"),
                  QJsonArray{QJsonObject{{QStringLiteral("from"), inset},
                                         {QStringLiteral("kind"), QStringLiteral("inset")},
                                         {QStringLiteral("label"), QStringLiteral("Training day")}}});
    const QString dates = dir.path(QStringLiteral("dates.json"));
    test::writeAll(dates, QJsonDocument(edited).toJson());
    const QJsonObject set =
        ok({calendar, path, QStringLiteral("--year"), QStringLiteral("2026"), QStringLiteral("--set"), dates}).object();
    CHECK(set.value(QStringLiteral("configured")).toBool());
    CHECK(set.value(QStringLiteral("half_terms")).toArray() == editedTerms);
    const QJsonArray closures = set.value(QStringLiteral("closures")).toArray();
    REQUIRE(closures.size() == 1);
    CHECK(closures[0].toObject().value(QStringLiteral("to")).toString() == inset);
    CHECK(closures[0].toObject().value(QStringLiteral("kind")).toString() == QStringLiteral("inset"));
    CHECK(sql(path, QStringLiteral("SELECT count(*) FROM calendar_half_term WHERE deleted = 0 AND academic_year = "
                                   "2026")) == QStringLiteral("6"));
    CHECK(sql(path, QStringLiteral("SELECT start_on FROM calendar_half_term WHERE deleted = 0 AND number = 1")) ==
          start.addDays(1).toString(Qt::ISODate));
    CHECK(sql(path, QStringLiteral("SELECT from_on, to_on, kind, label FROM calendar_closure WHERE deleted = 0")) ==
          inset + QLatin1Char('|') + inset + QStringLiteral("|inset|Training day"));
    CHECK(ok({calendar, path, QStringLiteral("--year"), QStringLiteral("2026")}).object() == set);
    CHECK(set.value(QStringLiteral("school_days")).toInt() > 0);

    // Dates that cannot be used: exit 2 naming the problem, nothing written.
    const auto refusedDates = [&](const QByteArray& content, const QStringList& words) {
        test::writeAll(dates, content);
        refused(path,
                {calendar, path, QStringLiteral("--year"), QStringLiteral("2026"), QStringLiteral("--set"), dates}, 2,
                words + QStringList{QStringLiteral("Nothing was changed")});
    };
    QJsonObject fiveTerms = edited;
    QJsonArray five = editedTerms;
    five.removeLast();
    fiveTerms.insert(QStringLiteral("half_terms"), five);
    refusedDates(QJsonDocument(fiveTerms).toJson(), {QStringLiteral("6 half-terms")});
    QJsonObject backwards = edited;
    QJsonArray swapped = editedTerms;
    QJsonObject spring = swapped[2].toObject();
    spring.insert(QStringLiteral("end"), spring.value(QStringLiteral("start")).toString());
    spring.insert(QStringLiteral("start"), editedTerms[2].toObject().value(QStringLiteral("end")).toString());
    swapped[2] = spring;
    backwards.insert(QStringLiteral("half_terms"), swapped);
    refusedDates(QJsonDocument(backwards).toJson(), {QStringLiteral("Spring 1")});
    QJsonObject badKind = edited;
    badKind.insert(
        QStringLiteral("closures"),
        QJsonArray{QJsonObject{{QStringLiteral("from"), inset}, {QStringLiteral("kind"), QStringLiteral("snow")}}});
    refusedDates(QJsonDocument(badKind).toJson(), {QStringLiteral("snow")});
    QJsonObject outside = edited;
    outside.insert(QStringLiteral("closures"),
                   QJsonArray{QJsonObject{{QStringLiteral("from"), QStringLiteral("2028-01-04")},
                                          {QStringLiteral("label"), QStringLiteral("Snow day")}}});
    refusedDates(QJsonDocument(outside).toJson(), {QStringLiteral("Snow day"), QStringLiteral("2026/27")});
    refusedDates("{\"half_terms\": [", {QStringLiteral("JSON")});
    refusedDates(QJsonDocument(edited).toJson().replace("2026-", "2026/"), {QStringLiteral("YYYY-MM-DD")});
    refused(path, {calendar, path, QStringLiteral("--year"), QStringLiteral("2027"), QStringLiteral("--set"), dates}, 2,
            {QStringLiteral("2027")});
    refused(path, {calendar, path, QStringLiteral("--set"), dates}, 2, {QStringLiteral("--year")});
    refused(path, {calendar, path, QStringLiteral("--year"), QStringLiteral("twenty")}, 2, {QStringLiteral("--year")});

    const QJsonObject back =
        ok({calendar, path, QStringLiteral("--year"), QStringLiteral("2026"), QStringLiteral("--defaults")}).object();
    CHECK(back == defaults);
    CHECK(sql(path, QStringLiteral("SELECT count(*) FROM calendar_half_term WHERE deleted = 0")) ==
          QStringLiteral("0"));
    CHECK(sql(path, QStringLiteral("SELECT count(*) FROM calendar_closure WHERE deleted = 0")) == QStringLiteral("0"));
}

TEST_CASE("new-year shows its plan, writes nothing on a dry run, moves pupils up once, and refuses a second run")
{
    test::TempDir dir;
    const QString path = makeSchool(dir);
    const QString september = QStringLiteral("2026-09-07");
    const QString six = addPupil(path, 6, QStringLiteral("Six"), 6, september);
    const QString eleven = addPupil(path, 11, QStringLiteral("Eleven"), 11, september);
    const QString thirteen = addPupil(path, 13, QStringLiteral("Thirteen"), 13, september);
    const QStringList july{QStringLiteral("--today"), QStringLiteral("2027-07-01")};
    const QString summer2End = ok({QStringLiteral("calendar"), path, QStringLiteral("--year"), QStringLiteral("2026")})
                                   .object()
                                   .value(QStringLiteral("half_terms"))
                                   .toArray()[5]
                                   .toObject()
                                   .value(QStringLiteral("end"))
                                   .toString();

    const QByteArray before = test::sha256Of(path);
    const QJsonObject plan =
        ok(QStringList{QStringLiteral("new-year"), path, QStringLiteral("--dry-run")} + july).object();
    CHECK(test::sha256Of(path) == before);
    CHECK(keysOf(plan) == sorted({"from_year", "to_year", "from_label", "to_label", "leave_on", "moving_up",
                                  "calendar_stored", "already_started", "candidates", "dry_run", "started"}));
    CHECK(plan.value(QStringLiteral("from_year")).toInt() == 2026);
    CHECK(plan.value(QStringLiteral("to_year")).toInt() == 2027);
    CHECK(plan.value(QStringLiteral("leave_on")).toString() == summer2End);
    CHECK(plan.value(QStringLiteral("moving_up")).toInt() == 2);
    CHECK(plan.value(QStringLiteral("started")).isNull());
    const QJsonArray candidates = plan.value(QStringLiteral("candidates")).toArray();
    REQUIRE(candidates.size() == 3);
    CHECK(keysOf(candidates[0].toObject()) == sorted({"upn", "name", "year", "usually_leaves", "leaving"}));
    for (const QJsonValue& c : candidates) {
        // A secondary school with a sixth form: only Year 13 usually leaves.
        const bool y13 = c.toObject().value(QStringLiteral("upn")).toString() == thirteen;
        CHECK(c.toObject().value(QStringLiteral("usually_leaves")).toBool() == y13);
        CHECK(c.toObject().value(QStringLiteral("leaving")).toBool() == y13);
    }
    // Choosing the leavers by UPN changes the plan, still writing nothing.
    const QJsonObject chosen = ok(QStringList{QStringLiteral("new-year"), path, QStringLiteral("--from"),
                                              QStringLiteral("2026"), QStringLiteral("--dry-run"),
                                              QStringLiteral("--leavers"), eleven + QStringLiteral(",") + thirteen} +
                                  july)
                                   .object();
    CHECK(chosen.value(QStringLiteral("moving_up")).toInt() == 1);
    CHECK(test::sha256Of(path) == before);

    refused(path, QStringList{QStringLiteral("new-year"), path, QStringLiteral("--leavers"), upnNumber(98)} + july, 2,
            {upnNumber(98), QStringLiteral("Nothing was changed")});
    refused(path,
            QStringList{QStringLiteral("new-year"), path, QStringLiteral("--from"), QStringLiteral("last")} + july, 2,
            {QStringLiteral("--from")});

    const QJsonObject started = ok(QStringList{QStringLiteral("new-year"), path} + july).object();
    CHECK(started.value(QStringLiteral("started")).toObject() ==
          QJsonObject{{QStringLiteral("moved_up"), 2},
                      {QStringLiteral("marked_left"), 1},
                      {QStringLiteral("calendar_created"), true}});
    CHECK(sql(path, QStringLiteral("SELECT upn, year_group, coalesce(left_on, '-') FROM pupil ORDER BY year_group")) ==
          QStringLiteral("%1|7|-\n%2|12|-\n%3|13|%4").arg(six, eleven, thirteen, summer2End));
    CHECK(ok({QStringLiteral("calendar"), path, QStringLiteral("--year"), QStringLiteral("2027")})
              .object()
              .value(QStringLiteral("configured"))
              .toBool());

    refused(path, QStringList{QStringLiteral("new-year"), path} + july, 1, {QStringLiteral("already been started")});
    // The dry run says so too, and still writes nothing.
    CHECK(ok(QStringList{QStringLiteral("new-year"), path, QStringLiteral("--dry-run")} + july)
              .object()
              .value(QStringLiteral("already_started"))
              .toBool());
}

TEST_CASE("pupil-left marks a pupil as left and re-admits them; a bad UPN or date changes nothing")
{
    test::TempDir dir;
    const QString path = makeSchool(dir);
    const QString upn = addPupil(path, 5, QStringLiteral("Evans"), 9);
    const QJsonObject left =
        ok({QStringLiteral("pupil-left"), path, upn.toLower(), QStringLiteral("--on"), QStringLiteral("2026-12-18")})
            .object();
    CHECK(keysOf(left) == sorted({"upn", "name", "left_on"}));
    CHECK(left.value(QStringLiteral("left_on")).toString() == QStringLiteral("2026-12-18"));
    CHECK(sql(path, QStringLiteral("SELECT left_on FROM pupil WHERE upn = '%1'").arg(upn)) ==
          QStringLiteral("2026-12-18"));
    CHECK(ok({QStringLiteral("pupils"), path, QStringLiteral("--left"), QStringLiteral("--today"),
              QStringLiteral("2027-01-04")})
              .array()
              .size() == 1);

    CHECK(ok({QStringLiteral("pupil-left"), path, upn, QStringLiteral("--readmit")})
              .object()
              .value(QStringLiteral("left_on"))
              .isNull());
    CHECK(sql(path, QStringLiteral("SELECT left_on IS NULL FROM pupil WHERE upn = '%1'").arg(upn)) ==
          QStringLiteral("1"));
    ok({QStringLiteral("pupil-left"), path, upn}); // today
    CHECK(sql(path, QStringLiteral("SELECT left_on FROM pupil WHERE upn = '%1'").arg(upn)) == kToday);

    const QString pupilLeft = QStringLiteral("pupil-left");
    refused(path, {pupilLeft, path, upnNumber(97)}, 2, {upnNumber(97), QStringLiteral("Nothing was changed")});
    refused(path, {pupilLeft, path, upn, QStringLiteral("--on"), QStringLiteral("18/12/2026")}, 2,
            {QStringLiteral("--on")});
    refused(path, {pupilLeft, path, upn, QStringLiteral("--on"), QStringLiteral("2026-01-05")}, 2,
            {QStringLiteral("started on"), QStringLiteral("Nothing was changed")});
    refused(path, {pupilLeft, path, upn, QStringLiteral("--readmit"), QStringLiteral("--on"), kToday}, 2,
            {QStringLiteral("together")});
    refused(path, {pupilLeft, path}, 2, {QStringLiteral("FILE UPN")});
}
