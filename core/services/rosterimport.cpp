#include "services/rosterimport.h"

#include "calendar/schoolcalendar.h"
#include "domain/entities.h"
#include "queries/rosterqueries.h"
#include "repo/content.h"
#include "repo/repository.h"
#include "services/groupsetup.h"
#include "services/importhistory.h"
#include "services/staffsetup.h"
#include "services/subjectsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QMultiHash>
#include <QSet>

namespace waymark::importing {

namespace {
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("RosterImport", text, disambiguation, n);
}

QString yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

QString dateText(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : tr("none");
}

// Puts the record's values into the pupil, and says what changed ("Year group: 6 → 7"). A value the
// file does not give (an empty cell, a column it does not have) leaves the pupil's own.
QStringList merge(Pupil& p, const exchange::RosterRecord& r)
{
    QStringList changes;
    const auto text = [&](QString& field, const QString& value, const QString& label) {
        if (!value.isEmpty() && field != value) {
            changes << tr("%1: %2 → %3").arg(label, field.isEmpty() ? tr("none") : field, value);
            field = value;
        }
    };
    text(p.upn, r.upn, tr("UPN"));
    text(p.legalFamilyName, r.legalFamilyName, tr("Legal surname"));
    text(p.legalGivenName, r.legalGivenName, tr("Legal forename"));
    text(p.legalMiddleNames, r.legalMiddleNames, tr("Middle names"));
    // A preferred name the same as the legal one is stored as "same" (empty).
    const QString preferredGiven = r.preferredGivenName == p.legalGivenName ? QString() : r.preferredGivenName;
    const QString preferredFamily = r.preferredFamilyName == p.legalFamilyName ? QString() : r.preferredFamilyName;
    text(p.preferredGivenName, preferredGiven, tr("Preferred forename"));
    text(p.preferredFamilyName, preferredFamily, tr("Preferred surname"));
    text(p.sex, r.sex, tr("Sex"));
    if (r.dateOfBirth.isValid() && p.dateOfBirth != r.dateOfBirth) {
        changes << tr("Date of birth: %1 → %2").arg(dateText(p.dateOfBirth), dateText(r.dateOfBirth));
        p.dateOfBirth = r.dateOfBirth;
    }
    if (r.yearGroup && p.yearGroup != r.yearGroup) {
        changes << tr("Year group: %1 → %2")
                       .arg(p.yearGroup ? QString::number(*p.yearGroup) : tr("none"), QString::number(*r.yearGroup));
        p.yearGroup = r.yearGroup;
    }
    if (r.sen && p.senStatus != *r.sen) {
        changes << tr("SEN: %1 → %2").arg(displayName(p.senStatus), displayName(*r.sen));
        p.senStatus = *r.sen;
    }
    const auto flag = [&](bool& field, const std::optional<bool>& value, const QString& label) {
        if (value && field != *value) {
            changes << tr("%1: %2 → %3").arg(label, yesNo(field), yesNo(*value));
            field = *value;
        }
    };
    flag(p.freeSchoolMeals, r.freeSchoolMeals, tr("Free school meals"));
    flag(p.pupilPremium, r.pupilPremium, tr("Pupil premium"));
    flag(p.eal, r.eal, tr("EAL"));
    flag(p.lookedAfter, r.lookedAfter, tr("Looked after"));
    return changes;
}

// Live pupils by legal name and date of birth, for rows without a UPN (or with one the school
// does not know yet).
QString nameKey(const QString& family, const QString& given, const QDate& born)
{
    return family.toCaseFolded() + QLatin1Char('\x1f') + given.toCaseFolded() + QLatin1Char('\x1f') +
           born.toString(Qt::ISODate);
}
// The ids one MIS gave to Waymark's records of one kind, for matching the next import.
QHash<QString, RowId> misIds(Database& db, const QString& source, const char* entity)
{
    QHash<QString, RowId> out;
    if (source.isEmpty())
        return out;
    auto s = db.prepare("SELECT mis_id, row_id FROM mis_identity WHERE deleted = 0 AND source = ?1 AND entity = ?2");
    s.bindAll(source, QString::fromLatin1(entity));
    while (s.step())
        out.insert(s.text(0), s.int64(1));
    return out;
}

// Puts a roster's member of staff into a Staff row, saying what changed; values the file leaves
// empty keep the row's own.
QStringList mergeStaff(Staff& s, const exchange::RosterStaff& r)
{
    QStringList changes;
    const auto text = [&](QString& field, const QString& value, const QString& label) {
        const QString v = value.simplified();
        if (!v.isEmpty() && field != v) {
            changes << tr("%1: %2 → %3").arg(label, field.isEmpty() ? tr("none") : field, v);
            field = v;
        }
    };
    text(s.title, r.title, tr("Title"));
    text(s.givenName, r.givenName, tr("Forename"));
    text(s.familyName, r.familyName, tr("Surname"));
    text(s.email, r.email, tr("E-mail"));
    text(s.role, r.role, tr("Role"));
    const QString display = setup::composeDisplayName(s.title, s.givenName, s.familyName);
    if (s.displayName.isEmpty() || !changes.isEmpty())
        s.displayName = display;
    return changes;
}

// Names as Waymark stores them (at most a name's length), so that a long one matches itself next time.
QString subjectNameOf(const exchange::RosterGroup& g)
{
    return (g.subject.isEmpty() ? g.subjectCode : g.subject).simplified().left(100);
}

QString kindText(GroupKind kind)
{
    switch (kind) {
    case GroupKind::Tutor:
        return tr("tutor group");
    case GroupKind::Set:
        return tr("set");
    case GroupKind::Class:
        break;
    }
    return tr("class");
}

// "1 pupil", "+3 pupils": without a translation loaded, Qt's %n plurals would read "pupil(s)".
QString pupilsText(int n, const char* sign)
{
    return QString::fromUtf8(sign) + (n == 1 ? tr("1 pupil") : tr("%1 pupils").arg(n));
}

// Who the roster's group holds, by Waymark id where the pupil is known (matched or already in the
// file), and how many new pupils of this import it also holds.
struct WantedMembers
{
    QSet<RowId> known;
    int fromNewRows = 0;
};
} // namespace

