#pragma once

#include "domain/entity.h"

#include <QString>

#include <optional>

namespace waymark {

class Database;

// The set-up workflow's groups: tutor groups made as a roster names them, and pupils moved between
// them. Used by the import service (and, later, the set-up pages and their undo commands).
namespace setup {

// The tutor group called `name` (matched without regard to case) in `academicYear`, made if there
// is none, for `yearGroup` (empty: vertical). Runs in the caller's transaction, or its own.
RowId ensureTutorGroup(Database& db, const QString& name, int academicYear, std::optional<int> yearGroup);

// The name of the pupil's tutor group in `academicYear`, or empty.
QString tutorGroupOf(Database& db, RowId pupilId, int academicYear);

// Puts the pupil in the tutor group and takes them out of any other tutor group of the same
// academic year (a pupil has one tutor group a year); memberships are tombstoned, never erased.
// Returns true if anything changed.
bool moveToTutorGroup(Database& db, RowId pupilId, RowId groupId);

} // namespace setup
} // namespace waymark
