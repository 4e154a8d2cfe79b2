#include "services/tasksetup.h"

#include "domain/entities.h"
#include "domain/fieldlimits.h"
#include "repo/repository.h"
#include "services/staffsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>

namespace waymark::marking {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("TaskSetup", text);
}

// A pupil's record of a task (evidence e) with something in it: a mark undone leaves its record,
// empty, which is no mark.
#define WAYMARK_MARKED_EVIDENCE                                                                                        \
    "(e.light <> '' OR e.self_light <> '' OR e.peer_light <> '' OR e.rung_id IS NOT NULL OR e.note <> '' "            \
    "OR EXISTS (SELECT 1 FROM criterion_judgement j WHERE j.evidence_id = e.id AND j.deleted = 0) "                  \
    "OR EXISTS (SELECT 1 FROM criterion_assessment a WHERE a.evidence_id = e.id AND a.deleted = 0 "                  \
    "           AND (a.self_light <> '' OR a.peer_light <> '')) "                                                     \
    "OR EXISTS (SELECT 1 FROM feedback f WHERE f.evidence_id = e.id AND f.deleted = 0 AND (f.what_went_well <> '' "  \
    "           OR f.even_better_if <> '' OR f.next_step <> '' OR f.pupil_response <> '' OR f.responded_on IS NOT NULL " \
    "           OR f.next_step_met IS NOT NULL)) "                                                                    \
    "OR EXISTS (SELECT 1 FROM evidence_attachment x WHERE x.evidence_id = e.id AND x.deleted = 0))"

QStringList tidiedCriteria(const QStringList& criteria)
{
    QStringList out;
    for (const QString& c : criteria)
        if (!c.simplified().isEmpty())
            out << c.simplified();
    return out;
}

void insertCriteria(Database& db, RowId taskId, const QStringList& criteria)
{
    Repository<SuccessCriterion> repo(db);
    int position = 0;
    for (const QString& text : criteria) {
        SuccessCriterion c;
        c.taskId = taskId;
        c.position = position++;
        c.text = text;
        repo.insert(c);
    }
}
} // namespace

QStringList problemsWithTask(Database& db, const TaskDetails& d)
{
    QStringList problems;
    if (d.title.simplified().isEmpty())
        problems << tr("Give the task a title.");
    else if (d.title.simplified().size() > limits::kName)
        problems << tr("A task's title can have at most %1 characters.").arg(limits::kName);
    if (d.learningIntention.size() > limits::kText)
        problems << tr("A learning intention can have at most %1 characters.").arg(limits::kText);
    for (const QString& c : tidiedCriteria(d.criteria))
        if (c.size() > limits::kText) {
            problems << tr("A success criterion can have at most %1 characters.").arg(limits::kText);
            break;
        }
    if (d.groupId == 0 || !Repository<Group>(db).find(d.groupId))
        problems << tr("Choose the group the task is for.");
    if (d.subjectId && !Repository<Subject>(db).find(*d.subjectId))
        problems << tr("That subject is no longer in this school file.");
    if (d.marksOutOf && (*d.marksOutOf < 1 || *d.marksOutOf > 200))
        problems << tr("Marks can be out of 1 to 200.");
    if (d.scaleId && !Repository<Scale>(db).find(*d.scaleId))
        problems << tr("That scale is no longer in this school file.");
    if (d.setById && !Repository<Staff>(db).find(*d.setById))
        problems << tr("That member of staff is no longer in this school file.");
    return problems;
}

RowId marksScale(Database& db, int outOf)
{
    Transaction transaction(db);
    const QString code = QStringLiteral("marks-%1").arg(outOf);
    if (const std::optional<Scale> existing = Repository<Scale>(db).first("code = ?1", code)) {
        transaction.commit();
        return existing->id;
    }
    Scale scale;
    scale.code = code;
    scale.name = tr("Marks out of %1").arg(outOf);
    scale.description = tr("A mark from 0 to %1").arg(outOf);
    const RowId id = Repository<Scale>(db).insert(scale);
    Repository<Rung> rungs(db);
    for (int m = 0; m <= outOf; ++m) {
        Rung r;
        r.scaleId = id;
        r.position = m;
        r.code = QString::number(m);
        r.label = tr("%1 out of %2").arg(m).arg(outOf);
        rungs.insert(r);
    }
    transaction.commit();
    return id;
}

