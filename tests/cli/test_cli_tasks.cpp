// waymark-cli tasks: the tasks of a school or of one group, as JSON, checked against the file.
#include "clirunner.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {
// A 40-pupil demo school of one year, the same every time.
QString demoSchool(test::TempDir& dir)
{
    const QString path = dir.path(QStringLiteral("demo.waymark"));
    REQUIRE(test::runCli({QStringLiteral("demo"), path, QStringLiteral("--pupils"), QStringLiteral("40"),
                          QStringLiteral("--years"), QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("3"),
                          QStringLiteral("--today"), QStringLiteral("2026-11-23")})
                .exitCode == 0);
    return path;
}
} // namespace

TEST_CASE("tasks lists every task newest first, or one group's, as the file holds them")
{
    test::TempDir dir;
    const QString path = demoSchool(dir);
    const test::CliRun all =
        test::runCli({QStringLiteral("tasks"), path, QStringLiteral("--today"), QStringLiteral("2026-11-23")});
    REQUIRE(all.exitCode == 0);
    const QJsonArray tasks = QJsonDocument::fromJson(all.out.toUtf8()).array();
    CHECK(tasks.size() ==
          test::sqliteShell(path, QStringLiteral("SELECT count(*) FROM task WHERE deleted = 0")).toInt());
    REQUIRE(tasks.size() > 1);
    const QJsonObject first = tasks.first().toObject();
    CHECK(first.keys() == QStringList({QStringLiteral("criteria"), QStringLiteral("date"), QStringLiteral("group"),
                                       QStringLiteral("id"), QStringLiteral("marked"), QStringLiteral("subject"),
                                       QStringLiteral("title")}));
    CHECK(first.value(QStringLiteral("date")).toString() >=
          tasks.last().toObject().value(QStringLiteral("date")).toString());
    CHECK(first.value(QStringLiteral("title")).toString() ==
          test::sqliteShell(path, QStringLiteral("SELECT title FROM task WHERE id = %1")
                                      .arg(first.value(QStringLiteral("id")).toInteger())));

    // One group's tasks: those whose group has that name.
    const QString group = first.value(QStringLiteral("group")).toString();
    const test::CliRun one = test::runCli({QStringLiteral("tasks"), path, QStringLiteral("--group"), group,
                                           QStringLiteral("--today"), QStringLiteral("2026-11-23")});
    REQUIRE(one.exitCode == 0);
    const QJsonArray mine = QJsonDocument::fromJson(one.out.toUtf8()).array();
    CHECK(mine.size() ==
          test::sqliteShell(path, QStringLiteral("SELECT count(*) FROM task t JOIN pupil_group g ON g.id = t.group_id "
                                                 "WHERE t.deleted = 0 AND g.name = '%1' AND g.academic_year = 2026")
                                      .arg(group))
              .toInt());
    for (const QJsonValue& t : mine)
        CHECK(t.toObject().value(QStringLiteral("group")).toString() == group);

    const test::CliRun none =
        test::runCli({QStringLiteral("tasks"), path, QStringLiteral("--group"), QStringLiteral("No such group")});
    CHECK(none.exitCode == 2);
    CHECK(none.err.contains(QStringLiteral("There is no group called")));
}

TEST_CASE("next-steps lists the next steps awaiting a response, per class and per pupil, as the file holds them")
{
    test::TempDir dir;
    const QString path = demoSchool(dir);
    const QString awaited = QStringLiteral(
        "FROM feedback f JOIN evidence e ON e.id = f.evidence_id AND e.deleted = 0 JOIN task t ON t.id = e.task_id "
        "AND t.deleted = 0 JOIN pupil p ON p.id = e.pupil_id AND p.deleted = 0 WHERE f.deleted = 0 AND "
        "trim(f.next_step) <> '' AND trim(f.pupil_response) = '' AND f.next_step_met IS NULL");
    const test::CliRun all = test::runCli({QStringLiteral("next-steps"), path});
    REQUIRE(all.exitCode == 0);
    const QJsonArray steps = QJsonDocument::fromJson(all.out.toUtf8()).array();
    CHECK(steps.size() == test::sqliteShell(path, QStringLiteral("SELECT count(*) ") + awaited).toInt());
    REQUIRE(steps.size() > 0);
    const QJsonObject first = steps.first().toObject();
    CHECK(first.keys() == QStringList({QStringLiteral("date"), QStringLiteral("group"), QStringLiteral("next_step"),
                                       QStringLiteral("pupil"), QStringLiteral("task"), QStringLiteral("title"),
                                       QStringLiteral("upn")}));
    const QString upn = first.value(QStringLiteral("upn")).toString();
    const test::CliRun one = test::runCli({QStringLiteral("next-steps"), path, QStringLiteral("--upn"), upn});
    REQUIRE(one.exitCode == 0);
    const QJsonArray mine = QJsonDocument::fromJson(one.out.toUtf8()).array();
    CHECK(mine.size() ==
          test::sqliteShell(path, QStringLiteral("SELECT count(*) ") + awaited + QStringLiteral(" AND p.upn = '%1'").arg(upn))
              .toInt());
    for (const QJsonValue& s : mine)
        CHECK(s.toObject().value(QStringLiteral("upn")).toString() == upn);
    const QString group = first.value(QStringLiteral("group")).toString();
    const test::CliRun forGroup = test::runCli({QStringLiteral("next-steps"), path, QStringLiteral("--group"), group,
                                                QStringLiteral("--today"), QStringLiteral("2026-11-23")});
    REQUIRE(forGroup.exitCode == 0);
    for (const QJsonValue& s : QJsonDocument::fromJson(forGroup.out.toUtf8()).array())
        CHECK(s.toObject().value(QStringLiteral("group")).toString() == group);
    CHECK(test::runCli({QStringLiteral("next-steps"), path, QStringLiteral("--upn"), QStringLiteral("A123")}).exitCode == 2);
}

