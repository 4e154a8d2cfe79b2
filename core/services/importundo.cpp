// The import service's undo: an applied import taken back, and brought again, exactly.
#include "repo/content.h"
#include "repo/repository.h"
#include "services/rosterimport.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>

namespace waymark::importing {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("RosterImport", text);
}
} // namespace

namespace {
template <class T>
void revertRows(Database& db, const ImportResult::Changed<T>& changed, bool redo, const QString& what)
{
    Repository<T> repo(db);
    // Undo puts back the rows in reverse order of change (a row changed twice ends as it began).
    const std::size_t n = changed.before.size();
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = redo ? k : n - 1 - k;
        const T& from = redo ? changed.before[i] : changed.after[i];
        const T& to = redo ? changed.after[i] : changed.before[i];
        std::optional<T> current = repo.find(from.id);
        if (!current || !sameContent(*current, from))
            throw StorageError(StorageError::Kind::Invalid, what);
        T next = to;
        next.stamp = current->stamp;
        next.origin = current->origin;
        repo.update(next);
    }
    for (const RowId id : changed.created)
        repo.setDeleted(id, !redo);
}
} // namespace

void revertImport(Database& db, const ImportResult& result, bool redo)
{
    Transaction transaction(db);
    const QString changedSince = redo ? tr("Some of what the import changed has been changed again since it was "
                                           "undone, so it was not redone.")
                                      : tr("Some of what the import changed has been changed again since, so it "
                                           "was not undone. Change those records by hand instead.");
    if (!redo) {
        revertRows(db, result.evidence, redo, changedSince); // the results it added are not "since"
        revertRows(db, result.periods, redo, changedSince);
        for (const RowId id : result.pupils.created) {
            auto s = db.prepare("SELECT (SELECT count(*) FROM learning_plan WHERE pupil_id = ?1 AND deleted = 0) + "
                                "(SELECT count(*) FROM target WHERE pupil_id = ?1 AND deleted = 0) + "
                                "(SELECT count(*) FROM evidence WHERE pupil_id = ?1 AND deleted = 0) + "
                                "(SELECT count(*) FROM review WHERE pupil_id = ?1 AND deleted = 0)");
            s.bindAll(id);
            if (s.step() && s.int64(0) > 0)
                throw StorageError(StorageError::Kind::Invalid,
                                   tr("A pupil the import added has a plan, targets, evidence or a review recorded "
                                      "since, so the import was not undone."));
        }
        // Groups, staff and subjects it made are taken back only while nothing else uses them.
        const auto used = [&](const char* sql, RowId id) {
            auto s = db.prepare(sql);
            s.bindAll(id);
            return s.step() && s.int64(0) > 0;
        };
        for (const RowId id : result.groups.created)
            if (used("SELECT count(*) FROM task WHERE group_id = ?1 AND deleted = 0", id))
                throw StorageError(StorageError::Kind::Invalid,
                                   tr("Tasks have been set since for a group the import made, so the import was not "
                                      "undone."));
        for (const RowId id : result.staff.created)
            if (used("SELECT (SELECT count(*) FROM task WHERE set_by_id = ?1 AND deleted = 0) + "
                     "(SELECT count(*) FROM evidence WHERE recorded_by_id = ?1 AND deleted = 0) + "
                     "(SELECT count(*) FROM review WHERE reviewer_id = ?1 AND deleted = 0) + "
                     "(SELECT count(*) FROM pupil WHERE learning_guide_id = ?1 AND deleted = 0)",
                     id))
                throw StorageError(StorageError::Kind::Invalid,
                                   tr("A member of staff the import added has tasks, evidence, reviews or tutees "
                                      "recorded since, so the import was not undone."));
        for (const RowId id : result.subjects.created)
            if (used("SELECT (SELECT count(*) FROM task WHERE subject_id = ?1 AND deleted = 0) + "
                     "(SELECT count(*) FROM target WHERE subject_id = ?1 AND deleted = 0) + "
                     "(SELECT count(*) FROM evidence WHERE subject_id = ?1 AND deleted = 0)",
                     id))
                throw StorageError(StorageError::Kind::Invalid,
                                   tr("A subject the import added has tasks, targets or evidence since, so the import "
                                      "was not undone."));
    }
    // Memberships and identities first on undo (they point at what was made), last on redo.
    if (!redo) {
        setup::revertMembershipChange(db, result.memberships, false);
        for (auto it = result.identities.rbegin(); it != result.identities.rend(); ++it)
            Repository<MisIdentity>(db).setDeleted(*it < 0 ? -*it : *it, *it > 0);
    }
    revertRows(db, result.groups, redo, changedSince);
    revertRows(db, result.pupils, redo, changedSince);
    revertRows(db, result.staff, redo, changedSince);
    revertRows(db, result.subjects, redo, changedSince);
    if (redo) {
        revertRows(db, result.evidence, redo, changedSince);
        revertRows(db, result.periods, redo, changedSince);
    }
    if (redo) {
        for (const RowId id : result.identities)
            Repository<MisIdentity>(db).setDeleted(id < 0 ? -id : id, id < 0);
        setup::revertMembershipChange(db, result.memberships, true);
    }
    transaction.commit();
}

} // namespace waymark::importing