int ImportPlan::count(PlannedRow::Kind kind) const
{
    return int(std::count_if(rows.begin(), rows.end(), [kind](const PlannedRow& r) { return r.kind == kind; }));
}

ImportPlan planImport(Database& db, const exchange::Roster& roster, QDate today, const QString& source)
{
    Transaction read(db, Transaction::Kind::Read);
    ImportPlan plan;
    plan.source = source.simplified();
    plan.problems = roster.problems;
    plan.staffRecords = roster.staff;
    plan.groupRecords = roster.groups;
    const QHash<QString, RowId> pupilByMis = misIds(db, plan.source, "pupil");
    QHash<QString, RowId> pupilOfMisId; // the roster's pupil ids → Waymark's, for the groups
    QSet<QString> newMisIds;
    // Every live pupil once, in one statement: matched in memory, never one query a row.
    QHash<QString, RowId> byUpn;
    QHash<QString, RowId> byName;
    QMultiHash<QString, RowId> byNameOnly; // for rows with neither UPN nor date of birth
    std::vector<Pupil> all = Repository<Pupil>(db).all();
    QHash<RowId, std::size_t> indexOf;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Pupil& p = all[i];
        indexOf.insert(p.id, i);
        if (!p.upn.isEmpty())
            byUpn.insert(p.upn, p.id);
        if (p.dateOfBirth.isValid())
            byName.insert(nameKey(p.legalFamilyName, p.legalGivenName, p.dateOfBirth), p.id);
        byNameOnly.insert(nameKey(p.legalFamilyName, p.legalGivenName, QDate()), p.id);
    }
    // Each pupil's tutor group this academic year, in one statement.
    const int year = SchoolCalendar::academicYearOf(today);
    QHash<RowId, QString> tutorOf;
    {
        auto s = db.prepare("SELECT m.pupil_id, g.name FROM group_member m JOIN pupil_group g ON g.id = m.group_id "
                            "WHERE m.deleted = 0 AND g.deleted = 0 AND g.kind = 'tutor' AND g.academic_year = ?1");
        s.bindAll(year);
        while (s.step())
            tutorOf.insert(s.int64(0), s.text(1));
    }
    QSet<RowId> seen;
    QSet<QString> upnsInFile;
    for (const exchange::RosterRecord& r : roster.records) {
        PlannedRow row;
        row.line = r.line;
        row.record = r;
        row.flags = r.flags;
        row.name = r.legalFamilyName.isEmpty() || r.legalGivenName.isEmpty()
            ? QString(r.legalFamilyName + r.legalGivenName)
            : QString(r.legalFamilyName + QStringLiteral(", ") + r.legalGivenName);
        if (!r.rejected.isEmpty()) {
            row.kind = PlannedRow::Kind::Rejected;
            row.reason = r.rejected;
            plan.rows.push_back(std::move(row));
            continue;
        }
        if (const auto undated = std::count_if(r.assessments.begin(), r.assessments.end(),
                                               [](const exchange::RosterAssessment& a) { return !a.on.isValid(); });
            undated > 0)
            row.flags << (undated == 1 ? tr("1 assessment result has no date and was not taken")
                                       : tr("%1 assessment results have no date and were not taken").arg(undated));
        if (!r.upn.isEmpty() && upnsInFile.contains(r.upn)) {
            row.kind = PlannedRow::Kind::Rejected;
            row.reason = tr("the UPN %1 is on an earlier row of this file too").arg(r.upn);
            plan.rows.push_back(std::move(row));
            continue;
        }
        upnsInFile.insert(r.upn);
        RowId match = r.upn.isEmpty() ? 0 : byUpn.value(r.upn);
        if (match == 0 && !r.misId.isEmpty() && indexOf.contains(pupilByMis.value(r.misId))) {
            // An MIS may give a leaver's id to a new child: the same id with another UPN or
            // birthday is another child, never written over the first.
            const Pupil& holder = all[indexOf.value(pupilByMis.value(r.misId))];
            const bool otherUpn = !r.upn.isEmpty() && !holder.upn.isEmpty() && holder.upn != r.upn;
            const bool otherBirthday =
                r.dateOfBirth.isValid() && holder.dateOfBirth.isValid() && holder.dateOfBirth != r.dateOfBirth;
            const bool otherName = holder.legalFamilyName.compare(r.legalFamilyName, Qt::CaseInsensitive) != 0 &&
                                   holder.legalGivenName.compare(r.legalGivenName, Qt::CaseInsensitive) != 0;
            // A new surname, or a corrected birthday, is the same child; another name and birthday are not.
            if (otherUpn || (otherBirthday && otherName))
                row.flags << tr("the MIS's id %1 was %2's, whose UPN, or name and date of birth, differ: taken as "
                                "another pupil")
                                 .arg(r.misId, holder.displayName());
            else
                match = holder.id;
        }
        if (match == 0 && r.dateOfBirth.isValid()) {
            match = byName.value(nameKey(r.legalFamilyName, r.legalGivenName, r.dateOfBirth));
            if (match != 0) {
                const Pupil& existing = all[indexOf.value(match)];
                if (!r.upn.isEmpty() && !existing.upn.isEmpty() && existing.upn != r.upn) {
                    match = 0; // the same name and birthday, but another UPN: another child
                } else {
                    row.flags << tr("matched to the pupil of the same name and date of birth: check it is them");
                }
            }
        }
        if (match == 0 && r.upn.isEmpty() && !r.dateOfBirth.isValid()) {
            // Nothing but a name to go on: one pupil of that name is them (said, to check); more
            // than one cannot be told apart, and a new pupil might be a duplicate.
            const QList<RowId> named = byNameOnly.values(nameKey(r.legalFamilyName, r.legalGivenName, QDate()));
            if (named.size() > 1) {
                row.kind = PlannedRow::Kind::Rejected;
                row.reason = tr("%1 pupils are called %2 %3 and this row has no UPN or date of birth to tell "
                                "which")
                                 .arg(named.size())
                                 .arg(r.legalGivenName, r.legalFamilyName);
                plan.rows.push_back(std::move(row));
                continue;
            }
            if (named.size() == 1) {
                match = named.first();
                row.flags << tr("matched to the pupil of the same name (no UPN or date of birth): check it is them");
            }
        }
        if (match != 0 && seen.contains(match)) {
            row.kind = PlannedRow::Kind::Rejected;
            row.reason = tr("this pupil is on an earlier row of this file too");
            plan.rows.push_back(std::move(row));
            continue;
        }
        if (match == 0) {
            row.kind = PlannedRow::Kind::New;
            row.tutorGroup = r.tutorGroup;
            if (!r.misId.isEmpty())
                newMisIds.insert(r.misId);
        } else {
            seen.insert(match);
            if (!r.misId.isEmpty())
                pupilOfMisId.insert(r.misId, match);
            row.pupilId = match;
            Pupil copy = all[indexOf.value(match)];
            row.changes = merge(copy, r);
            const QString current = tutorOf.value(match);
            if (!r.tutorGroup.isEmpty() && current.compare(r.tutorGroup, Qt::CaseInsensitive) != 0) {
                row.changes << tr("Tutor group: %1 → %2").arg(current.isEmpty() ? tr("none") : current, r.tutorGroup);
                row.tutorGroup = r.tutorGroup;
            }
            if (const int periods = int(newPeriods(db, match, r).size()); periods > 0)
                row.changes << (periods == 1 ? tr("1 SEN or free school meals history entry to add")
                                             : tr("%1 SEN or free school meals history entries to add").arg(periods));
            if (const int results = int(newResults(db, match, r).size()); results > 0)
                row.changes << (results == 1 ? tr("1 stage assessment result to add") : tr("%1 stage assessment results to add").arg(results));
            row.kind = row.changes.isEmpty() ? PlannedRow::Kind::Unchanged : PlannedRow::Kind::Updated;
        }
        plan.rows.push_back(std::move(row));
    }
    // A row that could not be read still names a pupil: they are neither a leaver nor out of
    // their groups because of it.
    QSet<RowId> heldBack;
    for (const PlannedRow& row : plan.rows) {
        if (row.kind != PlannedRow::Kind::Rejected)
            continue;
        const exchange::RosterRecord& r = row.record;
        if (!r.upn.isEmpty() && byUpn.contains(r.upn))
            heldBack.insert(byUpn.value(r.upn));
        if (!r.misId.isEmpty() && indexOf.contains(pupilByMis.value(r.misId)))
            heldBack.insert(pupilByMis.value(r.misId));
        if (r.dateOfBirth.isValid() && byName.contains(nameKey(r.legalFamilyName, r.legalGivenName, r.dateOfBirth)))
            heldBack.insert(byName.value(nameKey(r.legalFamilyName, r.legalGivenName, r.dateOfBirth)));
        if (!r.legalFamilyName.isEmpty())
            for (const RowId id : byNameOnly.values(nameKey(r.legalFamilyName, r.legalGivenName, QDate())))
                heldBack.insert(id);
    }
    plan.heldBack.assign(heldBack.begin(), heldBack.end());
    for (const PupilSummary& p : pupilsOnRoll(db, today))
        if (!seen.contains(p.id) && !heldBack.contains(p.id))
            plan.notInFile.push_back(p.id);

    // Staff: by the MIS's id, then e-mail, then name.
    const QHash<QString, RowId> staffByMis = misIds(db, plan.source, "staff");
    const std::vector<Staff> allStaff = Repository<Staff>(db).all();
    QHash<RowId, const Staff*> staffById;
    for (const Staff& st : allStaff)
        staffById.insert(st.id, &st);
    QSet<RowId> staffSeen;
    QHash<QString, RowId> staffOfMisId;
    for (const exchange::RosterStaff& r : roster.staff) {
        PlannedItem item;
        item.line = r.line;
        item.flags = r.flags;
        item.name = setup::composeDisplayName(r.title, r.givenName, r.familyName);
        if (!r.rejected.isEmpty()) {
            item.kind = PlannedItem::Kind::Rejected;
            item.reason = r.rejected;
            plan.staff.push_back(std::move(item));
            continue;
        }
        RowId match = staffById.contains(staffByMis.value(r.misId)) ? staffByMis.value(r.misId) : 0;
        for (const Staff& st : allStaff) {
            if (match != 0)
                break;
            if (!r.email.isEmpty() && st.email.compare(r.email.simplified(), Qt::CaseInsensitive) == 0)
                match = st.id;
        }
        for (const Staff& st : allStaff) {
            if (match != 0)
                break;
            if (!r.familyName.isEmpty() && st.familyName.compare(r.familyName.simplified(), Qt::CaseInsensitive) == 0 &&
                st.givenName.compare(r.givenName.simplified(), Qt::CaseInsensitive) == 0) {
                match = st.id;
                item.flags << tr("matched to the member of staff of the same name: check it is them");
            }
        }
        if (match != 0 && staffSeen.contains(match)) {
            item.kind = PlannedItem::Kind::Rejected;
            item.reason = tr("this member of staff is on an earlier row of this file too");
        } else if (match == 0) {
            item.kind = PlannedItem::Kind::New;
        } else {
            staffSeen.insert(match);
            item.id = match;
            if (!r.misId.isEmpty())
                staffOfMisId.insert(r.misId, match);
            Staff copy = *staffById.value(match);
            item.changes = mergeStaff(copy, r);
            item.kind = item.changes.isEmpty() ? PlannedItem::Kind::Unchanged : PlannedItem::Kind::Updated;
        }
        plan.staff.push_back(std::move(item));
    }

    // Groups of this academic year: by the MIS's id, then by name.
    const QHash<QString, RowId> groupByMis = misIds(db, plan.source, "pupil_group");
    const std::vector<Group> groupsOfYear = Repository<Group>(db).where("academic_year = ?1", year);
    QHash<RowId, const Group*> groupById;
    for (const Group& g : groupsOfYear)
        groupById.insert(g.id, &g);
    QSet<RowId> groupsSeen;
    for (const exchange::RosterGroup& r : roster.groups) {
        PlannedItem item;
        item.line = r.line;
        item.flags = r.flags;
        item.name = r.name.simplified().left(100);
        if (!r.rejected.isEmpty()) {
            item.kind = PlannedItem::Kind::Rejected;
            item.reason = r.rejected;
            plan.groups.push_back(std::move(item));
            continue;
        }
        RowId match = groupById.contains(groupByMis.value(r.misId)) ? groupByMis.value(r.misId) : 0;
        for (const Group& g : groupsOfYear) {
            if (match != 0)
                break;
            // By name only a group of the same kind: a tutor group 7R is not the class 7R, and a
            // group made by hand is never turned into another kind.
            if (g.kind == r.kind && g.name.compare(item.name, Qt::CaseInsensitive) == 0)
                match = g.id;
        }
        WantedMembers wanted;
        for (const QString& misId : r.pupilMisIds) {
            if (pupilOfMisId.contains(misId))
                wanted.known.insert(pupilOfMisId.value(misId));
            else if (newMisIds.contains(misId))
                ++wanted.fromNewRows;
        }
        if (match != 0 && groupsSeen.contains(match)) {
            item.kind = PlannedItem::Kind::Rejected;
            item.reason = tr("this group is on an earlier row of this file too");
            plan.groups.push_back(std::move(item));
            continue;
        }
        if (match == 0) {
            item.kind = PlannedItem::Kind::New;
            item.changes << pupilsText(int(wanted.known.size()) + wanted.fromNewRows, "");
            plan.groups.push_back(std::move(item));
            continue;
        }
        groupsSeen.insert(match);
        item.id = match;
        const Group& g = *groupById.value(match);
        if (g.name != item.name && !item.name.isEmpty())
            item.changes << tr("Name: %1 → %2").arg(g.name, item.name);
        if (g.kind != r.kind)
            item.changes << tr("Kind: %1 → %2").arg(kindText(g.kind), kindText(r.kind));
        if (r.yearGroup && g.yearGroup != r.yearGroup)
            item.changes << tr("Year group: %1 → %2")
                                .arg(g.yearGroup ? QString::number(*g.yearGroup) : tr("none"))
                                .arg(*r.yearGroup);
        const QString subject = subjectNameOf(r);
        if (!subject.isEmpty()) {
            const std::optional<RowId> subjectId = setup::findSubject(db, subject);
            if (!subjectId || g.subjectId != subjectId)
                item.changes << tr("Subject: %1").arg(subject);
        }
        if (!r.teacherMisIds.isEmpty()) {
            const RowId teacher = staffOfMisId.value(r.teacherMisIds.first());
            if (teacher == 0 || g.teacherId != teacher)
                item.changes << tr("Teacher changes");
        }
        const std::vector<RowId> current = setup::membersOf(db, match);
        const QSet<RowId> now(current.begin(), current.end());
        const int joining = int((wanted.known - now).size()) + wanted.fromNewRows;
        const int leaving = int((now - wanted.known - heldBack).size());
        if (joining > 0)
            item.changes << pupilsText(joining, "+");
        if (leaving > 0)
            item.changes << pupilsText(leaving, "−");
        item.kind = item.changes.isEmpty() ? PlannedItem::Kind::Unchanged : PlannedItem::Kind::Updated;
        plan.groups.push_back(std::move(item));
    }
    return plan;
}

