#include "records/evidencetimeline.h"

#include "repo/columns.h"
#include "storage/database.h"

#include <algorithm>
#include <string>

namespace waymark {

std::vector<TimelineEntry> loadTimelinePage(Database& db, RowId pupilId, std::optional<TimelineCursor> after, int limit)
{
    // The row-value comparison walks the evidence_pupil index (pupil_id, recorded_on, rowid)
    // backwards from the cursor; every join is by primary key or a unique/indexed column.
    static const std::string select =
        "SELECT e.id, e.recorded_on, e.kind, coalesce(sub.name, tsub.name, ''), coalesce(t.title, ''), "
        "       coalesce(t.learning_intention, ''), coalesce(st.display_name, ''), e.note, e.light, e.self_light, "
        "       e.peer_light, coalesce(r.code, ''), coalesce(r.label, ''), coalesce(sc.name, ''), "
        "       coalesce(tg.text, ''), coalesce(f.what_went_well, ''), coalesce(f.even_better_if, ''), "
        "       coalesce(f.next_step, ''), coalesce(f.pupil_response, ''), "
        "       (SELECT count(*) FROM evidence_attachment a WHERE a.evidence_id = e.id AND a.deleted = 0) "
        "FROM evidence e "
        "LEFT JOIN task t ON t.id = e.task_id "
        "LEFT JOIN subject sub ON sub.id = e.subject_id "
        "LEFT JOIN subject tsub ON tsub.id = t.subject_id "
        "LEFT JOIN staff st ON st.id = e.recorded_by_id "
        "LEFT JOIN rung r ON r.id = e.rung_id "
        "LEFT JOIN scale sc ON sc.id = r.scale_id "
        "LEFT JOIN target tg ON tg.id = e.target_id AND tg.deleted = 0 "
        "LEFT JOIN feedback f ON f.evidence_id = e.id AND f.deleted = 0 "
        "WHERE e.pupil_id = ?1 AND e.deleted = 0 ";
    static const std::string firstPage = select + "ORDER BY e.recorded_on DESC, e.id DESC LIMIT ?2";
    // A separate statement rather than "?3 IS NULL OR ...", which would stop SQLite seeking the index.
    static const std::string laterPage =
        select + "AND (e.recorded_on, e.id) < (?3, ?4) ORDER BY e.recorded_on DESC, e.id DESC LIMIT ?2";
    auto s = db.prepare(after ? laterPage : firstPage);
    s.bind(1, pupilId);
    s.bind(2, limit);
    if (after) {
        s.bind(3, after->recordedOn);
        s.bind(4, after->evidenceId);
    }

    std::vector<TimelineEntry> out;
    out.reserve(static_cast<std::size_t>(std::max(limit, 0)));
    while (s.step()) {
        TimelineEntry e;
        e.evidenceId = s.int64(0);
        e.recordedOn = s.date(1);
        columns::read(s, 2, e.kind);
        e.subjectName = s.text(3);
        e.taskTitle = s.text(4);
        e.learningIntention = s.text(5);
        e.recordedBy = s.text(6);
        e.note = s.text(7);
        columns::read(s, 8, e.light);
        columns::read(s, 9, e.selfLight);
        columns::read(s, 10, e.peerLight);
        e.rungCode = s.text(11);
        e.rungLabel = s.text(12);
        e.scaleName = s.text(13);
        e.targetText = s.text(14);
        e.whatWentWell = s.text(15);
        e.evenBetterIf = s.text(16);
        e.nextStep = s.text(17);
        e.pupilResponse = s.text(18);
        e.attachmentCount = s.integer(19);
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace waymark
