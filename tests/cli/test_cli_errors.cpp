// waymark-cli on bad input: one line on stderr naming the problem, a non-zero exit, no crash, and
// never a changed input or a partial output file.
#include "clirunner.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include <catch2/catch.hpp>

using namespace waymark;
using test::CliRun;

namespace {
QString makeSchool(const test::TempDir& dir, const QString& name = QStringLiteral("school.waymark"))
{
    const QString path = dir.path(name);
    const CliRun run = test::runCli({QStringLiteral("init"), path});
    REQUIRE(run.exitCode == 0);
    return path;
}

QStringList args(std::initializer_list<const char*> list)
{
    QStringList result;
    for (const char* a : list)
        result << QString::fromUtf8(a);
    return result;
}

struct Case
{
    QStringList arguments;
    QString named; // a word the message must contain
};

std::vector<Case> usageMistakes(const QString& file)
{
    std::vector<Case> cases = {
        {{}, QStringLiteral("no command")},
        {args({"frobnicate", "x"}), QStringLiteral("frobnicate")},
        {args({"--frob"}), QStringLiteral("--frob")},
        {args({"help", "frobnicate"}), QStringLiteral("frobnicate")},
        {args({"check"}), QStringLiteral("FILE")},
        {args({"check", "a", "b"}), QStringLiteral("FILE")},
        {args({"backup", "a"}), QStringLiteral("FILE DEST")},
        {{QStringLiteral("init"), QStringLiteral("--frob"), file}, QStringLiteral("frob")},
        {{QStringLiteral("demo"), file, QStringLiteral("--pupils")}, QStringLiteral("pupils")},
    };
    for (const char* bad : {"0", "10001", "abc", "-5", "1.5", ""})
        cases.push_back({{QStringLiteral("demo"), file, QStringLiteral("--pupils=") + QLatin1String(bad)},
                         QStringLiteral("--pupils")});
    for (const char* bad : {"0", "11", "many"})
        cases.push_back(
            {{QStringLiteral("demo"), file, QStringLiteral("--years"), QLatin1String(bad)}, QStringLiteral("--years")});
    for (const char* bad : {"-1", "x", "18446744073709551616"})
        cases.push_back(
            {{QStringLiteral("demo"), file, QStringLiteral("--seed"), QLatin1String(bad)}, QStringLiteral("--seed")});
    for (const char* bad : {"2025-02-30", "14/03/2025", "2025-3-1", "yesterday"})
        cases.push_back(
            {{QStringLiteral("demo"), file, QStringLiteral("--today"), QLatin1String(bad)}, QStringLiteral("--today")});
    return cases;
}

// Runs stats, check and backup on a bad file: each fails with exit 1 and the file is untouched.
void requireRefusedByEveryReader(const QString& path, const QString& named)
{
    const QByteArray before = test::sha256Of(path);
    const QString folder = QFileInfo(path).absolutePath();
    const QStringList filesBefore = test::filesIn(folder);

    test::requireOneLineError(test::runCli({QStringLiteral("stats"), path}), 1, {named});
    const QString dest = folder + QStringLiteral("/copy.waymark");
    test::requireOneLineError(test::runCli({QStringLiteral("backup"), path, dest}), 1, {named});
    const CliRun check = test::runCli({QStringLiteral("check"), path});
    CHECK(check.exitCode == 1);
    CHECK(check.out.contains(named, Qt::CaseInsensitive));

    CHECK(test::sha256Of(path) == before);
    CHECK(test::filesIn(folder) == filesBefore);
}
} // namespace

TEST_CASE("Usage mistakes exit 2 with one line naming the mistake, and write nothing")
{
    test::TempDir dir;
    const QString file = dir.path(QStringLiteral("new.waymark"));
    for (const Case& c : usageMistakes(file)) {
        INFO("arguments: " << c.arguments.join(QLatin1Char(' ')).toStdString());
        const CliRun run = test::runCli(c.arguments);
        test::requireOneLineError(run, 2, {c.named});
        CHECK(run.out.isEmpty());
        CHECK(test::filesIn(dir.path()).isEmpty());
    }
}

