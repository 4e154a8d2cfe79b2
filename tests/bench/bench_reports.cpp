// Printing a class's feedback slips and its whole-class sheet, each figure beside a baseline
// measured in the same run:
//   1. in process: reading the mark sheet and writing the slips PDF (writeFeedbackSlipsPdf), and
//      the class sheet (summary, notes and writeClassFeedbackPdf)
//      vs a bare QPdfWriter drawing the same text (each slip's words as plain wrapped text, in
//      the same font and size) on the same number of pages, six blocks a page
//   2. whole processes: `waymark-cli report FILE --kind feedback-slips` (start-up, opening the
//      school file read-only, the PDF) vs this program's --bare-pdf mode: a QGuiApplication
//      (offscreen) with the bare QPdfWriter writing the same pages
// The school is the demo (600 pupils, 1 year, seed 7, today 2026-11-23); the task is the one with
// the most pupils marked, up to 30.
// Every figure is a median over the runs (one warm-up round discarded); the rounds take turns, so a
// slow moment of the machine falls on all alike.
// Usage: bench_reports [--runs N] [--pupils N] [--dir DIR]
#include "demo/demogenerator.h"
#include "processrun.h"
#include "reports/reportpage.h"
#include "reports/reportpdf.h"
#include "services/classfeedback.h"
#include "services/marksheet.h"
#include "services/tasksetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace waymark;

namespace {
const QDate kToday(2026, 11, 23);

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double msSince(QElapsedTimer& timer)
{
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    return ms;
}

// Each slip's words, as plain text.
QStringList slipTexts(const marking::MarkSheet& sheet)
{
    QStringList out;
    for (const marking::SheetRow& row : sheet.rows) {
        if (!marking::isMarked(row))
            continue;
        QStringList lines{row.name, sheet.title + QStringLiteral(" · ") + sheet.group, sheet.learningIntention};
        for (const marking::SheetCriterion& c : sheet.criteria) {
            const auto it = row.judgements.find(c.id);
            lines << reports::judgementText(it == row.judgements.end() ? QString() : it->second) + QLatin1Char(' ') +
                         c.text;
        }
        lines << row.whatWentWell << row.evenBetterIf << row.nextStep;
        out << lines.join(QLatin1Char('\n'));
    }
    return out;
}

// The baseline: the texts drawn plainly, six to an A4 page, on `pages` pages.
void barePdf(const QString& path, const QStringList& texts, int pages)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
        std::exit(1);
    }
    QPdfWriter writer(&file);
    reports::setA4(writer);
    QPainter p(&writer);
    p.setFont(reports::reportFont(9));
    const double w = writer.width() / 2.0;
    const double h = writer.height() / 3.0;
    int slot = 0;
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        for (int i = 0; i < 6; ++i, ++slot) {
            if (slot >= texts.size() && page < pages - 1)
                continue;
            const QRectF rect((i / 3) * w, (i % 3) * h, w, h);
            p.drawText(rect.adjusted(100, 100, -100, -100), Qt::TextWordWrap, texts.value(slot % texts.size()));
        }
    }
}

void writeLines(const QString& path, const QStringList& texts)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        std::exit(1);
    f.write(texts.join(QChar(0x1e)).toUtf8());
}

