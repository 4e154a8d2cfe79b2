#include "services/groupsetup.h"

#include "domain/entities.h"
#include "domain/fieldlimits.h"
#include "repo/repository.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>

namespace waymark::setup {

RowId ensureTutorGroup(Database& db, const QString& name, int academicYear, std::optional<int> yearGroup)
{
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty())
        throw StorageError(StorageError::Kind::Invalid,
                           QCoreApplication::translate("GroupSetup", "A tutor group needs a name."));
    Transaction transaction(db);
    Repository<Group> groups(db);
    if (const std::optional<Group> found = groups.first(
            "kind = 'tutor' AND academic_year = ?1 AND name = ?2 COLLATE NOCASE ORDER BY id", academicYear, trimmed)) {
        transaction.commit();
        return found->id;
    }
    Group group;
    group.name = trimmed;
    group.kind = GroupKind::Tutor;
    group.academicYear = academicYear;
    group.yearGroup = yearGroup;
    const RowId id = groups.insert(group);
    transaction.commit();
    return id;
}

QString tutorGroupOf(Database& db, RowId pupilId, int academicYear)
{
    auto s = db.prepare("SELECT g.name FROM group_member m JOIN pupil_group g ON g.id = m.group_id "
                        "WHERE m.pupil_id = ?1 AND m.deleted = 0 AND g.deleted = 0 AND g.kind = 'tutor' "
                        "AND g.academic_year = ?2 ORDER BY m.id LIMIT 1");
    s.bindAll(pupilId, academicYear);
    return s.step() ? s.text(0) : QString();
}

void MembershipChange::append(const MembershipChange& other)
{
    // A row made and then tombstoned within one change was never there before it: it is dropped
    // from `added` rather than listed as removed (an undo must not bring it back).
    for (const RowId row : other.removed) {
        const auto made = std::find(added.begin(), added.end(), row);
        if (made != added.end())
            added.erase(made);
        else
            removed.push_back(row);
    }
    added.insert(added.end(), other.added.begin(), other.added.end());
}

MembershipChange moveToTutorGroup(Database& db, RowId pupilId, RowId groupId)
{
    Transaction transaction(db);
    const std::optional<Group> target = Repository<Group>(db).find(groupId);
    if (!target || target->kind != GroupKind::Tutor)
        throw StorageError(
            StorageError::Kind::Invalid,
            QCoreApplication::translate("GroupSetup", "That tutor group is no longer in this school file."));
    Repository<GroupMember> members(db);
    MembershipChange change;
    bool already = false;
    auto s = db.prepare("SELECT m.id, m.group_id FROM group_member m JOIN pupil_group g ON g.id = m.group_id "
                        "WHERE m.pupil_id = ?1 AND m.deleted = 0 AND g.deleted = 0 AND g.kind = 'tutor' "
                        "AND g.academic_year = ?2");
    s.bindAll(pupilId, target->academicYear);
    std::vector<RowId> leave;
    while (s.step()) {
        if (s.int64(1) == groupId)
            already = true;
        else
            leave.push_back(s.int64(0));
    }
    for (const RowId membership : leave) {
        members.setDeleted(membership, true);
        change.removed.push_back(membership);
    }
    if (!already) {
        GroupMember m;
        m.groupId = groupId;
        m.pupilId = pupilId;
        change.added.push_back(members.insert(m));
    }
    transaction.commit();
    return change;
}

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("GroupSetup", text);
}

GroupDetails tidied(const GroupDetails& typed)
{
    GroupDetails d = typed;
    d.name = typed.name.simplified();
    return d;
}

GroupDetails detailsOf(const Group& g)
{
    return {g.name, g.kind, g.subjectId, g.yearGroup, g.academicYear, g.teacherId};
}

void copyInto(Group& g, const GroupDetails& d)
{
    g.name = d.name;
    g.kind = d.kind;
    g.subjectId = d.subjectId;
    g.yearGroup = d.yearGroup;
    g.academicYear = d.academicYear;
    g.teacherId = d.teacherId;
}

StorageError groupGone()
{
    return StorageError(StorageError::Kind::Invalid, tr("That group is no longer in this school file."));
}
} // namespace