TEST_CASE("init and demo refuse an existing file and leave it byte-identical")
{
    test::TempDir dir;
    const QString school = makeSchool(dir);
    const QString text = dir.path(QStringLiteral("notes.txt"));
    test::writeAll(text, "keep me");
    for (const QString& path : {school, text}) {
        const QByteArray before = test::sha256Of(path);
        test::requireOneLineError(test::runCli({QStringLiteral("init"), path}), 1, {QStringLiteral("already exists")});
        test::requireOneLineError(
            test::runCli({QStringLiteral("demo"), path, QStringLiteral("--pupils"), QStringLiteral("5")}), 1,
            {QStringLiteral("already exists")});
        CHECK(test::sha256Of(path) == before);
    }
    CHECK(test::filesIn(dir.path()) == (QStringList{QStringLiteral("notes.txt"), QStringLiteral("school.waymark")}));
}

TEST_CASE("stats, check and backup refuse files that are not sound Waymark files, untouched")
{
    test::TempDir dir;
    SECTION("missing")
    {
        const QString path = dir.path(QStringLiteral("nowhere.waymark"));
        test::requireOneLineError(test::runCli({QStringLiteral("stats"), path}), 1, {QStringLiteral("no school file")});
        test::requireOneLineError(test::runCli({QStringLiteral("backup"), path, dir.path(QStringLiteral("c"))}), 1,
                                  {QStringLiteral("no school file")});
        CHECK(test::filesIn(dir.path()).isEmpty());
    }
    SECTION("not a database")
    {
        const QString path = dir.path(QStringLiteral("notes.waymark"));
        test::writeAll(path, QByteArray("Dear parents, the trip is on Friday.\n").repeated(200));
        requireRefusedByEveryReader(path, QStringLiteral("not a database"));
    }
    SECTION("another program's database")
    {
        const QString path = dir.path(QStringLiteral("other.db"));
        REQUIRE(QProcess::execute(QStringLiteral("sqlite3"), {path, QStringLiteral("CREATE TABLE t(x); INSERT INTO t "
                                                                                   "VALUES (1);")}) == 0);
        requireRefusedByEveryReader(path, QStringLiteral("not a Waymark school file"));
    }
    SECTION("truncated")
    {
        const QString path = makeSchool(dir);
        QByteArray bytes = test::readAll(path);
        bytes.truncate(bytes.size() / 2 + 100);
        test::writeAll(path, bytes);
        requireRefusedByEveryReader(path, QStringLiteral("damaged"));
    }
    SECTION("from a newer Waymark")
    {
        const QString path = makeSchool(dir);
        REQUIRE(QProcess::execute(QStringLiteral("sqlite3"),
                                  {path, QStringLiteral("PRAGMA user_version = 999; PRAGMA journal_mode = DELETE;")}) ==
                0);
        requireRefusedByEveryReader(path, QStringLiteral("newer version"));
    }
}

TEST_CASE("A file locked by another program is reported as in use, quickly")
{
    test::TempDir dir;
    const QString path = makeSchool(dir);
    test::ForeignLock lock(path);
    if (!lock.ok())
        WAYMARK_SKIP("the sqlite3 shell is not installed");
    const CliRun stats = test::runCli({QStringLiteral("stats"), path});
    test::requireOneLineError(stats, 1, {QStringLiteral("in use by another program")});
    CHECK(stats.milliseconds < 10000);
    test::requireOneLineError(test::runCli({QStringLiteral("backup"), path, dir.path(QStringLiteral("copy"))}), 1,
                              {QStringLiteral("in use by another program")});
    const CliRun check = test::runCli({QStringLiteral("check"), path});
    CHECK(check.exitCode == 1);
    CHECK(check.out.contains(QStringLiteral("in use by another program")));
    CHECK_FALSE(QFile::exists(dir.path(QStringLiteral("copy"))));
}