// The child process of the process baseline: --bare-pdf OUT TEXTS PAGES.
int bareChild(const QStringList& args)
{
    QFile f(args.value(2));
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    barePdf(args.value(1), QString::fromUtf8(f.readAll()).split(QChar(0x1e)), args.value(3).toInt());
    return 0;
}
} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.value(0) == QLatin1String("--bare-pdf"))
        return bareChild(args);
    auto option = [&](const char* name, const QString& fallback) {
        const int at = int(args.indexOf(QLatin1String(name)));
        return at >= 0 ? args.value(at + 1) : fallback;
    };
    const int runs = std::max(1, option("--runs", QStringLiteral("11")).toInt());
    const int pupils = std::max(60, option("--pupils", QStringLiteral("600")).toInt());
    QTemporaryDir temp;
    const QDir dir(option("--dir", temp.path()));
    QDir().mkpath(dir.path());
    const QString school = dir.filePath(QStringLiteral("bench.waymark"));

    marking::MarkSheet sheet;
    try {
        for (const char* suffix : {"", "-wal", "-shm"})
            QFile::remove(school + QLatin1String(suffix));
        DemoOptions demo;
        demo.pupils = pupils;
        demo.years = 1;
        demo.seed = 7;
        demo.today = kToday;
        Database::createAtomically(school, [&](Database& fresh) { generateDemoSchool(fresh, demo); });
        auto db = Database::open(school);
        // The task with the most pupils marked, a class of 30 if there is one.
        RowId best = 0;
        int most = 0;
        for (const marking::TaskSummary& t : marking::tasksOf(*db))
            if (t.marked > most && t.marked <= 30) {
                most = t.marked;
                best = t.id;
            }
        sheet = *marking::markSheet(*db, best);
    } catch (const StorageError& e) {
        std::fprintf(stderr, "could not make the school: %s\n", qPrintable(e.message()));
        return 1;
    }
    const QStringList texts = slipTexts(sheet);
    const QString slips = dir.filePath(QStringLiteral("slips.pdf"));
    const QString classSheet = dir.filePath(QStringLiteral("class.pdf"));
    const QString bare = dir.filePath(QStringLiteral("bare.pdf"));
    const QString bareChildOut = dir.filePath(QStringLiteral("bare-child.pdf"));
    const QString textsFile = dir.filePath(QStringLiteral("texts.txt"));
    writeLines(textsFile, texts);
    const QString cli = QStringLiteral(WAYMARK_CLI);
    const QString self = QCoreApplication::applicationFilePath();

    std::vector<double> read, draw, total, klass, baseline, cliRun, childRun;
    int pages = 0;
    int classPages = 0;
    for (int round = -1; round < runs; ++round) {
        QElapsedTimer timer;
        timer.start();
        double r = 0;
        double d = 0;
        double k = 0;
        try {
            auto db = Database::open(school);
            const marking::MarkSheet again = *marking::markSheet(*db, sheet.taskId);
            r = msSince(timer);
            pages = reports::writeFeedbackSlipsPdf(again, slips).pages;
            d = msSince(timer);
            const marking::ClassSummary summary = marking::classSummary(again);
            classPages =
                reports::writeClassFeedbackPdf(again, summary, marking::taskFeedback(*db, sheet.taskId), classSheet)
                    .pages;
            k = msSince(timer);
        } catch (const StorageError& e) {
            std::fprintf(stderr, "report failed: %s\n", qPrintable(e.message()));
            return 1;
        }
        barePdf(bare, texts, pages);
        const double b = msSince(timer);
        const bench::ProcessRun c = bench::runProcess(
            cli, {QStringLiteral("report"), school, QStringLiteral("--kind"), QStringLiteral("feedback-slips"),
                  QStringLiteral("--task"), QString::number(sheet.taskId), QStringLiteral("--out"), slips});
        const bench::ProcessRun child =
            bench::runProcess(self, {QStringLiteral("--bare-pdf"), bareChildOut, textsFile, QString::number(pages)});
        if (c.exitCode != 0 || child.exitCode != 0) {
            std::fprintf(stderr, "a child failed: waymark-cli %d, bare %d\n", c.exitCode, child.exitCode);
            return 1;
        }
        if (round < 0)
            continue;
        read.push_back(r);
        draw.push_back(d);
        total.push_back(r + d);
        klass.push_back(k);
        baseline.push_back(b);
        cliRun.push_back(c.seconds * 1000);
        childRun.push_back(child.seconds * 1000);
    }

    std::printf("Reports benchmark: task %lld \"%s\" (%s, %d pupils), %d slips on %d pages (%.0f KiB), class sheet "
                "%d page(s) (%.0f KiB); median of %d runs after a warm-up round; files in %s\n\n",
                static_cast<long long>(sheet.taskId), qPrintable(sheet.title), qPrintable(sheet.group),
                int(sheet.rows.size()), int(texts.size()), pages, double(QFileInfo(slips).size()) / 1024, classPages,
                double(QFileInfo(classSheet).size()) / 1024, runs, qPrintable(dir.path()));
    std::printf("milliseconds (medians)                      Waymark | baseline (same run)                 | ratio\n");
    std::printf("slips in process (read %.1f + PDF %.1f)  %8.1f | bare QPdfWriter, same text, pages %6.1f | %5.2fx\n",
                median(read), median(draw), median(total), median(baseline), median(total) / median(baseline));
    std::printf("class sheet in process                  %8.1f | bare QPdfWriter (slips' pages)    %6.1f | %5.2fx\n",
                median(klass), median(baseline), median(klass) / median(baseline));
    std::printf("waymark-cli report (whole process)      %8.1f | a process with the bare QPdfWriter %6.1f | %5.2fx\n",
                median(cliRun), median(childRun), median(cliRun) / median(childRun));
    std::printf("\ngoal: feedback slips for a class of 30 under 1 s: %s (waymark-cli, whole process: %.0f ms)\n",
                median(cliRun) < 1000 && texts.size() >= 28 ? "met" : "NOT met", median(cliRun));
    return 0;
}
