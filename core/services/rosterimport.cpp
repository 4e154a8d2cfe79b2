#include "services/rosterimport.h"

#include "calendar/schoolcalendar.h"
#include "domain/entities.h"
#include "queries/rosterqueries.h"
#include "repo/repository.h"
#include "services/groupsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QMultiHash>
#include <QSet>

namespace waymark::importing {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("RosterImport", text);
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
} // namespace

int ImportPlan::count(PlannedRow::Kind kind) const
{
    return int(std::count_if(rows.begin(), rows.end(), [kind](const PlannedRow& r) { return r.kind == kind; }));
}

ImportPlan planImport(Database& db, const exchange::Roster& roster, QDate today)
{
    Transaction read(db, Transaction::Kind::Read);
    ImportPlan plan;
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
        row.name = r.legalFamilyName + QStringLiteral(", ") + r.legalGivenName;
        if (!r.rejected.isEmpty()) {
            row.kind = PlannedRow::Kind::Rejected;
            row.reason = r.rejected;
            plan.rows.push_back(std::move(row));
            continue;
        }
        if (!r.upn.isEmpty() && upnsInFile.contains(r.upn)) {
            row.kind = PlannedRow::Kind::Rejected;
            row.reason = tr("the UPN %1 is on an earlier row of this file too").arg(r.upn);
            plan.rows.push_back(std::move(row));
            continue;
        }
        upnsInFile.insert(r.upn);
        RowId match = r.upn.isEmpty() ? 0 : byUpn.value(r.upn);
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
        } else {
            seen.insert(match);
            row.pupilId = match;
            Pupil copy = all[indexOf.value(match)];
            row.changes = merge(copy, r);
            const QString current = tutorOf.value(match);
            if (!r.tutorGroup.isEmpty() && current.compare(r.tutorGroup, Qt::CaseInsensitive) != 0) {
                row.changes << tr("Tutor group: %1 → %2").arg(current.isEmpty() ? tr("none") : current, r.tutorGroup);
                row.tutorGroup = r.tutorGroup;
            }
            row.kind = row.changes.isEmpty() ? PlannedRow::Kind::Unchanged : PlannedRow::Kind::Updated;
        }
        plan.rows.push_back(std::move(row));
    }
    for (const PupilSummary& p : pupilsOnRoll(db, today))
        if (!seen.contains(p.id))
            plan.notInFile.push_back(p.id);
    return plan;
}

ImportResult applyImport(Database& db, const ImportPlan& plan, QDate today, Leavers leavers,
                         const std::function<bool(int, int)>& progress)
{
    Transaction write(db);
    Repository<Pupil> pupils(db);
    const int year = SchoolCalendar::academicYearOf(today);
    ImportResult result;
    const int total = int(plan.rows.size()) + (leavers == Leavers::Mark ? int(plan.notInFile.size()) : 0);
    int done = 0;
    const auto step = [&] {
        ++done;
        if (progress && (done % 50 == 0 || done == total) && !progress(done, total))
            throw StorageError(StorageError::Kind::Invalid, tr("The import was cancelled; nothing was changed."));
    };
    for (const PlannedRow& row : plan.rows) {
        switch (row.kind) {
        case PlannedRow::Kind::Rejected:
            break;
        case PlannedRow::Kind::Unchanged:
            ++result.unchanged;
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
            p.startedOn = today;
            const RowId id = pupils.insert(p);
            if (!row.tutorGroup.isEmpty())
                setup::moveToTutorGroup(db, id,
                                        setup::ensureTutorGroup(db, row.tutorGroup, year, row.record.yearGroup));
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
            merge(*p, row.record);
            pupils.update(*p);
            if (!row.tutorGroup.isEmpty())
                setup::moveToTutorGroup(db, p->id,
                                        setup::ensureTutorGroup(db, row.tutorGroup, year, row.record.yearGroup));
            ++result.updated;
            break;
        }
        }
        step();
    }
    if (leavers == Leavers::Mark) {
        for (const RowId id : plan.notInFile) {
            if (std::optional<Pupil> p = pupils.find(id); p && !p->leftOn.isValid()) {
                p->leftOn = today;
                pupils.update(*p);
                ++result.markedLeft;
            }
            step();
        }
    }
    write.commit();
    return result;
}

} // namespace waymark::importing
