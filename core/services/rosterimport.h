#pragma once

#include "domain/entities.h"
#include "exchange/roster.h"
#include "services/groupsetup.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace waymark {

class Database;

// The import workflow's core service: a roster read from an MIS is first planned against the
// school (what each row would do, nothing written), then applied in one transaction. Re-importing
// updates, never duplicates: a row is matched to a pupil by UPN, else by legal name and date of
// birth (said in the plan, for the teacher to check); a changed value keeps the old one in history.
namespace importing {

struct PlannedRow
{
    enum class Kind { New, Updated, Unchanged, Rejected };
    int line = 0;
    Kind kind = Kind::New;
    RowId pupilId = 0;   // the matched pupil (Updated, Unchanged)
    QString name;        // "Aydın, Emre", for the preview
    QStringList changes; // Updated: the fields that change ("Year group: 6 → 7")
    QStringList flags;   // read, with something not taken (from the roster), or matched by name
    QString reason;      // Rejected: why
    QString tutorGroup;  // the tutor group to put them in this year (empty: leave it as it is)
    exchange::RosterRecord record;
};

// A member of staff or a group the roster names, as it would be imported.
struct PlannedItem
{
    using Kind = PlannedRow::Kind;
    int line = 0;
    Kind kind = Kind::New;
    RowId id = 0;        // the matched staff member or group (Updated, Unchanged)
    QString name;        // "Mrs J Patel", "9X/Ma1"
    QStringList changes; // Updated: what changes, in words (members: "+3 pupils, −1 pupil")
    QStringList flags;
    QString reason; // Rejected: why
};

struct ImportPlan
{
    QString source; // the MIS the file came from ("SIMS", "sds"): its ids are kept under this name
    std::vector<PlannedRow> rows;
    std::vector<PlannedItem> staff;  // in the order of Roster::staff
    std::vector<PlannedItem> groups; // in the order of Roster::groups
    QStringList problems;            // the roster's own (Roster::problems)
    std::vector<exchange::RosterStaff> staffRecords; // as read, one per staff item
    std::vector<exchange::RosterGroup> groupRecords; // as read, one per group item
    // Pupils on roll whom the file does not list (a full roll's leavers), for the teacher to mark as
    // left or not; never deleted.
    std::vector<RowId> notInFile;
    // Pupils named by rows that were rejected: kept out of notInFile, and never taken out of a
    // group because of the file.
    std::vector<RowId> heldBack;
    int count(PlannedRow::Kind kind) const;
};

// What each row of the roster would do to the school on `today`. Reads only. A row is matched to
// a pupil by UPN, then by the id `source`'s MIS gave them last time, then by legal name and date of
// birth (flagged for the teacher to check); staff by MIS id, e-mail, then name; groups by MIS id,
// then name in the academic year.
ImportPlan planImport(Database& db, const exchange::Roster& roster, QDate today, const QString& source = {});

enum class Leavers { Mark, Ignore };

// What an import did: the counts, and every row it made or changed (before and after), so that the
// whole import is undone, and redone, as one step.
struct ImportResult
{
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int markedLeft = 0;
    int staffCreated = 0;
    int staffUpdated = 0;
    int groupsCreated = 0;
    int groupsUpdated = 0;
    int subjectsCreated = 0;

    template <class T>
    struct Changed
    {
        std::vector<RowId> created;
        std::vector<T> before; // rows updated, as they were
        std::vector<T> after;  // the same rows, as the import left them
    };
    Changed<Pupil> pupils;
    Changed<Staff> staff;
    Changed<Group> groups;
    Changed<Subject> subjects;
    Changed<Evidence> evidence; // stage assessment results (from a CTF)
    Changed<PupilPeriod> periods; // SEN and FSM history (from a CTF)
    int resultsAdded = 0;
    std::vector<RowId> identities; // mis_identity rows made
    setup::MembershipChange memberships;
};

// Applies a plan in one transaction: new pupils added, matched ones updated, each put in the tutor
// group the file names for this academic year (made if the school has none of that name, and out
// of any other tutor group of the year), and (Leavers::Mark)
// pupils not in the file marked as left on `today`. `progress(done, total)` is called as rows are
// written; returning false from it cancels, leaving the school as it was. Throws StorageError
// (nothing written) if the school changed since the plan so that a row no longer fits.
ImportResult applyImport(Database& db, const ImportPlan& plan, QDate today, Leavers leavers,
                         const std::function<bool(int done, int total)>& progress = {});

// Undoes an applied import exactly, in one transaction (pupils, staff, groups and subjects it made
// are tombstoned; rows it changed get their earlier values back; memberships as they were), or,
// with redo, does it again. Refused (StorageError, nothing written) if any of those rows was
// changed since, or a pupil it added has had anything recorded for them.
void revertImport(Database& db, const ImportResult& result, bool redo = false);

} // namespace importing
} // namespace waymark
