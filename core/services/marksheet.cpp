#include "services/marksheet.h"

#include "storage/database.h"
#include "storage/statement.h"

#include <algorithm>
#include <unordered_map>

namespace waymark::marking {

namespace {

// The pupil columns, then the evidence's, then the feedback's, for one task (?1); rows are the
// group's live members and everyone with live evidence for the task.
constexpr const char* kRowsSql =
    "WITH who(pupil_id, member) AS ("
    "  SELECT pupil_id, 1 FROM group_member WHERE group_id = ?2 AND deleted = 0"
    "  UNION SELECT pupil_id, 0 FROM evidence WHERE task_id = ?1 AND deleted = 0), "
    "people AS (SELECT pupil_id, max(member) AS member FROM who GROUP BY pupil_id) "
    "SELECT p.id, p.legal_given_name, p.preferred_given_name, p.legal_family_name, p.preferred_family_name, p.upn, "
    "       p.pronouns, p.sen_status, p.eal, p.pupil_premium, p.looked_after, "
    "       (p.left_on IS NOT NULL AND p.left_on <= ?4) OR people.member = 0, "
    "       e.id, e.light, e.self_light, e.peer_light, e.rung_id, "
    "       f.what_went_well, f.even_better_if, f.next_step, f.pupil_response, f.responded_on, f.next_step_met, "
    "       (SELECT count(*) FROM evidence_attachment a WHERE a.evidence_id = e.id AND a.deleted = 0) "
    "FROM people JOIN pupil p ON p.id = people.pupil_id AND p.deleted = 0 "
    "LEFT JOIN evidence e ON e.id = (SELECT min(id) FROM evidence WHERE task_id = ?1 AND pupil_id = p.id AND deleted = 0) "
    "LEFT JOIN feedback f ON f.evidence_id = e.id AND f.deleted = 0 ";

SheetRow readRow(const Statement& s)
{
    SheetRow r;
    r.pupilId = s.int64(0);
    const QString given = s.text(2).isEmpty() ? s.text(1) : s.text(2);
    const QString family = s.text(4).isEmpty() ? s.text(3) : s.text(4);
    r.givenName = given;
    r.legalGivenName = s.text(1);
    r.name = given + QLatin1Char(' ') + family;
    r.sortName = family + QStringLiteral(", ") + given;
    r.upn = s.text(5);
    r.pronouns = s.text(6);
    r.sen = s.text(7) == QLatin1String("none") ? QString() : s.text(7);
    r.eal = s.boolean(8);
    r.pupilPremium = s.boolean(9);
    r.lookedAfter = s.boolean(10);
    r.left = s.boolean(11);
    if (!s.isNull(12)) {
        r.evidenceId = s.int64(12);
        r.light = s.text(13);
        r.selfLight = s.text(14);
        r.peerLight = s.text(15);
        if (!s.isNull(16))
            r.rungId = s.int64(16);
        r.whatWentWell = s.text(17);
        r.evenBetterIf = s.text(18);
        r.nextStep = s.text(19);
        r.pupilResponse = s.text(20);
        r.respondedOn = s.date(21);
        if (!s.isNull(22))
            r.nextStepMet = s.boolean(22);
        r.attachments = s.integer(23);
    }
    return r;
}

void readCriterionMarks(Database& db, RowId taskId, std::optional<RowId> pupilId,
                        std::unordered_map<RowId, SheetRow*>& byEvidence)
{
    const std::string only = pupilId ? " AND e.pupil_id = ?2" : "";
    {
        auto s = db.prepare("SELECT j.evidence_id, j.criterion_id, j.judgement FROM criterion_judgement j "
                            "JOIN evidence e ON e.id = j.evidence_id AND e.task_id = ?1 AND e.deleted = 0 "
                            "WHERE j.deleted = 0" +
                            only);
        s.bind(1, qint64(taskId));
        if (pupilId)
            s.bind(2, qint64(*pupilId));
        while (s.step())
            if (auto it = byEvidence.find(s.int64(0)); it != byEvidence.end())
                it->second->judgements[s.int64(1)] = s.text(2);
    }
    auto s = db.prepare("SELECT a.evidence_id, a.criterion_id, a.self_light, a.peer_light FROM criterion_assessment a "
                        "JOIN evidence e ON e.id = a.evidence_id AND e.task_id = ?1 AND e.deleted = 0 "
                        "WHERE a.deleted = 0" +
                        only);
    s.bind(1, qint64(taskId));
    if (pupilId)
        s.bind(2, qint64(*pupilId));
    while (s.step()) {
        auto it = byEvidence.find(s.int64(0));
        if (it == byEvidence.end())
            continue;
        if (!s.text(2).isEmpty())
            it->second->selfCriteria[s.int64(1)] = s.text(2);
        if (!s.text(3).isEmpty())
            it->second->peerCriteria[s.int64(1)] = s.text(3);
    }
}

std::optional<RowId> groupOf(Database& db, RowId taskId)
{
    auto s = db.prepare("SELECT group_id FROM task WHERE id = ?1 AND deleted = 0");
    s.bind(1, qint64(taskId));
    if (!s.step())
        return std::nullopt;
    return s.isNull(0) ? RowId(0) : s.int64(0);
}

} // namespace

namespace {
QString dayOf(QDate today)
{
    return (today.isValid() ? today : QDate::currentDate()).toString(Qt::ISODate);
}
} // namespace

std::optional<MarkSheet> markSheet(Database& db, RowId taskId, QDate today)
{
    MarkSheet sheet;
    {
        auto s = db.prepare(
            "SELECT t.title, t.learning_intention, t.set_on, t.group_id, g.name, t.subject_id, su.name, st.display_name, "
            "t.scale_id, sc.name FROM task t LEFT JOIN pupil_group g ON g.id = t.group_id "
            "LEFT JOIN subject su ON su.id = t.subject_id LEFT JOIN staff st ON st.id = t.set_by_id "
            "LEFT JOIN scale sc ON sc.id = t.scale_id WHERE t.id = ?1 AND t.deleted = 0");
        s.bind(1, qint64(taskId));
        if (!s.step())
            return std::nullopt;
        sheet.taskId = taskId;
        sheet.title = s.text(0);
        sheet.learningIntention = s.text(1);
        sheet.setOn = s.date(2);
        sheet.groupId = s.isNull(3) ? 0 : s.int64(3);
        sheet.group = s.text(4);
        sheet.subjectId = s.optionalInt64(5);
        sheet.subject = s.text(6);
        sheet.setBy = s.text(7);
        sheet.scaleId = s.optionalInt64(8);
        sheet.scaleName = s.text(9);
    }
    if (sheet.scaleId) {
        auto s = db.prepare("SELECT id, code, label FROM rung WHERE scale_id = ?1 AND deleted = 0 ORDER BY position, id");
        s.bind(1, qint64(*sheet.scaleId));
        while (s.step())
            sheet.rungs.push_back({s.int64(0), s.text(1), s.text(2)});
    }
    {
        auto s = db.prepare(
            "SELECT id, text FROM success_criterion WHERE task_id = ?1 AND deleted = 0 ORDER BY position, id");
        s.bind(1, qint64(taskId));
        while (s.step())
            sheet.criteria.push_back({s.int64(0), s.text(1)});
    }
    {
        auto s = db.prepare(kRowsSql);
        s.bind(1, qint64(taskId)).bind(2, qint64(sheet.groupId)).bind(4, dayOf(today));
        while (s.step())
            sheet.rows.push_back(readRow(s));
    }
    std::sort(sheet.rows.begin(), sheet.rows.end(), [](const SheetRow& a, const SheetRow& b) {
        const int c = QString::localeAwareCompare(a.sortName, b.sortName);
        return c != 0 ? c < 0 : a.pupilId < b.pupilId;
    });
    std::unordered_map<RowId, SheetRow*> byEvidence;
    for (SheetRow& r : sheet.rows)
        if (r.evidenceId)
            byEvidence[r.evidenceId] = &r;
    readCriterionMarks(db, taskId, std::nullopt, byEvidence);
    return sheet;
}

std::optional<SheetRow> sheetRow(Database& db, RowId taskId, RowId pupilId, QDate today)
{
    const std::optional<RowId> group = groupOf(db, taskId);
    if (!group)
        return std::nullopt;
    auto s = db.prepare(std::string(kRowsSql) + "WHERE p.id = ?3");
    s.bind(1, qint64(taskId)).bind(2, qint64(*group)).bind(3, qint64(pupilId)).bind(4, dayOf(today));
    if (!s.step())
        return std::nullopt;
    SheetRow row = readRow(s);
    std::unordered_map<RowId, SheetRow*> byEvidence;
    if (row.evidenceId)
        byEvidence[row.evidenceId] = &row;
    readCriterionMarks(db, taskId, pupilId, byEvidence);
    return row;
}

QString rungText(const SheetRung& rung)
{
    if (rung.label.isEmpty() || rung.label == rung.code)
        return rung.code;
    return rung.code + QStringLiteral(" (") + rung.label + QLatin1Char(')');
}

} // namespace waymark::marking
