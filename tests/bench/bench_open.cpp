// Opening a school file: Database::open (inspection, hardening, schema verification against the
// reference, identity) against the SQLite C API opening the same file and reading its schema and
// identity in the same run. Also the one-off cost, per process, of building the reference schema.
// Usage: bench_open FILE [RUNS]
#include "storage/database.h"
#include "storage/schemacheck.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace waymark;

namespace {
double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// What any program must do at least to open the file and know its schema and identity.
void bareOpen(const QByteArray& path)
{
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema", -1, &stmt, nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
    }
    sqlite3_finalize(stmt);
    sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key IN ('device_id', 'hlc')", -1, &stmt, nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
    }
    sqlite3_finalize(stmt);
    sqlite3_close_v2(db);
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_open FILE [RUNS]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 51;

    QElapsedTimer timer;
    timer.start();
    schema::expected(2); // the reference schema, built once per process
    const double reference = double(timer.nsecsElapsed()) / 1e6;

    std::vector<double> waymark;
    std::vector<double> bare;
    for (int i = 0; i < runs; ++i) { // interleaved, so a slow moment falls on both
        timer.restart();
        Database::open(path).reset();
        waymark.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        bareOpen(QFile::encodeName(path));
        bare.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("reference schema, once per process: %.2f ms\n", reference);
    std::printf("Database::open (verified): median %.2f ms over %d runs\n", median(waymark), runs);
    std::printf("sqlite3_open_v2 + schema + identity: median %.2f ms\n", median(bare));
    std::printf("ratio: %.2fx, difference %.2f ms\n", median(waymark) / median(bare), median(waymark) - median(bare));
    return 0;
}
