// waymark-cli report: a task's feedback slips and whole-class feedback sheet as PDFs, checked
// through the PDF's own text (pdftotext) against the school file read by the sqlite3 shell.
#include "clirunner.h"
#include "domain/entities.h"
#include "repo/repository.h"
#include "services/classfeedback.h"
#include "services/tasksetup.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {
const QString kToday = QStringLiteral("2026-11-23");

QString tool(const char* name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

// Runs of white space as one space: a PDF's text breaks lines where the page did.
QString flat(const QString& text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return QString(text).replace(space, QStringLiteral(" ")).trimmed();
}

// The PDF's text in the order it was drawn (each slip whole), flattened.
QString pdfText(const QString& pdf)
{
    QProcess p;
    p.start(tool("pdftotext"),
            {QStringLiteral("-raw"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    return flat(QString::fromUtf8(p.readAllStandardOutput()));
}

QString toolOutput(const char* name, const QString& pdf)
{
    QProcess p;
    p.start(tool(name), {pdf});
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

struct DemoSchool
{
    test::TempDir dir;
    QString path = dir.path(QStringLiteral("demo.waymark"));
    qint64 task = 0; // the task with the most pupils marked

    DemoSchool()
    {
        REQUIRE(test::runCli({QStringLiteral("demo"), path, QStringLiteral("--pupils"), QStringLiteral("60"),
                              QStringLiteral("--years"), QStringLiteral("1"), QStringLiteral("--seed"),
                              QStringLiteral("7"), QStringLiteral("--today"), kToday})
                    .exitCode == 0);
        const test::CliRun tasks = test::runCli({QStringLiteral("tasks"), path, QStringLiteral("--today"), kToday});
        REQUIRE(tasks.exitCode == 0);
        int most = 0;
        for (const QJsonValue& t : QJsonDocument::fromJson(tasks.out.toUtf8()).array())
            if (t.toObject().value(QStringLiteral("marked")).toInt() > most) {
                most = t.toObject().value(QStringLiteral("marked")).toInt();
                task = t.toObject().value(QStringLiteral("id")).toInteger();
            }
        REQUIRE(most >= 6);
    }

    test::CliRun report(const QString& kind, const QString& out, const QStringList& more = {}) const
    {
        return test::runCli(QStringList{QStringLiteral("report"), path, QStringLiteral("--kind"), kind,
                                        QStringLiteral("--task"), QString::number(task), QStringLiteral("--out"), out} +
                            more);
    }

    // Every pupil marked for the task (a light, a grade, a judgement or feedback), with the name
    // the school uses and their feedback, read by the sqlite3 shell.
    QJsonArray marked() const
    {
        return QJsonDocument::fromJson(
                   test::sqliteShell(
                       path,
                       QStringLiteral(
                           "SELECT json_group_array(json_object('name', coalesce(nullif(p.preferred_given_name, ''), "
                           "p.legal_given_name) || ' ' || coalesce(nullif(p.preferred_family_name, ''), "
                           "p.legal_family_name), 'www', coalesce(f.what_went_well, ''), 'ebi', "
                           "coalesce(f.even_better_if, ''), 'next', coalesce(f.next_step, ''), 'light', e.light)) "
                           "FROM evidence e JOIN pupil p ON p.id = e.pupil_id AND p.deleted = 0 "
                           "LEFT JOIN feedback f ON f.evidence_id = e.id AND f.deleted = 0 "
                           "WHERE e.task_id = %1 AND e.deleted = 0 AND e.id = (SELECT min(id) FROM evidence x WHERE "
                           "x.task_id = e.task_id AND x.pupil_id = e.pupil_id AND x.deleted = 0) AND (e.light != '' "
                           "OR e.rung_id IS NOT NULL OR f.what_went_well != '' OR f.even_better_if != '' OR "
                           "f.next_step != '' OR EXISTS (SELECT 1 FROM criterion_judgement j WHERE j.evidence_id = "
                           "e.id AND j.deleted = 0))")
                           .arg(task))
                       .toUtf8())
            .array();
    }
};
} // namespace

TEST_CASE("report --kind feedback-slips: every marked pupil's name and feedback is in the PDF's text")
{
    if (tool("pdftotext").isEmpty())
        WAYMARK_SKIP("pdftotext is not installed (Debian: poppler-utils)");
    DemoSchool school;
    const QByteArray before = test::sha256Of(school.path);
    const QString out = school.dir.path(QStringLiteral("slips.pdf"));
    // No display and no platform asked for: waymark-cli draws offscreen by itself.
    const test::CliRun run = test::runCliUnderShell(QStringLiteral("unset QT_QPA_PLATFORM DISPLAY WAYLAND_DISPLAY"),
                                                    {QStringLiteral("report"), school.path, QStringLiteral("--kind"),
                                                     QStringLiteral("feedback-slips"), QStringLiteral("--task"),
                                                     QString::number(school.task), QStringLiteral("--out"), out});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.err.isEmpty());
    const QJsonObject result = QJsonDocument::fromJson(run.out.toUtf8()).object();
    CHECK(result.value(QStringLiteral("file")).toString() == QFileInfo(out).absoluteFilePath());

    const QJsonArray pupils = school.marked();
    REQUIRE(pupils.size() >= 6);
    CHECK(result.value(QStringLiteral("slips")).toInt() == pupils.size());
    CHECK(result.value(QStringLiteral("pages")).toInt() >= (pupils.size() + 5) / 6);
    const QString text = pdfText(out);
    int withFeedback = 0;
    for (const QJsonValue& v : pupils) {
        const QJsonObject p = v.toObject();
        const QString name = p.value(QStringLiteral("name")).toString();
        INFO(name.toStdString());
        CHECK(text.contains(flat(name)));
        for (const char* part : {"www", "ebi", "next"}) {
            const QString feedback = flat(p.value(QLatin1String(part)).toString());
            if (feedback.isEmpty())
                continue;
            ++withFeedback;
            INFO(part << ": " << feedback.toStdString());
            CHECK(text.contains(feedback));
        }
    }
    CHECK(withFeedback > 0);
    CHECK(text.contains(QStringLiteral("What went well:")));
    CHECK(text.contains(QStringLiteral("My response:")));

    // The fonts travel with the file.
    if (!tool("pdffonts").isEmpty()) {
        const QStringList fonts = toolOutput("pdffonts", out).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
        REQUIRE_FALSE(fonts.isEmpty());
        for (const QString& line : fonts) {
            INFO(line.toStdString());
            CHECK(line.contains(QStringLiteral(" yes ")));
        }
    }
    if (!tool("pdfinfo").isEmpty())
        CHECK(toolOutput("pdfinfo", out)
                  .contains(QRegularExpression(
                      QStringLiteral("Pages:\\s+%1\\n").arg(result.value(QStringLiteral("pages")).toInt()))));
    // Read only: the school file is as it was, with nothing left beside it.
    CHECK(test::sha256Of(school.path) == before);
    CHECK_FALSE(QFile::exists(school.path + QStringLiteral("-wal")));

    SECTION("--all gives a slip to every pupil in the group")
    {
        const QString all = school.dir.path(QStringLiteral("all.pdf"));
        const test::CliRun everyone = school.report(QStringLiteral("feedback-slips"), all, {QStringLiteral("--all")});
        REQUIRE(everyone.exitCode == 0);
        CHECK(QJsonDocument::fromJson(everyone.out.toUtf8()).object().value(QStringLiteral("slips")).toInt() >=
              pupils.size());
    }
}

TEST_CASE("report --kind class-feedback: counts, the pupils to revisit and the teacher's notes are in the PDF")
{
    if (tool("pdftotext").isEmpty())
        WAYMARK_SKIP("pdftotext is not installed (Debian: poppler-utils)");
    DemoSchool school;
    {
        auto db = Database::open(school.path);
        marking::setTaskFeedback(
            *db, school.task,
            {{marking::ClassNote::Praise, QStringLiteral("Careful, clear working from nearly everyone."), QString()},
             {marking::ClassNote::Misconceptions, QStringLiteral("Several added the denominators."), QString()},
             {marking::ClassNote::Literacy, QStringLiteral("numerator, denominator, equivalent"), QString()},
             {marking::ClassNote::Revisit, QStringLiteral("A small group on Thursday."), QString()}});
    }
    const QString out = school.dir.path(QStringLiteral("class.pdf"));
    const test::CliRun run = school.report(QStringLiteral("class-feedback"), out);
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    const int pages = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("pages")).toInt();
    CHECK(pages >= 1);
    CHECK(pages <= 2);
    const QString text = pdfText(out);
    for (const char* words :
         {"Whole-class feedback", "Careful, clear working from nearly everyone.", "Several added the denominators.",
          "numerator, denominator, equivalent", "A small group on Thursday.", "Pupils to revisit", "Praise",
          "Spelling and grammar to work on", "Common misconceptions"})
        CHECK(text.contains(QString::fromUtf8(words)));
    // Every pupil with a red light is listed to revisit, and the lights are counted.
    int red = 0;
    for (const QJsonValue& v : school.marked()) {
        if (v.toObject().value(QStringLiteral("light")).toString() != QLatin1String("red"))
            continue;
        ++red;
        CHECK(
            text.contains(flat(v.toObject().value(QStringLiteral("name")).toString()) + QStringLiteral(": red light")));
    }
    CHECK(text.contains(QStringLiteral("R Red %1").arg(red)));
}

TEST_CASE("report refuses clearly: no such task, a wrong kind, a missing option, an unwritable folder, the school file")
{
    DemoSchool school;
    const QByteArray before = test::sha256Of(school.path);
    const QString out = school.dir.path(QStringLiteral("slips.pdf"));
    test::requireOneLineError(
        test::runCli({QStringLiteral("report"), school.path, QStringLiteral("--kind"), QStringLiteral("feedback-slips"),
                      QStringLiteral("--task"), QStringLiteral("999999"), QStringLiteral("--out"), out}),
        2, {QStringLiteral("no task 999999"), QStringLiteral("waymark-cli tasks")});
    test::requireOneLineError(school.report(QStringLiteral("slip"), out), 2,
                              {QStringLiteral("feedback-slips or class-feedback"), QStringLiteral("“slip”")});
    test::requireOneLineError(
        test::runCli({QStringLiteral("report"), school.path, QStringLiteral("--kind"), QStringLiteral("class-feedback"),
                      QStringLiteral("--task"), QString::number(school.task)}),
        2, {QStringLiteral("--out")});
    test::requireOneLineError(
        test::runCli({QStringLiteral("report"), school.path, QStringLiteral("--kind"), QStringLiteral("class-feedback"),
                      QStringLiteral("--task"), QStringLiteral("seven"), QStringLiteral("--out"), out}),
        2, {QStringLiteral("--task"), QStringLiteral("“seven”")});
    test::requireOneLineError(
        school.report(QStringLiteral("feedback-slips"), school.dir.path(QStringLiteral("no/such/folder/slips.pdf"))), 1,
        {QStringLiteral("does not exist"), QStringLiteral("nothing was written")});
    test::requireOneLineError(school.report(QStringLiteral("class-feedback"), school.path), 1,
                              {QStringLiteral("is a database"), QStringLiteral("choose another name")});
    CHECK(test::sha256Of(school.path) == before);

    SECTION("a folder that cannot be written: the PDF already there is left as it was")
    {
        const QString folder = school.dir.path(QStringLiteral("locked"));
        REQUIRE(QDir().mkpath(folder));
        const QString existing = folder + QStringLiteral("/slips.pdf");
        test::writeAll(existing, "an older PDF");
        test::ReadOnlyGuard guard(folder);
        if (!guard.ok())
            WAYMARK_SKIP("this file system cannot make a folder read-only");
        test::requireOneLineError(school.report(QStringLiteral("feedback-slips"), existing), 1,
                                  {QStringLiteral("could not be written"), QStringLiteral("nothing was written")});
        CHECK(test::readAll(existing) == "an older PDF");
    }
}

TEST_CASE("report is listed by --help, explained by help report, and refuses a task nobody was marked for")
{
    const test::CliRun help = test::runCli({QStringLiteral("--help")});
    REQUIRE(help.exitCode == 0);
    CHECK(help.out.contains(QStringLiteral("report FILE")));
    const test::CliRun one = test::runCli({QStringLiteral("help"), QStringLiteral("report")});
    REQUIRE(one.exitCode == 0);
    CHECK(one.out.contains(QStringLiteral("--kind KIND")));
    CHECK(one.out.contains(QStringLiteral("class-feedback")));

    // A new task for a group, marked by nobody yet.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.waymark"));
    REQUIRE(test::runCli({QStringLiteral("demo"), path, QStringLiteral("--pupils"), QStringLiteral("20"),
                          QStringLiteral("--years"), QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("3"),
                          QStringLiteral("--today"), kToday})
                .exitCode == 0);
    qint64 task = 0;
    {
        auto db = Database::open(path);
        marking::TaskDetails details;
        details.groupId = Repository<Group>(*db).first("academic_year = 2026 ORDER BY id")->id;
        details.title = QStringLiteral("Unmarked task");
        details.setOn = QDate(2026, 11, 23);
        details.criteria = {QStringLiteral("I can explain why")};
        task = marking::createTask(*db, details);
    }
    test::requireOneLineError(
        test::runCli({QStringLiteral("report"), path, QStringLiteral("--kind"), QStringLiteral("feedback-slips"),
                      QStringLiteral("--task"), QString::number(task), QStringLiteral("--out"),
                      dir.path(QStringLiteral("slips.pdf"))}),
        1, {QStringLiteral("Nobody has been marked"), QStringLiteral("Unmarked task")});
    CHECK_FALSE(QFile::exists(dir.path(QStringLiteral("slips.pdf"))));
}

TEST_CASE("waymark-cli links the reports library and Qt Gui, and never Qt Widgets")
{
#ifdef Q_OS_LINUX
    if (tool("ldd").isEmpty())
        WAYMARK_SKIP("ldd is not installed");
    QProcess ldd;
    ldd.start(tool("ldd"), {QStringLiteral(WAYMARK_CLI_PATH)});
    REQUIRE(ldd.waitForFinished(60000));
    REQUIRE(ldd.exitCode() == 0);
    const QString cli = QString::fromUtf8(ldd.readAllStandardOutput());
    CHECK(cli.contains(QStringLiteral("libQt6Gui")));
    CHECK_FALSE(cli.contains(QStringLiteral("libQt6Widgets")));
    CHECK_FALSE(cli.contains(QStringLiteral("libQt6PrintSupport")));
#else
    WAYMARK_SKIP("ldd is Linux's");
#endif
}
