#include "demo/democurriculum.h"

#include <array>

namespace waymark::demo {

namespace {

const SubjectInfo kSubjects[] = {
    {"English", "EN", 4, true, false},
    {"Mathematics", "MA", 4, true, false},
    {"Science", "SC", 4, true, false},
    {"History", "HI", 2, false, true},
    {"Geography", "GG", 2, false, true},
    {"French", "FR", 2, false, true},
    {"Art and Design", "AR", 1, false, true},
    {"Computing", "CO", 1, false, true},
    {"Physical Education", "PE", 2, false, false},
    {"Music", "MU", 1, false, true},
    {"Religious Education", "RE", 1, false, true},
    {"Design and Technology", "DT", 1, false, true},
    {"Drama", "DR", 1, false, true},
};

const Topic kEnglishTopics[] = {
    {"Gothic short stories", "To explore how writers build tension and atmosphere", false},
    {"Shakespeare: A Midsummer Night's Dream", "To understand how Shakespeare presents conflict and comedy", false},
    {"Writing to persuade", "To write a persuasive speech that uses rhetoric with purpose", false},
    {"Poetry from other cultures", "To compare how poets present identity and belonging", false},
    {"Oliver Twist", "To analyse how Dickens presents poverty and childhood", false},
    {"Descriptive writing", "To craft vivid description using varied sentence structures", false},
    {"Macbeth", "To analyse how Shakespeare presents ambition and guilt", true},
    {"An Inspector Calls", "To explore Priestley's message about responsibility", true},
    {"Power and conflict poetry", "To compare how poets present the effects of conflict", true},
    {"Language Paper 1: fiction", "To evaluate a writer's methods with close reference to the text", true},
};
const Topic kMathsTopics[] = {
    {"Place value and rounding", "To round numbers to decimal places and significant figures", false},
    {"Fractions, decimals and percentages", "To convert fluently between fractions, decimals and percentages",
     false},
    {"Algebraic expressions", "To simplify and expand algebraic expressions", false},
    {"Angles and polygons", "To use angle facts to find missing angles with reasons", false},
    {"Ratio and proportion", "To share quantities in a given ratio and solve proportion problems", false},
    {"Linear equations", "To solve linear equations with unknowns on both sides", false},
    {"Quadratic equations", "To solve quadratic equations by factorising and by the formula", true},
    {"Trigonometry", "To use sine, cosine and tangent to find missing sides and angles", true},
    {"Probability", "To calculate probabilities of combined events with tree diagrams", true},
    {"Simultaneous equations", "To solve a pair of simultaneous equations algebraically", true},
};
const Topic kScienceTopics[] = {
    {"Cells and microscopes", "To describe the structure of plant and animal cells", false},
    {"Particles and states of matter", "To explain changes of state using the particle model", false},
    {"Forces and motion", "To calculate speed and describe balanced and unbalanced forces", false},
    {"Acids and alkalis", "To describe neutralisation and use the pH scale", false},
    {"Ecosystems", "To explain how organisms in a food web depend on each other", false},
    {"Electricity", "To measure current and voltage in series and parallel circuits", false},
    {"Atomic structure", "To describe the structure of the atom and how the model developed", true},
    {"Energy changes", "To calculate energy transfers and efficiency", true},
    {"Infection and response", "To explain how the body defends itself against pathogens", true},
    {"Chemical analysis", "To identify substances using chromatography and flame tests", true},
};
const Topic kHistoryTopics[] = {
    {"The Norman Conquest", "To explain why William won the Battle of Hastings", false},
    {"Medieval Church and society", "To assess how far the Church controlled people's lives", false},
    {"The Tudors and the Reformation", "To explain why Henry VIII broke with Rome", false},
    {"The transatlantic slave trade", "To analyse sources about the experience of enslaved people", false},
    {"The Industrial Revolution", "To assess how far life improved for workers", false},
    {"The First World War", "To explain the causes of the First World War", false},
    {"Medicine through time", "To explain why progress in medicine was slow before 1800", true},
    {"Weimar and Nazi Germany", "To explain how the Nazis consolidated power", true},
    {"Elizabethan England", "To assess the threats to Elizabeth I's rule", true},
    {"The Cold War", "To explain how the Cuban Missile Crisis developed", true},
};
const Topic kGeographyTopics[] = {
    {"Map skills", "To use grid references, scale and contour lines", false},
    {"Rivers and flooding", "To explain how rivers shape the landscape", false},
    {"Weather and climate", "To interpret climate graphs", false},
    {"Population and migration", "To explain push and pull factors in migration", false},
    {"Tectonic hazards", "To explain why people live near volcanoes", false},
    {"Development", "To compare measures of development between countries", false},
    {"Coasts", "To explain the formation of coastal landforms", true},
    {"Urban issues and challenges", "To evaluate a regeneration project in a UK city", true},
    {"The living world", "To explain how tropical rainforests are adapted and threatened", true},
    {"Resource management", "To evaluate strategies to increase food supply", true},
};
const Topic kFrenchTopics[] = {
    {"Moi et ma famille", "To describe myself and my family using adjectives that agree", false},
    {"Au collège", "To give opinions about school subjects with reasons", false},
    {"Le temps libre", "To talk about free-time activities in the present tense", false},
    {"En ville", "To ask for and give directions", false},
    {"Les vacances", "To describe a past holiday using the perfect tense", false},
    {"La nourriture", "To order food and drink politely", false},
    {"Identity and culture", "To discuss relationships using three time frames", true},
    {"Local area and travel", "To describe my town and how it could be improved", true},
    {"School and future plans", "To talk about future plans using the future tense", true},
    {"Global issues", "To express opinions about the environment with justification", true},
};
const Topic kArtTopics[] = {
    {"Formal elements", "To use line, tone and texture in observational drawing", false},
    {"Colour theory", "To mix and apply complementary colours", false},
    {"Portraits", "To draw a face in proportion", false},
    {"Natural forms", "To record natural forms using a range of media", false},
    {"Pop Art", "To create a print inspired by Pop Art", false},
    {"Sculpture", "To build a three-dimensional form from card", false},
    {"Personal investigation", "To develop ideas through sustained investigation of a theme", true},
    {"Artist research", "To analyse an artist's work and respond to it", true},
    {"Refining ideas", "To refine work by experimenting with media and techniques", true},
    {"Final outcome", "To realise intentions in a personal final piece", true},
};
const Topic kComputingTopics[] = {
    {"E-safety", "To explain how to stay safe and kind online", false},
    {"Algorithms", "To design algorithms using flowcharts and pseudocode", false},
    {"Programming in Python", "To write programs that use selection and iteration", false},
    {"Binary", "To convert between binary and denary", false},
    {"Networks", "To describe how data travels across the internet", false},
    {"Spreadsheets", "To model data using formulae", false},
    {"Computer systems", "To describe the purpose of the CPU and the fetch-execute cycle", true},
    {"Data representation", "To explain how images and sound are represented in binary", true},
    {"Programming project", "To design, write and test a program that solves a problem", true},
    {"Cyber security", "To identify threats to networks and how to prevent them", true},
};
const Topic kPeTopics[] = {
    {"Netball", "To pass and move into space to keep possession", false},
    {"Football", "To use a range of passes in a small-sided game", false},
    {"Gymnastics", "To link balances and rolls into a fluent sequence", false},
    {"Athletics", "To improve sprint start technique", false},
    {"Badminton", "To play an overhead clear with accuracy", false},
    {"Fitness", "To measure and improve components of fitness", false},
    {"Invasion games: leadership", "To lead a warm-up for a small group", true},
    {"Health and well-being", "To plan a personal exercise programme", true},
    {"Net and wall games", "To choose shots that outwit an opponent", true},
    {"Outdoor activities", "To solve problems as a team under pressure", true},
};
const Topic kMusicTopics[] = {
    {"Rhythm and pulse", "To keep a steady pulse and play rhythms in time", false},
    {"Keyboard skills", "To play a melody with correct fingering", false},
    {"The blues", "To improvise over a twelve-bar blues", false},
    {"Film music", "To explain how music creates mood in film", false},
    {"Ukulele chords", "To play a chord sequence with smooth changes", false},
    {"Composing with loops", "To compose a piece using loops in a structure", false},
    {"Areas of study: musical forms", "To identify musical forms and devices by ear", true},
    {"Performance", "To perform with accuracy and expression", true},
    {"Composition brief", "To compose to a brief using developed ideas", true},
    {"Listening and appraising", "To use musical vocabulary to describe a set work", true},
};
const Topic kReTopics[] = {
    {"What is religion?", "To explain what beliefs and practices religions share", false},
    {"Judaism", "To describe the importance of the Torah for Jews", false},
    {"Islam", "To explain the Five Pillars of Islam", false},
    {"Sikhism", "To explain the meaning of sewa", false},
    {"Christianity", "To explain Christian beliefs about the life of Jesus", false},
    {"Big questions", "To evaluate arguments about the existence of God", false},
    {"Relationships and families", "To compare religious views on marriage", true},
    {"Religion and life", "To evaluate religious views on the environment", true},
    {"Crime and punishment", "To evaluate religious attitudes to forgiveness", true},
    {"Peace and conflict", "To explain religious views on just war", true},
};
const Topic kDtTopics[] = {
    {"Workshop safety", "To use workshop tools safely", false},
    {"Design a desk tidy", "To design a product for a user's needs", false},
    {"Nutrition and cooking", "To plan and cook a healthy dish", false},
    {"Electronics: night light", "To build and test a simple circuit", false},
    {"Textiles: cushion", "To use a sewing machine to join fabric", false},
    {"CAD and CAM", "To design a product using CAD", false},
    {"Materials and their properties", "To select materials for a purpose", true},
    {"Iterative design", "To improve a design through prototypes and testing", true},
    {"Design context", "To investigate a design context and write a brief", true},
    {"Making the prototype", "To make a high-quality prototype", true},
};
const Topic kDramaTopics[] = {
    {"Freeze frames", "To communicate a moment using still images", false},
    {"Mime and movement", "To use movement to tell a story without words", false},
    {"Script work", "To interpret a script and bring a character to life", false},
    {"Devising", "To devise a piece of theatre from a stimulus", false},
    {"Physical theatre", "To use physical theatre techniques", false},
    {"Theatre in education", "To create theatre with a message for young people", false},
    {"Blood Brothers", "To explore how a set text can be staged", true},
    {"Devising portfolio", "To evaluate my contribution to a devised piece", true},
    {"Live theatre review", "To analyse a live production", true},
    {"Scripted performance", "To perform an extract from a published play", true},
};

const std::span<const Topic> kTopics[] = {kEnglishTopics, kMathsTopics, kScienceTopics, kHistoryTopics,
                                          kGeographyTopics, kFrenchTopics, kArtTopics, kComputingTopics,
                                          kPeTopics, kMusicTopics, kReTopics, kDtTopics, kDramaTopics};

const char* const kEnglishCriteria[] = {
    "I can make a clear point about the text", "I can use a well-chosen quotation as evidence",
    "I can explain the effect of a writer's language choice", "I can use subject terminology accurately",
    "I can link my ideas to the context of the text", "I can organise my writing in clear paragraphs",
    "I can use a range of punctuation accurately", "I can vary my sentence openings for effect"};
const char* const kMathsCriteria[] = {
    "I can show every step of my working", "I can choose an efficient method",
    "I can check my answer with an estimate", "I can use the correct units",
    "I can explain my reasoning in words", "I can apply the method to a problem in context",
    "I can spot and correct a common mistake", "I can give my answer to the required accuracy"};
const char* const kScienceCriteria[] = {
    "I can use key scientific vocabulary", "I can describe what the results show",
    "I can explain the results using scientific ideas", "I can identify the variables in an investigation",
    "I can draw a graph with labelled axes and a line of best fit", "I can carry out a calculation and show the formula",
    "I can suggest an improvement to the method", "I can evaluate the reliability of the data"};
const char* const kHumanitiesCriteria[] = {
    "I can describe the key features", "I can explain causes and consequences",
    "I can use specific evidence to support my points", "I can analyse a source for its usefulness",
    "I can reach a supported judgement", "I can use subject vocabulary accurately",
    "I can interpret a map, graph or photograph", "I can structure an extended answer"};
const char* const kLanguageCriteria[] = {
    "I can use key vocabulary accurately", "I can give an opinion with a reason",
    "I can use connectives to extend my sentences", "I can use more than one tense",
    "I can pronounce words clearly", "I can understand the main points of a text",
    "I can spell familiar words correctly", "I can make adjectives agree"};
const char* const kCreativeCriteria[] = {
    "I can explore ideas before choosing one", "I can use techniques with control",
    "I can refer to the work of others", "I can explain my choices",
    "I can refine my work after feedback", "I can present a finished outcome with care",
    "I can evaluate what worked and what I would change", "I can work safely and independently"};
const char* const kPracticalCriteria[] = {
    "I can follow the safety rules", "I can demonstrate the technique accurately",
    "I can work well with others", "I can explain how to improve a performance",
    "I can apply the skill under pressure", "I can show resilience when it is difficult",
    "I can test and evaluate my work", "I can plan the steps before I start"};

const std::span<const char* const> kCriteria[] = {
    kEnglishCriteria,   kMathsCriteria,      kScienceCriteria,    kHumanitiesCriteria, kHumanitiesCriteria,
    kLanguageCriteria,  kCreativeCriteria,   kPracticalCriteria,  kPracticalCriteria,  kCreativeCriteria,
    kHumanitiesCriteria, kPracticalCriteria, kCreativeCriteria};

const char* const kStepsRungs[] = {
    "EMG|Emerging|Beginning to use the key ideas with support",
    "DEV|Developing|Uses the key ideas in familiar tasks, with some prompting",
    "SEC|Secure|Uses the key ideas accurately and independently",
    "EXT|Extending|Applies the ideas to unfamiliar problems and explains why",
    "MAS|Mastering|Connects ideas across topics and can teach them to others"};
const char* const kReadingRungs[] = {
    "R1|Retrieves|Finds information that is stated in the text",
    "R2|Infers|Reads between the lines, with a quotation as evidence",
    "R3|Explains|Explains how a writer's choice creates an effect",
    "R4|Analyses|Analyses several methods and links them to the writer's purpose",
    "R5|Evaluates|Evaluates the text critically, weighing other readings",
    "R6|Perceptive|Offers original, perceptive readings supported by precise evidence"};
const char* const kReasoningRungs[] = {
    "M1|Fluent|Recalls the facts and methods needed",
    "M2|Applies|Chooses a method for a routine problem",
    "M3|Reasons|Explains and justifies each step",
    "M4|Solves|Solves multi-step problems in new contexts",
    "M5|Generalises|Spots patterns and proves they always hold"};

const LadderInfo kLadders[] = {
    {"ks3-steps", "KS3 learning steps", "Our school's Key Stage 3 ladder, used in every foundation subject",
     kStepsRungs},
    {"ks3-reading", "KS3 reading ladder", "How pupils grow as readers in Years 7 to 9", kReadingRungs},
    {"ks3-maths-reasoning", "KS3 mathematical reasoning", "From fluency to proof in Years 7 to 9",
     kReasoningRungs},
};

} // namespace

std::span<const SubjectInfo> subjects()
{
    return kSubjects;
}

std::span<const Topic> topicsFor(int subject)
{
    return kTopics[subject];
}

std::span<const char* const> criteriaFor(int subject)
{
    return kCriteria[subject];
}

std::span<const LadderInfo> customLadders()
{
    return kLadders;
}

static_assert(std::size(kSubjects) == std::size(kTopics) && std::size(kSubjects) == std::size(kCriteria));

} // namespace waymark::demo
