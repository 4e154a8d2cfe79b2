#include "domain/enums.h"

#include <QCoreApplication>

namespace waymark {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Domain)
};
} // namespace

QString displayName(SenStatus v)
{
    switch (v) {
    case SenStatus::None: return Tr::tr("No SEN");
    case SenStatus::SenSupport: return Tr::tr("SEN support");
    case SenStatus::EhcPlan: return Tr::tr("EHC plan");
    }
    return {};
}

QString displayName(GroupKind v)
{
    switch (v) {
    case GroupKind::Class: return Tr::tr("Class");
    case GroupKind::Set: return Tr::tr("Set");
    case GroupKind::Tutor: return Tr::tr("Tutor group");
    }
    return {};
}

QString displayName(SchoolPhase v)
{
    switch (v) {
    case SchoolPhase::Primary: return Tr::tr("Primary");
    case SchoolPhase::Secondary: return Tr::tr("Secondary");
    case SchoolPhase::AllThrough: return Tr::tr("All-through");
    case SchoolPhase::Special: return Tr::tr("Special");
    }
    return {};
}

QString displayName(TargetStatus v)
{
    switch (v) {
    case TargetStatus::Active: return Tr::tr("Working on it");
    case TargetStatus::Achieved: return Tr::tr("Achieved");
    case TargetStatus::PartlyAchieved: return Tr::tr("Partly achieved");
    case TargetStatus::NotAchieved: return Tr::tr("Not yet achieved");
    case TargetStatus::Discontinued: return Tr::tr("Discontinued");
    }
    return {};
}

QString displayName(ReviewKind v)
{
    switch (v) {
    case ReviewKind::HalfTermly: return Tr::tr("Half-termly review");
    case ReviewKind::Annual: return Tr::tr("Annual review");
    case ReviewKind::Transition: return Tr::tr("Transition review");
    }
    return {};
}

QString displayName(ReviewStatus v)
{
    switch (v) {
    case ReviewStatus::Planned: return Tr::tr("Planned");
    case ReviewStatus::Draft: return Tr::tr("Draft");
    case ReviewStatus::Final: return Tr::tr("Final");
    }
    return {};
}

QString displayName(EvidenceKind v)
{
    switch (v) {
    case EvidenceKind::Observation: return Tr::tr("Observation");
    case EvidenceKind::WorkSample: return Tr::tr("Work sample");
    case EvidenceKind::Feedback: return Tr::tr("Feedback");
    case EvidenceKind::SelfAssessment: return Tr::tr("Self-assessment");
    case EvidenceKind::PeerAssessment: return Tr::tr("Peer assessment");
    case EvidenceKind::Quiz: return Tr::tr("Quiz");
    case EvidenceKind::Conversation: return Tr::tr("Conversation");
    }
    return {};
}

QString displayName(TrafficLight v)
{
    switch (v) {
    case TrafficLight::None: return Tr::tr("Not set");
    case TrafficLight::Red: return Tr::tr("Red");
    case TrafficLight::Amber: return Tr::tr("Amber");
    case TrafficLight::Green: return Tr::tr("Green");
    }
    return {};
}

QString displayName(Judgement v)
{
    switch (v) {
    case Judgement::NotYet: return Tr::tr("Not yet");
    case Judgement::Partly: return Tr::tr("Partly");
    case Judgement::Met: return Tr::tr("Met");
    }
    return {};
}

QString displayName(CommentCategory v)
{
    switch (v) {
    case CommentCategory::WhatWentWell: return Tr::tr("What went well");
    case CommentCategory::EvenBetterIf: return Tr::tr("Even better if");
    case CommentCategory::NextStep: return Tr::tr("Next step");
    }
    return {};
}

QString displayName(ClosureKind v)
{
    switch (v) {
    case ClosureKind::Inset: return Tr::tr("INSET day");
    case ClosureKind::BankHoliday: return Tr::tr("Bank holiday");
    case ClosureKind::Closure: return Tr::tr("School closed");
    }
    return {};
}

QString trafficLightLetter(TrafficLight v)
{
    switch (v) {
    case TrafficLight::None: return {};
    case TrafficLight::Red: return Tr::tr("R", "traffic light letter");
    case TrafficLight::Amber: return Tr::tr("A", "traffic light letter");
    case TrafficLight::Green: return Tr::tr("G", "traffic light letter");
    }
    return {};
}

} // namespace waymark
