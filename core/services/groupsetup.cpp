#include "services/groupsetup.h"

#include "domain/entities.h"
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

bool moveToTutorGroup(Database& db, RowId pupilId, RowId groupId)
{
    Transaction transaction(db);
    const std::optional<Group> target = Repository<Group>(db).find(groupId);
    if (!target || target->kind != GroupKind::Tutor)
        throw StorageError(
            StorageError::Kind::Invalid,
            QCoreApplication::translate("GroupSetup", "That tutor group is no longer in this school file."));
    Repository<GroupMember> members(db);
    bool changed = false;
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
        changed = true;
    }
    if (!already) {
        GroupMember m;
        m.groupId = groupId;
        m.pupilId = pupilId;
        members.insert(m);
        changed = true;
    }
    transaction.commit();
    return changed;
}

} // namespace waymark::setup
