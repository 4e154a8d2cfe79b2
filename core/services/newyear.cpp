#include "services/newyear.h"

#include "domain/entities.h"
#include "repo/repository.h"
#include "services/schoolsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>

#include <algorithm>
#include <set>

namespace waymark::setup {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("NewYear", text);
}

int startedYear(Database& db)
{
    auto s = db.prepare("SELECT value FROM meta WHERE key = 'academic_year_started'");
    return s.step() ? int(s.int64(0)) : 0;
}

void setStartedYear(Database& db, int year)
{
    if (year == 0) {
        db.prepare("DELETE FROM meta WHERE key = 'academic_year_started'").run();
        return;
    }
    db.prepare("INSERT INTO meta(key, value) VALUES('academic_year_started', ?1) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bindAll(year)
        .run();
}

// Pupils on roll with a year group at the end of the year, not those joining after it (a September
// intake imported in July already has its new year group).
std::vector<Pupil> onRoll(Database& db, QDate yearEnd)
{
    return Repository<Pupil>(db).where("left_on IS NULL AND year_group IS NOT NULL AND (started_on IS NULL OR "
                                       "started_on <= ?1) ORDER BY year_group, legal_family_name COLLATE NOCASE, "
                                       "legal_given_name COLLATE NOCASE, id",
                                       yearEnd);
}
} // namespace

NewYearPlan planNewYear(Database& db, int fromYear)
{
    NewYearPlan plan;
    plan.fromYear = fromYear;
    plan.toYear = fromYear + 1;
    plan.alreadyStarted = startedYear(db) >= plan.toYear;
    const SchoolCalendar calendar = loadCalendar(db);
    const std::vector<HalfTerm> terms = calendar.halfTerms(fromYear);
    plan.leaveOn = terms.empty() ? QDate(fromYear + 1, 7, 31) : terms.back().end;
    plan.calendarStored = yearCalendar(db, plan.toYear).configured;

    const std::vector<Pupil> pupils = onRoll(db, plan.leaveOn);
    const SchoolPhase phase = schoolDetails(db).phase;
    const bool sixthForm = std::any_of(pupils.begin(), pupils.end(),
                                       [](const Pupil& p) { return p.yearGroup && *p.yearGroup >= 12; });
    int leavingNow = 0;
    for (const Pupil& p : pupils) {
        const int year = *p.yearGroup;
        if (year != 6 && year != 11 && year != 13)
            continue;
        LeaverCandidate c;
        c.pupilId = p.id;
        c.name = p.sortName();
        c.yearGroup = year;
        c.usuallyLeaves = year == 13 || (year == 11 && !sixthForm && phase != SchoolPhase::Primary) ||
                          (year == 6 && phase == SchoolPhase::Primary);
        leavingNow += c.usuallyLeaves ? 1 : 0;
        plan.candidates.push_back(std::move(c));
    }
    plan.movingUp = int(pupils.size()) - leavingNow;
    return plan;
}

NewYearResult startNewYear(Database& db, const NewYearPlan& plan, const std::vector<RowId>& leavers)
{
    Transaction transaction(db);
    if (startedYear(db) >= plan.toYear)
        throw StorageError(StorageError::Kind::Invalid,
                           tr("%1 has already been started in this school file, so pupils were not moved up again.")
                               .arg(SchoolCalendar::academicYearLabel(plan.toYear)));
    // The plan as it would be made now: anyone added, gone or put in another year group since (or
    // a new last day) makes the teacher's confirmed plan out of date.
    const NewYearPlan now = planNewYear(db, plan.fromYear);
    const auto sameCandidate = [](const LeaverCandidate& a, const LeaverCandidate& b) {
        return a.pupilId == b.pupilId && a.yearGroup == b.yearGroup && a.usuallyLeaves == b.usuallyLeaves;
    };
    if (now.toYear != plan.toYear || now.leaveOn != plan.leaveOn || now.movingUp != plan.movingUp ||
        !std::equal(now.candidates.begin(), now.candidates.end(), plan.candidates.begin(), plan.candidates.end(),
                    sameCandidate))
        throw StorageError(StorageError::Kind::Invalid,
                           tr("Pupils or dates were changed since the new year was planned, so nothing was changed. "
                              "Look at the plan again."));
    const std::set<RowId> leaving(leavers.begin(), leavers.end());
    for (const RowId id : leaving) {
        if (std::none_of(plan.candidates.begin(), plan.candidates.end(),
                         [&](const LeaverCandidate& c) { return c.pupilId == id; }))
            throw StorageError(StorageError::Kind::Invalid,
                               tr("A pupil chosen to leave is not in Year 6, 11 or 13; nothing was changed."));
    }
    NewYearResult result;
    result.fromYear = plan.fromYear;
    result.toYear = plan.toYear;
    result.startedBefore = startedYear(db);
    Repository<Pupil> repo(db);
    for (Pupil& p : onRoll(db, plan.leaveOn)) {
        if (leaving.count(p.id)) {
            p.leftOn = plan.leaveOn;
            repo.update(p);
            result.markedLeft.push_back(p.id);
        } else if (*p.yearGroup < 14) {
            p.yearGroup = *p.yearGroup + 1;
            repo.update(p);
            result.movedUp.emplace_back(p.id, *p.yearGroup);
        }
    }
    result.calendarBefore = yearCalendar(db, plan.toYear);
    if (!result.calendarBefore.configured) {
        YearCalendar next = result.calendarBefore;
        next.configured = true;
        setYearCalendar(db, next);
    }
    result.calendarAfter = yearCalendar(db, plan.toYear);
    result.leftOn = plan.leaveOn;
    setStartedYear(db, plan.toYear);
    transaction.commit();
    return result;
}

void revertNewYear(Database& db, const NewYearResult& result, bool redo)
{
    Transaction transaction(db);
    Repository<Pupil> repo(db);
    for (const auto& [id, after] : result.movedUp) {
        std::optional<Pupil> p = repo.find(id);
        if (!p)
            continue;
        const int expected = redo ? after - 1 : after;
        if (p->yearGroup != expected)
            throw StorageError(StorageError::Kind::Invalid,
                               tr("%1's year group was changed since, so the new year was not undone. Change "
                                  "year groups by hand instead.")
                                   .arg(p->displayName()));
        p->yearGroup = redo ? after : after - 1;
        repo.update(*p);
    }
    for (const RowId id : result.markedLeft) {
        std::optional<Pupil> p = repo.find(id);
        if (!p)
            continue;
        // Only a leaving date the new year set is taken back (or set again over none).
        if (p->leftOn != (redo ? QDate() : result.leftOn))
            throw StorageError(StorageError::Kind::Invalid,
                               tr("%1's leaving date was changed since, so the new year was not undone. Change it "
                                  "by hand instead.")
                                   .arg(p->displayName()));
        p->leftOn = redo ? result.leftOn : QDate();
        repo.update(*p);
    }
    if (!result.calendarBefore.configured) {
        // The dates it stored go only while they are as it stored them.
        setYearCalendar(db, redo ? result.calendarAfter : result.calendarBefore,
                        redo ? &result.calendarBefore : &result.calendarAfter);
    }
    setStartedYear(db, redo ? result.toYear : result.startedBefore);
    transaction.commit();
}

} // namespace waymark::setup
