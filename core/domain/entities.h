#pragma once

#include "domain/entity.h"
#include "domain/enums.h"

#include <QDate>
#include <QString>

namespace waymark {

struct School : Entity
{
    QString name;
    QString urn;
    QString laCode;
    QString estab;
    SchoolPhase phase = SchoolPhase::Secondary;
};

struct Staff : Entity
{
    QString title;
    QString givenName;
    QString familyName;
    QString displayName; // "Mrs J Patel"
    QString email;
    QString role;        // "Teacher", "SENCo", "Head of Year 9"
    QDate leftOn;        // empty while they work here; never deleted
};

struct Subject : Entity
{
    QString name;
    QString code;
};

struct Pupil : Entity
{
    QString upn; // empty until known; validated with its DfE check letter
    QString legalGivenName;
    QString legalMiddleNames;
    QString legalFamilyName;
    QString preferredGivenName;  // empty: same as legal
    QString preferredFamilyName; // empty: same as legal
    QString pronouns;
    QDate dateOfBirth;
    QString sex;
    std::optional<int> yearGroup; // NC year: 0 is Reception
    // Characteristics: sensitive, shown with care, left out of subject-teacher exports.
    SenStatus senStatus = SenStatus::None;
    bool pupilPremium = false;
    bool freeSchoolMeals = false;
    bool eal = false;
    bool lookedAfter = false;
    bool giftedTalented = false;
    bool youngCarer = false;
    bool reviewFlagged = false;  // reviewed more often, set by hand
    int reviewIntervalDays = 0;  // custom interval in school days; 0 = the usual
    OptionalId learningGuideId;
    QDate startedOn;
    QDate leftOn;
    QString notes; // sensitive

    QString givenName() const { return preferredGivenName.isEmpty() ? legalGivenName : preferredGivenName; }
    QString familyName() const { return preferredFamilyName.isEmpty() ? legalFamilyName : preferredFamilyName; }
    QString displayName() const { return givenName() + QLatin1Char(' ') + familyName(); }
    QString sortName() const { return familyName() + QStringLiteral(", ") + givenName(); }
};

struct Group : Entity
{
    QString name;
    GroupKind kind = GroupKind::Class;
    OptionalId subjectId;
    std::optional<int> yearGroup; // empty for a vertical group
    int academicYear = 0;
    OptionalId teacherId;
};

struct GroupMember : Entity
{
    RowId groupId = 0;
    RowId pupilId = 0;
};

struct LearningPlan : Entity
{
    RowId pupilId = 0;
    QString strengths;  // strengths and interests
    QString needs;      // needs and barriers
    QString strategies; // strategies that help
    QString provision;
};

struct Target : Entity
{
    RowId pupilId = 0;
    OptionalId subjectId;
    QString area;
    QString text;
    QString successMeasure;
    QString support;
    QDate setOn;
    QDate reviewBy;
    TargetStatus status = TargetStatus::Active;
    QString agreedWith;
    int position = 0;
};

struct Review : Entity
{
    RowId pupilId = 0;
    ReviewKind kind = ReviewKind::HalfTermly;
    QDate dueOn;
    QDate heldOn;
    OptionalId reviewerId;
    ReviewStatus status = ReviewStatus::Planned;
    QString pupilVoice;
    QString parentVoice;
    QString summary;
    QString snapshot; // JSON, written once when the review is finalised
};

struct ReviewOutcome : Entity
{
    RowId reviewId = 0;
    RowId targetId = 0;
    TargetStatus outcome = TargetStatus::Active;
    QString note;
};

struct Scale : Entity
{
    QString code;
    QString name;
    QString description;
    bool builtin = false;
};

struct Rung : Entity
{
    RowId scaleId = 0;
    int position = 0;
    QString code;
    QString label;
    QString descriptor;
};

struct Task : Entity
{
    OptionalId groupId;
    OptionalId subjectId;
    QString title;
    QString learningIntention;
    QDate setOn;
    OptionalId scaleId;
    OptionalId setById;
};

struct SuccessCriterion : Entity
{
    RowId taskId = 0;
    int position = 0;
    QString text;
};

struct Evidence : Entity
{
    RowId pupilId = 0;
    OptionalId taskId;
    OptionalId subjectId;
    OptionalId targetId;
    EvidenceKind kind = EvidenceKind::Observation;
    QDate recordedOn;
    OptionalId recordedById;
    QString note;
    TrafficLight light = TrafficLight::None;
    TrafficLight selfLight = TrafficLight::None;
    TrafficLight peerLight = TrafficLight::None;
    OptionalId rungId;
};

struct CriterionJudgement : Entity
{
    RowId evidenceId = 0;
    RowId criterionId = 0;
    Judgement judgement = Judgement::NotYet;
};

struct Feedback : Entity
{
    RowId evidenceId = 0;
    QString whatWentWell;
    QString evenBetterIf;
    QString nextStep;
    QString pupilResponse;
    QDate respondedOn;
    std::optional<bool> nextStepMet; // empty: not yet decided
};

// The pupil's own and a peer's traffic light for one success criterion.
struct CriterionAssessment : Entity
{
    RowId evidenceId = 0;
    RowId criterionId = 0;
    QString selfLight; // "red", "amber", "green" or ""
    QString peerLight;
};

// The whole-class feedback a teacher keeps for a task.
struct TaskFeedback : Entity
{
    RowId taskId = 0;
    QString praise;
    QString misconceptions;
    QString literacy; // spelling and grammar to work on
    QString revisit;  // notes on who to revisit and why
};

struct EvidenceAttachment : Entity
{
    RowId evidenceId = 0;
    QString sha256;
    QString fileName;
};

struct CommentBankEntry : Entity
{
    CommentCategory category = CommentCategory::WhatWentWell;
    OptionalId subjectId;
    QString text;
    int position = 0;
    int uses = 0; // times inserted into feedback: the most used are offered first
};

// An MIS's own id for one of Waymark's records, kept per source ("SIMS", "Arbor", "sds"), so that a
// re-import finds the same pupil, member of staff or group however their names or UPN change.
struct MisIdentity : Entity
{
    QString source;
    QString entity; // "pupil", "staff" or "pupil_group"
    RowId rowId = 0;
    QString misId;
};

// A dated span of a pupil's SEN status or free school meals eligibility, as an MIS records it.
struct PupilPeriod : Entity
{
    RowId pupilId = 0;
    QString kind;   // "sen" or "fsm"
    QString status; // SEN: "none", "sen_support", "ehc_plan"; FSM: "eligible"
    QDate startOn;
    QDate endOn; // empty: still so
    QString source; // where it came from ("ctf")
};

struct CalendarHalfTerm : Entity
{
    int academicYear = 0;
    int number = 1;
    QDate startOn;
    QDate endOn;
};

struct CalendarClosure : Entity
{
    QDate fromOn;
    QDate toOn;
    ClosureKind kind = ClosureKind::Closure;
    QString label;
};

} // namespace waymark
