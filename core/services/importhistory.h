#pragma once

#include "domain/entities.h"
#include "exchange/roster.h"

#include <QString>

#include <vector>

// Internal to the import service: what a roster brings besides the pupil row itself (a Common
// Transfer File's statutory assessment results and its SEN and free-school-meals history), and
// which of it a pupil does not have yet, so that importing again adds nothing twice.
namespace waymark {
class Database;
}

namespace waymark::importing {

// How a result reads as evidence: "Statutory assessment, KS2 MAT (teacher assessment): EXS".
QString assessmentNote(const exchange::RosterAssessment& a);

// The record's dated results that the pupil does not have yet (all of them for pupilId 0).
std::vector<const exchange::RosterAssessment*> newResults(Database& db, RowId pupilId, const exchange::RosterRecord& r);

// The record's SEN and FSM periods that the pupil does not have yet (all of them for pupilId 0).
std::vector<PupilPeriod> newPeriods(Database& db, RowId pupilId, const exchange::RosterRecord& r);

} // namespace waymark::importing
