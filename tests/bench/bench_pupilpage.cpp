// Opening pupil pages inside a running app, against the sqlite3 shell running the queries the page
// runs for the same pupils. Usage: bench_pupilpage FILE [COUNT]
#include "domain/entities.h"
#include "pupil/pupilpage.h"
#include "repo/repository.h"
#include "services/schoolsession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace waymark;

namespace {
enum class Tabs
{
    PlanOnly, // the page as it opens: the Plan and targets tab
    All,      // every tab built, the Evidence tab open: the timeline is read too
};

// The statements PupilPage runs to show one pupil (core/records), with the pupil's id filled in.
QString pupilQueries(RowId id, Tabs tabs)
{
    const QString p = QString::number(id);
    QString sql;
    sql += QStringLiteral("SELECT * FROM pupil WHERE id = %1 AND deleted = 0;\n").arg(p);
    sql += QStringLiteral("SELECT display_name FROM staff WHERE id = (SELECT learning_guide_id FROM pupil WHERE id = %1);\n").arg(p);
    sql += QStringLiteral("SELECT g.id, g.name, g.kind, coalesce(sub.name, ''), g.academic_year FROM group_member m "
                          "JOIN pupil_group g ON g.id = m.group_id AND g.deleted = 0 LEFT JOIN subject sub ON sub.id = "
                          "g.subject_id AND sub.deleted = 0 WHERE m.pupil_id = %1 AND m.deleted = 0 ORDER BY "
                          "g.academic_year DESC, g.kind = 'tutor' DESC, g.name;\n").arg(p);
    sql += QStringLiteral("SELECT * FROM learning_plan WHERE pupil_id = %1 AND deleted = 0;\n").arg(p);
    sql += QStringLiteral("SELECT max(held_on) FROM review WHERE pupil_id = %1 AND deleted = 0 AND held_on IS NOT NULL;\n").arg(p);
    sql += QStringLiteral("SELECT count(*) FROM evidence WHERE pupil_id = %1 AND deleted = 0;\n").arg(p);
    sql += QStringLiteral("SELECT * FROM target WHERE deleted = 0 AND pupil_id = %1 ORDER BY position, id;\n").arg(p);
    if (tabs == Tabs::PlanOnly)
        return sql;
    sql += QStringLiteral(
               "SELECT e.id, e.recorded_on, e.kind, coalesce(sub.name, tsub.name, ''), coalesce(t.title, ''), "
               "coalesce(t.learning_intention, ''), coalesce(st.display_name, ''), e.note, e.light, e.self_light, "
               "e.peer_light, coalesce(r.code, ''), coalesce(r.label, ''), coalesce(sc.name, ''), coalesce(tg.text, ''), "
               "coalesce(f.what_went_well, ''), coalesce(f.even_better_if, ''), coalesce(f.next_step, ''), "
               "coalesce(f.pupil_response, ''), (SELECT count(*) FROM evidence_attachment a WHERE a.evidence_id = e.id "
               "AND a.deleted = 0) FROM evidence e LEFT JOIN task t ON t.id = e.task_id LEFT JOIN subject sub ON sub.id = "
               "e.subject_id LEFT JOIN subject tsub ON tsub.id = t.subject_id LEFT JOIN staff st ON st.id = "
               "e.recorded_by_id LEFT JOIN rung r ON r.id = e.rung_id LEFT JOIN scale sc ON sc.id = r.scale_id LEFT JOIN "
               "target tg ON tg.id = e.target_id AND tg.deleted = 0 LEFT JOIN feedback f ON f.evidence_id = e.id AND "
               "f.deleted = 0 WHERE e.pupil_id = %1 AND e.deleted = 0 ORDER BY e.recorded_on DESC, e.id DESC LIMIT 50;\n")
               .arg(p);
    return sql;
}

double shellSeconds(const QString& file, const QString& script)
{
    QProcess shell;
    shell.setStandardInputFile(script);
    shell.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    shell.start(QStandardPaths::findExecutable(QStringLiteral("sqlite3")), {file});
    shell.waitForFinished(-1);
    return double(t.nsecsElapsed()) / 1e9;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_pupilpage FILE [COUNT]\n");
        return 2;
    }
    const QString file = args.at(1);
    const int count = args.value(2, QStringLiteral("100")).toInt();

    auto session = SchoolSession::open(file, Database::Options{.readOnly = true});
    std::vector<RowId> all;
    for (const Pupil& p : Repository<Pupil>(session->db()).where("left_on IS NULL ORDER BY id"))
        all.push_back(p.id);
    std::vector<RowId> ids;
    for (int i = 0; i < count; ++i)
        ids.push_back(all[std::size_t(i) * all.size() / std::size_t(count)]);

    for (Tabs tabs : {Tabs::PlanOnly, Tabs::All}) {
        QUndoStack undo;
        PupilPage page(*session, undo);
        page.resize(1080, 700);
        page.show();
        if (tabs == Tabs::All) {
            page.details();
            page.characteristics();
            page.tabs()->setCurrentIndex(PupilPage::EvidenceTab);
        }
        page.showPupil(ids.front()); // warm up caches and fonts
        page.grab();

        std::vector<double> ms;
        for (RowId id : ids) {
            QElapsedTimer t;
            t.start();
            page.showPupil(id);
            QCoreApplication::processEvents();
            page.grab(); // lays out and paints the page, as the screen would
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }

        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("pupils.sql"));
        const QString empty = dir.filePath(QStringLiteral("empty.sql"));
        QFile out(script);
        out.open(QIODevice::WriteOnly);
        for (RowId id : ids)
            out.write(pupilQueries(id, tabs).toUtf8());
        out.close();
        QFile(empty).open(QIODevice::WriteOnly);
        std::vector<double> shellMs;
        for (int run = 0; run < 5; ++run)
            shellMs.push_back((shellSeconds(file, script) - shellSeconds(file, empty)) * 1000.0 / double(ids.size()));

        const double pageMedian = median(ms);
        std::sort(ms.begin(), ms.end());
        const double p95 = ms[ms.size() * 95 / 100];
        const double baseline = std::max(median(shellMs), 0.001);
        const QString what = tabs == Tabs::PlanOnly ? QStringLiteral("open a pupil, plan tab (%1)")
                                                    : QStringLiteral("open a pupil, all tabs (%1)");
        std::printf("%-44s %8.2f ms (p95 %.2f) | sqlite3 shell, same SQL %7.2f ms | ratio %5.1fx\n",
                    qPrintable(what.arg(QFileInfo(file).fileName())), pageMedian, p95, baseline,
                    pageMedian / baseline);
    }
    return 0;
}
