// Marking at a desk on a whole school's history: the real marking page (offscreen) on a copy of the
// 1,500-pupil, 5-year demo school, a class of 31 made in it.
//
//  1. One grid change: the key that sets a mark, through its undo command, the marking service's
//     transaction (synchronous = FULL, WAL) and the grid's refresh, then Enter to the next pupil:
//     timed from the key press until the next cell is current. Against the SQLite C API writing the
//     same evidence row in a transaction of its own, with the same durability, on the same file.
//  2. Fill down: 30 cells given one value by Ctrl+D, one undo step and one transaction, the grid
//     refreshed.
//
// Usage: bench_marking [--runs N] [FILE]
//   FILE defaults to the file bench_search uses (made with waymark-cli if it is not there yet).
#include "marking/markingmodel.h"
#include "marking/markingpage.h"
#include "marking/markingview.h"
#include "repo/repository.h"
#include "domain/entities.h"
#include "services/groupsetup.h"
#include "services/pupilsetup.h"
#include "services/schoolsession.h"
#include "services/tasksetup.h"
#include "storage/database.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QKeyEvent>
#include <QProcess>
#include <QTemporaryDir>
#include <QUndoStack>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace waymark;
using Column = MarkingModel::Column;

namespace {

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

void press(QWidget* w, int key, const QString& text = {}, Qt::KeyboardModifiers m = Qt::NoModifier)
{
    QKeyEvent down(QEvent::KeyPress, key, m, text);
    QApplication::sendEvent(w, &down);
    QKeyEvent up(QEvent::KeyRelease, key, m, text);
    QApplication::sendEvent(w, &up);
}

// The SQLite C API writing one evidence row in its own transaction, as Waymark's file is kept
// (WAL, synchronous = FULL), `count` times: milliseconds each.
std::vector<double> bareInserts(const QString& file, qint64 pupilId, qint64 taskId, int count)
{
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", nullptr, nullptr,
                 nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO evidence(uuid, hlc, origin, pupil_id, task_id, kind, recorded_on, light) "
                       "VALUES (lower(hex(randomblob(16))), ?1, 'bench', ?2, ?3, 'work_sample', '2026-11-23', 'green')",
                       -1, &insert, nullptr);
    std::vector<double> ms;
    for (int i = 0; i < count; ++i) {
        QElapsedTimer t;
        t.start();
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_bind_int64(insert, 1, (qint64(1) << 40) + i);
        sqlite3_bind_int64(insert, 2, pupilId);
        sqlite3_bind_int64(insert, 3, taskId);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    sqlite3_exec(db, "DELETE FROM evidence WHERE origin = 'bench'", nullptr, nullptr, nullptr);
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return ms;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int runs = 5;
    if (const qsizetype at = args.indexOf(QStringLiteral("--runs")); at >= 0 && at + 1 < args.size()) {
        runs = std::max(1, args.at(at + 1).toInt());
        args.remove(at, 2);
    }
    QString source = args.value(0);
    if (source.isEmpty())
        source = QDir::temp().filePath(QStringLiteral("bench-search-1500x5.waymark"));
    if (!QFileInfo::exists(source)) {
        std::printf("making %s (1,500 pupils, 5 years) ...\n", qPrintable(source));
        std::fflush(stdout);
        if (QProcess::execute(QStringLiteral(WAYMARK_CLI),
                              {QStringLiteral("demo"), source, QStringLiteral("--pupils"), QStringLiteral("1500"),
                               QStringLiteral("--years"), QStringLiteral("5"), QStringLiteral("--seed"), QStringLiteral("7"),
                               QStringLiteral("--today"), QStringLiteral("2026-11-23")}) != 0)
            return 1;
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("marking.waymark"));
    if (!QFile::copy(source, file)) {
        std::fprintf(stderr, "could not copy %s\n", qPrintable(source));
        return 1;
    }
    const QDate today(2026, 11, 23);
    auto session = SchoolSession::open(file);
    Database& db = session->db();
    {
        auto s = db.prepare("SELECT count(*) FROM pupil WHERE deleted = 0");
        s.step();
        std::printf("school: %lld pupils, %.0f MiB\n", s.int64(0), double(QFileInfo(file).size()) / 1048576.0);
    }
    // A class of 31, new to the school, and a task for it per measurement.
    setup::GroupDetails g;
    g.name = QStringLiteral("Bench/31");
    g.yearGroup = 9;
    g.academicYear = 2026;
    const RowId group = setup::addGroup(db, g);
    std::vector<RowId> pupils;
    for (int i = 0; i < 31; ++i) {
        setup::NewPupil p;
        p.legalGivenName = QStringLiteral("Bench%1").arg(i, 2, 10, QLatin1Char('0'));
        p.legalFamilyName = QStringLiteral("Pupil");
        pupils.push_back(setup::addPupil(db, p, today));
    }
    setup::addMembers(db, group, pupils);
    const auto newTask = [&](const QString& title) {
        marking::TaskDetails d;
        d.groupId = group;
        d.title = title;
        d.setOn = today;
        d.criteria = {QStringLiteral("One"), QStringLiteral("Two"), QStringLiteral("Three")};
        return marking::createTask(db, d);
    };

    QUndoStack undo;
    MarkingPage page(*session, undo);
    page.setToday(today);
    page.resize(1366, 720);
    page.show();
    QApplication::processEvents();
    MarkingView* view = page.view();
    MarkingModel* model = page.model();

    // 1. One change and on to the next pupil, down a column: each key a real write.
    std::vector<double> change;
    const std::pair<Column, QString> columns[] = {{Column::Light, QStringLiteral("g")},
                                                  {Column::SelfLight, QStringLiteral("a")},
                                                  {Column::PeerLight, QStringLiteral("r")},
                                                  {Column::Criterion, QStringLiteral("3")}};
    for (int run = 0; run <= runs; ++run) {
        page.showTask(newTask(QStringLiteral("Change %1").arg(run)));
        for (const auto& [kind, key] : columns) {
            const int column = model->columnOf(kind, kind == Column::Criterion ? model->sheet().criteria[0].id : 0);
            view->setCurrentIndex(model->index(0, column));
            for (int row = 0; row + 1 < model->rowCount(); ++row) {
                QElapsedTimer t;
                t.start();
                press(view, key.at(0).toUpper().unicode(), key);
                press(view, Qt::Key_Return);
                QApplication::processEvents();
                const double ms = double(t.nsecsElapsed()) / 1e6;
                if (view->currentIndex().row() != row + 1 || model->index(row, column).data(MarkingModel::ValueRole).toString().isEmpty()) {
                    std::fprintf(stderr, "the grid did not take the mark at row %d\n", row);
                    return 1;
                }
                if (run > 0) // the first run warms the caches
                    change.push_back(ms);
            }
        }
    }
    const std::vector<double> bare = bareInserts(file, pupils[0], page.taskId(), int(change.size()));

    // 2. Fill down 30 cells.
    std::vector<double> fill;
    for (int run = 0; run <= runs * 2; ++run) {
        page.showTask(newTask(QStringLiteral("Fill %1").arg(run)));
        const int column = model->columnOf(Column::Light);
        view->setCurrentIndex(model->index(0, column));
        press(view, 'G', QStringLiteral("g"));
        QApplication::processEvents();
        QElapsedTimer t;
        t.start();
        const int cells = view->fillDown();
        QApplication::processEvents();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (cells != 30 || model->index(30, column).data(MarkingModel::ValueRole).toString() != QLatin1String("green")) {
            std::fprintf(stderr, "the fill did not reach 30 cells (%d)\n", cells);
            return 1;
        }
        if (run > 0)
            fill.push_back(ms);
    }

    std::printf("\none grid change, committed, and the next cell current (%zu changes):\n", change.size());
    std::printf("  waymark:     median %6.2f ms   p95 %6.2f ms\n", median(change), percentile95(change));
    std::printf("  sqlite3 API: median %6.2f ms   p95 %6.2f ms   (one evidence row, own transaction, same file)\n",
                median(bare), percentile95(bare));
    std::printf("  ratio at p95: %.2fx (goal: within 3x and under 16 ms)\n", percentile95(change) / percentile95(bare));
    std::printf("\nfill down 30 cells, one step (%zu fills): median %6.2f ms   p95 %6.2f ms (goal: under 50 ms)\n",
                fill.size(), median(fill), percentile95(fill));
    return 0;
}
