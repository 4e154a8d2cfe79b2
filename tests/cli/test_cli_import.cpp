// waymark-cli import, end to end, for every roster format: School Data Sync (a folder), OneRoster
// (a zip), the Common Transfer File, and a CSV with a --mapping. Each import's JSON counts are
// checked against the rows in the file (read by the sqlite3 shell, not by core/), and against the
// fixture's own rows where it has them; a re-import changes nothing; refusals exit 2 and leave the
// school file byte-identical.
#include "clirunner.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace waymark;
using test::CliRun;

namespace {
const QStringList kToday{QStringLiteral("--today"), QStringLiteral("2026-11-30")};

QString makeSchool(const test::TempDir& dir)
{
    const QString path = dir.path(QStringLiteral("school.waymark"));
    const CliRun run = test::runCli({QStringLiteral("init"), path});
    REQUIRE(run.exitCode == 0);
    return path;
}

// Runs an import that must succeed, and returns its JSON summary.
QJsonObject importOk(const QStringList& arguments)
{
    const CliRun run = test::runCli(QStringList{QStringLiteral("import")} + arguments + kToday);
    INFO("import " << arguments.join(QLatin1Char(' ')).toStdString() << "\n" << run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    REQUIRE_FALSE(run.crashed);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(doc.isObject());
    return doc.object();
}

int count(const QString& school, const QString& sql)
{
    bool ok = false;
    const int n = test::sqliteShell(school, sql).toInt(&ok);
    INFO(sql.toStdString());
    REQUIRE(ok);
    return n;
}

int livePupils(const QString& school)
{
    return count(school, QStringLiteral("SELECT count(*) FROM pupil WHERE deleted = 0"));
}

// Data rows of a fixture's CSV file (its lines, less the header), counted here, not by core/.
int dataRows(const QString& csv)
{
    const QList<QByteArray> lines = test::readAll(csv).trimmed().split('\n');
    return int(lines.size()) - 1;
}

int nested(const QJsonObject& o, const char* outer, const char* inner)
{
    return o.value(QLatin1String(outer)).toObject().value(QLatin1String(inner)).toInt(-1);
}

QString exchangeCase(const QString& relative)
{
    return QStringLiteral(WAYMARK_FIXTURES_DIR "/../exchange/") + relative;
}
} // namespace

TEST_CASE("import --format auto reads a School Data Sync folder: pupils, staff, classes and members; again, nothing "
          "changes")
{
    test::TempDir dir;
    const QString school = makeSchool(dir);
    const QString sds = test::fixturePath(QStringLiteral("sds-uk"));
    const int students = dataRows(sds + QStringLiteral("/Student.csv"));
    const int teachers = dataRows(sds + QStringLiteral("/Teacher.csv"));
    const int sections = dataRows(sds + QStringLiteral("/Section.csv"));
    REQUIRE(students == 86);

    const QJsonObject first = importOk({school, sds, QStringLiteral("--format"), QStringLiteral("auto")});
    CHECK(first.value(QStringLiteral("format")).toString() == QStringLiteral("sds"));
    CHECK(first.value(QStringLiteral("created")).toInt() == students);
    CHECK(first.value(QStringLiteral("rejected")).toArray().isEmpty());
    CHECK(nested(first, "staff", "created") == teachers);
    CHECK(nested(first, "groups", "created") == sections);
    CHECK(livePupils(school) == students);
    CHECK(count(school, QStringLiteral("SELECT count(*) FROM staff WHERE deleted = 0")) == teachers);
    CHECK(count(school, QStringLiteral("SELECT count(*) FROM pupil_group WHERE deleted = 0")) == sections);
    // Every enrolment whose student and section the file holds is a membership.
    CHECK(count(school, QStringLiteral("SELECT count(*) FROM group_member WHERE deleted = 0")) ==
          dataRows(sds + QStringLiteral("/StudentEnrollment.csv")));
    CHECK(count(school, QStringLiteral("SELECT count(DISTINCT mis_id) FROM mis_identity WHERE deleted = 0 AND "
                                       "source = 'sds' AND entity = 'pupil'")) == students);

    const int historyBefore = count(school, QStringLiteral("SELECT count(*) FROM history"));
    const QJsonObject again = importOk({school, sds});
    CHECK(again.value(QStringLiteral("created")).toInt() == 0);
    CHECK(again.value(QStringLiteral("updated")).toInt() == 0);
    CHECK(again.value(QStringLiteral("unchanged")).toInt() == students);
    CHECK(nested(again, "staff", "created") == 0);
    CHECK(nested(again, "staff", "updated") == 0);
    CHECK(nested(again, "groups", "created") == 0);
    CHECK(nested(again, "groups", "updated") == 0);
    CHECK(livePupils(school) == students);
    CHECK(count(school, QStringLiteral("SELECT count(*) FROM pupil_group WHERE deleted = 0")) == sections);
    CHECK(count(school, QStringLiteral("SELECT count(*) FROM history")) == historyBefore); // nothing rewritten
}

TEST_CASE("import reads a OneRoster zip: its students, teachers and class; again, nothing changes")
{
    test::TempDir dir;
    const QString school = makeSchool(dir);
    const QString zip = test::fixturePath(QStringLiteral("oneroster/Test_full_data_set.zip"));

    const QJsonObject first = importOk({school, zip});
    CHECK(first.value(QStringLiteral("format")).toString() == QStringLiteral("oneroster"));
    // tests/exchange/formats/oneroster-11-zip/expected.txt: 3 pupils, 2 staff, 1 group.
    CHECK(first.value(QStringLiteral("created")).toInt() == 3);
    CHECK(nested(first, "staff", "created") == 2);
    CHECK(nested(first, "groups", "created") == 1);
    CHECK(livePupils(school) == 3);
    CHECK(count(school, QStringLiteral("SELECT count(*) FROM staff WHERE deleted = 0")) == 2);
    CHECK(count(school, QStringLiteral("SELECT count(*) FROM pupil_group WHERE deleted = 0")) == 1);
    CHECK(count(school, QStringLiteral("SELECT count(*) FROM pupil_group g JOIN staff s ON s.id = g.teacher_id "
                                       "WHERE g.deleted = 0")) == 1);

    const QJsonObject again = importOk({school, zip, QStringLiteral("--format"), QStringLiteral("oneroster")});
    CHECK(again.value(QStringLiteral("created")).toInt() == 0);
    CHECK(again.value(QStringLiteral("updated")).toInt() == 0);
    CHECK(again.value(QStringLiteral("unchanged")).toInt() == 3);
    CHECK(nested(again, "staff", "created") == 0);
    CHECK(nested(again, "groups", "created") == 0);
    CHECK(livePupils(school) == 3);
}

TEST_CASE("import reads a Common Transfer File: pupils with their SEN, FSM and stage assessment results")
{
    test::TempDir dir;
    const QString school = makeSchool(dir);
    const QString ctf = exchangeCase(QStringLiteral("ctf/ctf25-all-through/input.xml"));
    // Counted in the file itself: 5 pupils, 15 <StageAssessment> with a <Result>.
    const QByteArray xml = test::readAll(ctf);
    REQUIRE(xml.count("<Pupil>") == 5);
    const int results = int(xml.count("<StageAssessment>"));
    REQUIRE(results == 15);

    const QJsonObject first = importOk({school, ctf});
    CHECK(first.value(QStringLiteral("format")).toString() == QStringLiteral("ctf"));
    CHECK(first.value(QStringLiteral("created")).toInt() == 5);
    CHECK(first.value(QStringLiteral("assessment_results")).toInt() == results);
    CHECK(livePupils(school) == 5);
    CHECK(count(school, QStringLiteral("SELECT count(*) FROM evidence WHERE deleted = 0")) == results);
    CHECK(test::sqliteShell(school, QStringLiteral("SELECT sen_status || ',' || fsm || ',' || looked_after FROM pupil "
                                                   "WHERE upn = 'A820200114002'")) == QStringLiteral("ehc_plan,0,1"));
    CHECK(test::sqliteShell(school, QStringLiteral("SELECT r.code FROM evidence e JOIN rung r ON r.id = e.rung_id "
                                                   "JOIN pupil p ON p.id = e.pupil_id WHERE p.upn = 'L820200114001' "
                                                   "AND e.note LIKE '%WRI%'")) == QStringLiteral("GDS"));

    const QJsonObject again = importOk({school, ctf, QStringLiteral("--format"), QStringLiteral("ctf")});
    CHECK(again.value(QStringLiteral("created")).toInt() == 0);
    CHECK(again.value(QStringLiteral("unchanged")).toInt() == 5);
    CHECK(again.value(QStringLiteral("assessment_results")).toInt(0) == 0);
    CHECK(count(school, QStringLiteral("SELECT count(*) FROM evidence WHERE deleted = 0")) == results);
}

TEST_CASE("import --mapping reads a CSV whose headers Waymark does not know; a bad mapping changes nothing")
{
    test::TempDir dir;
    const QString school = makeSchool(dir);
    const QString csv = dir.path(QStringLiteral("odd.csv"));
    test::writeAll(csv, "Family,Given,DOB,Year\n"
                        "Hopper,Grace,09/12/2014,7\n"
                        "Turing,Alan,23/06/2014,7\n");
    const QString mapping = dir.path(QStringLiteral("map.json"));
    test::writeAll(mapping, R"({"columns": {"Family": "legal-surname", "Given": "legal-forename"},
                               "dates": "day-month-year"})");
    const QByteArray empty = test::sha256Of(school);