TEST_CASE("init, demo and backup refuse a read-only or missing destination folder and write nothing")
{
    test::TempDir dir;
    const QString school = makeSchool(dir);
    test::TempDir locked;
    test::ReadOnlyGuard guard(locked.path());
    if (!guard.ok())
        WAYMARK_SKIP("cannot make a read-only folder on this file system");
    const QString missing = dir.path(QStringLiteral("no such folder/school.waymark"));
    for (const QString& dest : {locked.path(QStringLiteral("school.waymark")), missing}) {
        const QString word = dest == missing ? QStringLiteral("does not exist") : QStringLiteral("read-only");
        test::requireOneLineError(test::runCli({QStringLiteral("init"), dest}), 1, {word});
        test::requireOneLineError(
            test::runCli({QStringLiteral("demo"), dest, QStringLiteral("--pupils"), QStringLiteral("5")}), 1, {word});
        test::requireOneLineError(test::runCli({QStringLiteral("backup"), school, dest}), 1, {word});
    }
    CHECK(test::filesIn(locked.path()).isEmpty());
    CHECK(test::filesIn(dir.path()) == QStringList{QStringLiteral("school.waymark")});
}

TEST_CASE("A read-only school file can still be checked, counted and backed up")
{
    test::TempDir dir;
    const QString school = makeSchool(dir);
    const QByteArray before = test::sha256Of(school);
    {
        test::ReadOnlyGuard guard(school);
        if (!guard.ok())
            WAYMARK_SKIP("cannot make a read-only file on this file system");
        CHECK(test::runCli({QStringLiteral("check"), school}).exitCode == 0);
        CHECK(test::runCli({QStringLiteral("stats"), school}).exitCode == 0);
        CHECK(test::runCli({QStringLiteral("backup"), school, dir.path(QStringLiteral("copy.waymark"))}).exitCode == 0);
    }
    CHECK(test::sha256Of(school) == before);
    CHECK(test::runCli({QStringLiteral("check"), dir.path(QStringLiteral("copy.waymark"))}).exitCode == 0);
}

TEST_CASE("A disk that fills up mid-way leaves no partial file")
{
    test::TempDir dir;
    const QString school = makeSchool(dir);
    test::TempDir out;
    // A file-size limit stands in for a full disk: writes past 64 KiB fail with EFBIG.
    const QString limit = QStringLiteral("trap '' XFSZ; ulimit -f 128");
    const CliRun backup =
        test::runCliUnderShell(limit, {QStringLiteral("backup"), school, out.path(QStringLiteral("c"))});
    test::requireOneLineError(backup, 1, {QStringLiteral("does not fit"), QStringLiteral("File too large")});
    const CliRun demo = test::runCliUnderShell(limit, {QStringLiteral("demo"), out.path(QStringLiteral("d")),
                                                       QStringLiteral("--pupils"), QStringLiteral("50")});
    test::requireOneLineError(demo, 1, {QStringLiteral("could not be written")});
    const CliRun init = test::runCliUnderShell(limit, {QStringLiteral("init"), out.path(QStringLiteral("i"))});
    test::requireOneLineError(init, 1, {QStringLiteral("could not be written")});
    CHECK(test::filesIn(out.path()).isEmpty());
}

TEST_CASE("Stopping demo part-way (Ctrl+C or a kill) leaves nothing behind")
{
    test::TempDir dir;
    QProcess demo;
    demo.start(QStringLiteral(WAYMARK_CLI_PATH),
               {QStringLiteral("demo"), dir.path(QStringLiteral("big.waymark")), QStringLiteral("--pupils"),
                QStringLiteral("10000"), QStringLiteral("--years"), QStringLiteral("10")});
    REQUIRE(demo.waitForStarted());
    REQUIRE_FALSE(demo.waitForFinished(1500)); // far too big to be done yet
    demo.terminate();                          // SIGTERM, handled like Ctrl+C
    const bool stopped = demo.waitForFinished(120000);
    if (!stopped)
        demo.kill();
    REQUIRE(stopped);
    CHECK(demo.exitStatus() == QProcess::NormalExit);
    CHECK(demo.exitCode() == 1);
    const QString err = QString::fromUtf8(demo.readAllStandardError());
    CHECK(err == QStringLiteral("waymark-cli: stopped before finishing; nothing was written.\n"));
    CHECK(test::filesIn(dir.path()).isEmpty());
}

