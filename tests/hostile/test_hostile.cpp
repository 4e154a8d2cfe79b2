// Hostile school files, one case per folder in tests/hostile/cases/ (make.sql, optional base and
// make.sh, and expected.txt). make_hostile_files.sh makes them; each is then opened by the core, by
// `waymark-cli check` and `stats`, and by the waymark app, and must be refused or opened read-only
// with a message that names what is wrong. Afterwards every file in the folder, including a
// colleague's victim.waymark, is byte-identical, and no canary file made by the file's own SQL
// exists.
//
// expected.txt lines:
//   open: <kind>            how Database::open refuses it (unexpected-schema, damaged, ...); or
//                           "opened" (it opens, nothing to report) or "recovered" (it opens, with a
//                           notice of what its damaged log lost and a copy of that log kept)
//   check: <text>           a line `waymark-cli check` must print (a substring of it)
//   app: <text>             what the app must say on stderr when asked for a screenshot of it
//   show: <place>           where the app's screenshot opens (default: the dashboard)
//   query: <SQL> => <value> what the file holds once opened (for files that open): e.g. that a hot
//                           journal was undone, or how many changes a damaged log kept
#include "maintenance/maintenance.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTextStream>

#include <catch2/catch.hpp>

#include <map>

using namespace waymark;
using Kind = StorageError::Kind;

namespace {

struct Expectations
{
    QString open;      // a kind name, or "readonly"
    QStringList check; // lines check must print
    QStringList app;   // what the app must print on stderr
    QString show = QStringLiteral("dashboard");
    std::vector<std::pair<QString, QString>> queries; // SQL, expected value
};

bool isSchemaKind(const QString& kind)
{
    return kind == QLatin1String("unexpected-schema") || kind == QLatin1String("foreign-schema");
}

Expectations readExpectations(const QString& caseDir)
{
    Expectations e;
    QFile file(QDir(caseDir).filePath(QStringLiteral("expected.txt")));
    REQUIRE(file.open(QIODevice::ReadOnly | QIODevice::Text));
    QTextStream in(&file);
    in.setEncoding(QStringConverter::Utf8);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.startsWith(QLatin1String("open: ")))
            e.open = line.mid(6).trimmed();
        else if (line.startsWith(QLatin1String("check: ")))
            e.check << line.mid(7);
        else if (line.startsWith(QLatin1String("app: ")))
            e.app << line.mid(5);
        else if (line.startsWith(QLatin1String("show: ")))
            e.show = line.mid(6).trimmed();
        else if (line.startsWith(QLatin1String("query: "))) {
            const QStringList parts = line.mid(7).split(QStringLiteral(" => "));
            REQUIRE(parts.size() == 2);
            e.queries.emplace_back(parts[0], parts[1]);
        }
    }
    REQUIRE_FALSE(e.open.isEmpty());
    return e;
}