namespace {
// Keeps the MIS's id for a record, once per source and id.
void rememberMisId(Database& db, ImportResult& result, const QString& source, const char* entity, RowId rowId,
                   const QString& misId)
{
    if (source.isEmpty() || misId.isEmpty())
        return;
    auto s = db.prepare("SELECT row_id FROM mis_identity WHERE deleted = 0 AND source = ?1 AND entity = ?2 AND "
                        "mis_id = ?3");
    s.bindAll(source, QString::fromLatin1(entity), misId);
    if (s.step()) {
        if (s.int64(0) == rowId)
            return;
        // The MIS gave this id to another record before (a re-used id): the newer holder keeps it.
        auto old = db.prepare("SELECT id FROM mis_identity WHERE deleted = 0 AND source = ?1 AND entity = ?2 AND "
                              "mis_id = ?3");
        old.bindAll(source, QString::fromLatin1(entity), misId);
        std::vector<RowId> stale;
        while (old.step())
            stale.push_back(old.int64(0));
        for (const RowId id : stale) {
            Repository<MisIdentity>(db).setDeleted(id, true);
            result.identities.push_back(-id); // negative: tombstoned by the import
        }
    }
    MisIdentity identity;
    identity.source = source;
    identity.entity = QString::fromLatin1(entity);
    identity.rowId = rowId;
    identity.misId = misId;
    result.identities.push_back(Repository<MisIdentity>(db).insert(identity));
}

template <class T>
void recordUpdate(Repository<T>& repo, ImportResult::Changed<T>& changed, const T& before, T& after)
{
    repo.update(after);
    changed.before.push_back(before);
    changed.after.push_back(after);
}

StorageError stale(int line, const QString& what)
{
    return StorageError(StorageError::Kind::Invalid,
                        QCoreApplication::translate("RosterImport",
                                                    "Row %1: %2 changed since the preview. Preview the import again.")
                            .arg(line)
                            .arg(what));
}
} // namespace