RowId createTask(Database& db, const TaskDetails& d)
{
    Transaction transaction(db);
    if (const QStringList problems = problemsWithTask(db, d); !problems.isEmpty())
        throw StorageError(StorageError::Kind::Invalid, problems.join(QLatin1Char(' ')));
    Task task;
    task.groupId = d.groupId;
    task.subjectId = d.subjectId ? d.subjectId : Repository<Group>(db).find(d.groupId)->subjectId;
    task.title = d.title.simplified();
    task.learningIntention = d.learningIntention.trimmed();
    task.setOn = d.setOn;
    task.scaleId = d.marksOutOf ? std::optional<RowId>(marksScale(db, *d.marksOutOf)) : d.scaleId;
    task.setById = d.setById ? d.setById : setup::whoIAm(db);
    const RowId id = Repository<Task>(db).insert(task);
    insertCriteria(db, id, tidiedCriteria(d.criteria));
    transaction.commit();
    return id;
}

RowId duplicateTask(Database& db, RowId taskId, RowId groupId, QDate setOn)
{
    Transaction transaction(db);
    const std::optional<Task> from = Repository<Task>(db).find(taskId);
    if (!from)
        throw StorageError(StorageError::Kind::Invalid, tr("That task is no longer in this school file."));
    TaskDetails d;
    d.groupId = groupId;
    d.subjectId = from->subjectId;
    d.title = from->title;
    d.setOn = setOn;
    d.learningIntention = from->learningIntention;
    d.scaleId = from->scaleId;
    d.setById = from->setById;
    for (const SuccessCriterion& c :
         Repository<SuccessCriterion>(db).where("task_id = ?1 ORDER BY position, id", taskId))
        d.criteria << c.text;
    const RowId id = createTask(db, d);
    transaction.commit();
    return id;
}

void setTaskWithdrawn(Database& db, RowId taskId, bool withdrawn)
{
    Transaction transaction(db);
    if (withdrawn) {
        auto s = db.prepare("SELECT count(*) FROM evidence e WHERE e.task_id = ?1 AND e.deleted = 0 AND "
                            WAYMARK_MARKED_EVIDENCE);
        s.bindAll(taskId);
        if (s.step() && s.int64(0) > 0)
            throw StorageError(StorageError::Kind::Invalid,
                               tr("Pupils have been marked for this task since it was made, so making it is not "
                                  "undone."));
    }
    // Criteria go and come back with their task (criteria cannot be removed on their own yet).
    Repository<SuccessCriterion> criteria(db);
    if (withdrawn) {
        for (const SuccessCriterion& c : criteria.where("task_id = ?1", taskId))
            criteria.setDeleted(c.id, true);
    } else {
        auto s = db.prepare("SELECT id FROM success_criterion WHERE task_id = ?1 AND deleted = 1");
        s.bindAll(taskId);
        std::vector<RowId> ids;
        while (s.step())
            ids.push_back(s.int64(0));
        for (const RowId id : ids)
            criteria.setDeleted(id, false);
    }
    Repository<Task>(db).setDeleted(taskId, withdrawn);
    transaction.commit();
}

std::vector<TaskSummary> tasksOf(Database& db, std::optional<RowId> groupId)
{
    std::vector<TaskSummary> out;
    auto s = db.prepare(
        "SELECT t.id, t.title, coalesce(t.group_id, 0), coalesce(g.name, ''), coalesce(sub.name, ''), t.set_on, "
        "(SELECT count(*) FROM success_criterion c WHERE c.task_id = t.id AND c.deleted = 0), "
        "(SELECT count(DISTINCT e.pupil_id) FROM evidence e WHERE e.task_id = t.id AND e.deleted = 0 AND "
        WAYMARK_MARKED_EVIDENCE ") "
        "FROM task t LEFT JOIN pupil_group g ON g.id = t.group_id LEFT JOIN subject sub ON sub.id = t.subject_id "
        "WHERE t.deleted = 0 AND (?1 IS NULL OR t.group_id = ?1) ORDER BY t.set_on DESC, t.id DESC");
    s.bind(1, groupId); // NULL: every group
    while (s.step()) {
        TaskSummary t;
        t.id = s.int64(0);
        t.title = s.text(1);
        t.groupId = s.int64(2);
        t.group = s.text(3);
        t.subject = s.text(4);
        t.setOn = QDate::fromString(s.text(5), Qt::ISODate);
        t.criteria = int(s.int64(6));
        t.marked = int(s.int64(7));
        out.push_back(t);
    }
    return out;
}

} // namespace waymark::marking