    // Without the mapping there is no name column to read.
    test::requireOneLineError(test::runCli(QStringList{QStringLiteral("import"), school, csv} + kToday), 2, {});
    CHECK(test::sha256Of(school) == empty);

    SECTION("a mapping of the odd headers imports every row")
    {
        const QJsonObject done = importOk({school, csv, QStringLiteral("--mapping"), mapping});
        CHECK(done.value(QStringLiteral("format")).toString() == QStringLiteral("csv"));
        CHECK(done.value(QStringLiteral("created")).toInt() == 2);
        CHECK(test::sqliteShell(school, QStringLiteral("SELECT legal_family_name || '|' || legal_given_name || '|' || "
                                                       "date_of_birth || '|' || year_group FROM pupil ORDER BY "
                                                       "legal_family_name")) ==
              QStringLiteral("Hopper|Grace|2014-12-09|7\nTuring|Alan|2014-06-23|7"));
        const QJsonObject again = importOk({school, csv, QStringLiteral("--mapping"), mapping});
        CHECK(again.value(QStringLiteral("created")).toInt() == 0);
        CHECK(again.value(QStringLiteral("unchanged")).toInt() == 2);
    }
    SECTION("a mapping naming a field Waymark does not know exits 2 and writes nothing")
    {
        const QString bad = dir.path(QStringLiteral("bad.json"));
        test::writeAll(bad, R"({"columns": {"Family": "legal-surname", "Given": "christian-name"}})");
        test::requireOneLineError(
            test::runCli(QStringList{QStringLiteral("import"), school, csv, QStringLiteral("--mapping"), bad} + kToday),
            2, {QStringLiteral("christian-name"), QStringLiteral("Given")});
        CHECK(test::sha256Of(school) == empty);
    }
    SECTION("a mapping that is not JSON exits 2 and writes nothing")
    {
        const QString bad = dir.path(QStringLiteral("bad.json"));
        test::writeAll(bad, "Family=legal-surname\n");
        test::requireOneLineError(
            test::runCli(QStringList{QStringLiteral("import"), school, csv, QStringLiteral("--mapping"), bad} + kToday),
            2, {QStringLiteral("not a column mapping")});
        CHECK(test::sha256Of(school) == empty);
    }
    SECTION("--mapping with a roster that is not a CSV exits 2 and writes nothing")
    {
        test::requireOneLineError(
            test::runCli(QStringList{QStringLiteral("import"), school,
                                     exchangeCase(QStringLiteral("ctf/ctf25-all-through/input.xml")),
                                     QStringLiteral("--mapping"), mapping} +
                         kToday),
            2, {QStringLiteral("--mapping"), QStringLiteral("CSV")});
        CHECK(test::sha256Of(school) == empty);
    }
    CHECK(livePupils(school) <= 2);
}