TEST_CASE("A demo killed outright leaves a .part file that check never calls a school, and the next run removes it")
{
    test::TempDir dir;
    const QString dest = dir.path(QStringLiteral("big.waymark"));
    QProcess demo;
    demo.start(QStringLiteral(WAYMARK_CLI_PATH),
               {QStringLiteral("demo"), dest, QStringLiteral("--pupils"), QStringLiteral("10000"),
                QStringLiteral("--years"), QStringLiteral("10")});
    REQUIRE(demo.waitForStarted());
    REQUIRE_FALSE(demo.waitForFinished(2500)); // far too big to be done yet
    demo.kill();                               // SIGKILL: nothing can tidy up
    REQUIRE(demo.waitForFinished(10000));
    QStringList parts = QDir(dir.path()).entryList({QStringLiteral("big.waymark.part-*")}, QDir::Files);
    parts = parts.filter(QRegularExpression(QStringLiteral("part-[0-9a-f]{6}-[0-9]+-[0-9a-f]{8}$")));
    REQUIRE(parts.size() == 1);
    const QString part = dir.path(parts.first());

    const CliRun check = test::runCli({QStringLiteral("check"), part});
    CHECK(check.exitCode == 1);
    CHECK(check.out.contains(QStringLiteral("unfinished copy")));

    // Another machine's part file untouched for over a week goes too; a recent one (that machine may
    // still be writing it) stays, and so does a file of the teacher's own that merely looks alike.
    const QString stale = dir.path(QStringLiteral("big.waymark.part-abcdef-99999-0123abcd"));
    const QString recent = dir.path(QStringLiteral("big.waymark.part-abcdef-99999-89abcdef"));
    const QString mine = dir.path(QStringLiteral("big.waymark.part-20241231"));
    for (const QString& file : {stale, recent, mine})
        test::writeAll(file, "x");
    for (const QString& file : {stale, mine}) {
        QFile f(file);
        REQUIRE(f.open(QIODevice::ReadWrite));
        REQUIRE(f.setFileTime(QDateTime::currentDateTime().addDays(-8), QFileDevice::FileModificationTime));
    }

    CHECK(test::runCli({QStringLiteral("demo"), dest, QStringLiteral("--pupils"), QStringLiteral("5")}).exitCode == 0);
    CHECK(test::filesIn(dir.path()) == QStringList({QStringLiteral("big.waymark"),
                                                    QStringLiteral("big.waymark.part-20241231"),
                                                    QStringLiteral("big.waymark.part-abcdef-99999-89abcdef")}));
    CHECK(test::runCli({QStringLiteral("check"), dest}).exitCode == 0);
}

TEST_CASE("init --name names the school; a name too long is refused and nothing is made")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("named.waymark"));
    const CliRun made = test::runCli({QStringLiteral("init"), path, QStringLiteral("--name"),
                                      QStringLiteral("  Castle   View School ")});
    CHECK(made.exitCode == 0);
    CHECK(made.out.contains(QStringLiteral("Castle View School")));
    CHECK(test::sqliteShell(path, QStringLiteral("SELECT name FROM school")) == QStringLiteral("Castle View School"));

    const QString other = dir.path(QStringLiteral("long.waymark"));
    test::requireOneLineError(test::runCli({QStringLiteral("init"), other, QStringLiteral("--name"),
                                            QString(120, QLatin1Char('x'))}),
                              2, {QStringLiteral("at most 100 characters")});
    CHECK_FALSE(QFileInfo::exists(other));
}

