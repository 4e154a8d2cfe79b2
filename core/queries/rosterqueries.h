#pragma once

#include "domain/entity.h"
#include "domain/enums.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace waymark {

class Database;

// Read-side queries behind the sidebar and the group page. Each function runs ONE statement and
// returns plain structs, so a school of 1,500 pupils loads in a handful of queries, never one per pupil.

struct PupilSummary
{
    RowId id = 0;
    QString upn;
    QString givenName;  // preferred if set, else legal
    QString familyName; // preferred if set, else legal
    QString legalGivenName;
    QString legalFamilyName;
    std::optional<int> yearGroup;
    QDate leftOn;

    QString displayName() const { return givenName + QLatin1Char(' ') + familyName; }
    QString sortName() const { return familyName + QStringLiteral(", ") + givenName; }
};

struct GroupSummary
{
    RowId id = 0;
    QString name;
    GroupKind kind = GroupKind::Class;
    std::optional<int> yearGroup;
    int academicYear = 0;
    QString subjectName; // empty if the group has no subject
    QString teacherName; // display name; empty if none
    int memberCount = 0; // live pupils only
};

struct Membership
{
    RowId groupId = 0;
    RowId pupilId = 0;
};

// Pupils on roll on `today` (not left, or leaving after today), ordered by family then given name.
std::vector<PupilSummary> pupilsOnRoll(Database& db, QDate today);

enum class MemberCounts
{
    Count, // GroupSummary::memberCount is filled in
    Skip,  // left at 0: for callers that count the memberships themselves (a third of the cost)
};

// The groups of one academic year, ordered by kind (tutor groups, classes, sets) and name, with
// their live member counts unless skipped.
std::vector<GroupSummary> groupsOfYear(Database& db, int academicYear, MemberCounts counts = MemberCounts::Count);

// One group by its name in the given academic year (names are matched case-insensitively).
std::optional<GroupSummary> findGroup(Database& db, const QString& name, int academicYear);

// Every live membership of the live groups of one academic year, in no particular order. Members
// are not filtered either: callers hold the pupils they list (pupils on roll, by name) and match
// against them, which costs far less than joining every membership to its pupil row and sorting.
std::vector<Membership> membershipsOfYear(Database& db, int academicYear);

// Pupils who have left by `today` (a leaving date on or before it), ordered by legal family then
// given name, with their leaving dates.
std::vector<PupilSummary> pupilsWhoLeft(Database& db, QDate today);

// The pupils of one group on roll on `today`, ordered by family then given name.
std::vector<PupilSummary> pupilsOfGroup(Database& db, RowId groupId, QDate today);

// The academic year the sidebar should show for `today`: the current one if it has groups, else the
// latest earlier year that has any (a school that has not set up this year's groups yet), else the
// current one.
int rosterYear(Database& db, QDate today);

// A live pupil by UPN (normalised by the caller), or nullopt.
std::optional<RowId> findPupilByUpn(Database& db, const QString& upn);

} // namespace waymark
