// waymark-cli tasks: the tasks of a school or of one group, as JSON, checked against the file.
#include "clirunner.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace waymark;

TEST_CASE("tasks lists every task newest first, or one group's, as the file holds them")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.waymark"));
    REQUIRE(test::runCli({QStringLiteral("demo"), path, QStringLiteral("--pupils"), QStringLiteral("40"),
                          QStringLiteral("--years"), QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("3"),
                          QStringLiteral("--today"), QStringLiteral("2026-11-23")})
                .exitCode == 0);
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
    const QString path = dir.path(QStringLiteral("demo.waymark"));
    REQUIRE(test::runCli({QStringLiteral("demo"), path, QStringLiteral("--pupils"), QStringLiteral("40"),
                          QStringLiteral("--years"), QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("3"),
                          QStringLiteral("--today"), QStringLiteral("2026-11-23")})
                .exitCode == 0);
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