QString kindName(Kind kind)
{
    static const std::map<Kind, QString> names = {
        {Kind::UnexpectedSchema, QStringLiteral("unexpected-schema")},
        {Kind::ForeignSchema, QStringLiteral("foreign-schema")},
        {Kind::Damaged, QStringLiteral("damaged")},
        {Kind::NotWaymark, QStringLiteral("not-waymark")},
        {Kind::NotSqlite, QStringLiteral("not-sqlite")},
        {Kind::NewerVersion, QStringLiteral("newer-version")},
        {Kind::ReadOnly, QStringLiteral("read-only")},
        {Kind::Locked, QStringLiteral("locked")},
        {Kind::Io, QStringLiteral("io")},
        {Kind::Other, QStringLiteral("other")},
    };
    const auto it = names.find(kind);
    return it == names.end() ? QStringLiteral("kind %1").arg(int(kind)) : it->second;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    REQUIRE(process.waitForStarted());
    REQUIRE(process.waitForFinished(120000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// Every file in the folder (hidden ones too) with the SHA-256 of its bytes.
std::map<QString, QByteArray> snapshot(const QString& folder)
{
    std::map<QString, QByteArray> files;
    const QDir dir(folder);
    for (const QString& name : dir.entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name))
        files[name] = test::sha256Of(dir.filePath(name));
    return files;
}

// A case's files (the school file and any -wal, -shm or -journal beside it) copied into folder, for
// the opens that may rightly write (a recovered log): the originals stay as they were made.
QString copyCase(const QString& from, const QString& name, const QString& folder)
{
    const QString file = name + QStringLiteral(".waymark");
    for (const QString& entry : QDir(from).entryList({file + QLatin1Char('*')}, QDir::Files | QDir::Hidden))
        REQUIRE(QFile::copy(QDir(from).filePath(entry), QDir(folder).filePath(entry)));
    return QDir(folder).filePath(file);
}

QString casesDir()
{
    return QStringLiteral(WAYMARK_HOSTILE_DIR "/cases");
}

QStringList caseNames()
{
    return QDir(casesDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

bool sqliteShellMissing();

// Makes every hostile file in a new temporary folder, as the script in tests/hostile does.
class HostileFiles
{
public:
    HostileFiles()
    {
        const Run made = run(QStringLiteral("bash"), {QStringLiteral(WAYMARK_HOSTILE_DIR "/make_hostile_files.sh"),
                                                      QStringLiteral(WAYMARK_CLI_PATH), dir_.path()});
        INFO(made.err.toStdString());
        REQUIRE(made.exitCode == 0);
        before_ = snapshot(dir_.path());
    }
    QString file(const QString& name) const { return dir_.path(name + QStringLiteral(".waymark")); }
    QString folder() const { return dir_.path(); }
    // Nothing in the folder changed, and nothing was added (no canary, no -wal or -shm left).
    void requireUntouched() const
    {
        const auto after = snapshot(dir_.path());
        for (const auto& [name, hash] : before_) {
            INFO("file " << name.toStdString());
            REQUIRE(after.count(name) == 1);
            CHECK(after.at(name) == hash);
        }
        for (const auto& [name, hash] : after) {
            INFO("a file appeared: " << name.toStdString());
            CHECK(before_.count(name) == 1);
        }
        CHECK_FALSE(QFileInfo::exists(dir_.path(QStringLiteral("canary.db"))));
    }

private:
    test::TempDir dir_;
    std::map<QString, QByteArray> before_;
};

bool sqliteShellMissing()
{
    QProcess which;
    which.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("command -v sqlite3")});
    which.waitForFinished();
    return QString::fromUtf8(which.readAllStandardOutput()).trimmed().isEmpty();
}

} // namespace

TEST_CASE("Every hostile case has its files and expectations")
{
    const QStringList names = caseNames();
    CHECK(names.size() >= 10);
    for (const QString& name : names) {
        INFO(name.toStdString());
        const QDir dir(QDir(casesDir()).filePath(name));
        CHECK((dir.exists(QStringLiteral("make.sql")) || dir.exists(QStringLiteral("make.sh"))));
        readExpectations(dir.path());
    }
}

TEST_CASE("The core refuses each hostile file before opening it for writing, and leaves it and its log as they were")
{
    if (sqliteShellMissing())
        WAYMARK_SKIP("the sqlite3 shell is not installed");
    HostileFiles files;
    for (const QString& name : caseNames()) {
        INFO("case " << name.toStdString());
        const Expectations expected = readExpectations(QDir(casesDir()).filePath(name));
        test::TempDir scratch;
        const QString path = copyCase(files.folder(), name, scratch.path());
        const auto before = snapshot(scratch.path());
        QString message;
        QString kind;
        QString notice;
        try {
            auto db = Database::open(path);
            kind = db->recoveryNotice().isEmpty() ? QStringLiteral("opened") : QStringLiteral("recovered");
            notice = db->recoveryNotice();
            CHECK_FALSE(db->isReadOnly());
            for (const auto& [sql, value] : expected.queries) {
                INFO(sql.toStdString());
                auto q = db->prepare(sql.toStdString());
                REQUIRE(q.step());
                CHECK(q.text(0).toStdString() == value.toStdString());
            }
        } catch (const StorageError& e) {
            kind = kindName(e.kind());
            message = e.message();
        }
        CHECK(kind.toStdString() == expected.open.toStdString());
        if (expected.open == QLatin1String("recovered")) {
            // The damaged log was kept, byte for byte, where the notice says.
            const QStringList kept =
                QDir(scratch.path()).entryList({name + QStringLiteral(".waymark-wal.damaged-*")}, QDir::Files);
            REQUIRE(kept.size() == 1);
            CHECK(test::sha256Of(QDir(scratch.path()).filePath(kept.first())) ==
                  before.at(name + QStringLiteral(".waymark-wal")));
            CHECK(notice.contains(kept.first()));
            CHECK(notice.contains(QStringLiteral("could not be read back")));
            continue;
        }
        if (expected.open == QLatin1String("opened"))
            continue;
        // Refused: not a byte changed, nothing made beside it.
        CHECK(snapshot(scratch.path()) == before);
        CHECK(message.contains(QStringLiteral("The file has not been changed.")));
        if (isSchemaKind(expected.open)) {
            for (const QString& line : expected.check) {
                if (!line.contains(QStringLiteral("is damaged")))
                    CHECK_THAT(message.toStdString(), Catch::Contains(line.toStdString()));
            }
            // Messages stay readable: no line runs on for ever, whatever the file's names.
            for (const QString& line : message.split(QLatin1Char('\n')))
                CHECK(line.size() < 400);

            if (expected.open == QLatin1String("unexpected-schema")) {
                // Asked for, it opens read-only: readable, unwritable, with the reason.
                auto db = Database::open(path, {.readOnly = false, .allowUnexpectedSchema = true});
                CHECK(db->isReadOnly());
                CHECK_FALSE(db->schemaProblems().isEmpty());
                CHECK(db->readOnlyReason().contains(QStringLiteral("changed by another program")));
                CHECK_THROWS_AS(Transaction(*db, Transaction::Kind::Write), StorageError);
            } else {
                // Tables that are not Waymark's are not read at all, even read-only.
                try {
                    Database::open(path, {.readOnly = true, .allowUnexpectedSchema = true});
                    FAIL("a file whose tables are not Waymark's was opened");
                } catch (const StorageError& e) {
                    CHECK(e.kind() == Kind::ForeignSchema);
                }
            }
            CHECK(snapshot(scratch.path()) == before);
        }
    }
    CHECK_FALSE(QFileInfo::exists(files.folder() + QStringLiteral("/canary.db")));
    files.requireUntouched();
}

TEST_CASE("waymark-cli check names what is wrong with each hostile file and exits 1; stats reads none of them")
{
    if (sqliteShellMissing())
        WAYMARK_SKIP("the sqlite3 shell is not installed");
    HostileFiles files;
    for (const QString& name : caseNames()) {
        INFO("case " << name.toStdString());
        const Expectations expected = readExpectations(QDir(casesDir()).filePath(name));
        const Run checked = run(QStringLiteral(WAYMARK_CLI_PATH), {QStringLiteral("check"), files.file(name)});
        INFO(checked.out.toStdString() << checked.err.toStdString());
        const bool sound = expected.open == QLatin1String("opened");
        CHECK(checked.exitCode == (sound ? 0 : 1));
        CHECK(checked.out.contains(QStringLiteral("not sound")) == !sound);
        for (const QString& line : expected.check)
            CHECK_THAT(checked.out.toStdString(), Catch::Contains(line.toStdString()));
        if (isSchemaKind(expected.open)) {
            const Run stats = run(QStringLiteral(WAYMARK_CLI_PATH), {QStringLiteral("stats"), files.file(name)});
            INFO(stats.out.toStdString() << stats.err.toStdString());
            CHECK(stats.exitCode != 0);
            CHECK(stats.err.contains(QStringLiteral("changed by another program")));
        }
    }
    // The victim is a sound school, and checking it changes nothing either.
    CHECK(run(QStringLiteral(WAYMARK_CLI_PATH), {QStringLiteral("check"), files.file(QStringLiteral("victim"))})
              .exitCode == 0);
    files.requireUntouched();
}

TEST_CASE("The waymark app refuses each hostile file with the same message and leaves every file as it was")
{
    if (sqliteShellMissing())
        WAYMARK_SKIP("the sqlite3 shell is not installed");
    HostileFiles files;
    test::TempDir out;
    for (const QString& name : caseNames()) {
        INFO("case " << name.toStdString());
        const Expectations expected = readExpectations(QDir(casesDir()).filePath(name));
        test::TempDir scratch;
        const QString path = copyCase(files.folder(), name, scratch.path());
        const auto before = snapshot(scratch.path());
        const QString picture = out.path(name + QStringLiteral(".png"));
        const Run shown = run(QStringLiteral(WAYMARK_GUI_BINARY),
                              {QStringLiteral("--screenshot"), picture, QStringLiteral("--show"), expected.show, path});
        INFO(shown.err.toStdString());
        for (const QString& line : expected.app)
            CHECK_THAT(shown.err.toStdString(), Catch::Contains(line.toStdString()));
        if (expected.open == QLatin1String("opened") || expected.open == QLatin1String("recovered")) {
            CHECK(shown.exitCode == 0);
            // The window kept its size, however long the texts in the file: nothing pushed it wider.
            const QImage image(picture);
            CHECK(image.width() == 1366);
            CHECK(image.height() == 768);
            CHECK(shown.err.contains(QStringLiteral("could not be read back")) ==
                  (expected.open == QLatin1String("recovered")));
        } else {
            CHECK(shown.exitCode == 2);
            CHECK_FALSE(QFileInfo::exists(picture));
            CHECK(snapshot(scratch.path()) == before);
            if (isSchemaKind(expected.open))
                CHECK(shown.err.contains(QStringLiteral("has been changed by another program")));
        }
    }
    files.requireUntouched();
}
