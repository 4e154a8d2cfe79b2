// Full-text search across a whole school (feedback, evidence notes, targets and plans), as the
// search field runs it: searchRecords() for the best 20 hits with their snippets, against the
// sqlite3 shell running the same statement (one statement finds, ranks and cuts the snippets, with
// the same FTS5 query) on the same file, in the same run.
//
// The words are what a teacher types: whole words, two words, and the prefixes the field searches
// for while they are still being typed ("vo", "voc", "vocab" ...), all of them words the demo
// school's feedback uses thousands of times. Each run searches every one; the figures are the
// median and 95th percentile over all searches of all runs (one warm-up run discarded). The shell's
// figure is its time for a script of every search's statement, less its time for an empty script
// (process start), per search: a median over the runs.
//
// Usage: bench_search [--runs N] [FILE]
//   FILE defaults to a 1,500-pupil, 5-year demo school (seed 7, today 2026-11-23), made with
//   waymark-cli if it is not there yet.
#include "queries/search.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

using namespace waymark;

namespace {

const char* const kWords[] = {
    // whole words and pairs
    "paragraph", "conclusion", "vocabulary", "glossary", "quotation", "diagram", "labelled", "redraft", "formula",
    "triangle", "atmosphere", "connotations", "provenance", "particle theory", "perfect tense", "success criteria",
    "key vocabulary", "extension question", "caught up", "reminder", "absent", "café", "presentation",
    "counter argument",
    // as they are typed
    "pa", "par", "para", "parag", "co", "con", "conc", "vo", "voc", "voca", "vocab", "gl", "glo", "qu", "quo", "quot",
    "di", "dia", "tri", "triang", "atm", "key v", "key voc", "labelled ax", "succ crit", "perf ten", "part the",
    "ext que"};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double percentile95(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, v.size() * 95 / 100)];
}

double shellSeconds(const QString& file, const QString& script)
{
    QProcess shell;
    shell.setStandardInputFile(script);
    shell.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    shell.start(QStandardPaths::findExecutable(QStringLiteral("sqlite3")), {QStringLiteral("-readonly"), file});
    shell.waitForFinished(-1);
    if (shell.exitCode() != 0)
        std::fprintf(stderr, "the sqlite3 shell failed on %s\n", qPrintable(script));
    return double(t.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int runs = 11;
    if (const auto at = args.indexOf(QStringLiteral("--runs")); at >= 0 && at + 1 < args.size()) {
        runs = std::max(1, args.at(at + 1).toInt());
        args.remove(at, 2);
    }
    if (QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty()) {
        std::fprintf(stderr, "the sqlite3 shell is needed for the baseline (apt-get install sqlite3)\n");
        return 2;
    }
    QTemporaryDir dir;
    QString file = args.value(0);
    if (file.isEmpty())
        file = QDir::temp().filePath(QStringLiteral("bench-search-1500x5.waymark"));
    if (!QFileInfo::exists(file)) {
        std::printf("making %s (1,500 pupils, 5 years) ...\n", qPrintable(file));
        std::fflush(stdout);
        const int made =
            QProcess::execute(QStringLiteral(WAYMARK_CLI),
                              {QStringLiteral("demo"), file, QStringLiteral("--pupils"), QStringLiteral("1500"),
                               QStringLiteral("--years"), QStringLiteral("5"), QStringLiteral("--seed"),
                               QStringLiteral("7"), QStringLiteral("--today"), QStringLiteral("2026-11-23")});
        if (made != 0)
            return 1;
    }
    auto db = Database::open(file, Database::Options{.readOnly = true});

    // Waymark: every search, run after run.
    std::vector<double> ms;
    std::vector<std::vector<double>> byWords(std::size(kWords));
    std::vector<std::size_t> hits;
    QFile script(dir.filePath(QStringLiteral("searches.sql")));
    script.open(QIODevice::WriteOnly);
    for (int run = 0; run <= runs; ++run) {
        for (std::size_t w = 0; w < std::size(kWords); ++w) {
            const QString text = QString::fromUtf8(kWords[w]);
            QElapsedTimer t;
            t.start();
            const std::vector<SearchHit> found = searchRecords(*db, text, 20);
            const double elapsed = double(t.nsecsElapsed()) / 1e6;
            if (run == 0) { // warm-up: its statements make the shell's script
                hits.push_back(found.size());
                script.write(QByteArray::fromStdString(searchStatement(text, 20) + ";\n"));
                continue;
            }
            ms.push_back(elapsed);
            byWords[w].push_back(elapsed);
        }
    }
    script.close();
    db.reset();

    // The sqlite3 shell: the same statements, less its own start.
    const QString empty = dir.filePath(QStringLiteral("empty.sql"));
    QFile(empty).open(QIODevice::WriteOnly);
    std::vector<double> shellMs;
    for (int run = 0; run < std::max(3, runs / 2); ++run)
        shellMs.push_back((shellSeconds(file, script.fileName()) - shellSeconds(file, empty)) * 1000.0 /
                          double(std::size(kWords)));

    const double mean = std::accumulate(ms.begin(), ms.end(), 0.0) / double(ms.size());
    const double shell = std::max(median(shellMs), 0.001);
    std::printf("%zu searches x %d runs on %s; %zu with no hit\n", std::size(kWords), runs,
                qPrintable(QFileInfo(file).fileName()),
                std::size_t(std::count(hits.begin(), hits.end(), std::size_t(0))));
    std::printf("searchRecords, best 20 with snippets: median %.2f ms, p95 %.2f ms, mean %.2f ms, slowest %.2f ms\n",
                median(ms), percentile95(ms), mean, *std::max_element(ms.begin(), ms.end()));
    std::printf("sqlite3 shell, the same statement: %.2f ms a search (mean) | ratio of means %.2fx\n", shell,
                mean / shell);
    std::printf("goal: p95 under 30 ms: %s\n", percentile95(ms) < 30.0 ? "met" : "not met");
    std::vector<std::pair<double, const char*>> slowest;
    for (std::size_t w = 0; w < std::size(kWords); ++w)
        slowest.emplace_back(median(byWords[w]), kWords[w]);
    std::sort(slowest.rbegin(), slowest.rend());
    std::printf("slowest (median):");
    for (std::size_t i = 0; i < std::min<std::size_t>(8, slowest.size()); ++i)
        std::printf(" \"%s\" %.1f ms%s", slowest[i].second, slowest[i].first, i + 1 < 8 ? "," : "\n");
    return 0;
}
