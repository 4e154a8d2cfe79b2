// waymark-cli search: full-text search as JSON, checked against the file through the sqlite3 shell;
// it reads only, and says plainly what is wrong with a missing file or a bad limit.
#include "clirunner.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace waymark;

TEST_CASE("search prints the best matches as JSON: kind, pupil, UPN, date, field, snippet and UUID")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.waymark"));
    REQUIRE(test::runCli({QStringLiteral("demo"), path, QStringLiteral("--pupils"), QStringLiteral("40"),
                          QStringLiteral("--years"), QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("3"),
                          QStringLiteral("--today"), QStringLiteral("2026-11-23")})
                .exitCode == 0);
    const QByteArray before = test::sha256Of(path);

    const test::CliRun run = test::runCli({QStringLiteral("search"), path, QStringLiteral("glossary")});
    REQUIRE(run.exitCode == 0);
    CHECK(run.err.isEmpty());
    const QJsonArray hits = QJsonDocument::fromJson(run.out.toUtf8()).array();
    REQUIRE(hits.size() == 20); // the default limit; the demo's feedback uses the word far more often
    for (const QJsonValue& value : hits) {
        const QJsonObject hit = value.toObject();
        CHECK(hit.keys() == QStringList({QStringLiteral("date"), QStringLiteral("field"), QStringLiteral("kind"),
                                         QStringLiteral("pupil"), QStringLiteral("snippet"), QStringLiteral("upn"),
                                         QStringLiteral("uuid")}));
        CHECK(hit.value(QStringLiteral("snippet")).toString().contains(QStringLiteral("[glossary]")));
        const QString kind = hit.value(QStringLiteral("kind")).toString();
        CHECK(QStringList({QStringLiteral("feedback"), QStringLiteral("evidence"), QStringLiteral("target"),
                           QStringLiteral("plan")})
                  .contains(kind));
        // The pupil, UPN and date are the record's own, as the file holds them.
        const QString uuid = hit.value(QStringLiteral("uuid")).toString();
        if (kind == QLatin1String("feedback")) {
            CHECK(test::sqliteShell(path, QStringLiteral("SELECT p.upn || '|' || e.recorded_on FROM feedback f JOIN "
                                                         "evidence e ON e.id = f.evidence_id JOIN pupil p ON p.id = "
                                                         "e.pupil_id WHERE f.uuid = '%1'")
                                              .arg(uuid)) == hit.value(QStringLiteral("upn")).toString() +
                                                                 QLatin1Char('|') +
                                                                 hit.value(QStringLiteral("date")).toString());
        }
        CHECK_FALSE(hit.value(QStringLiteral("pupil")).toString().isEmpty());
    }

    // --limit, and a word no record holds.
    const test::CliRun three = test::runCli(
        {QStringLiteral("search"), path, QStringLiteral("gloss"), QStringLiteral("--limit"), QStringLiteral("3")});
    REQUIRE(three.exitCode == 0);
    CHECK(QJsonDocument::fromJson(three.out.toUtf8()).array().size() == 3);
    const test::CliRun none = test::runCli({QStringLiteral("search"), path, QStringLiteral("xylophone")});
    REQUIRE(none.exitCode == 0);
    CHECK(QJsonDocument::fromJson(none.out.toUtf8()).array().isEmpty());
    // FTS5's own syntax is only words here.
    const test::CliRun syntax = test::runCli({QStringLiteral("search"), path, QStringLiteral("NEAR(\"gloss\" note:*")});
    CHECK(syntax.exitCode == 0);
    CHECK(QJsonDocument::fromJson(syntax.out.toUtf8()).isArray());

    CHECK(test::sha256Of(path) == before); // read only
}

TEST_CASE("search says what is wrong: a missing file, a bad limit, nothing to look for")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    test::requireOneLineError(
        test::runCli({QStringLiteral("search"), dir.path(QStringLiteral("nope.waymark")), QStringLiteral("fractions")}),
        1, {QStringLiteral("nope.waymark")});
    REQUIRE(test::runCli({QStringLiteral("init"), path}).exitCode == 0);
    for (const char* limit : {"0", "-3", "ten", "1001", ""}) {
        INFO(limit);
        test::requireOneLineError(test::runCli({QStringLiteral("search"), path, QStringLiteral("fractions"),
                                                QStringLiteral("--limit"), QString::fromLatin1(limit)}),
                                  2, {QStringLiteral("--limit must be a whole number from 1 to 1000")});
    }
    test::requireOneLineError(test::runCli({QStringLiteral("search"), path, QStringLiteral(" \"* ")}), 2,
                              {QStringLiteral("give at least one word")});
    test::requireOneLineError(test::runCli({QStringLiteral("search"), path}), 2, {QStringLiteral("FILE QUERY")});
    const test::CliRun empty = test::runCli({QStringLiteral("search"), path, QStringLiteral("fractions")});
    CHECK(empty.exitCode == 0);
    CHECK(QJsonDocument::fromJson(empty.out.toUtf8()).array().isEmpty());
}