ImportResult applyImport(Database& db, const ImportPlan& plan, QDate today, Leavers leavers,
                         const std::function<bool(int, int)>& progress)
{
    Transaction write(db);
    Repository<Pupil> pupils(db);
    Repository<Staff> staffRepo(db);
    Repository<Group> groupRepo(db);
    const int year = SchoolCalendar::academicYearOf(today);
    ImportResult result;
    const int total = int(plan.rows.size() + plan.staff.size() + plan.groups.size()) +
                      (leavers == Leavers::Mark ? int(plan.notInFile.size()) : 0);
    int done = 0;
    const auto step = [&] {
        ++done;
        if (progress && (done % 50 == 0 || done == total) && !progress(done, total))
            throw StorageError(StorageError::Kind::Invalid, tr("The import was cancelled; nothing was changed."));
    };

    // Staff first, so that groups can name their teachers.
    QHash<QString, RowId> staffOfMisId;
    for (const PlannedItem& item : plan.staff) {
        const std::size_t i = std::size_t(&item - plan.staff.data());
        const exchange::RosterStaff& r = plan.staffRecords.at(i);
        RowId id = item.id;
        if (item.kind == PlannedItem::Kind::New) {
            Staff st;
            mergeStaff(st, r);
            id = staffRepo.insert(st);
            result.staff.created.push_back(id);
            ++result.staffCreated;
        } else if (item.kind == PlannedItem::Kind::Updated) {
            std::optional<Staff> st = staffRepo.find(id);
            if (!st)
                throw stale(item.line, item.name);
            const Staff before = *st;
            mergeStaff(*st, r);
            recordUpdate(staffRepo, result.staff, before, *st);
            ++result.staffUpdated;
        }
        if (id != 0 && item.kind != PlannedItem::Kind::Rejected) {
            staffOfMisId.insert(r.misId, id);
            rememberMisId(db, result, plan.source, "staff", id, r.misId);
        }
        step();
    }

    QHash<QString, RowId> pupilOfMisId;
    // A pupil added by this import is in no group yet: their membership is made directly (no
    // savepoint, no look-up of the tutor groups they would leave); a known pupil is moved.
    const auto intoTutorGroup = [&](RowId pupilId, const QString& name, std::optional<int> yearGroup, bool added) {
        const QString trimmed = name.simplified();
        auto s = db.prepare("SELECT id FROM pupil_group WHERE deleted = 0 AND kind = 'tutor' AND academic_year = ?1 "
                            "AND name = ?2 COLLATE NOCASE ORDER BY id LIMIT 1");
        s.bindAll(year, trimmed);
        RowId groupId = s.step() ? s.int64(0) : 0;
        if (groupId == 0) {
            groupId = setup::ensureTutorGroup(db, trimmed, year, yearGroup);
            result.groups.created.push_back(groupId);
            ++result.groupsCreated;
        }
        if (added) {
            GroupMember m;
            m.groupId = groupId;
            m.pupilId = pupilId;
            result.memberships.added.push_back(Repository<GroupMember>(db).insert(m));
        } else {
            result.memberships.append(setup::moveToTutorGroup(db, pupilId, groupId));
        }
    };
    // The rung of each built-in scale's result, looked up once per scale and rung.
    QHash<QString, OptionalId> rungOf;
    const auto rungFor = [&](const QString& scaleCode, const QString& rungCode) {
        const QString key = scaleCode + QLatin1Char('\x1f') + rungCode;
        if (const auto it = rungOf.constFind(key); it != rungOf.constEnd())
            return *it;
        OptionalId rung;
        auto s = db.prepare("SELECT r.id FROM rung r JOIN scale c ON c.id = r.scale_id WHERE c.code = ?1 "
                            "AND r.code = ?2 AND r.deleted = 0 AND c.deleted = 0 LIMIT 1");
        s.bindAll(scaleCode, rungCode);
        if (s.step())
            rung = s.int64(0);
        rungOf.insert(key, rung);
        return rung;
    };
    // A pupil this import added has no results yet: theirs are not looked for.
    const auto addResults = [&](RowId pupilId, const exchange::RosterRecord& r, bool added) {
        for (PupilPeriod& p : newPeriods(db, added ? 0 : pupilId, r)) {
            p.pupilId = pupilId;
            result.periods.created.push_back(Repository<PupilPeriod>(db).insert(p));
        }
        for (const exchange::RosterAssessment* a : newResults(db, added ? 0 : pupilId, r)) {
            Evidence e;
            e.pupilId = pupilId;
            e.kind = a->method == QLatin1String("TT") ? EvidenceKind::Quiz : EvidenceKind::Observation;
            e.recordedOn = a->on;
            e.note = assessmentNote(*a);
            if (!a->scaleCode.isEmpty() && !a->rungCode.isEmpty())
                e.rungId = rungFor(a->scaleCode, a->rungCode);
            result.evidence.created.push_back(Repository<Evidence>(db).insert(e));
            ++result.resultsAdded;
        }
    };
    for (const PlannedRow& row : plan.rows) {
        if (row.kind != PlannedRow::Kind::Rejected && row.kind != PlannedRow::Kind::New)
            addResults(row.pupilId, row.record, false);
        switch (row.kind) {
        case PlannedRow::Kind::Rejected:
            break;
        case PlannedRow::Kind::Unchanged:
            ++result.unchanged;
            pupilOfMisId.insert(row.record.misId, row.pupilId);
            rememberMisId(db, result, plan.source, "pupil", row.pupilId, row.record.misId);
            break;
        case PlannedRow::Kind::New: {
            if (!row.record.upn.isEmpty() && findPupilByUpn(db, row.record.upn))
                throw StorageError(StorageError::Kind::Invalid,
                                   tr("Row %1: a pupil with the UPN %2 was added since the preview. Preview the "
                                      "import again.")
                                       .arg(row.line)
                                       .arg(row.record.upn));
            Pupil p;
            merge(p, row.record);
            p.startedOn = row.record.startedOn.isValid() ? row.record.startedOn : today;
            const RowId id = pupils.insert(p);
            result.pupils.created.push_back(id);
            pupilOfMisId.insert(row.record.misId, id);
            rememberMisId(db, result, plan.source, "pupil", id, row.record.misId);
            if (!row.tutorGroup.isEmpty())
                intoTutorGroup(id, row.tutorGroup, row.record.yearGroup, true);
            addResults(id, row.record, true);
            ++result.created;
            break;
        }
        case PlannedRow::Kind::Updated: {
            std::optional<Pupil> p = pupils.find(row.pupilId);
            if (!p)
                throw StorageError(StorageError::Kind::Invalid,
                                   tr("Row %1: %2 is no longer in the school file. Preview the import again.")
                                       .arg(row.line)
                                       .arg(row.name));
            const Pupil before = *p;
            merge(*p, row.record);
            if (!sameContent(before, *p))
                recordUpdate(pupils, result.pupils, before, *p);
            pupilOfMisId.insert(row.record.misId, p->id);
            rememberMisId(db, result, plan.source, "pupil", p->id, row.record.misId);
            if (!row.tutorGroup.isEmpty())
                intoTutorGroup(p->id, row.tutorGroup, row.record.yearGroup, false);
            ++result.updated;
            break;
        }
        }
        step();
    }

    // Groups, with their subjects, teachers and exactly the members the file lists (a pupil whose
    // row could not be read keeps their place).
    const QSet<RowId> heldBack(plan.heldBack.begin(), plan.heldBack.end());
    for (const PlannedItem& item : plan.groups) {
        const std::size_t i = std::size_t(&item - plan.groups.data());
        const exchange::RosterGroup& r = plan.groupRecords.at(i);
        if (item.kind == PlannedItem::Kind::Rejected) {
            step();
            continue;
        }
        OptionalId subjectId;
        if (const QString subject = subjectNameOf(r); !subject.isEmpty()) {
            subjectId = setup::findSubject(db, subject);
            if (!subjectId) {
                Subject sub;
                sub.name = subject.left(100);
                sub.code = r.subject.isEmpty() ? QString() : r.subjectCode.simplified().left(100);
                subjectId = Repository<Subject>(db).insert(sub);
                result.subjects.created.push_back(*subjectId);
                ++result.subjectsCreated;
            }
        }
        OptionalId teacherId;
        for (const QString& misId : r.teacherMisIds) {
            if (staffOfMisId.contains(misId)) {
                teacherId = staffOfMisId.value(misId);
                break;
            }
        }
        RowId id = item.id;
        if (item.kind == PlannedItem::Kind::New) {
            Group g;
            g.name = item.name.left(100);
            g.kind = r.kind;
            g.subjectId = subjectId;
            g.yearGroup = r.yearGroup;
            g.academicYear = year;
            g.teacherId = teacherId;
            id = groupRepo.insert(g);
            result.groups.created.push_back(id);
            ++result.groupsCreated;
        } else {
            std::optional<Group> g = groupRepo.find(id);
            if (!g)
                throw stale(item.line, item.name);
            const Group before = *g;
            if (!item.name.isEmpty())
                g->name = item.name.left(100);
            g->kind = r.kind;
            if (subjectId)
                g->subjectId = subjectId;
            if (r.yearGroup)
                g->yearGroup = r.yearGroup;
            if (teacherId)
                g->teacherId = teacherId;
            if (!sameContent(before, *g)) {
                recordUpdate(groupRepo, result.groups, before, *g);
                ++result.groupsUpdated;
            }
        }
        rememberMisId(db, result, plan.source, "pupil_group", id, r.misId);
        QSet<RowId> wanted;
        for (const QString& misId : r.pupilMisIds)
            if (pupilOfMisId.contains(misId))
                wanted.insert(pupilOfMisId.value(misId));
        const std::vector<RowId> current = setup::membersOf(db, id);
        const QSet<RowId> now(current.begin(), current.end());
        std::vector<RowId> joining(wanted.begin(), wanted.end());
        std::sort(joining.begin(), joining.end());
        std::vector<RowId> leaving;
        for (const RowId pupil : current)
            if (!wanted.contains(pupil) && !heldBack.contains(pupil))
                leaving.push_back(pupil);
        result.memberships.append(setup::addMembers(db, id, joining));
        result.memberships.append(setup::removeMembers(db, id, leaving));
        step();
    }

    if (leavers == Leavers::Mark) {
        for (const RowId id : plan.notInFile) {
            if (std::optional<Pupil> p = pupils.find(id); p && !p->leftOn.isValid()) {
                const Pupil before = *p;
                p->leftOn = today;
                recordUpdate(pupils, result.pupils, before, *p);
                ++result.markedLeft;
            }
            step();
        }
    }
    write.commit();
    return result;
}

} // namespace waymark::importing
