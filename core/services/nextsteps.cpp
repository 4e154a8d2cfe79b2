#include "services/nextsteps.h"

#include "storage/database.h"
#include "storage/statement.h"

namespace waymark::marking {

std::vector<AwaitedStep> awaitedNextSteps(Database& db, std::optional<RowId> groupId, std::optional<RowId> pupilId,
                                          QDate today)
{
    auto s = db.prepare(
        "SELECT t.id, t.title, coalesce(g.name, ''), t.set_on, p.id, "
        "  CASE WHEN p.preferred_given_name <> '' THEN p.preferred_given_name ELSE p.legal_given_name END || ' ' || "
        "  CASE WHEN p.preferred_family_name <> '' THEN p.preferred_family_name ELSE p.legal_family_name END, "
        "  p.upn, f.next_step "
        "FROM feedback f JOIN evidence e ON e.id = f.evidence_id AND e.deleted = 0 "
        "JOIN task t ON t.id = e.task_id AND t.deleted = 0 "
        "JOIN pupil p ON p.id = e.pupil_id AND p.deleted = 0 "
        "LEFT JOIN pupil_group g ON g.id = t.group_id "
        "WHERE f.deleted = 0 AND trim(f.next_step) <> '' AND trim(f.pupil_response) = '' AND f.next_step_met IS NULL "
        "  AND (?1 IS NULL OR t.group_id = ?1) AND (?2 IS NULL OR p.id = ?2) "
        "  AND (p.left_on IS NULL OR p.left_on > ?3) "
        // the pupil's record of the task as the grid shows it: their first
        "  AND e.id = (SELECT min(id) FROM evidence x WHERE x.task_id = e.task_id AND x.pupil_id = e.pupil_id "
        "              AND x.deleted = 0) "
        "ORDER BY t.set_on, t.id, p.legal_family_name, p.legal_given_name, p.id");
    s.bind(1, groupId).bind(2, pupilId).bind(3, (today.isValid() ? today : QDate::currentDate()).toString(Qt::ISODate));
    std::vector<AwaitedStep> out;
    while (s.step()) {
        AwaitedStep a;
        a.taskId = s.int64(0);
        a.task = s.text(1);
        a.group = s.text(2);
        a.setOn = s.date(3);
        a.pupilId = s.int64(4);
        a.pupil = s.text(5);
        a.upn = s.text(6);
        a.nextStep = s.text(7);
        out.push_back(a);
    }
    return out;
}

} // namespace waymark::marking