TEST_CASE("demo says how many pupils are on roll and how many have left, so the figures add up")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.waymark"));
    const CliRun made = test::runCli({QStringLiteral("demo"), path, QStringLiteral("--pupils"), QStringLiteral("40"),
                                      QStringLiteral("--years"), QStringLiteral("3"), QStringLiteral("--seed"),
                                      QStringLiteral("2"), QStringLiteral("--today"), QStringLiteral("2026-11-23")});
    REQUIRE(made.exitCode == 0);
    CHECK(made.out.contains(QStringLiteral("40 pupils on roll (and ")));
    const QString left = test::sqliteShell(path, QStringLiteral("SELECT count(*) FROM pupil WHERE deleted = 0 AND "
                                                                "left_on IS NOT NULL"));
    CHECK(made.out.contains(QStringLiteral("(and %1 who have left)").arg(left)));
}

TEST_CASE("school shows the school's details as JSON and changes them; invalid details change nothing")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    REQUIRE(test::runCli({QStringLiteral("init"), path}).exitCode == 0);

    const CliRun shown = test::runCli({QStringLiteral("school"), path});
    REQUIRE(shown.exitCode == 0);
    const QJsonObject empty = QJsonDocument::fromJson(shown.out.toUtf8()).object();
    CHECK(empty.value(QStringLiteral("name")).toString().isEmpty());
    CHECK(empty.value(QStringLiteral("phase")).toString() == QStringLiteral("secondary"));

    const CliRun changed = test::runCli({QStringLiteral("school"), path, QStringLiteral("--name"),
                                         QStringLiteral(" Oakfield  Academy "), QStringLiteral("--urn"),
                                         QStringLiteral("137 425"), QStringLiteral("--la"), QStringLiteral("873"),
                                         QStringLiteral("--estab"), QStringLiteral("4001"), QStringLiteral("--phase"),
                                         QStringLiteral("all-through")});
    INFO(changed.err.toStdString());
    REQUIRE(changed.exitCode == 0);
    const QJsonObject details = QJsonDocument::fromJson(changed.out.toUtf8()).object();
    CHECK(details.value(QStringLiteral("name")).toString() == QStringLiteral("Oakfield Academy"));
    CHECK(details.value(QStringLiteral("urn")).toString() == QStringLiteral("137425"));
    CHECK(details.value(QStringLiteral("phase")).toString() == QStringLiteral("all-through"));
    CHECK(test::sqliteShell(path, QStringLiteral("SELECT name, urn, la_code, estab, phase FROM school")) ==
          QStringLiteral("Oakfield Academy|137425|873|4001|all_through"));

    // A rename keeps the old name in the file's history.
    REQUIRE(test::runCli({QStringLiteral("school"), path, QStringLiteral("--name"), QStringLiteral("Oakfield School")})
                .exitCode == 0);
    CHECK(test::sqliteShell(path, QStringLiteral("SELECT count(*) FROM history WHERE entity = 'school'")) !=
          QStringLiteral("0"));

    const QByteArray before = test::sha256Of(path);
    test::requireOneLineError(test::runCli({QStringLiteral("school"), path, QStringLiteral("--urn"), QStringLiteral("1234"),
                                            QStringLiteral("--name"), QStringLiteral("Something Else")}),
                              2, {QStringLiteral("URN is 6 digits"), QStringLiteral("Nothing was changed")});
    test::requireOneLineError(test::runCli({QStringLiteral("school"), path, QStringLiteral("--phase"), QStringLiteral("nursery")}),
                              2, {QStringLiteral("--phase")});
    test::requireOneLineError(test::runCli({QStringLiteral("school"), path, QStringLiteral("--name"), QStringLiteral(" ")}),
                              2, {QStringLiteral("name")});
    CHECK(test::sha256Of(path) == before);
}

