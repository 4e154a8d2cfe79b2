// Waymark benchmarks on a 1,500-pupil school, each printed beside a baseline measured in the same run:
//   1. demo generation (rows/s)       vs the sqlite3 shell restoring the same rows from a .dump
//   2. start-up to a painted pupil page (1-year and 5-year school) vs a bare Qt window, wall time and RSS
//   3. opening pupil pages in a running app  vs the sqlite3 shell running the page's queries
// Usage: bench_waymark [--pupils N] [--runs N] [--dir DIR] [--reuse] [--platform offscreen|xcb]
//   --reuse     keep the schools already generated in DIR (skips section 1's generation timings)
//   --platform  the Qt platform the start-up runs use (default offscreen; xcb needs a display, e.g.
//               under xvfb-run, and then includes connecting to the X server, as a desktop start does)
#include "processrun.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace waymark::bench;

namespace {
QString sqlite3Path()
{
    return QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
}

QString query(const QString& file, const QString& sql)
{
    QProcess p;
    p.start(sqlite3Path(), {file, sql});
    p.waitForFinished(-1);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

qint64 totalRows(const QString& file)
{
    QProcess p;
    p.start(QStringLiteral(WAYMARK_CLI), {QStringLiteral("stats"), file});
    p.waitForFinished(-1);
    const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    qint64 sum = 0;
    for (auto it = o.begin(); it != o.end(); ++it)
        sum += it.value().toInteger();
    return sum;
}

struct School
{
    QString file;
    double seconds = 0;
    qint64 rows = 0;
};

School makeSchool(const QString& dir, int pupils, int years)
{
    School s;
    s.file = QDir(dir).filePath(QStringLiteral("school-%1y.waymark").arg(years));
    QFile::remove(s.file);
    const ProcessRun r = runProcess(QStringLiteral(WAYMARK_CLI),
                                    {QStringLiteral("demo"), s.file, QStringLiteral("--pupils"), QString::number(pupils),
                                     QStringLiteral("--years"), QString::number(years), QStringLiteral("--seed"),
                                     QStringLiteral("7"), QStringLiteral("--today"), QStringLiteral("2026-11-23")});
    if (r.exitCode != 0) {
        std::fprintf(stderr, "demo generation failed (exit %d)\n", r.exitCode);
        std::exit(1);
    }
    s.seconds = r.seconds;
    s.rows = totalRows(s.file);
    return s;
}

// The same rows through the sqlite3 shell: dump the generated school, time restoring the dump.
double restoreSeconds(const QString& dir, const QString& school)
{
    const QString dump = QDir(dir).filePath(QStringLiteral("dump.sql"));
    const QString restored = QDir(dir).filePath(QStringLiteral("restored.db"));
    QProcess p;
    p.setStandardOutputFile(dump);
    p.start(sqlite3Path(), {school, QStringLiteral(".dump")});
    p.waitForFinished(-1);
    QFile::remove(restored);
    const ProcessRun r = runProcess(sqlite3Path(), {restored}, dump);
    QFile::remove(dump);
    QFile::remove(restored);
    return r.seconds;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char* name, const QString& fallback) {
        const int at = int(args.indexOf(QLatin1String(name)));
        return at >= 0 ? args.value(at + 1) : fallback;
    };
    const int pupils = option("--pupils", QStringLiteral("1500")).toInt();
    const int runs = option("--runs", QStringLiteral("5")).toInt();
    QTemporaryDir temp;
    const QString dir = option("--dir", temp.path());
    QDir().mkpath(dir);
    if (sqlite3Path().isEmpty()) {
        std::fprintf(stderr, "the sqlite3 shell is needed for the baselines (apt-get install sqlite3)\n");
        return 1;
    }
    const bool reuse = args.contains(QStringLiteral("--reuse"));
    // Offscreen on a 1366×768 screen, the size of the pictures both programs take.
    const QString platform = option("--platform", QStringLiteral("offscreen:configfile=" WAYMARK_TEST_SCREEN));
    qputenv("QT_QPA_PLATFORM", platform.toLocal8Bit());

    std::printf("Waymark benchmarks: %d pupils, median of %d runs, files in %s, Qt platform %s\n\n", pupils, runs,
                qPrintable(dir), qPrintable(platform));

    // 1. Demo generation.
    auto school = [&](int years) {
        School s;
        s.file = QDir(dir).filePath(QStringLiteral("school-%1y.waymark").arg(years));
        if (reuse && QFileInfo::exists(s.file))
            return s; // not timed
        return makeSchool(dir, pupils, years);
    };
    const School one = school(1);
    const School five = school(5);
    for (const School* s : {&one, &five}) {
        if (s->seconds == 0)
            continue;
        const double baseline = restoreSeconds(dir, s->file);
        std::printf("demo generation %-28s %8.2f s %9.0f rows/s | sqlite3 .dump restore %6.2f s %9.0f rows/s | "
                    "ratio %5.2fx  (%lld rows, %.1f MiB)\n",
                    s == &one ? "(1 year)" : "(5 years)", s->seconds, double(s->rows) / s->seconds, baseline,
                    double(s->rows) / baseline, s->seconds / baseline, static_cast<long long>(s->rows),
                    double(QFileInfo(s->file).size()) / 1048576.0);
    }
    std::printf("\n");

    // 2. Start-up to a painted page, against a bare Qt window doing the same grab-and-exit. The runs
    // take turns, so a slower moment of the machine falls on every program alike.
    const QString shot = QDir(dir).filePath(QStringLiteral("shot.png"));
    auto middleUpn = [&](const School& s) {
        return query(s.file, QStringLiteral("SELECT upn FROM pupil WHERE deleted = 0 AND left_on IS NULL "
                                            "ORDER BY id LIMIT 1 OFFSET %1")
                                 .arg(pupils / 2));
    };
    auto waymarkAt = [&](const QString& place, const School& s) {
        return Job{QStringLiteral(WAYMARK_APP),
                   {QStringLiteral("--show"), place, QStringLiteral("--screenshot"), shot, s.file}};
    };
    const std::vector<Summary> startup =
        measureInterleaved({Job{QStringLiteral(WAYMARK_BARE_WINDOW), {QStringLiteral("--screenshot"), shot}},
                            waymarkAt(QStringLiteral("pupil:") + middleUpn(one), one),
                            waymarkAt(QStringLiteral("pupil:") + middleUpn(five), five),
                            waymarkAt(QStringLiteral("dashboard"), five)},
                           runs);
    const Summary& bare = startup[0];
    printRow("start-up to pupil page (1-year school)", startup[1], "bare Qt window", bare);
    printRow("start-up to pupil page (5-year school)", startup[2], "bare Qt window", bare);
    printRow("start-up to dashboard (5-year school)", startup[3], "bare Qt window", bare);
    std::printf("%-44s %5.2fx (goal: at most 1.20x)\n", "5-year vs 1-year start-up",
                startup[2].seconds / startup[1].seconds);
    std::printf("\n");

#ifdef WAYMARK_PUPIL_BENCH
    // 3. Opening pupil pages inside a running app, against the sqlite3 shell running the same queries.
    for (const School* s : {&one, &five}) {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedChannels);
        p.start(QStringLiteral(WAYMARK_PUPIL_BENCH), {s->file, QString::number(runs * 20)});
        p.waitForFinished(-1);
    }
#endif
    return 0;
}
