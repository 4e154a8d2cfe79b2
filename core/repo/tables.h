#pragma once

#include "domain/entities.h"
#include "repo/columns.h"

#include <tuple>

namespace waymark {

// Table<T> names the table of an entity and lists its own columns (the Entity columns are common).
template <class T>
struct Table;

#define WAYMARK_TABLE(T, tableName, ...)                                                                           \
    template <>                                                                                                    \
    struct Table<T>                                                                                                \
    {                                                                                                              \
        static constexpr const char* name = tableName;                                                             \
        static constexpr auto columns = std::make_tuple(__VA_ARGS__);                                              \
    };

using columns::column;

WAYMARK_TABLE(School, "school", column("name", &School::name), column("urn", &School::urn),
              column("la_code", &School::laCode), column("estab", &School::estab), column("phase", &School::phase))
WAYMARK_TABLE(Staff, "staff", column("title", &Staff::title), column("given_name", &Staff::givenName),
              column("family_name", &Staff::familyName), column("display_name", &Staff::displayName),
              column("email", &Staff::email), column("role", &Staff::role), column("left_on", &Staff::leftOn))
WAYMARK_TABLE(Subject, "subject", column("name", &Subject::name), column("code", &Subject::code))
WAYMARK_TABLE(Pupil, "pupil", column("upn", &Pupil::upn), column("legal_given_name", &Pupil::legalGivenName),
              column("legal_middle_names", &Pupil::legalMiddleNames),
              column("legal_family_name", &Pupil::legalFamilyName),
              column("preferred_given_name", &Pupil::preferredGivenName),
              column("preferred_family_name", &Pupil::preferredFamilyName), column("pronouns", &Pupil::pronouns),
              column("date_of_birth", &Pupil::dateOfBirth), column("sex", &Pupil::sex),
              column("year_group", &Pupil::yearGroup), column("sen_status", &Pupil::senStatus),
              column("pupil_premium", &Pupil::pupilPremium), column("fsm", &Pupil::freeSchoolMeals),
              column("eal", &Pupil::eal), column("looked_after", &Pupil::lookedAfter),
              column("gifted", &Pupil::giftedTalented), column("young_carer", &Pupil::youngCarer),
              column("review_flagged", &Pupil::reviewFlagged),
              column("review_interval_days", &Pupil::reviewIntervalDays),
              column("learning_guide_id", &Pupil::learningGuideId), column("started_on", &Pupil::startedOn),
              column("left_on", &Pupil::leftOn), column("notes", &Pupil::notes))
WAYMARK_TABLE(Group, "pupil_group", column("name", &Group::name), column("kind", &Group::kind),
              column("subject_id", &Group::subjectId), column("year_group", &Group::yearGroup),
              column("academic_year", &Group::academicYear), column("teacher_id", &Group::teacherId))
WAYMARK_TABLE(GroupMember, "group_member", column("group_id", &GroupMember::groupId),
              column("pupil_id", &GroupMember::pupilId))
WAYMARK_TABLE(LearningPlan, "learning_plan", column("pupil_id", &LearningPlan::pupilId),
              column("strengths", &LearningPlan::strengths), column("needs", &LearningPlan::needs),
              column("strategies", &LearningPlan::strategies), column("provision", &LearningPlan::provision))
WAYMARK_TABLE(Target, "target", column("pupil_id", &Target::pupilId), column("subject_id", &Target::subjectId),
              column("area", &Target::area), column("text", &Target::text),
              column("success_measure", &Target::successMeasure), column("support", &Target::support),
              column("set_on", &Target::setOn), column("review_by", &Target::reviewBy),
              column("status", &Target::status), column("agreed_with", &Target::agreedWith),
              column("position", &Target::position))
WAYMARK_TABLE(Review, "review", column("pupil_id", &Review::pupilId), column("kind", &Review::kind),
              column("due_on", &Review::dueOn), column("held_on", &Review::heldOn),
              column("reviewer_id", &Review::reviewerId), column("status", &Review::status),
              column("pupil_voice", &Review::pupilVoice), column("parent_voice", &Review::parentVoice),
              column("summary", &Review::summary), column("snapshot", &Review::snapshot))
WAYMARK_TABLE(ReviewOutcome, "review_outcome", column("review_id", &ReviewOutcome::reviewId),
              column("target_id", &ReviewOutcome::targetId), column("outcome", &ReviewOutcome::outcome),
              column("note", &ReviewOutcome::note))
WAYMARK_TABLE(Scale, "scale", column("code", &Scale::code), column("name", &Scale::name),
              column("description", &Scale::description), column("builtin", &Scale::builtin))
WAYMARK_TABLE(Rung, "rung", column("scale_id", &Rung::scaleId), column("position", &Rung::position),
              column("code", &Rung::code), column("label", &Rung::label), column("descriptor", &Rung::descriptor))
WAYMARK_TABLE(Task, "task", column("group_id", &Task::groupId), column("subject_id", &Task::subjectId),
              column("title", &Task::title), column("learning_intention", &Task::learningIntention),
              column("set_on", &Task::setOn), column("scale_id", &Task::scaleId),
              column("set_by_id", &Task::setById))
WAYMARK_TABLE(SuccessCriterion, "success_criterion", column("task_id", &SuccessCriterion::taskId),
              column("position", &SuccessCriterion::position), column("text", &SuccessCriterion::text))
WAYMARK_TABLE(Evidence, "evidence", column("pupil_id", &Evidence::pupilId), column("task_id", &Evidence::taskId),
              column("subject_id", &Evidence::subjectId), column("target_id", &Evidence::targetId),
              column("kind", &Evidence::kind), column("recorded_on", &Evidence::recordedOn),
              column("recorded_by_id", &Evidence::recordedById), column("note", &Evidence::note),
              column("light", &Evidence::light), column("self_light", &Evidence::selfLight),
              column("peer_light", &Evidence::peerLight), column("rung_id", &Evidence::rungId))
WAYMARK_TABLE(CriterionJudgement, "criterion_judgement", column("evidence_id", &CriterionJudgement::evidenceId),
              column("criterion_id", &CriterionJudgement::criterionId),
              column("judgement", &CriterionJudgement::judgement))
WAYMARK_TABLE(Feedback, "feedback", column("evidence_id", &Feedback::evidenceId),
              column("what_went_well", &Feedback::whatWentWell), column("even_better_if", &Feedback::evenBetterIf),
              column("next_step", &Feedback::nextStep), column("pupil_response", &Feedback::pupilResponse),
              column("responded_on", &Feedback::respondedOn), column("next_step_met", &Feedback::nextStepMet))
WAYMARK_TABLE(CriterionAssessment, "criterion_assessment", column("evidence_id", &CriterionAssessment::evidenceId),
              column("criterion_id", &CriterionAssessment::criterionId),
              column("self_light", &CriterionAssessment::selfLight), column("peer_light", &CriterionAssessment::peerLight))
WAYMARK_TABLE(TaskFeedback, "task_feedback", column("task_id", &TaskFeedback::taskId),
              column("praise", &TaskFeedback::praise), column("misconceptions", &TaskFeedback::misconceptions),
              column("literacy", &TaskFeedback::literacy), column("revisit", &TaskFeedback::revisit))
WAYMARK_TABLE(EvidenceAttachment, "evidence_attachment", column("evidence_id", &EvidenceAttachment::evidenceId),
              column("sha256", &EvidenceAttachment::sha256), column("file_name", &EvidenceAttachment::fileName))
WAYMARK_TABLE(CommentBankEntry, "comment_bank", column("category", &CommentBankEntry::category),
              column("subject_id", &CommentBankEntry::subjectId), column("text", &CommentBankEntry::text),
              column("position", &CommentBankEntry::position), column("uses", &CommentBankEntry::uses))
WAYMARK_TABLE(CalendarHalfTerm, "calendar_half_term", column("academic_year", &CalendarHalfTerm::academicYear),
              column("number", &CalendarHalfTerm::number), column("start_on", &CalendarHalfTerm::startOn),
              column("end_on", &CalendarHalfTerm::endOn))
WAYMARK_TABLE(MisIdentity, "mis_identity", column("source", &MisIdentity::source),
              column("entity", &MisIdentity::entity), column("row_id", &MisIdentity::rowId),
              column("mis_id", &MisIdentity::misId))
WAYMARK_TABLE(PupilPeriod, "pupil_period", column("pupil_id", &PupilPeriod::pupilId),
              column("kind", &PupilPeriod::kind), column("status", &PupilPeriod::status),
              column("start_on", &PupilPeriod::startOn), column("end_on", &PupilPeriod::endOn),
              column("source", &PupilPeriod::source))
WAYMARK_TABLE(CalendarClosure, "calendar_closure", column("from_on", &CalendarClosure::fromOn),
              column("to_on", &CalendarClosure::toOn), column("kind", &CalendarClosure::kind),
              column("label", &CalendarClosure::label))

#undef WAYMARK_TABLE

} // namespace waymark
