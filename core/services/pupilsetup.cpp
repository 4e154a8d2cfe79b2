#include "services/pupilsetup.h"

#include "domain/entities.h"
#include "domain/fieldlimits.h"
#include "domain/upn.h"
#include "queries/rosterqueries.h"
#include "repo/repository.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QLocale>

namespace waymark::setup {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("PupilSetup", text);
}

NewPupil tidied(const NewPupil& typed)
{
    NewPupil p = typed;
    p.upn = upn::normalise(typed.upn);
    for (QString* name : {&p.legalGivenName, &p.legalMiddleNames, &p.legalFamilyName, &p.preferredGivenName,
                          &p.preferredFamilyName, &p.sex})
        *name = name->simplified();
    return p;
}
} // namespace

QStringList problemsWithNewPupil(Database& db, const NewPupil& typed, QDate today)
{
    const NewPupil p = tidied(typed);
    QStringList problems;
    if (!p.upn.isEmpty()) {
        if (const upn::Problem problem = upn::validate(p.upn); problem != upn::Problem::None) {
            problems << upn::describe(problem, p.upn);
        } else if (const std::optional<RowId> other = findPupilByUpn(db, p.upn)) {
            const std::optional<Pupil> them = Repository<Pupil>(db).find(*other);
            const QString name = them ? them->legalGivenName + QLatin1Char(' ') + them->legalFamilyName : QString();
            problems << tr("%1 already has the UPN %2. Check the number; a pupil is added once.")
                            .arg(limits::shortened(name, limits::kName), p.upn);
        }
    }
    if (p.legalGivenName.isEmpty())
        problems << tr("Type the pupil's legal first name.");
    if (p.legalFamilyName.isEmpty())
        problems << tr("Type the pupil's legal surname.");
    for (const QString* name :
         {&p.legalGivenName, &p.legalMiddleNames, &p.legalFamilyName, &p.preferredGivenName, &p.preferredFamilyName})
        if (name->size() > limits::kName)
            problems
                << tr("A name can have at most %1 characters; one here has %2.").arg(limits::kName).arg(name->size());
    if (p.dateOfBirth.isValid()) {
        if (p.dateOfBirth > today)
            problems << tr("The date of birth, %1, is after today.")
                            .arg(QLocale().toString(p.dateOfBirth, QLocale::LongFormat));
        else if (p.dateOfBirth.addYears(25) < today)
            problems << tr("The date of birth, %1, would make the pupil over 25. Check the year.")
                            .arg(QLocale().toString(p.dateOfBirth, QLocale::LongFormat));
    }
    if (p.yearGroup && (*p.yearGroup < -2 || *p.yearGroup > 14))
        problems << tr("A year group is from Nursery (N1) to Year 14.");
    return problems;
}

RowId addPupil(Database& db, const NewPupil& typed, QDate today)
{
    Transaction transaction(db);
    if (const QStringList problems = problemsWithNewPupil(db, typed, today); !problems.isEmpty())
        throw StorageError(StorageError::Kind::Invalid, problems.join(QLatin1Char(' ')));
    const NewPupil p = tidied(typed);
    Pupil pupil;
    pupil.upn = p.upn;
    pupil.legalGivenName = p.legalGivenName;
    pupil.legalMiddleNames = p.legalMiddleNames;
    pupil.legalFamilyName = p.legalFamilyName;
    pupil.preferredGivenName = p.preferredGivenName == p.legalGivenName ? QString() : p.preferredGivenName;
    pupil.preferredFamilyName = p.preferredFamilyName == p.legalFamilyName ? QString() : p.preferredFamilyName;
    pupil.dateOfBirth = p.dateOfBirth;
    pupil.sex = p.sex;
    pupil.yearGroup = p.yearGroup;
    pupil.startedOn = p.startedOn.isValid() ? p.startedOn : today;
    const RowId id = Repository<Pupil>(db).insert(pupil);
    transaction.commit();
    return id;
}

void setAddedPupilWithdrawn(Database& db, RowId pupilId, bool withdrawn)
{
    Transaction transaction(db);
    if (withdrawn) {
        // Only a pupil with nothing recorded yet: a plan, a target, evidence or a group of theirs
        // would be hidden with them.
        auto s = db.prepare("SELECT (SELECT count(*) FROM learning_plan WHERE pupil_id = ?1 AND deleted = 0) + "
                            "(SELECT count(*) FROM target WHERE pupil_id = ?1 AND deleted = 0) + "
                            "(SELECT count(*) FROM evidence WHERE pupil_id = ?1 AND deleted = 0) + "
                            "(SELECT count(*) FROM group_member WHERE pupil_id = ?1 AND deleted = 0)");
        s.bindAll(pupilId);
        if (s.step() && s.int64(0) > 0)
            throw StorageError(StorageError::Kind::Invalid,
                               tr("This pupil has a plan, targets, evidence or groups recorded since being added, so "
                                  "adding them is not undone. Mark them as left instead."));
    }
    Repository<Pupil>(db).setDeleted(pupilId, withdrawn);
    transaction.commit();
}

void setLeftOn(Database& db, RowId pupilId, QDate leftOn)
{
    Transaction transaction(db);
    Repository<Pupil> pupils(db);
    std::optional<Pupil> pupil = pupils.find(pupilId);
    if (!pupil)
        throw StorageError(StorageError::Kind::Invalid, tr("That pupil is no longer in this school file."));
    if (leftOn.isValid() && pupil->startedOn.isValid() && leftOn < pupil->startedOn)
        throw StorageError(StorageError::Kind::Invalid,
                           tr("%1 started on %2, so cannot have left before that.")
                               .arg(pupil->legalGivenName + QLatin1Char(' ') + pupil->legalFamilyName,
                                    QLocale().toString(pupil->startedOn, QLocale::LongFormat)));
    pupil->leftOn = leftOn.isValid() ? leftOn : QDate();
    pupils.update(*pupil);
    transaction.commit();
}

std::optional<PupilStanding> pupilStanding(Database& db, RowId pupilId)
{
    const std::optional<Pupil> p = Repository<Pupil>(db).find(pupilId);
    if (!p)
        return std::nullopt;
    return PupilStanding{p->displayName(), p->startedOn, p->leftOn};
}

} // namespace waymark::setup