std::vector<GroupEntry> groupList(Database& db, int academicYear)
{
    std::vector<GroupEntry> out;
    auto s = db.prepare(
        "SELECT g.id, g.name, g.kind, g.subject_id, g.year_group, g.academic_year, g.teacher_id, "
        "coalesce(sub.name, ''), coalesce(st.display_name, ''), "
        "(SELECT count(*) FROM group_member m JOIN pupil p ON p.id = m.pupil_id WHERE m.group_id = g.id "
        "AND m.deleted = 0 AND p.deleted = 0 AND p.left_on IS NULL) "
        "FROM pupil_group g LEFT JOIN subject sub ON sub.id = g.subject_id AND sub.deleted = 0 "
        "LEFT JOIN staff st ON st.id = g.teacher_id AND st.deleted = 0 "
        "WHERE g.deleted = 0 AND g.academic_year = ?1 "
        "ORDER BY g.kind <> 'tutor', g.year_group IS NULL, g.year_group, g.name COLLATE NOCASE, g.id");
    s.bindAll(academicYear);
    while (s.step()) {
        GroupEntry e;
        e.id = s.int64(0);
        e.details.name = s.text(1);
        const QString kind = s.text(2);
        e.details.kind = kind == QLatin1String("tutor") ? GroupKind::Tutor
            : kind == QLatin1String("set")              ? GroupKind::Set
                                                        : GroupKind::Class;
        if (!s.isNull(3))
            e.details.subjectId = s.int64(3);
        if (!s.isNull(4))
            e.details.yearGroup = int(s.int64(4));
        e.details.academicYear = int(s.int64(5));
        if (!s.isNull(6))
            e.details.teacherId = s.int64(6);
        e.subjectName = s.text(7);
        e.teacherName = s.text(8);
        e.members = int(s.int64(9));
        out.push_back(std::move(e));
    }
    return out;
}

QStringList problemsWithGroup(Database& db, const GroupDetails& typed, std::optional<RowId> except)
{
    const GroupDetails d = tidied(typed);
    QStringList problems;
    if (d.name.isEmpty())
        problems << tr("Type the group's name.");
    else if (d.name.size() > limits::kName)
        problems << tr("A group's name can have at most %1 characters.").arg(limits::kName);
    if (d.academicYear < 1900 || d.academicYear > 9998)
        problems << tr("Choose the academic year the group is for.");
    if (d.yearGroup && (*d.yearGroup < -2 || *d.yearGroup > 14))
        problems << tr("A year group is from Nursery (N1) to Year 14.");
    if (!d.name.isEmpty()) {
        auto s = db.prepare("SELECT id FROM pupil_group WHERE deleted = 0 AND academic_year = ?1 "
                            "AND name = ?2 COLLATE NOCASE");
        s.bindAll(d.academicYear, d.name);
        while (s.step()) {
            if (!except || s.int64(0) != *except) {
                problems << tr("There is already a group called “%1” this year.").arg(limits::shortened(d.name));
                break;
            }
        }
    }
    if (d.subjectId && !Repository<Subject>(db).find(*d.subjectId))
        problems << tr("That subject is no longer in this school file.");
    if (d.teacherId && !Repository<Staff>(db).find(*d.teacherId))
        problems << tr("That member of staff is no longer in this school file.");
    return problems;
}

RowId addGroup(Database& db, const GroupDetails& typed)
{
    Transaction transaction(db);
    if (const QStringList problems = problemsWithGroup(db, typed); !problems.isEmpty())
        throw StorageError(StorageError::Kind::Invalid, problems.join(QLatin1Char(' ')));
    Group group;
    copyInto(group, tidied(typed));
    const RowId id = Repository<Group>(db).insert(group);
    transaction.commit();
    return id;
}

