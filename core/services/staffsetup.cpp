#include "services/staffsetup.h"

#include "domain/entities.h"
#include "domain/fieldlimits.h"
#include "repo/repository.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace waymark::setup {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("StaffSetup", text);
}

StaffDetails tidied(const StaffDetails& typed)
{
    StaffDetails d = typed;
    for (QString* value : {&d.title, &d.givenName, &d.familyName, &d.displayName, &d.email, &d.role})
        *value = value->simplified();
    if (d.displayName.isEmpty())
        d.displayName = composeDisplayName(d.title, d.givenName, d.familyName);
    return d;
}

StaffDetails detailsOf(const Staff& s)
{
    return {s.title, s.givenName, s.familyName, s.displayName, s.email, s.role};
}

void copyInto(Staff& s, const StaffDetails& d)
{
    s.title = d.title;
    s.givenName = d.givenName;
    s.familyName = d.familyName;
    s.displayName = d.displayName;
    s.email = d.email;
    s.role = d.role;
}

StorageError gone()
{
    return StorageError(StorageError::Kind::Invalid, tr("That member of staff is no longer in this school file."));
}
} // namespace

QString composeDisplayName(const QString& title, const QString& givenName, const QString& familyName)
{
    const QString t = title.simplified();
    const QString g = givenName.simplified();
    const QString f = familyName.simplified();
    if (t.isEmpty())
        return QString(g + QLatin1Char(' ') + f).simplified();
    return QString(t + QLatin1Char(' ') + (g.isEmpty() ? QString() : g.left(1)) + QLatin1Char(' ') + f).simplified();
}

QStringList problemsWithStaff(const StaffDetails& typed)
{
    const StaffDetails d = tidied(typed);
    QStringList problems;
    if (d.familyName.isEmpty())
        problems << tr("Type the member of staff's surname.");
    for (const QString* value : {&d.title, &d.givenName, &d.familyName, &d.displayName, &d.email, &d.role})
        if (value->size() > limits::kName)
            problems << tr("A name, e-mail address or role can have at most %1 characters; one here has %2.")
                            .arg(limits::kName)
                            .arg(value->size());
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!d.email.isEmpty() && !email.match(d.email).hasMatch())
        problems << tr("“%1” is not an e-mail address (name@school.sch.uk).").arg(limits::shortened(d.email));
    return problems;
}

std::vector<StaffMember> staffList(Database& db, bool includeLeft)
{
    std::vector<StaffMember> out;
    const std::vector<Staff> rows =
        Repository<Staff>(db).where(includeLeft ? "1 ORDER BY left_on IS NOT NULL, family_name COLLATE NOCASE, "
                                                  "given_name COLLATE NOCASE, id"
                                                : "left_on IS NULL ORDER BY family_name COLLATE NOCASE, "
                                                  "given_name COLLATE NOCASE, id");
    out.reserve(rows.size());
    for (const Staff& s : rows)
        out.push_back({s.id, detailsOf(s), s.leftOn});
    return out;
}

std::optional<StaffMember> staffMember(Database& db, RowId id)
{
    const std::optional<Staff> s = Repository<Staff>(db).find(id);
    if (!s)
        return std::nullopt;
    return StaffMember{s->id, detailsOf(*s), s->leftOn};
}

RowId addStaff(Database& db, const StaffDetails& typed)
{
    if (const QStringList problems = problemsWithStaff(typed); !problems.isEmpty())
        throw StorageError(StorageError::Kind::Invalid, problems.join(QLatin1Char(' ')));
    Transaction transaction(db);
    Staff staff;
    copyInto(staff, tidied(typed));
    const RowId id = Repository<Staff>(db).insert(staff);
    transaction.commit();
    return id;
}

void changeStaff(Database& db, RowId id, const StaffDetails& typed, const StaffDetails* expected, Check check)
{
    Transaction transaction(db);
    Repository<Staff> repo(db);
    std::optional<Staff> staff = repo.find(id);
    if (!staff)
        throw gone();
    if (expected && detailsOf(*staff) != *expected)
        throw StorageError(StorageError::Kind::Invalid,
                           tr("%1's details were changed elsewhere (perhaps in another window) since you began, so "
                              "yours were not saved. Look at them again and make your change once more.")
                               .arg(limits::shortened(staff->displayName)));
    const StaffDetails details = check == Check::None ? typed : tidied(typed);
    if (check == Check::Values) {
        if (const QStringList problems = problemsWithStaff(details); !problems.isEmpty())
            throw StorageError(StorageError::Kind::Invalid, problems.join(QLatin1Char(' ')));
    }
    if (detailsOf(*staff) == details) {
        transaction.commit();
        return;
    }
    copyInto(*staff, details);
    repo.update(*staff);
    transaction.commit();
}

void setStaffLeftOn(Database& db, RowId id, QDate leftOn)
{
    Transaction transaction(db);
    Repository<Staff> repo(db);
    std::optional<Staff> staff = repo.find(id);
    if (!staff)
        throw gone();
    const QDate value = leftOn.isValid() ? leftOn : QDate();
    if (staff->leftOn == value) {
        transaction.commit();
        return;
    }
    staff->leftOn = value;
    repo.update(*staff);
    transaction.commit();
}

void setAddedStaffWithdrawn(Database& db, RowId id, bool withdrawn)
{
    Transaction transaction(db);
    if (withdrawn) {
        auto s = db.prepare("SELECT (SELECT count(*) FROM pupil_group WHERE teacher_id = ?1 AND deleted = 0) + "
                            "(SELECT count(*) FROM task WHERE set_by_id = ?1 AND deleted = 0) + "
                            "(SELECT count(*) FROM evidence WHERE recorded_by_id = ?1 AND deleted = 0) + "
                            "(SELECT count(*) FROM review WHERE reviewer_id = ?1 AND deleted = 0) + "
                            "(SELECT count(*) FROM pupil WHERE learning_guide_id = ?1 AND deleted = 0)");
        s.bindAll(id);
        if (s.step() && s.int64(0) > 0)
            throw StorageError(StorageError::Kind::Invalid,
                               tr("This member of staff has groups, tasks, evidence or reviews recorded since being "
                                  "added, so adding them is not undone. Mark them as left instead."));
        if (whoIAm(db) == id)
            setWhoIAm(db, std::nullopt);
    }
    Repository<Staff>(db).setDeleted(id, withdrawn);
    transaction.commit();
}

std::optional<RowId> whoIAm(Database& db)
{
    auto s = db.prepare("SELECT s.id FROM meta m JOIN staff s ON s.uuid = m.value "
                        "WHERE m.key = 'who_i_am' AND s.deleted = 0");
    if (!s.step())
        return std::nullopt;
    return s.int64(0);
}

void setWhoIAm(Database& db, std::optional<RowId> staffId)
{
    Transaction transaction(db);
    if (!staffId) {
        db.prepare("DELETE FROM meta WHERE key = 'who_i_am'").run();
    } else {
        const std::optional<Staff> staff = Repository<Staff>(db).find(*staffId);
        if (!staff)
            throw gone();
        db.prepare("INSERT INTO meta(key, value) VALUES('who_i_am', ?1) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bind(1, staff->uuid)
            .run();
    }
    transaction.commit();
}

} // namespace waymark::setup
