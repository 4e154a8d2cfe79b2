// waymark-cli comments: the comment bank listed and searched as JSON, the starter set added, a
// comment added, and the bank shared between two schools as CSV, run as the real binary and
// checked in the files with the sqlite3 shell.
#include "clirunner.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace waymark;
using test::CliRun;

namespace {
QString makeSchool(const test::TempDir& dir, const QString& name, const QStringList& subjects)
{
    const QString path = dir.path(name);
    REQUIRE(test::runCli({QStringLiteral("init"), path}).exitCode == 0);
    for (const QString& s : subjects)
        REQUIRE(test::runCli({QStringLiteral("subjects"), path, QStringLiteral("--add"), s}).exitCode == 0);
    return path;
}

QJsonDocument ok(const QStringList& arguments)
{
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

int liveComments(const QString& path)
{
    return test::sqliteShell(path, QStringLiteral("SELECT count(*) FROM comment_bank WHERE deleted = 0")).toInt();
}
} // namespace

TEST_CASE("comments lists, searches and adds to the bank, and shares it as CSV")
{
    test::TempDir dir;
    const QString path =
        makeSchool(dir, QStringLiteral("school.waymark"), {QStringLiteral("Mathematics"), QStringLiteral("French")});
    CHECK(ok({QStringLiteral("comments"), path}).array().isEmpty());

    const QJsonObject starter = ok({QStringLiteral("comments"), path, QStringLiteral("--starter")}).object();
    const int added = starter.value(QStringLiteral("added")).toInt();
    CHECK(added >= 60);
    CHECK(starter.value(QStringLiteral("withoutSubject")).toInt() > 0); // no science here
    CHECK(liveComments(path) == added);

    const QJsonArray all = ok({QStringLiteral("comments"), path}).array();
    CHECK(all.size() == added);
    CHECK(all.first().toObject().keys() ==
          QStringList({QStringLiteral("category"), QStringLiteral("id"), QStringLiteral("subject"),
                       QStringLiteral("text"), QStringLiteral("uses")}));
    // One kind, one subject (its own and the general ones), and a search.
    const QJsonArray maths = ok({QStringLiteral("comments"), path, QStringLiteral("--category"), QStringLiteral("www"),
                                 QStringLiteral("--subject"), QStringLiteral("maths")})
                                 .array();
    REQUIRE(maths.size() > 5);
    CHECK(maths.first().toObject().value(QStringLiteral("subject")).toString() == QStringLiteral("Mathematics"));
    for (const QJsonValue& c : maths) {
        CHECK(c.toObject().value(QStringLiteral("category")).toString() == QStringLiteral("what_went_well"));
        CHECK(c.toObject().value(QStringLiteral("subject")).toString() != QStringLiteral("French"));
    }
    const QJsonArray found =
        ok({QStringLiteral("comments"), path, QStringLiteral("--search"), QStringLiteral("VERB endings")}).array();
    REQUIRE(found.size() == 1);
    CHECK(found.first().toObject().value(QStringLiteral("subject")).toString() == QStringLiteral("French"));

    const QJsonObject own =
        ok({QStringLiteral("comments"), path, QStringLiteral("--add"), QStringLiteral("You used the bar model well."),
            QStringLiteral("--category"), QStringLiteral("What went well"), QStringLiteral("--subject"),
            QStringLiteral("Mathematics")})
            .object();
    CHECK(own.value(QStringLiteral("text")).toString() == QStringLiteral("You used the bar model well."));
    CHECK(test::sqliteShell(path, QStringLiteral("SELECT s.name FROM comment_bank c JOIN subject s ON s.id = "
                                                 "c.subject_id WHERE c.id = %1")
                                      .arg(own.value(QStringLiteral("id")).toInteger())) ==
          QStringLiteral("Mathematics"));

    // Shared: exported here, imported in a school that calls the subject Maths.
    const QString csv = dir.path(QStringLiteral("bank.csv"));
    const QJsonObject exported = ok({QStringLiteral("comments"), path, QStringLiteral("--export"), csv}).object();
    CHECK(exported.value(QStringLiteral("comments")).toInt() == added + 1);
    CHECK(test::readAll(csv).startsWith("\xEF\xBB\xBF"
                                        "Category,Subject,Comment\r\n"));
    const QString other = makeSchool(dir, QStringLiteral("other.waymark"), {QStringLiteral("Maths")});
    const QJsonObject imported = ok({QStringLiteral("comments"), other, QStringLiteral("--import"), csv}).object();
    CHECK(imported.value(QStringLiteral("added")).toInt() == added + 1);
    CHECK(imported.value(QStringLiteral("problems")).toArray().isEmpty());
    // French is not taught there: its comments are general, and that is said.
    CHECK(imported.value(QStringLiteral("notes")).toArray().first().toString().contains(QStringLiteral("French")));
    CHECK(test::sqliteShell(other, QStringLiteral("SELECT count(*) FROM comment_bank c JOIN subject s ON s.id = "
                                                  "c.subject_id WHERE s.name = 'Maths'"))
              .toInt() > 10);
    const QJsonObject again = ok({QStringLiteral("comments"), other, QStringLiteral("--import"), csv}).object();
    CHECK(again.value(QStringLiteral("added")).toInt() == 0);
    CHECK(again.value(QStringLiteral("duplicates")).toInt() == added + 1);
}

TEST_CASE("comments refuses what it cannot do, changing nothing")
{
    test::TempDir dir;
    const QString path = makeSchool(dir, QStringLiteral("school.waymark"), {QStringLiteral("Mathematics")});
    ok({QStringLiteral("comments"), path, QStringLiteral("--add"), QStringLiteral("Well done."),
        QStringLiteral("--category"), QStringLiteral("www")});
    const QByteArray before = test::sha256Of(path);
    const auto refused = [&](const QStringList& arguments, int status, const QStringList& words) {
        INFO(arguments.join(QLatin1Char(' ')).toStdString());
        const CliRun run = test::runCli(arguments);
        test::requireOneLineError(run, status, words);
        CHECK(test::sha256Of(path) == before);
        return run;
    };
    refused({QStringLiteral("comments"), path, QStringLiteral("--category"), QStringLiteral("praise")}, 2,
            {QStringLiteral("praise"), QStringLiteral("category")});
    refused({QStringLiteral("comments"), path, QStringLiteral("--subject"), QStringLiteral("Latin")}, 2,
            {QStringLiteral("no subject"), QStringLiteral("Latin")});
    refused({QStringLiteral("comments"), path, QStringLiteral("--starter"), QStringLiteral("--export"),
             dir.path(QStringLiteral("x.csv"))},
            2, {QStringLiteral("together")});
    refused({QStringLiteral("comments"), path, QStringLiteral("--add"), QStringLiteral("Well done.")}, 2,
            {QStringLiteral("--category")});
    refused({QStringLiteral("comments"), path, QStringLiteral("--add"), QStringLiteral("Well   done."),
             QStringLiteral("--category"), QStringLiteral("www")},
            2, {QStringLiteral("already in the bank")});

    // A bank file with a bad row: nothing is imported, the line is named, exit status 1.
    const QString bad = dir.path(QStringLiteral("bad.csv"));
    test::writeAll(bad, "Category,Subject,Comment\nWWW,,Fine.\nPraise,,Lovely.\n");
    const CliRun run = refused({QStringLiteral("comments"), path, QStringLiteral("--import"), bad}, 1,
                               {QStringLiteral("Line 3"), QStringLiteral("Nothing was imported")});
    CHECK(QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("added")).toInt() == 0);
    CHECK(liveComments(path) == 1);
    const QString picture = dir.path(QStringLiteral("photo.csv"));
    test::writeAll(picture, QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    refused({QStringLiteral("comments"), path, QStringLiteral("--import"), picture}, 1, {QStringLiteral("text")});
    refused({QStringLiteral("comments"), path, QStringLiteral("--import"), dir.path(QStringLiteral("missing.csv"))}, 1,
            {QStringLiteral("missing.csv")});
}