void changeGroup(Database& db, RowId id, const GroupDetails& typed, const GroupDetails* expected, Check check)
{
    Transaction transaction(db);
    Repository<Group> repo(db);
    std::optional<Group> group = repo.find(id);
    if (!group)
        throw groupGone();
    if (expected && detailsOf(*group) != *expected)
        throw StorageError(StorageError::Kind::Invalid,
                           tr("The group “%1” was changed elsewhere since you began, so your change was not saved.")
                               .arg(limits::shortened(group->name)));
    const GroupDetails d = check == Check::None ? typed : tidied(typed);
    if (check == Check::Values) {
        if (const QStringList problems = problemsWithGroup(db, d, id); !problems.isEmpty())
            throw StorageError(StorageError::Kind::Invalid, problems.join(QLatin1Char(' ')));
    }
    if (detailsOf(*group) != d) {
        copyInto(*group, d);
        repo.update(*group);
    }
    transaction.commit();
}

void setGroupRemoved(Database& db, RowId id, bool removed)
{
    Transaction transaction(db);
    Repository<Group> repo(db);
    if (removed) {
        const std::optional<Group> group = repo.find(id);
        if (!group)
            throw groupGone();
        auto s = db.prepare("SELECT count(*) FROM task WHERE group_id = ?1 AND deleted = 0");
        s.bindAll(id);
        if (s.step() && s.int64(0) > 0)
            throw StorageError(StorageError::Kind::Invalid,
                               tr("Tasks have been set for “%1”, so it was not removed: their marking belongs to it.")
                                   .arg(limits::shortened(group->name)));
    }
    repo.setDeleted(id, removed);
    transaction.commit();
}

std::vector<RowId> membersOf(Database& db, RowId groupId)
{
    std::vector<RowId> out;
    auto s = db.prepare("SELECT p.id FROM group_member m JOIN pupil p ON p.id = m.pupil_id WHERE m.group_id = ?1 "
                        "AND m.deleted = 0 AND p.deleted = 0 ORDER BY "
                        "coalesce(nullif(p.preferred_family_name, ''), p.legal_family_name) COLLATE NOCASE, "
                        "coalesce(nullif(p.preferred_given_name, ''), p.legal_given_name) COLLATE NOCASE, p.id");
    s.bindAll(groupId);
    while (s.step())
        out.push_back(s.int64(0));
    return out;
}

MembershipChange addMembers(Database& db, RowId groupId, const std::vector<RowId>& pupilIds)
{
    Transaction transaction(db);
    const std::optional<Group> group = Repository<Group>(db).find(groupId);
    if (!group)
        throw groupGone();
    MembershipChange change;
    Repository<GroupMember> members(db);
    for (const RowId pupilId : pupilIds) {
        if (!Repository<Pupil>(db).find(pupilId))
            throw StorageError(StorageError::Kind::Invalid, tr("A pupil chosen is no longer in this school file."));
        if (group->kind == GroupKind::Tutor) {
            change.append(moveToTutorGroup(db, pupilId, groupId));
            continue;
        }
        auto s = db.prepare("SELECT 1 FROM group_member WHERE group_id = ?1 AND pupil_id = ?2 AND deleted = 0");
        s.bindAll(groupId, pupilId);
        if (s.step())
            continue;
        GroupMember m;
        m.groupId = groupId;
        m.pupilId = pupilId;
        change.added.push_back(members.insert(m));
    }
    transaction.commit();
    return change;
}

MembershipChange removeMembers(Database& db, RowId groupId, const std::vector<RowId>& pupilIds)
{
    Transaction transaction(db);
    MembershipChange change;
    Repository<GroupMember> members(db);
    for (const RowId pupilId : pupilIds) {
        auto s = db.prepare("SELECT id FROM group_member WHERE group_id = ?1 AND pupil_id = ?2 AND deleted = 0");
        s.bindAll(groupId, pupilId);
        std::vector<RowId> rows;
        while (s.step())
            rows.push_back(s.int64(0));
        for (const RowId row : rows) {
            members.setDeleted(row, true);
            change.removed.push_back(row);
        }
    }
    transaction.commit();
    return change;
}

void revertMembershipChange(Database& db, const MembershipChange& change, bool redo)
{
    Transaction transaction(db);
    Repository<GroupMember> members(db);
    for (const RowId row : change.added)
        members.setDeleted(row, !redo);
    for (const RowId row : change.removed)
        members.setDeleted(row, redo);
    transaction.commit();
}

} // namespace waymark::setup