TEST_CASE("add-pupil adds a pupil through the set-up service; a bad or taken UPN adds nothing; pupils lists them")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    REQUIRE(test::runCli({QStringLiteral("init"), path}).exitCode == 0);
    const QStringList today{QStringLiteral("--today"), QStringLiteral("2026-11-23")};
    const CliRun added = test::runCli(QStringList{QStringLiteral("add-pupil"), path, QStringLiteral("--upn"),
                                                  QStringLiteral("b801 2000 05001"), QStringLiteral("--surname"),
                                                  QStringLiteral("Aydın"), QStringLiteral("--forename"),
                                                  QStringLiteral("Emre"), QStringLiteral("--dob"),
                                                  QStringLiteral("2014-09-02"), QStringLiteral("--year"),
                                                  QStringLiteral("7")} +
                                      today);
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    CHECK(added.out.contains(QStringLiteral("\"upn\":\"B801200005001\"")));

    const QByteArray before = test::sha256Of(path);
    test::requireOneLineError(
        test::runCli(QStringList{QStringLiteral("add-pupil"), path, QStringLiteral("--upn"),
                                 QStringLiteral("B801200005001"), QStringLiteral("--surname"), QStringLiteral("Smith"),
                                 QStringLiteral("--forename"), QStringLiteral("Jo")} +
                     today),
        2, {QStringLiteral("Emre Aydın already has the UPN"), QStringLiteral("Nothing was added")});
    test::requireOneLineError(
        test::runCli(QStringList{QStringLiteral("add-pupil"), path, QStringLiteral("--upn"),
                                 QStringLiteral("A801200005001"), QStringLiteral("--surname"), QStringLiteral("Smith"),
                                 QStringLiteral("--forename"), QStringLiteral("Jo")} +
                     today),
        2, {QStringLiteral("should start with B")});
    test::requireOneLineError(test::runCli(QStringList{QStringLiteral("add-pupil"), path, QStringLiteral("--surname"),
                                                       QStringLiteral("Smith")} +
                                           today),
                              2, {QStringLiteral("first name")});
    CHECK(test::sha256Of(path) == before);

    const CliRun listed = test::runCli(QStringList{QStringLiteral("pupils"), path} + today);
    REQUIRE(listed.exitCode == 0);
    const QJsonArray pupils = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    REQUIRE(pupils.size() == 1);
    CHECK(pupils[0].toObject().value(QStringLiteral("legal_surname")).toString() == QStringLiteral("Aydın"));
    CHECK(pupils[0].toObject().value(QStringLiteral("year")).toInt() == 7);
    CHECK(QJsonDocument::fromJson(test::runCli(QStringList{QStringLiteral("pupils"), path, QStringLiteral("--left")} +
                                               today)
                                      .out.toUtf8())
              .array()
              .isEmpty());
    test::requireOneLineError(test::runCli(QStringList{QStringLiteral("pupils"), path, QStringLiteral("--group"),
                                                       QStringLiteral("9X")} +
                                           today),
                              2, {QStringLiteral("no group called")});
}

