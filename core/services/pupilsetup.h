#pragma once

#include "domain/entity.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace waymark {

class Database;

// The set-up workflow's pupils: added by hand, marked as left, re-admitted. Used alike by the app's
// undo commands and by waymark-cli; every change is one transaction.
namespace setup {

struct NewPupil
{
    QString upn; // as typed: tidied (spaces, case) before it is checked
    QString legalGivenName;
    QString legalMiddleNames;
    QString legalFamilyName;
    QString preferredGivenName;
    QString preferredFamilyName;
    QDate dateOfBirth;
    QString sex;
    std::optional<int> yearGroup;
    QDate startedOn;
};

// What is wrong with a new pupil, one sentence each for the teacher (empty when none): the UPN's
// check letter (with the letter it should have), a UPN another pupil has (naming them), missing
// names, names too long, a date of birth in the future or not of school age on `today`.
QStringList problemsWithNewPupil(Database& db, const NewPupil& pupil, QDate today);

// Adds the pupil (UPN tidied, names trimmed) and returns their id. Throws StorageError(Kind::Invalid)
// with the problems, writing nothing, if there are any.
RowId addPupil(Database& db, const NewPupil& pupil, QDate today);

// Takes back a pupil added by mistake (an undone "Add pupil"), or brings them back (redone): the
// row is tombstoned, never erased. Refused (StorageError, Kind::Invalid) once anything else has
// been recorded for them, such as a plan, a target, evidence or a group: then they are marked as
// left instead.
void setAddedPupilWithdrawn(Database& db, RowId pupilId, bool withdrawn);

// Marks a pupil as having left on `leftOn` (never deleted: their plan and evidence stay), or, with
// an invalid date, re-admits them. Throws StorageError(Kind::Invalid) for a leaving date before
// they started, or for a pupil not in the file.
void setLeftOn(Database& db, RowId pupilId, QDate leftOn);

// A pupil's name and dates on roll, for asking about leaving or re-admitting them.
struct PupilStanding
{
    QString name; // "Emre Aydın", the preferred names
    QDate startedOn;
    QDate leftOn; // invalid: on roll
};
std::optional<PupilStanding> pupilStanding(Database& db, RowId pupilId);

} // namespace setup
} // namespace waymark
