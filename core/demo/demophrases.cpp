#include "demo/demophrases.h"

#include "demo/democurriculum.h"

namespace waymark::demo {

namespace {

const char* const kStrengths[] = {
    "Kind and patient with younger pupils in tutor time.",
    "Reads widely, especially fantasy and graphic novels.",
    "A confident speaker in class discussions.",
    "Keen footballer who plays for a local club at weekends.",
    "Creative: loves drawing and designing characters.",
    "Works hard and takes real pride in presentation.",
    "Good sense of humour; gets on well with adults.",
    "Curious about how things work and asks good questions.",
    "Plays the guitar and has performed in the school concert.",
    "Helpful and reliable; a tutor group representative.",
    "Enjoys coding and has made a small game at home.",
    "Resilient when work gets hard and keeps going.",
    "Strong practical skills in science and DT.",
    "Loves animals and helps at a local stables.",
    "Enjoys cooking with family and trying new recipes.",
    "A loyal friend who looks out for others.",
    "Interested in history, especially the Second World War.",
    "Swims for the county and is very disciplined about training.",
    "Likes building things with Lego and makes detailed models.",
    "Enjoys drama and has a strong stage presence.",
};

const char* const kGeneralNeeds[] = {
    "None identified at present.",
    "None identified at present.",
    "Sometimes forgets equipment and homework deadlines.",
    "Can lack confidence in maths and avoids harder questions.",
    "Tends to rush written work and not check it.",
    "Finds it hard to settle after lunch.",
    "Attendance dipped last term after a period of illness.",
    "Quiet in lessons; rarely asks for help when stuck.",
};

const char* const kGeneralStrategies[] = {
    "Praise effort as well as results.",
    "Check understanding early in the lesson.",
    "Seat near the front, away from distractions.",
    "Give a clear first step to get started.",
    "Use the planner to note homework deadlines.",
    "Offer the challenge task once the core task is done.",
};

const char* const kCognitionNeeds[] = {
    "Dyslexia (diagnosed in Year 5): spelling and processing speed are affected.",
    "Reading age about three years below chronological age; decoding is slow.",
    "Working memory difficulties: multi-step instructions are hard to hold.",
    "Number facts are not secure, which slows down maths in every subject.",
    "Moderate learning difficulties; needs new ideas broken into small steps.",
};
const char* const kCognitionStrategies[] = {
    "Give instructions one step at a time and write them on the board.",
    "Provide a word bank and sentence starters.",
    "Print handouts on cream paper in a clear font.",
    "Allow extra processing time before expecting an answer.",
    "Pre-teach key vocabulary before a new topic.",
    "Use a multiplication square and number lines.",
};
const char* const kCognitionProvision[] = {
    "Literacy intervention in a small group, three times a week.",
    "Access arrangements: 25% extra time and a reader in assessments.",
    "Reading pen for tests and independent reading.",
    "Maths catch-up group twice a week.",
    "Laptop for extended writing.",
};

const char* const kCommunicationNeeds[] = {
    "Autism: finds unstructured times and changes of routine difficult.",
    "Speech and language needs: understanding complex instructions and vocabulary.",
    "Finds group work stressful and may withdraw.",
    "Takes language literally; can misread jokes and sarcasm.",
};
const char* const kCommunicationStrategies[] = {
    "Warn in advance of any change to the usual routine.",
    "Use the pupil's name before giving an instruction.",
    "Give a clear role in group work.",
    "Say exactly what is meant; avoid idioms.",
    "Allow use of the quiet room at break and lunch.",
    "Use visual timetables and checklists.",
};
const char* const kCommunicationProvision[] = {
    "Social communication group on Wednesdays.",
    "Speech and language programme delivered by a teaching assistant.",
    "Lunchtime club in the learning support base.",
    "Transition support before each new school year.",
};

const char* const kWellbeingNeeds[] = {
    "Anxiety, especially around tests and speaking in front of the class.",
    "ADHD: finds it hard to stay focused for long periods.",
    "Low self-esteem; quick to say \"I can't do it\".",
    "Can become frustrated and leave the room when overwhelmed.",
    "Bereavement last year still affects mood and concentration.",
};
const char* const kWellbeingStrategies[] = {
    "Agree a discreet signal for needing a break.",
    "Give movement breaks: taking the register, handing out books.",
    "Praise privately rather than in front of the class.",
    "Avoid cold-calling; give warning before asking a question.",
    "Use calm, low-key reminders and a fresh start every lesson.",
    "Break work into short chunks with a tick-list.",
};
const char* const kWellbeingProvision[] = {
    "Weekly check-in with a key adult.",
    "Time-out card and an agreed calm space.",
    "School counsellor sessions fortnightly.",
    "Anger management group for six weeks.",
    "Mentoring with a sixth-form volunteer.",
};

const char* const kSensoryNeeds[] = {
    "Hearing impairment: wears hearing aids and needs to see the speaker's face.",
    "Visual impairment: needs enlarged print (N18) and high contrast.",
    "Hypermobility: handwriting is tiring over long pieces.",
    "Type 1 diabetes: may need to leave lessons to check blood sugar.",
};
const char* const kSensoryStrategies[] = {
    "Seat near the front with a clear view of the teacher.",
    "Face the class when speaking; use subtitles on video.",
    "Provide enlarged copies of every resource.",
    "Allow typed work and rest breaks in long writing tasks.",
    "Allow leaving the lesson without question when needed.",
};
const char* const kSensoryProvision[] = {
    "Radio aid in all lessons; visits from the hearing support service.",
    "Resources enlarged by the learning support team.",
    "Occupational therapy programme; sloped writing board.",
    "Individual healthcare plan reviewed with the school nurse.",
};

const char* const kEhcProvision[] = {
    "EHC plan: 20 hours a week of teaching assistant support.",
    "EHC plan: speech and language therapy each term.",
    "EHC plan: educational psychologist involvement.",
    "EHC plan: personalised timetable with a quiet base at lunchtime.",
};
const char* const kPupilPremiumProvision[] = {
    "Pupil premium: funded instrumental lessons.",
    "Pupil premium: revision guides and equipment.",
    "Pupil premium: breakfast club place.",
    "Pupil premium: homework club with a mentor.",
    "Pupil premium: funded place on the residential trip.",
};
const char* const kEalProvision[] = {
    "EAL: vocabulary pre-teaching in humanities and science.",
    "EAL: bilingual dictionary allowed in lessons and exams.",
    "EAL: weekly language group with the EAL coordinator.",
};
const char* const kHomeLanguages[] = {"Polish",   "Urdu",    "Punjabi", "Bengali", "Romanian", "Arabic",
                                      "Somali",   "Portuguese", "Lithuanian", "Tamil", "Yoruba", "Turkish",
                                      "Gujarati", "Cantonese", "Kurdish"};

const TargetIdea kTargets[] = {
    {"Literacy", -1, "Use capital letters and full stops correctly in all written work.",
     "Correct sentence punctuation in four of the next five marked pieces.",
     "Punctuation checklist on the desk; two minutes to proof-read at the end of tasks."},
    {"Literacy", -1, "Read for twenty minutes at least four times a week.",
     "Reading log signed at home every week.", "Fortnightly library visit; book suggestions from the librarian."},
    {"Numeracy", -1, "Know my times tables up to 12 × 12 with quick recall.",
     "45 out of 50 or more in a five-minute tables check.", "Times tables app for ten minutes a day."},
    {"Organisation", -1, "Bring the right equipment to every lesson.",
     "No equipment reminders for six weeks.", "Equipment checklist in the planner; spare kit from the tutor."},
    {"Organisation", -1, "Hand in homework on time.", "All homework in on time for a whole half-term.",
     "Homework club on Tuesdays and Thursdays."},
    {"Behaviour for learning", -1, "Start tasks within two minutes without a reminder.",
     "Teachers report a prompt start in most lessons.", "Task broken into steps on a tick-list."},
    {"Behaviour for learning", -1, "Use the help card instead of calling out.",
     "Fewer than three behaviour points this half-term.", "Help card on the desk; teacher checks in early."},
    {"Attendance", -1, "Be in school every day and on time.", "Attendance at 96% or above by the next review.",
     "Weekly attendance check-in; breakfast club place."},
    {"Communication", -1, "Answer a question in class at least once each lesson.",
     "Teachers in three subjects notice more contributions.", "Warning before being asked; think-pair-share."},
    {"Independence", -1, "Try the classroom resources before asking for help.",
     "Teachers see independent starts in most lessons.", "\"Three before me\" prompt card."},
    {"English", kEnglish, "Write analytical paragraphs that explain the effect of language.",
     "Two paragraphs judged \"Explains\" or higher on the reading ladder.",
     "Paragraph frame and model answers from the teacher."},
    {"English", kEnglish, "Vary my sentence openings and lengths for effect.",
     "Three different sentence types in my next descriptive piece.", "Sentence-starter mat."},
    {"Mathematics", kMaths, "Show every step of my working in problem-solving questions.",
     "Method marks gained in the next two assessments.", "Worked examples in the front of the book."},
    {"Mathematics", kMaths, "Check answers with an estimate.", "Estimates written beside answers in homework.",
     "Estimation prompt on the board."},
    {"Science", kScience, "Use scientific vocabulary correctly in extended answers.",
     "Key words used correctly in the next six-mark answer.", "Key word glossary stuck in the front of the book."},
    {"Science", kScience, "Draw graphs with labelled axes, units and a line of best fit.",
     "Graph skills checklist fully met in the next practical.", "Graph checklist and a worked example."},
    {"History", kHistory, "Support every point with a specific piece of evidence.",
     "Evidence for each point in the next extended answer.", "PEEL paragraph frame."},
    {"Geography", kGeography, "Describe patterns on maps and graphs using data.",
     "Two figures quoted in each data question.", "Describe-it sentence starters."},
    {"French", kFrench, "Give opinions with reasons in French.", "Three opinions with \"parce que\" in the next writing task.",
     "Opinion phrase mat."},
    {"Physical Education", kPe, "Take part fully in every PE lesson with the right kit.",
     "Full participation recorded in every lesson for six weeks.", "Spare kit available from the PE office."},
};

const TargetIdea kSenTargets[] = {
    {"Literacy", -1, "Use my reading pen on my own in assessments.", "Reading pen used without prompting in two tests.",
     "Practice sessions with the teaching assistant."},
    {"Independence", -1, "Use my visual timetable to get ready for changes in my day.",
     "Arrives at lessons calmly after changes, most days.", "Visual timetable checked with the tutor each morning."},
    {"Literacy", -1, "Type longer pieces of writing on my laptop.", "Laptop used for every extended task this half-term.",
     "Touch-typing programme at lunchtime club."},
    {"Wellbeing", -1, "Use my time-out card and come back to the lesson within ten minutes.",
     "Fewer than two removals from lessons this half-term.", "Time-out card; agreed calm space; key adult."},
    {"Wellbeing", -1, "Tell a trusted adult when I feel worried.",
     "Says who they would go to and has used it at least once.", "Weekly check-in with the learning mentor."},
    {"Communication", -1, "Take turns in a group task and share one idea.", "Teachers see an idea shared in group work.",
     "Clear group role card; social communication group."},
    {"Literacy", -1, "Use a word bank to start writing within five minutes.", "Writing started within five minutes in most lessons.",
     "Subject word banks prepared by the department."},
};

const TargetIdea kStretchTargets[] = {
    {"Mathematics", kMaths, "Enter the UK Mathematics Trust challenge and prepare with past papers.",
     "Completed three past papers before the challenge.", "Maths club on Fridays."},
    {"Science", kScience, "Attempt the stretch question in every science lesson.",
     "Stretch questions attempted in most lessons.", "Stretch question on every slide deck."},
    {"English", kEnglish, "Read a classic novel of my own choice and review it.", "Review shared with the class.",
     "Reading list from the English department."},
};

const char* const kAgreedPupil[] = {"Pupil and parent", "Pupil, mum and tutor", "Pupil, dad and tutor",
                                    "Pupil and parents", "Pupil and tutor (parent by phone)", "Pupil and grandparent"};
const char* const kAgreedSen[] = {"Pupil, parent and SENCo", "Pupil, mum and SENCo", "Pupil, parents and SENCo"};
const char* const kAgreedLookedAfter[] = {"Pupil, foster carer and designated teacher",
                                          "Pupil, carer and social worker", "Pupil, carer and virtual school"};

const char* const kPupilVoices[] = {
    "I think maths is going better because I practise my tables on the bus.",
    "I feel more confident answering questions now.",
    "I still find reading out loud hard.",
    "The checklist on my desk helps me get started.",
    "I want to get better at speaking in French.",
    "Homework club helps because it's quiet.",
    "I'm a bit worried about the tests after half-term.",
    "I don't like being taken out of lessons for the group, but it does help.",
    "I've been going to bed earlier and I'm less tired.",
    "I'd like to try coding club.",
    "Science is my favourite this half-term because of the practicals.",
    "I forgot my equipment less this time.",
    "It helps when teachers tell me before they ask me a question.",
    "I think I've met my reading target — I finished two books.",
};
const char* const kParentVoices[] = {
    "Really pleased with the progress in English this half-term.",
    "We've noticed more reading at home.",
    "Mornings have been difficult; we'd like more contact from school.",
    "Could the spelling list be sent home?",
    "Thank you for the support with homework club.",
    "We're happy with how things are going.",
    "Unable to attend; spoke to the tutor by phone and agreed the targets.",
    "Dad asked about extra maths practice online.",
    "Mum would like to know more about the exam access arrangements.",
    "Pleased that friendships have settled down.",
};
const char* const kCarerVoices[] = {
    "Carer reports a settled placement and better sleep.",
    "Carer would like reading books sent home.",
    "Social worker attended; contact arrangements are changing next month.",
    "Carer pleased with progress; PEP targets aligned.",
};
const char* const kSummaries[] = {
    "Good progress on most targets; a new reading target agreed.",
    "A settled half-term. Keep the current strategies.",
    "Attendance has slipped; follow-up agreed with the pastoral team.",
    "Targets mostly achieved; stretch targets set.",
    "Anxiety discussed; referral to the school counsellor agreed.",
    "Steady progress. Praise from several subject teachers.",
    "Mixed half-term: strong in practical subjects, less so in writing.",
};
const char* const kInterim[] = {"On track.", "Some progress since the last review.", "Early days — keep going.",
                                "Slower progress this half-term.", "Good progress in most subjects."};
const char* const kAchieved[] = {"Met consistently — well done!", "Achieved; subject teachers agree.",
                                 "Achieved ahead of the review date."};
const char* const kPartly[] = {"Good progress but not yet consistent.", "Met in some subjects, not yet in others.",
                               "Nearly there; carried forward with more support."};
const char* const kNotAchieved[] = {"Not met yet — support continues.", "Little change; a new strategy agreed.",
                                    "Absence made this hard; target to be revisited."};
const char* const kDiscontinued[] = {"No longer relevant after the timetable change.",
                                     "Replaced by a more specific target."};

} // namespace

PlanPhrases planPhrases(NeedArea area)
{
    switch (area) {
    case NeedArea::Cognition:
        return {kStrengths, kCognitionNeeds, kCognitionStrategies, kCognitionProvision};
    case NeedArea::Communication:
        return {kStrengths, kCommunicationNeeds, kCommunicationStrategies, kCommunicationProvision};
    case NeedArea::Wellbeing:
        return {kStrengths, kWellbeingNeeds, kWellbeingStrategies, kWellbeingProvision};
    case NeedArea::Sensory:
        break;
    }
    return {kStrengths, kSensoryNeeds, kSensoryStrategies, kSensoryProvision};
}

std::span<const char* const> generalStrengths() { return kStrengths; }
std::span<const char* const> generalNeeds() { return kGeneralNeeds; }
std::span<const char* const> generalStrategies() { return kGeneralStrategies; }
std::span<const char* const> homeLanguages() { return kHomeLanguages; }
std::span<const char* const> ehcProvision() { return kEhcProvision; }
std::span<const char* const> pupilPremiumProvision() { return kPupilPremiumProvision; }
std::span<const char* const> ealProvision() { return kEalProvision; }

std::span<const TargetIdea> targetIdeas() { return kTargets; }
std::span<const TargetIdea> senTargetIdeas() { return kSenTargets; }
std::span<const TargetIdea> stretchTargetIdeas() { return kStretchTargets; }

std::span<const char* const> agreedWith(bool lookedAfter, bool sen)
{
    if (lookedAfter)
        return kAgreedLookedAfter;
    return sen ? std::span<const char* const>(kAgreedSen) : std::span<const char* const>(kAgreedPupil);
}

std::span<const char* const> pupilVoices() { return kPupilVoices; }
std::span<const char* const> parentVoices(bool lookedAfter)
{
    return lookedAfter ? std::span<const char* const>(kCarerVoices) : std::span<const char* const>(kParentVoices);
}
std::span<const char* const> reviewSummaries() { return kSummaries; }
std::span<const char* const> interimNotes() { return kInterim; }
std::span<const char* const> achievedNotes() { return kAchieved; }
std::span<const char* const> partlyAchievedNotes() { return kPartly; }
std::span<const char* const> notAchievedNotes() { return kNotAchieved; }
std::span<const char* const> discontinuedNotes() { return kDiscontinued; }

} // namespace waymark::demo
