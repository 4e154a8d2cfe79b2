#pragma once

#include "domain/entities.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace waymark {

class Database;

// Read-side queries for one pupil's record as the pupil page shows it. Plain structs, no widgets:
// the page and its models call these and never write SQL themselves.

// A group the pupil belongs to, with the words needed to show it.
struct PupilGroupInfo
{
    RowId id = 0;
    QString name;
    GroupKind kind = GroupKind::Class;
    QString subjectName; // empty for a tutor group
    int academicYear = 0;
};

// One member of staff, for choosing a learning guide.
struct StaffChoice
{
    RowId id = 0;
    QString displayName;
    QString role;
};

struct PupilRecord
{
    Pupil pupil;
    QString learningGuideName;           // empty if none is set
    std::vector<PupilGroupInfo> groups;  // newest academic year first, tutor groups first
    std::optional<LearningPlan> plan;    // none until someone writes one
    std::optional<QDate> lastReviewHeld; // the latest review that has taken place
    int evidenceCount = 0;
    std::vector<PupilPeriod> periods; // SEN and free school meals history from the MIS, oldest first

    // The tutor group of the latest academic year the pupil has groups in; empty if none.
    QString tutorGroupName() const;
};

// The pupil's record, or nullopt if there is no such live pupil.
std::optional<PupilRecord> loadPupilRecord(Database& db, RowId pupilId);

// The pupil's live targets in the order the plan lists them.
std::vector<Target> loadTargets(Database& db, RowId pupilId);

// Whether a target belongs to this year's plan: still being worked on (active), undated, or set in
// the academic year `today` falls in. The others are earlier targets, which the pupil page folds
// away so that a pupil with five years of plans opens as quickly, and as readably, as a new one.
bool isCurrentTarget(const Target& target, QDate today);

// Every live member of staff, by name.
std::vector<StaffChoice> loadStaffChoices(Database& db);

// The id of the pupil's learning plan row, created empty (or brought back from a tombstone) if
// there is none, so an edit always has a row to change.
RowId ensureLearningPlan(Database& db, RowId pupilId);

// Another live pupil already holding this UPN, if any (the UPN must be unique in a school).
std::optional<Pupil> pupilWithUpn(Database& db, const QString& upn, RowId exceptPupilId);

// The next free position at the end of a pupil's targets.
int nextTargetPosition(Database& db, RowId pupilId);

} // namespace waymark
