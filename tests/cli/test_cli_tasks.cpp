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
