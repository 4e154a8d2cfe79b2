#pragma once

#include "domain/entity.h"
#include "domain/enums.h"
#include "services/schoolsetup.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace waymark {

class Database;

// The set-up workflow's groups: tutor groups made as a roster names them, and pupils moved between
// them. Used by the import service (and, later, the set-up pages and their undo commands).
namespace setup {

// The tutor group called `name` (matched without regard to case) in `academicYear`, made if there
// is none, for `yearGroup` (empty: vertical). Runs in the caller's transaction, or its own.
RowId ensureTutorGroup(Database& db, const QString& name, int academicYear, std::optional<int> yearGroup);

// The name of the pupil's tutor group in `academicYear`, or empty.
QString tutorGroupOf(Database& db, RowId pupilId, int academicYear);

// Memberships made and tombstoned by one change, so that an undo can put back exactly these.
struct MembershipChange
{
    std::vector<RowId> added;   // group_member rows made
    std::vector<RowId> removed; // group_member rows tombstoned
    bool changed() const { return !added.empty() || !removed.empty(); }
    void append(const MembershipChange& other);
};

// Puts the pupil in the tutor group and takes them out of any other tutor group of the same
// academic year (a pupil has one tutor group a year); memberships are tombstoned, never erased.
MembershipChange moveToTutorGroup(Database& db, RowId pupilId, RowId groupId);

// A class, set or tutor group as the teacher sets it up.
struct GroupDetails
{
    QString name;
    GroupKind kind = GroupKind::Class;
    OptionalId subjectId;
    std::optional<int> yearGroup; // empty: vertical (several year groups)
    int academicYear = 0;
    OptionalId teacherId;

    bool operator==(const GroupDetails&) const = default;
};

struct GroupEntry
{
    RowId id = 0;
    GroupDetails details;
    QString subjectName;
    QString teacherName;
    int members = 0; // pupils on roll in it
};

// The groups of an academic year: tutor groups first, then classes and sets, each by name.
std::vector<GroupEntry> groupList(Database& db, int academicYear);

// One sentence per problem: a name is needed (at most a name long), another group of the same
// name in the same year (other than `except`), a year group outside N1..14, a subject or teacher
// no longer in the file.
QStringList problemsWithGroup(Database& db, const GroupDetails& details, std::optional<RowId> except = {});

RowId addGroup(Database& db, const GroupDetails& details);

// With `expected`, refused if the stored group differs from it (changed elsewhere since).
void changeGroup(Database& db, RowId id, const GroupDetails& details, const GroupDetails* expected = nullptr,
                 Check check = Check::Values);

// Removes a group (tombstoned with its memberships hidden with it) or brings it back (undo).
// Removing is refused while tasks were set for it: their marking stays with the group.
void setGroupRemoved(Database& db, RowId id, bool removed);

// The pupils in a group (live memberships), by surname.
std::vector<RowId> membersOf(Database& db, RowId groupId);

// Adds pupils to a group; those already in it are left as they are. Into a tutor group, each pupil
// leaves their other tutor group of that year.
MembershipChange addMembers(Database& db, RowId groupId, const std::vector<RowId>& pupilIds);
// Takes pupils out of a group (memberships tombstoned).
MembershipChange removeMembers(Database& db, RowId groupId, const std::vector<RowId>& pupilIds);
// Undoes (or, with redo, makes again) a change returned above, in one transaction.
void revertMembershipChange(Database& db, const MembershipChange& change, bool redo = false);

} // namespace setup
} // namespace waymark
