#pragma once

#include <span>

namespace waymark::demo {

// What the demo school teaches: its subjects, the topics of each with a learning intention, the
// success criteria teachers choose from, and the school's own ladders of progress.
struct SubjectInfo
{
    const char* name;
    const char* code;
    int lessonsPerWeek; // drives how often a task is set
    bool setByAbility;  // English, maths and science are taught in sets
    bool gcseOption;    // chosen in Year 10 (the core subjects are taken by everyone)
};

struct Topic
{
    const char* title;
    const char* intention; // learning intention, "To ..."
    bool keyStage4;
};

struct LadderInfo
{
    const char* code;
    const char* name;
    const char* description;
    std::span<const char* const> rungs; // lowest first: "code|label|descriptor"
};

std::span<const SubjectInfo> subjects();
std::span<const Topic> topicsFor(int subject);
std::span<const char* const> criteriaFor(int subject);
std::span<const LadderInfo> customLadders();

// Indexes into subjects() that the generator treats specially.
inline constexpr int kEnglish = 0;
inline constexpr int kMaths = 1;
inline constexpr int kScience = 2;
inline constexpr int kHistory = 3;
inline constexpr int kGeography = 4;
inline constexpr int kFrench = 5;
inline constexpr int kPe = 8;
inline constexpr int kMusic = 9;
inline constexpr int kDrama = 12;

} // namespace waymark::demo