TEST_CASE("import refuses an unknown --format and a hostile zip with exit 2, and writes nothing")
{
    test::TempDir dir;
    const QString school = makeSchool(dir);
    const QByteArray before = test::sha256Of(school);
    const QStringList filesBefore = test::filesIn(dir.path());

    test::requireOneLineError(
        test::runCli(QStringList{QStringLiteral("import"), school, test::fixturePath(QStringLiteral("sds-uk")),
                                 QStringLiteral("--format"), QStringLiteral("nonsense")} +
                     kToday),
        2, {QStringLiteral("--format"), QStringLiteral("nonsense")});
    CHECK(test::sha256Of(school) == before);

    // A OneRoster zip holding "exports/../../evil.csv" (tests/exchange/formats/make-hostile-zips.py).
    const QString dotdot = exchangeCase(QStringLiteral("formats/oneroster-zip-dotdot/input.zip"));
    for (const QString& format : {QStringLiteral("auto"), QStringLiteral("oneroster")}) {
        INFO("--format " << format.toStdString());
        test::requireOneLineError(
            test::runCli(QStringList{QStringLiteral("import"), school, dotdot, QStringLiteral("--format"), format} +
                         kToday),
            2, {QStringLiteral("refused"), QStringLiteral("../../evil.csv"), QStringLiteral("outside")});
        CHECK(test::sha256Of(school) == before);
    }
    CHECK(livePupils(school) == 0);
    CHECK(test::filesIn(dir.path()) == filesBefore);
}

TEST_CASE("import --dry-run says what it would do and writes nothing")
{
    test::TempDir dir;
    const QString school = makeSchool(dir);
    const QByteArray before = test::sha256Of(school);
    const QStringList filesBefore = test::filesIn(dir.path());
    const QString sds = test::fixturePath(QStringLiteral("sds-uk"));

    const QJsonObject planned = importOk({school, sds, QStringLiteral("--dry-run")});
    CHECK(planned.value(QStringLiteral("dry_run")).toBool());
    CHECK(planned.value(QStringLiteral("created")).toInt() == dataRows(sds + QStringLiteral("/Student.csv")));
    CHECK(nested(planned, "staff", "created") == dataRows(sds + QStringLiteral("/Teacher.csv")));
    CHECK(test::sha256Of(school) == before);
    CHECK(test::filesIn(dir.path()) == filesBefore);
    CHECK(livePupils(school) == 0);

    const QJsonObject ctf = importOk(
        {school, exchangeCase(QStringLiteral("ctf/ctf25-all-through/input.xml")), QStringLiteral("--dry-run")});
    CHECK(ctf.value(QStringLiteral("created")).toInt() == 5);
    CHECK_FALSE(ctf.contains(QStringLiteral("assessment_results")));
    CHECK(test::sha256Of(school) == before);
    CHECK(count(school, QStringLiteral("SELECT count(*) FROM evidence")) == 0);
}
