#include "demo/democurriculum.h"
#include "demo/demophrases.h"

// The feedback comment bank of the demo school. "Even better if" entries continue that phrase, so
// a slip reads "Even better if you supported each point with a quotation."
namespace waymark::demo {

namespace {

const char* const kWentWell[] = {
    "You have clearly understood the main idea.",
    "Excellent effort and presentation.",
    "Your explanation is clear and well organised.",
    "You used key vocabulary accurately.",
    "You showed your working step by step.",
    "You took on the challenge task — brilliant.",
    "Careful, accurate work throughout.",
    "You acted on last time's feedback.",
    "A thoughtful answer that goes beyond the basics.",
    "You kept going when it got tricky.",
};
const char* const kEvenBetterIf[] = {
    "you added more detail to your explanation.",
    "you checked your work for small errors.",
    "you used evidence to support each point.",
    "you finished the final section.",
    "you wrote in full sentences.",
    "you labelled your diagram fully.",
    "you explained why, not only what.",
    "you used the success criteria to check your work before handing it in.",
};
const char* const kNextStep[] = {
    "Redraft your final answer using the success criteria.",
    "Correct the questions marked with a dot, showing your working.",
    "Try the extension question on the back of the sheet.",
    "Add two key words from the glossary to your conclusion.",
    "Explain in two sentences why your answer makes sense.",
    "Practise ten questions on the online platform.",
    "Rewrite one paragraph, adding the detail your teacher has underlined.",
};

const char* const kEnglishWell[] = {"Well-chosen quotations that support your points.",
                                    "Your analysis of the writer's language is precise.",
                                    "Vivid description that creates a strong atmosphere."};
const char* const kEnglishBetter[] = {"you zoomed in on a single word and explored its connotations.",
                                      "you linked your points to the writer's purpose.",
                                      "you varied your sentence openings."};
const char* const kEnglishNext[] = {"Rewrite your second paragraph adding a quotation and explaining its effect.",
                                    "Underline three techniques in the extract and name each one.",
                                    "Add a sentence on context to your conclusion."};

const char* const kMathsWell[] = {"Accurate method and a clear layout.", "You checked your answers with estimates.",
                                  "Excellent problem solving on the final question."};
const char* const kMathsBetter[] = {"you showed every step so you can earn method marks.",
                                    "you gave your answer to the accuracy asked for.",
                                    "you remembered the units."};
const char* const kMathsNext[] = {"Complete the three questions on the DIRT sheet.",
                                  "Check question 4 again: look at the sign when you expand.",
                                  "Try the two challenge problems on the board."};

const char* const kScienceWell[] = {"Scientific vocabulary used accurately.", "A clear, well-labelled graph.",
                                    "Your conclusion is supported by the data."};
const char* const kScienceBetter[] = {"you explained the results using particle theory.",
                                      "you included units in your table headings.",
                                      "you suggested how to make the results more reliable."};
const char* const kScienceNext[] = {"Answer the six-mark question again using the mark scheme.",
                                    "Redraw the graph with a line of best fit.",
                                    "Write the formula triangle and use it on question 3."};

const char* const kHistoryWell[] = {"Specific, accurate evidence in every paragraph.",
                                    "You reached a clear, supported judgement."};
const char* const kHistoryBetter[] = {"you explained how each cause led to the event.",
                                      "you considered the provenance of the source."};
const char* const kHistoryNext[] = {"Add a counter-argument paragraph.", "Annotate the source with its NOP."};

const char* const kGeographyWell[] = {"Excellent use of data from the graph.", "Accurate, well-labelled map work."};
const char* const kGeographyBetter[] = {"you used a named example with facts.",
                                        "you described the pattern before explaining it."};
const char* const kGeographyNext[] = {"Add two figures from the climate graph to your answer.",
                                      "Complete the case-study fact file."};

const char* const kFrenchWell[] = {"Great opinions with reasons.", "Accurate verb endings in the present tense."};
const char* const kFrenchBetter[] = {"you included a past tense.", "you checked your adjective agreements."};
const char* const kFrenchNext[] = {"Rewrite two sentences in the perfect tense.",
                                   "Learn the ten words in your vocabulary list for Friday."};

const char* const kPeWell[] = {"Excellent teamwork and communication.", "Good technique under pressure."};
const char* const kPeBetter[] = {"you moved into space after passing.", "you kept your head up when dribbling."};
const char* const kPeNext[] = {"Practise the footwork drill at home.", "Lead the warm-up next lesson."};

const char* const kResponses[] = {
    "I have rewritten the paragraph with a quotation.",
    "Corrected — I had forgotten to carry the one.",
    "Done, see the green pen.",
    "I added labels to my diagram.",
    "I tried the extension but found it hard.",
    "I understand it better now.",
    "Redrafted my conclusion.",
    "I checked my units this time.",
    "I'm still not sure about this — can we go over it?",
};

const char* const kEvidenceNotes[] = {
    "Worked well with a partner.",
    "Needed a reminder to start.",
    "Used the word bank.",
    "Completed the extension.",
    "Absent for part of the lesson; caught up at home.",
    "Excellent contribution to the discussion.",
    "Found the second half tricky.",
    "Typed on a laptop (access arrangement).",
    "Checked in with the TA halfway through.",
};

} // namespace

CommentSet genericComments()
{
    return {kWentWell, kEvenBetterIf, kNextStep};
}

CommentSet subjectComments(int subject)
{
    switch (subject) {
    case kEnglish:
        return {kEnglishWell, kEnglishBetter, kEnglishNext};
    case kMaths:
        return {kMathsWell, kMathsBetter, kMathsNext};
    case kScience:
        return {kScienceWell, kScienceBetter, kScienceNext};
    case kHistory:
        return {kHistoryWell, kHistoryBetter, kHistoryNext};
    case kGeography:
        return {kGeographyWell, kGeographyBetter, kGeographyNext};
    case kFrench:
        return {kFrenchWell, kFrenchBetter, kFrenchNext};
    case kPe:
        return {kPeWell, kPeBetter, kPeNext};
    default:
        return {};
    }
}

std::span<const char* const> pupilResponses()
{
    return kResponses;
}

std::span<const char* const> evidenceNotes()
{
    return kEvidenceNotes;
}

} // namespace waymark::demo
