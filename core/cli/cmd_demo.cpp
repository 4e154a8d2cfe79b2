// waymark-cli demo FILE: a school file full of made-up pupils and evidence, for trying Waymark out.
#include "cli/clicommand.h"
#include "demo/demogenerator.h"
#include "maintenance/maintenance.h"
#include "storage/database.h"
#include "storage/storageerror.h"

#include <QElapsedTimer>
#include <QLocale>

#include <limits>
#include <map>

namespace waymark::cli {

namespace {
qint64 wholeNumber(const QCommandLineParser& parser, const QString& name, qint64 fallback, qint64 min, qint64 max)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const qint64 value = parser.value(name).trimmed().toLongLong(&ok);
    if (!ok || value < min || value > max)
        throw UsageError(Tr::tr("--%1 must be a whole number from %2 to %3, not “%4”.")
                             .arg(name)
                             .arg(min)
                             .arg(max)
                             .arg(parser.value(name)));
    return value;
}

quint64 seed(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("seed")))
        return 1;
    bool ok = false;
    const quint64 value = parser.value(QStringLiteral("seed")).trimmed().toULongLong(&ok);
    if (!ok)
        throw UsageError(Tr::tr("--seed must be a whole number from 0 to %1, not “%2”.")
                             .arg(std::numeric_limits<quint64>::max())
                             .arg(parser.value(QStringLiteral("seed"))));
    return value;
}

int runDemo(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    DemoOptions options;
    options.pupils = int(wholeNumber(parser, QStringLiteral("pupils"), 240, 1, 10000));
    options.years = int(wholeNumber(parser, QStringLiteral("years"), 1, 1, 10));
    options.seed = seed(parser);
    options.today = todayOption(parser);
    requireNewFileDestination(path);

    InterruptGuard interrupt;
    ProgressLine progress(context, Tr::tr("Making the demo school…"));
    options.progress = [&](qint64 done, qint64 total) {
        progress.update(done, total);
        return !InterruptGuard::requested();
    };
    QElapsedTimer timer;
    timer.start();
    std::map<QString, qint64> counts;
    try {
        Database::createAtomically(path, [&](Database& db) {
            generateDemoSchool(db, options);
            for (const auto& [key, count] : statistics(db))
                counts[key] = count;
            // Pupils who have left (earlier years' leavers) are kept too: say both, so that a
            // count above --pupils does not look like a mistake.
            auto left = db.prepare("SELECT count(*) FROM pupil WHERE deleted = 0 AND left_on IS NOT NULL");
            counts[QStringLiteral("left")] = left.step() ? left.int64(0) : 0;
        });
    } catch (const StorageError& e) {
        throw explainWriteFailure(e, path);
    }
    const double seconds = double(timer.elapsed()) / 1000.0;

    const QLocale locale;
    const qint64 left = counts[QStringLiteral("left")];
    const QString pupils = left > 0 ? Tr::tr("%1 pupils on roll (and %2 who have left)")
                                          .arg(locale.toString(counts[QStringLiteral("pupils")] - left),
                                               locale.toString(left))
                                    : Tr::tr("%1 pupils on roll").arg(locale.toString(counts[QStringLiteral("pupils")]));
    context.out << Tr::tr("Made the demo school “%1”: %2, %3 staff, %4 groups, %5 targets, %6 pieces of "
                          "evidence and %7 attached files, in %8 s.")
                       .arg(path, pupils,
                            locale.toString(counts[QStringLiteral("staff")]),
                            locale.toString(counts[QStringLiteral("groups")]),
                            locale.toString(counts[QStringLiteral("targets")]),
                            locale.toString(counts[QStringLiteral("evidence")]),
                            locale.toString(counts[QStringLiteral("attachments")]), locale.toString(seconds, 'f', 1))
                << Qt::endl;
    return kExitOk;
}
} // namespace

Command demoCommand()
{
    return {
        QStringLiteral("demo"),
        QStringLiteral("FILE"),
        1,
        Tr::tr("Make a school file of made-up pupils and evidence, to try Waymark out."),
        Tr::tr("Makes a new school file at FILE filled with a realistic, made-up school: staff, classes,\n"
               "pupils with learning plans and targets, reviews, tasks and evidence. The same --seed and\n"
               "--today always give the same school. An existing file is never replaced."),
        {{{QStringLiteral("pupils")}, QStringLiteral("N"), Tr::tr("Pupils on roll, 1 to 10000 (default 240).")},
         {{QStringLiteral("years")}, QStringLiteral("N"), Tr::tr("Academic years of history, 1 to 10 (default 1).")},
         {{QStringLiteral("seed")}, QStringLiteral("N"), Tr::tr("Seed for the made-up data (default 1).")},
         {{QStringLiteral("today")},
          QStringLiteral("YYYY-MM-DD"),
          Tr::tr("The demo's \"today\"; its last year is the one holding it (default: the real today).")}},
        runDemo};
}

} // namespace waymark::cli
