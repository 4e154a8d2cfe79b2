#pragma once

#include <QString>

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace waymark {

enum class SenStatus { None, SenSupport, EhcPlan };
enum class GroupKind { Class, Set, Tutor };
enum class SchoolPhase { Primary, Secondary, AllThrough, Special };
enum class TargetStatus { Active, Achieved, PartlyAchieved, NotAchieved, Discontinued };
enum class ReviewKind { HalfTermly, Annual, Transition };
enum class ReviewStatus { Planned, Draft, Final };
enum class EvidenceKind { Observation, WorkSample, Feedback, SelfAssessment, PeerAssessment, Quiz, Conversation };
enum class TrafficLight { None, Red, Amber, Green };
enum class Judgement { NotYet, Partly, Met };
enum class CommentCategory { WhatWentWell, EvenBetterIf, NextStep };
enum class ClosureKind { Inset, BankHoliday, Closure };

// The text each enum value is stored as. One table per enum keeps storage, import and export agreeing.
template <class E>
struct EnumText;

#define WAYMARK_ENUM_TEXT(E, ...)                                                                                  \
    template <>                                                                                                    \
    struct EnumText<E>                                                                                             \
    {                                                                                                              \
        static constexpr auto values = std::to_array<std::pair<E, std::string_view>>({__VA_ARGS__});               \
    };

WAYMARK_ENUM_TEXT(SenStatus, {SenStatus::None, "none"}, {SenStatus::SenSupport, "sen_support"},
                  {SenStatus::EhcPlan, "ehc_plan"})
WAYMARK_ENUM_TEXT(GroupKind, {GroupKind::Class, "class"}, {GroupKind::Set, "set"}, {GroupKind::Tutor, "tutor"})
WAYMARK_ENUM_TEXT(SchoolPhase, {SchoolPhase::Primary, "primary"}, {SchoolPhase::Secondary, "secondary"},
                  {SchoolPhase::AllThrough, "all_through"}, {SchoolPhase::Special, "special"})
WAYMARK_ENUM_TEXT(TargetStatus, {TargetStatus::Active, "active"}, {TargetStatus::Achieved, "achieved"},
                  {TargetStatus::PartlyAchieved, "partly_achieved"}, {TargetStatus::NotAchieved, "not_achieved"},
                  {TargetStatus::Discontinued, "discontinued"})
WAYMARK_ENUM_TEXT(ReviewKind, {ReviewKind::HalfTermly, "half_termly"}, {ReviewKind::Annual, "annual"},
                  {ReviewKind::Transition, "transition"})
WAYMARK_ENUM_TEXT(ReviewStatus, {ReviewStatus::Planned, "planned"}, {ReviewStatus::Draft, "draft"},
                  {ReviewStatus::Final, "final"})
WAYMARK_ENUM_TEXT(EvidenceKind, {EvidenceKind::Observation, "observation"}, {EvidenceKind::WorkSample, "work_sample"},
                  {EvidenceKind::Feedback, "feedback"}, {EvidenceKind::SelfAssessment, "self_assessment"},
                  {EvidenceKind::PeerAssessment, "peer_assessment"}, {EvidenceKind::Quiz, "quiz"},
                  {EvidenceKind::Conversation, "conversation"})
WAYMARK_ENUM_TEXT(TrafficLight, {TrafficLight::None, ""}, {TrafficLight::Red, "red"}, {TrafficLight::Amber, "amber"},
                  {TrafficLight::Green, "green"})
WAYMARK_ENUM_TEXT(Judgement, {Judgement::NotYet, "not_yet"}, {Judgement::Partly, "partly"}, {Judgement::Met, "met"})
WAYMARK_ENUM_TEXT(CommentCategory, {CommentCategory::WhatWentWell, "what_went_well"},
                  {CommentCategory::EvenBetterIf, "even_better_if"}, {CommentCategory::NextStep, "next_step"})
WAYMARK_ENUM_TEXT(ClosureKind, {ClosureKind::Inset, "inset"}, {ClosureKind::BankHoliday, "bank_holiday"},
                  {ClosureKind::Closure, "closure"})

#undef WAYMARK_ENUM_TEXT

template <class E>
constexpr std::string_view toText(E value)
{
    for (const auto& [v, text] : EnumText<E>::values)
        if (v == value)
            return text;
    return {};
}

template <class E>
std::optional<E> fromText(std::string_view text)
{
    for (const auto& [v, t] : EnumText<E>::values)
        if (t == text)
            return v;
    return std::nullopt;
}

template <class E>
constexpr auto allValues()
{
    std::array<E, EnumText<E>::values.size()> out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = EnumText<E>::values[i].first;
    return out;
}

// Words a teacher sees for each value (translatable).
QString displayName(SenStatus v);
QString displayName(GroupKind v);
QString displayName(SchoolPhase v);
QString displayName(TargetStatus v);
QString displayName(ReviewKind v);
QString displayName(ReviewStatus v);
QString displayName(EvidenceKind v);
QString displayName(TrafficLight v);
QString displayName(Judgement v);
QString displayName(CommentCategory v);
QString displayName(ClosureKind v);

// A traffic light always carries a letter as well as a colour: R, A, G.
QString trafficLightLetter(TrafficLight v);

} // namespace waymark
