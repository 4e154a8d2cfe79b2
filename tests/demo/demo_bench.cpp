// Times the demo generator: demo_bench [pupils] [years] [file]. Without a file name it writes to a
// temporary folder. Build in Release.
#include "demo/demogenerator.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    waymark::DemoOptions options;
    options.pupils = args.size() > 1 ? args[1].toInt() : 240;
    options.years = args.size() > 2 ? args[2].toInt() : 1;
    options.today = QDate(2025, 3, 12);
    QTemporaryDir dir;
    auto db = waymark::Database::create(args.size() > 3 ? args[3] : dir.filePath(QStringLiteral("bench.waymark")));
    QElapsedTimer timer;
    timer.start();
    waymark::generateDemoSchool(*db, options);
    const double seconds = double(timer.elapsed()) / 1000.0;

    qint64 rows = 0;
    auto tables = db->prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    while (tables.step()) {
        auto count = db->prepare("SELECT count(*) FROM \"" + tables.text(0).toStdString() + "\"");
        count.step();
        rows += count.int64(0);
    }
    auto evidence = db->prepare("SELECT count(*) FROM evidence");
    evidence.step();
    std::printf("%d pupils x %d years: %.2f s, %lld rows (%lld evidence), %.0f rows/s\n", options.pupils,
                options.years, seconds, static_cast<long long>(rows), static_cast<long long>(evidence.int64(0)),
                double(rows) / seconds);
    return 0;
}