TEST_CASE("import brings a school in step with a roster CSV; --dry-run and a bad file write nothing")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    REQUIRE(test::runCli({QStringLiteral("init"), path}).exitCode == 0);
    const QString roster = QStringLiteral(WAYMARK_FIXTURES_DIR "/../exchange/roster/sims-export/input.csv");
    const QStringList today{QStringLiteral("--today"), QStringLiteral("2026-11-30")};

    const QByteArray before = test::sha256Of(path);
    const CliRun dry = test::runCli(QStringList{QStringLiteral("import"), path, roster, QStringLiteral("--dry-run")} + today);
    INFO(dry.err.toStdString());
    REQUIRE(dry.exitCode == 0);
    const QJsonObject planned = QJsonDocument::fromJson(dry.out.toUtf8()).object();
    CHECK(planned.value(QStringLiteral("created")).toInt() == 3);
    CHECK(planned.value(QStringLiteral("rejected")).toArray().size() == 1);
    CHECK(planned.value(QStringLiteral("rejected")).toArray()[0].toObject().value(QStringLiteral("row")).toInt() == 5);
    CHECK(planned.value(QStringLiteral("flagged")).toArray()[0].toObject().value(QStringLiteral("reason")).toString().contains(
        QStringLiteral("should start with B")));
    CHECK(test::sha256Of(path) == before);

    const CliRun done = test::runCli(QStringList{QStringLiteral("import"), path, roster} + today);
    REQUIRE(done.exitCode == 0);
    CHECK(QJsonDocument::fromJson(done.out.toUtf8()).object().value(QStringLiteral("created")).toInt() == 3);
    const CliRun again = test::runCli(QStringList{QStringLiteral("import"), path, roster} + today);
    CHECK(QJsonDocument::fromJson(again.out.toUtf8()).object().value(QStringLiteral("unchanged")).toInt() == 3);
    CHECK(test::sqliteShell(path, QStringLiteral("SELECT count(*) FROM pupil")) == QStringLiteral("3"));

    const QByteArray after = test::sha256Of(path);
    test::requireOneLineError(
        test::runCli(QStringList{QStringLiteral("import"), path,
                                 QStringLiteral(WAYMARK_FIXTURES_DIR "/../exchange/csv/binary-png/input.csv")} +
                     today),
        2, {QStringLiteral("not a text file")});
    test::requireOneLineError(
        test::runCli(QStringList{QStringLiteral("import"), path, roster, QStringLiteral("--format"),
                                 QStringLiteral("ctf")} +
                     today),
        2, {QStringLiteral("--format ctf")});
    CHECK(test::sha256Of(path) == after);
}

TEST_CASE("import of every CSV case: a file that cannot be read changes nothing; one that can is imported")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    REQUIRE(test::runCli({QStringLiteral("init"), path}).exitCode == 0);
    const QDir cases(QStringLiteral(WAYMARK_FIXTURES_DIR "/../exchange/csv"));
    const QStringList names = cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    REQUIRE(names.size() >= 12);
    for (const QString& name : names) {
        INFO("case " << name.toStdString());
        QFile expected(cases.filePath(name + QStringLiteral("/expected.txt")));
        REQUIRE(expected.open(QIODevice::ReadOnly));
        const bool unreadable = expected.readAll().startsWith("error:");
        const QByteArray before = test::sha256Of(path);
        const CliRun run = test::runCli({QStringLiteral("import"), path, cases.filePath(name + QStringLiteral("/input.csv")),
                                         QStringLiteral("--today"), QStringLiteral("2026-11-30")});
        if (unreadable) {
            test::requireOneLineError(run, 2, {});
            CHECK(test::sha256Of(path) == before);
        } else {
            INFO(run.err.toStdString());
            CHECK(run.exitCode == 0);
        }
    }
    // A 50 MB file is refused before it is read, and nothing changes.
    const QString big = dir.path(QStringLiteral("big.csv"));
    {
        QFile file(big);
        REQUIRE(file.open(QIODevice::WriteOnly));
        const QByteArray line = ",Surname,Forename\n";
        file.write("UPN,Surname,Forename\n");
        for (qint64 written = 0; written < 50 * 1024 * 1024; written += line.size())
            file.write(line);
    }
    const QByteArray before = test::sha256Of(path);
    test::requireOneLineError(test::runCli({QStringLiteral("import"), path, big}), 2,
                              {QStringLiteral("larger than a school roster")});
    CHECK(test::sha256Of(path) == before);
}

