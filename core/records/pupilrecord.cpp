#include "records/pupilrecord.h"

#include "calendar/schoolcalendar.h"
#include "domain/fieldlimits.h"
#include "repo/repository.h"
#include "storage/database.h"
#include "storage/transaction.h"

#include <algorithm>

namespace waymark {

QString PupilRecord::tutorGroupName() const
{
    // groups arrive newest year first, so the first tutor group is the current one.
    for (const PupilGroupInfo& g : groups)
        if (g.kind == GroupKind::Tutor)
            return g.name;
    return {};
}

namespace {

std::vector<PupilGroupInfo> loadGroups(Database& db, RowId pupilId)
{
    auto s = db.prepare("SELECT g.id, g.name, g.kind, coalesce(sub.name, ''), g.academic_year "
                        "FROM group_member m JOIN pupil_group g ON g.id = m.group_id AND g.deleted = 0 "
                        "LEFT JOIN subject sub ON sub.id = g.subject_id AND sub.deleted = 0 "
                        "WHERE m.pupil_id = ?1 AND m.deleted = 0 "
                        "ORDER BY g.academic_year DESC, g.kind = 'tutor' DESC, g.name");
    s.bindAll(pupilId);
    std::vector<PupilGroupInfo> out;
    while (s.step()) {
        PupilGroupInfo g;
        g.id = s.int64(0);
        g.name = limits::shortened(s.text(1));
        columns::read(s, 2, g.kind);
        g.subjectName = limits::shortened(s.text(3));
        g.academicYear = s.integer(4);
        out.push_back(std::move(g));
    }
    return out;
}

std::optional<QDate> lastHeldReview(Database& db, RowId pupilId)
{
    auto s = db.prepare("SELECT max(held_on) FROM review WHERE pupil_id = ?1 AND deleted = 0 AND held_on IS NOT NULL");
    s.bindAll(pupilId);
    if (!s.step() || s.isNull(0))
        return std::nullopt;
    const QDate d = s.date(0);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

int countEvidence(Database& db, RowId pupilId)
{
    auto s = db.prepare("SELECT count(*) FROM evidence WHERE pupil_id = ?1 AND deleted = 0");
    s.bindAll(pupilId);
    s.step();
    return s.integer(0);
}

} // namespace

std::optional<PupilRecord> loadPupilRecord(Database& db, RowId pupilId)
{
    // One read transaction: the parts of the record agree with each other.
    Transaction read(db, Transaction::Kind::Read);
    auto pupil = Repository<Pupil>(db).find(pupilId);
    if (!pupil)
        return std::nullopt;
    PupilRecord r;
    r.pupil = std::move(*pupil);
    if (r.pupil.learningGuideId) {
        if (auto guide = Repository<Staff>(db).find(*r.pupil.learningGuideId))
            r.learningGuideName = guide->displayName;
    }
    r.groups = loadGroups(db, pupilId);
    r.plan = Repository<LearningPlan>(db).first("pupil_id = ?1", pupilId);
    r.lastReviewHeld = lastHeldReview(db, pupilId);
    r.evidenceCount = countEvidence(db, pupilId);
    r.periods = Repository<PupilPeriod>(db).where("pupil_id = ?1 ORDER BY kind DESC, start_on, id", pupilId);
    read.commit();
    return r;
}

std::vector<Target> loadTargets(Database& db, RowId pupilId)
{
    return Repository<Target>(db).where("pupil_id = ?1 ORDER BY position, id", pupilId);
}

bool isCurrentTarget(const Target& target, QDate today)
{
    if (target.status == TargetStatus::Active || !target.setOn.isValid())
        return true;
    return SchoolCalendar::academicYearOf(target.setOn) >= SchoolCalendar::academicYearOf(today);
}

std::vector<StaffChoice> loadStaffChoices(Database& db)
{
    auto s = db.prepare("SELECT id, display_name, role FROM staff WHERE deleted = 0 "
                        "ORDER BY family_name COLLATE NOCASE, display_name COLLATE NOCASE, id");
    std::vector<StaffChoice> out;
    while (s.step())
        out.push_back({s.int64(0), limits::shortened(s.text(1)), limits::shortened(s.text(2))});
    return out;
}

RowId ensureLearningPlan(Database& db, RowId pupilId)
{
    Repository<LearningPlan> plans(db);
    // pupil_id is unique across live and tombstoned rows alike, so look at both.
    auto s = db.prepare("SELECT id FROM learning_plan WHERE pupil_id = ?1");
    s.bindAll(pupilId);
    if (s.step()) {
        const RowId id = s.int64(0);
        s.reset();
        if (auto plan = plans.findAny(id); plan && plan->deleted)
            plans.setDeleted(id, false);
        return id;
    }
    LearningPlan plan;
    plan.pupilId = pupilId;
    return plans.insert(plan);
}

std::optional<Pupil> pupilWithUpn(Database& db, const QString& upn, RowId exceptPupilId)
{
    if (upn.isEmpty())
        return std::nullopt;
    return Repository<Pupil>(db).first("upn = ?1 AND id <> ?2", upn, exceptPupilId);
}

int nextTargetPosition(Database& db, RowId pupilId)
{
    auto s = db.prepare("SELECT coalesce(max(position), -1) + 1 FROM target WHERE pupil_id = ?1 AND deleted = 0");
    s.bindAll(pupilId);
    s.step();
    return s.integer(0);
}

} // namespace waymark
