#include "clirunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>

#include <catch2/catch.hpp>

namespace waymark::test {

namespace {
CliRun finish(QProcess& process, int timeoutMs, const QElapsedTimer& timer)
{
    CliRun run;
    if (!process.waitForStarted(10000)) {
        run.crashed = true;
        run.err = process.errorString();
        return run;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.crashed = true;
    }
    run.milliseconds = timer.elapsed();
    run.crashed = run.crashed || process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
} // namespace

CliRun runCli(const QStringList& arguments, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    process.start(QStringLiteral(WAYMARK_CLI_PATH), arguments);
    return finish(process, timeoutMs, timer);
}

CliRun runCliUnderShell(const QString& shellSetup, const QStringList& arguments)
{
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    process.start(QStringLiteral("sh"),
                  QStringList{QStringLiteral("-c"), shellSetup + QStringLiteral("; exec \"$0\" \"$@\""),
                              QStringLiteral(WAYMARK_CLI_PATH)} +
                      arguments);
    return finish(process, 180000, timer);
}

QJsonObject statsOf(const QString& path)
{
    const CliRun run = runCli({QStringLiteral("stats"), path});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    REQUIRE_FALSE(run.crashed);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    INFO(error.errorString().toStdString());
    REQUIRE(doc.isObject());
    return doc.object();
}

QString sqliteShell(const QString& path, const QString& sql)
{
    // The shell's read-only visit leaves -wal and -shm behind; tests compare folder listings.
    const QString wal = path + QStringLiteral("-wal");
    const QString shm = path + QStringLiteral("-shm");
    const bool hadWal = QFile::exists(wal);
    const bool hadShm = QFile::exists(shm);
    auto tidy = qScopeGuard([&] {
        if (!hadWal && !hadShm && QFileInfo(wal).size() == 0) {
            QFile::remove(wal);
            QFile::remove(shm);
        }
    });
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), {QStringLiteral("-readonly"), path, sql});
    REQUIRE(shell.waitForFinished(60000));
    REQUIRE(shell.exitCode() == 0);
    return QString::fromUtf8(shell.readAllStandardOutput()).trimmed();
}

void requireOneLineError(const CliRun& run, int status, const QStringList& words)
{
    INFO("stdout: " << run.out.toStdString() << "\nstderr: " << run.err.toStdString());
    REQUIRE_FALSE(run.crashed);
    CHECK(run.exitCode == status);
    CHECK(run.err.startsWith(QStringLiteral("waymark-cli: ")));
    CHECK(run.err.endsWith(QLatin1Char('\n')));
    CHECK(run.err.count(QLatin1Char('\n')) == 1);
    for (const QString& word : words)
        CHECK(run.err.contains(word, Qt::CaseInsensitive));
}

QString firstDifference(const QString& a, const QString& b)
{
    const QStringList left = a.split(QLatin1Char('\n'));
    const QStringList right = b.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < qMax(left.size(), right.size()); ++i) {
        const QString l = left.value(i, QStringLiteral("<end>"));
        const QString r = right.value(i, QStringLiteral("<end>"));
        if (l != r)
            return QStringLiteral("line %1: %2 | %3").arg(i + 1).arg(l.left(300), r.left(300));
    }
    return {};
}

const std::vector<std::pair<QString, QString>>& statsKeysAndSql()
{
    auto live = [](const char* table) {
        return QStringLiteral("SELECT count(*) FROM %1 WHERE deleted = 0").arg(QLatin1String(table));
    };
    static const std::vector<std::pair<QString, QString>> keys = {
        {QStringLiteral("school"), live("school")},
        {QStringLiteral("staff"), live("staff")},
        {QStringLiteral("subjects"), live("subject")},
        {QStringLiteral("pupils"), live("pupil")},
        {QStringLiteral("groups"), live("pupil_group")},
        {QStringLiteral("group_members"), live("group_member")},
        {QStringLiteral("learning_plans"), live("learning_plan")},
        {QStringLiteral("targets"), live("target")},
        {QStringLiteral("reviews"), live("review")},
        {QStringLiteral("review_outcomes"), live("review_outcome")},
        {QStringLiteral("scales"), live("scale")},
        {QStringLiteral("rungs"), live("rung")},
        {QStringLiteral("tasks"), live("task")},
        {QStringLiteral("success_criteria"), live("success_criterion")},
        {QStringLiteral("evidence"), live("evidence")},
        {QStringLiteral("criterion_judgements"), live("criterion_judgement")},
        {QStringLiteral("feedback"), live("feedback")},
        {QStringLiteral("attachments"), QStringLiteral("SELECT count(DISTINCT sha256) FROM attachment")},
        {QStringLiteral("evidence_attachments"), live("evidence_attachment")},
        {QStringLiteral("comment_bank"), live("comment_bank")},
        {QStringLiteral("calendar_half_terms"), live("calendar_half_term")},
        {QStringLiteral("calendar_closures"), live("calendar_closure")},
        {QStringLiteral("mis_identities"), live("mis_identity")},
        {QStringLiteral("pupil_periods"), live("pupil_period")},
        {QStringLiteral("criterion_assessments"), live("criterion_assessment")},
        {QStringLiteral("task_feedback"), live("task_feedback")},
        {QStringLiteral("history"), QStringLiteral("SELECT count(*) FROM history")},
    };
    return keys;
}

QStringList filesIn(const QString& folder)
{
    QStringList names = QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System);
    names.sort();
    return names;
}

} // namespace waymark::test