TEST_CASE("mark sets a pupil's marks, or the whole class's, through the marking service, and refuses what is wrong")
{
    test::TempDir dir;
    const QString path = demoSchool(dir);
    // A task with criteria, and a pupil in its group.
    const QString task = test::sqliteShell(
        path, QStringLiteral("SELECT t.id FROM task t WHERE t.deleted = 0 AND EXISTS (SELECT 1 FROM success_criterion c "
                             "WHERE c.task_id = t.id AND c.deleted = 0) ORDER BY t.id LIMIT 1"));
    const QString upn = test::sqliteShell(
        path, QStringLiteral("SELECT p.upn FROM pupil p JOIN group_member m ON m.pupil_id = p.id AND m.deleted = 0 "
                             "JOIN task t ON t.group_id = m.group_id WHERE t.id = %1 ORDER BY p.id LIMIT 1")
                  .arg(task));
    REQUIRE(!upn.isEmpty());
    const test::CliRun one = test::runCli({QStringLiteral("mark"), path, QStringLiteral("--task"), task,
                                           QStringLiteral("--upn"), upn, QStringLiteral("--light"), QStringLiteral("red"),
                                           QStringLiteral("--criterion"), QStringLiteral("1"), QStringLiteral("--judgement"),
                                           QStringLiteral("not-yet"), QStringLiteral("--next-step"),
                                           QStringLiteral("Label both axes")});
    REQUIRE(one.exitCode == 0);
    const QString record = QStringLiteral(
        "FROM evidence e JOIN pupil p ON p.id = e.pupil_id WHERE e.deleted = 0 AND e.task_id = %1 AND p.upn = '%2' "
        "AND e.id = (SELECT min(id) FROM evidence x WHERE x.task_id = e.task_id AND x.pupil_id = e.pupil_id AND x.deleted = 0)")
                               .arg(task, upn);
    CHECK(test::sqliteShell(path, QStringLiteral("SELECT e.light ") + record) == QStringLiteral("red"));
    CHECK(test::sqliteShell(path, QStringLiteral("SELECT f.next_step FROM feedback f WHERE f.deleted = 0 AND "
                                                 "f.evidence_id = (SELECT e.id ") + record + QStringLiteral(")")) ==
          QStringLiteral("Label both axes"));
    CHECK(test::sqliteShell(path, QStringLiteral("SELECT j.judgement FROM criterion_judgement j WHERE j.deleted = 0 "
                                                 "AND j.evidence_id = (SELECT e.id ") + record +
                                      QStringLiteral(") AND j.criterion_id = (SELECT id FROM success_criterion WHERE "
                                                     "task_id = %1 AND deleted = 0 ORDER BY position, id LIMIT 1)").arg(task)) ==
          QStringLiteral("not_yet"));

    // The whole class amber, in one go.
    const test::CliRun all = test::runCli({QStringLiteral("mark"), path, QStringLiteral("--task"), task,
                                           QStringLiteral("--all"), QStringLiteral("--light"), QStringLiteral("amber"),
                                           QStringLiteral("--today"), QStringLiteral("2026-11-23")});
    REQUIRE(all.exitCode == 0);
    const int pupils = QJsonDocument::fromJson(all.out.toUtf8()).object().value(QStringLiteral("pupils")).toInt();
    CHECK(pupils > 1);
    CHECK(test::sqliteShell(path, QStringLiteral("SELECT count(DISTINCT pupil_id) FROM evidence WHERE deleted = 0 AND "
                                                 "task_id = %1 AND light = 'amber'").arg(task))
              .toInt() == pupils);

    // Wrong input: a usage error, and the file as it was.
    const QString before = test::sqliteShell(path, QStringLiteral("SELECT count(*) FROM history"));
    for (const QStringList& bad :
         {QStringList{QStringLiteral("--upn"), upn, QStringLiteral("--light"), QStringLiteral("blue")},
          QStringList{QStringLiteral("--upn"), upn, QStringLiteral("--grade"), QStringLiteral("Z9")},
          QStringList{QStringLiteral("--upn"), upn, QStringLiteral("--criterion"), QStringLiteral("99"),
                      QStringLiteral("--judgement"), QStringLiteral("met")},
          QStringList{QStringLiteral("--upn"), upn},
          QStringList{QStringLiteral("--all"), QStringLiteral("--upn"), upn, QStringLiteral("--light"), QStringLiteral("red")}}) {
        INFO(bad.join(QLatin1Char(' ')).toStdString());
        const test::CliRun run = test::runCli(QStringList{QStringLiteral("mark"), path, QStringLiteral("--task"), task} + bad);
        CHECK(run.exitCode == 2);
        CHECK_FALSE(run.err.isEmpty());
    }
    CHECK(test::sqliteShell(path, QStringLiteral("SELECT count(*) FROM history")) == before);
}
