#pragma once

#include <span>

namespace waymark::demo {

// The words of the demo school's records: learning-plan phrases, target ideas, review voices and
// the feedback comment bank. Plain sentences a teacher might really write.

// Areas of special educational need (SEND Code of Practice), used to keep a plan coherent.
enum class NeedArea { Cognition, Communication, Wellbeing, Sensory };
inline constexpr int kNeedAreaCount = 4;

struct PlanPhrases
{
    std::span<const char* const> strengths;
    std::span<const char* const> needs;      // by area, for pupils with SEN
    std::span<const char* const> strategies; // by area
    std::span<const char* const> provision;  // SEN support provision by area
};
PlanPhrases planPhrases(NeedArea area);
std::span<const char* const> generalStrengths();
std::span<const char* const> generalNeeds(); // for pupils without SEN
std::span<const char* const> generalStrategies();
std::span<const char* const> homeLanguages();
std::span<const char* const> ehcProvision();
std::span<const char* const> pupilPremiumProvision();
std::span<const char* const> ealProvision();

struct TargetIdea
{
    const char* area;
    int subject; // index into subjects(), or -1
    const char* text;
    const char* measure;
    const char* support;
};
std::span<const TargetIdea> targetIdeas();     // for everyone
std::span<const TargetIdea> senTargetIdeas();  // for pupils with SEN
std::span<const TargetIdea> stretchTargetIdeas();
std::span<const char* const> agreedWith(bool lookedAfter, bool sen);

std::span<const char* const> pupilVoices();
std::span<const char* const> parentVoices(bool lookedAfter);
std::span<const char* const> reviewSummaries();
std::span<const char* const> interimNotes();       // a target still under way
std::span<const char* const> achievedNotes();
std::span<const char* const> partlyAchievedNotes();
std::span<const char* const> notAchievedNotes();
std::span<const char* const> discontinuedNotes();

// The comment bank: generic entries, then a few per subject (-1 = none for that subject).
struct CommentSet
{
    std::span<const char* const> wentWell;
    std::span<const char* const> evenBetterIf;
    std::span<const char* const> nextStep;
};
CommentSet genericComments();
CommentSet subjectComments(int subject); // empty spans if the subject has none of its own
std::span<const char* const> pupilResponses();
std::span<const char* const> evidenceNotes();

} // namespace waymark::demo