TEST_CASE("export writes one CSV per kind of record, with cells a spreadsheet shows but never runs")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    REQUIRE(test::runCli({QStringLiteral("init"), path, QStringLiteral("--name"), QStringLiteral("Oakfield")}).exitCode == 0);
    REQUIRE(test::runCli({QStringLiteral("add-pupil"), path, QStringLiteral("--surname"),
                          QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"), QStringLiteral("--forename"),
                          QStringLiteral("@Bob"), QStringLiteral("--today"), QStringLiteral("2026-11-30")})
                .exitCode == 0);
    const QByteArray before = test::sha256Of(path);
    const QString out = dir.path(QStringLiteral("out"));
    const CliRun run = test::runCli({QStringLiteral("export"), path, QStringLiteral("--format"), QStringLiteral("csv"),
                                     QStringLiteral("--out"), out});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(test::sha256Of(path) == before); // reading only
    const QJsonArray files = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("files")).toArray();
    CHECK(files.size() == 11);
    QFile pupils(out + QStringLiteral("/pupils.csv"));
    REQUIRE(pupils.open(QIODevice::ReadOnly));
    const QByteArray bytes = pupils.readAll();
    CHECK(bytes.startsWith("\xEF\xBB\xBF")); // a byte-order mark, so Excel reads UTF-8
    const QString text = QString::fromUtf8(bytes);
    CHECK(text.contains(QStringLiteral("'@Bob")));
    CHECK(text.contains(QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")));
    CHECK_FALSE(text.contains(QStringLiteral(",=HYPERLINK")));
    test::requireOneLineError(test::runCli({QStringLiteral("export"), path, QStringLiteral("--format"),
                                            QStringLiteral("xlsx"), QStringLiteral("--out"), out}),
                              2, {QStringLiteral("--format xlsx")});
}

TEST_CASE("groups lists this year's groups as JSON, counted against the demo school's own rows")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.waymark"));
    REQUIRE(test::runCli({QStringLiteral("demo"), path, QStringLiteral("--pupils"), QStringLiteral("40"),
                          QStringLiteral("--years"), QStringLiteral("2"), QStringLiteral("--seed"), QStringLiteral("3"),
                          QStringLiteral("--today"), QStringLiteral("2026-11-23")})
                .exitCode == 0); // two years: some pupils have left
    const CliRun run = test::runCli({QStringLiteral("groups"), path, QStringLiteral("--today"), QStringLiteral("2026-11-23")});
    REQUIRE(run.exitCode == 0);
    const QJsonArray groups = QJsonDocument::fromJson(run.out.toUtf8()).array();
    CHECK(QString::number(groups.size()) ==
          test::sqliteShell(path, QStringLiteral("SELECT count(*) FROM pupil_group WHERE deleted = 0 AND academic_year = 2026")));
    int tutor = 0;
    for (const QJsonValue& g : groups)
        tutor += g.toObject().value(QStringLiteral("kind")).toString() == QStringLiteral("tutor");
    CHECK(QString::number(tutor) ==
          test::sqliteShell(path, QStringLiteral("SELECT count(*) FROM pupil_group WHERE deleted = 0 AND academic_year = 2026 "
                                                 "AND kind = 'tutor'")));
    // Each pupil of a tutor group lists it among their groups.
    const QString first = groups[0].toObject().value(QStringLiteral("name")).toString();
    const CliRun members = test::runCli({QStringLiteral("pupils"), path, QStringLiteral("--group"), first,
                                         QStringLiteral("--today"), QStringLiteral("2026-11-23")});
    REQUIRE(members.exitCode == 0);
    const QJsonArray pupils = QJsonDocument::fromJson(members.out.toUtf8()).array();
    CHECK(pupils.size() == groups[0].toObject().value(QStringLiteral("pupils")).toInt());
    for (const QJsonValue& p : pupils)
        CHECK(p.toObject().value(QStringLiteral("groups")).toArray().contains(first));
    // Those who have left, with their dates.
    const QJsonArray left = QJsonDocument::fromJson(test::runCli({QStringLiteral("pupils"), path, QStringLiteral("--left"),
                                                                  QStringLiteral("--today"), QStringLiteral("2026-11-23")})
                                                        .out.toUtf8())
                                .array();
    CHECK(QString::number(left.size()) ==
          test::sqliteShell(path, QStringLiteral("SELECT count(*) FROM pupil WHERE deleted = 0 AND left_on <= '2026-11-23'")));
    REQUIRE_FALSE(left.isEmpty());
    CHECK(left[0].toObject().contains(QStringLiteral("left_on")));
}
