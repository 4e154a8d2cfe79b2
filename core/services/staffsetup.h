#pragma once

#include "domain/entity.h"
#include "services/schoolsetup.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace waymark {

class Database;

// The set-up workflow's staff: added, edited, marked as left (never deleted), and "who I am" on
// this computer. Used alike by the app's undo commands and by waymark-cli; each change is one
// transaction.
namespace setup {

struct StaffDetails
{
    QString title; // "Mrs", "Mr", "Dr", "Mx", or empty
    QString givenName;
    QString familyName;
    QString displayName; // empty: made from the others ("Mrs J Patel")
    QString email;
    QString role; // "Teacher", "SENCo", "Head of Year 9"

    bool operator==(const StaffDetails&) const = default;
};

struct StaffMember
{
    RowId id = 0;
    StaffDetails details;
    QDate leftOn;
};

// How a member of staff is named where space is short: "Mrs J Patel", "Sam Okafor" with no title.
QString composeDisplayName(const QString& title, const QString& givenName, const QString& familyName);

// What is wrong with the details, one sentence each (empty when none): a surname is needed, no
// value longer than a name, an e-mail address must look like one.
QStringList problemsWithStaff(const StaffDetails& details);

// Everyone on the staff list, those who have left last, each list by surname.
std::vector<StaffMember> staffList(Database& db, bool includeLeft = true);
std::optional<StaffMember> staffMember(Database& db, RowId id);

// Adds a member of staff (values trimmed, display name made if empty). Throws
// StorageError(Kind::Invalid) with the problems, writing nothing.
RowId addStaff(Database& db, const StaffDetails& details);

// Changes a member of staff's details. With `expected`, refused (nothing written) if what is
// stored differs from it: someone changed them elsewhere since. Check::None puts back details as
// they were (an undo).
void changeStaff(Database& db, RowId id, const StaffDetails& details, const StaffDetails* expected = nullptr,
                 Check check = Check::Values);

// Marks a member of staff as having left on `leftOn`, or, with an invalid date, back on the staff.
// They keep everything they recorded; they are no longer offered for new groups and tasks.
void setStaffLeftOn(Database& db, RowId id, QDate leftOn);

// Takes back a member of staff added by mistake (an undone "Add staff"), or brings them back: the
// row is tombstoned, never erased. Refused once anything refers to them (a group, a task,
// evidence, a review, a pupil's guide): then they are marked as left instead.
void setAddedStaffWithdrawn(Database& db, RowId id, bool withdrawn);

// Who uses Waymark on this computer, for "my tutees" and "set by": kept in this file's own settings
// (not shared when records are exported). Empty when nobody has been chosen or they were removed.
std::optional<RowId> whoIAm(Database& db);
void setWhoIAm(Database& db, std::optional<RowId> staffId);

} // namespace setup
} // namespace waymark
