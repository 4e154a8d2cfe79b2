#include "demo/demonames.h"

#include <array>
#include <span>

namespace waymark::demo {

namespace {

using List = std::span<const char* const>;

struct Heritage
{
    int weight; // out of 100
    List girls;
    List boys;
    List families;
    int middleNamePercent;
    bool genderedFamilyNames; // Polish -ski / -cki become -ska / -cka for girls
};

// British and Irish.
const char* const kBritishGirls[] = {
    "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya",
    "Poppy", "Ella", "Evie", "Charlotte", "Florence", "Willow", "Phoebe", "Sienna", "Daisy", "Millie", "Ruby",
    "Emily", "Jessica", "Chloe", "Holly", "Erin", "Megan", "Niamh", "Eleanor", "Harriet", "Lucy", "Maisie",
    "Imogen", "Matilda", "Esme", "Hannah", "Scarlett", "Lola", "Elizabeth", "Rebecca", "Katherine", "Alexandra",
    "Caitlin", "Siobhan", "Ffion", "Seren", "Aoife", "Georgia", "Abigail", "Molly", "Bethany", "Summer"};
const char* const kBritishBoys[] = {
    "Oliver", "George", "Noah", "Arthur", "Leo", "Harry", "Oscar", "Archie", "Jack", "Charlie", "Freddie", "Alfie",
    "Theo", "Thomas", "Jacob", "Joshua", "William", "James", "Henry", "Lucas", "Finley", "Max", "Ethan", "Samuel",
    "Daniel", "Harrison", "Reuben", "Callum", "Kieran", "Owen", "Rhys", "Liam", "Connor", "Ryan", "Jake", "Tyler",
    "Louis", "Toby", "Dylan", "Sebastian", "Alexander", "Benjamin", "Christopher", "Matthew", "Nicholas",
    "Frederick", "Theodore", "Cian", "Seán", "Evan", "Lewis", "Morgan", "Riley", "Jenson"};
const char* const kBritishFamilies[] = {
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson",
    "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Hughes", "Edwards",
    "Turner", "Hill", "Cooper", "Ward", "Harris", "Martin", "Morris", "Baker", "Moore", "King", "Lewis", "Allen",
    "Mitchell", "Harrison", "Bennett", "Shaw", "Lloyd", "Murphy", "O'Brien", "Kelly", "Byrne", "Gallagher",
    "McDonald", "Campbell", "Stewart", "Fraser", "Pearson", "Holmes", "Marsh", "Fletcher", "Barker", "Chapman",
    "Webb", "Parry", "Rowe", "Dixon", "Atkinson", "Sutton", "Lloyd-Davies", "Hamilton-Smith", "O'Connor",
    "Price", "Morgan", "Griffiths", "Hayes", "Walsh", "Foster", "Knight"};

// Polish, Romanian and Lithuanian: Polish -ski / -cki names become -ska / -cka for girls.
const char* const kPolishGirls[] = {"Zuzanna", "Julia", "Maja", "Zofia", "Hanna", "Oliwia", "Natalia", "Alicja",
                                    "Łucja", "Wiktoria", "Lena", "Amelia"};
const char* const kPolishBoys[] = {"Jakub", "Szymon", "Kacper", "Filip", "Antoni", "Mateusz", "Michał", "Łukasz",
                                   "Mikołaj", "Dawid", "Oskar", "Wojciech"};
const char* const kPolishFamilies[] = {"Nowak", "Kowalski", "Wiśniewski", "Lewandowski", "Kaczmarek", "Mazur",
                                       "Krawczyk", "Zając", "Wróbel", "Jasiński", "Nowicki", "Wójcik"};
const char* const kRomanianGirls[] = {"Ioana", "Andreea", "Elena", "Maria", "Daria", "Bianca", "Alexia"};
const char* const kRomanianBoys[] = {"Andrei", "Luca", "Matei", "Ștefan", "David", "Alexandru", "Mihai"};
const char* const kRomanianFamilies[] = {"Popescu", "Ionescu", "Dumitru", "Stan", "Radu", "Popa", "Constantin"};
const char* const kLithuanianGirls[] = {"Gabija", "Emilija", "Austėja", "Urtė", "Kamilė"};
const char* const kLithuanianBoys[] = {"Matas", "Lukas", "Jokūbas", "Dominykas", "Nojus"};
const char* const kLithuanianFamilies[] = {"Petrauskas", "Kazlauskas", "Jankauskas", "Stankevičius"};

// Pakistani and Bangladeshi.
const char* const kPakistaniGirls[] = {"Aisha", "Fatima", "Zara", "Maryam", "Inaya", "Hafsa", "Amira", "Nadia",
                                       "Sana", "Ruqayyah", "Tasnim", "Nusrat", "Jannat", "Safa", "Alina"};
const char* const kPakistaniBoys[] = {"Muhammad", "Mohammed", "Ibrahim", "Yusuf", "Zayn", "Ayaan", "Hamza",
                                      "Ali", "Rayyan", "Imran", "Tahmid", "Sami", "Zakariya", "Abdullah"};
const char* const kPakistaniFamilies[] = {"Khan", "Ahmed", "Hussain", "Ali", "Iqbal", "Rahman", "Islam",
                                          "Chowdhury", "Uddin", "Miah", "Malik", "Akhtar", "Mahmood", "Bhatti",
                                          "Qureshi"};
// Indian: Gujarati, Punjabi and others.
const char* const kIndianGirls[] = {"Priya", "Aanya", "Diya", "Simran", "Ishita", "Harleen", "Anika", "Kavya",
                                    "Jasleen", "Riya"};
const char* const kIndianBoys[] = {"Arjun", "Aarav", "Rohan", "Vihaan", "Kabir", "Harjot", "Dev", "Ishaan",
                                   "Armaan", "Gurveer"};
const char* const kIndianFamilies[] = {"Patel", "Shah", "Singh", "Sharma", "Mistry", "Gill", "Sandhu", "Dhillon",
                                       "Chauhan", "Parmar", "Joshi", "Mehta"};

// Black African (West Africa), Black Caribbean and Somali.
const char* const kWestAfricanGirls[] = {"Amara", "Chioma", "Adaeze", "Ifeoma", "Abena", "Esi", "Precious",
                                         "Blessing", "Ama", "Oluwatobiloba", "Favour", "Deborah"};
const char* const kWestAfricanBoys[] = {"Kwame", "Kofi", "Chidi", "Emeka", "Tobi", "Oluwaseun", "Oluwadamilare",
                                        "Samuel", "Daniel", "Kayode", "Joshua", "Nathaniel"};
const char* const kWestAfricanFamilies[] = {"Okafor", "Adeyemi", "Mensah", "Boateng", "Asante", "Osei", "Okonkwo",
                                            "Adebayo", "Nwosu", "Eze", "Owusu", "Oyelaran"};
const char* const kCaribbeanGirls[] = {"Shanice", "Aaliyah", "Tiana", "Jada", "Imani", "Nia", "Kezia", "Leah"};
const char* const kCaribbeanBoys[] = {"Jayden", "Tyrese", "Malachi", "Elijah", "Marcus", "Jamal", "Kai", "Isaiah"};
const char* const kCaribbeanFamilies[] = {"Campbell", "Francis", "Grant", "Brown", "Clarke", "Hylton", "Thomas",
                                          "Williams", "Bailey", "Samuels"};
const char* const kSomaliGirls[] = {"Hodan", "Zainab", "Ayan", "Fadumo", "Ikran", "Hibo", "Sagal"};
const char* const kSomaliBoys[] = {"Abdi", "Mohamed", "Abdirahman", "Liban", "Hassan", "Yahye", "Khalid"};
const char* const kSomaliFamilies[] = {"Abdi", "Farah", "Hassan", "Mohamud", "Ahmed", "Warsame", "Osman"};

// Chinese and Vietnamese.
const char* const kChineseGirls[] = {"Mei", "Yan", "Jia", "Xinyi", "Zixuan", "Yutong", "Grace"};
const char* const kChineseBoys[] = {"Wei", "Jun", "Hao", "Ming", "Zihan", "Haoran", "Kai"};
const char* const kChineseFamilies[] = {"Wang", "Li", "Chen", "Zhang", "Liu", "Wong", "Chan", "Huang", "Yeung"};
const char* const kVietnameseGirls[] = {"Linh", "Hoa", "Anh", "Mai", "Thu"};
const char* const kVietnameseBoys[] = {"Minh", "Bao", "Duc", "Khoa", "Nam"};
const char* const kVietnameseFamilies[] = {"Nguyen", "Tran", "Le", "Pham", "Hoang"};

// Arab, and Turkish and Kurdish.
const char* const kArabGirls[] = {"Layla", "Noor", "Mariam", "Yasmin", "Lina", "Rana", "Hana"};
const char* const kArabBoys[] = {"Omar", "Yusuf", "Ahmad", "Karim", "Adam", "Khalid", "Hassan"};
const char* const kArabFamilies[] = {"Hassan", "Abdullah", "Saleh", "Aziz", "Haddad", "Mansour", "Al-Sayed"};
const char* const kTurkishGirls[] = {"Elif", "Zeynep", "Dilan", "Ecrin", "Azra"};
const char* const kTurkishBoys[] = {"Emre", "Mustafa", "Aras", "Yusuf", "Kerem"};
const char* const kTurkishFamilies[] = {"Yılmaz", "Demir", "Kaya", "Şahin", "Doğan", "Aydın"};

const Heritage kHeritages[] = {
    {66, kBritishGirls, kBritishBoys, kBritishFamilies, 70, false},
    {4, kPolishGirls, kPolishBoys, kPolishFamilies, 25, true},
    {2, kRomanianGirls, kRomanianBoys, kRomanianFamilies, 25, false},
    {1, kLithuanianGirls, kLithuanianBoys, kLithuanianFamilies, 20, false},
    {8, kPakistaniGirls, kPakistaniBoys, kPakistaniFamilies, 35, false},
    {5, kIndianGirls, kIndianBoys, kIndianFamilies, 30, false},
    {4, kWestAfricanGirls, kWestAfricanBoys, kWestAfricanFamilies, 60, false},
    {2, kCaribbeanGirls, kCaribbeanBoys, kCaribbeanFamilies, 55, false},
    {2, kSomaliGirls, kSomaliBoys, kSomaliFamilies, 20, false},
    {2, kChineseGirls, kChineseBoys, kChineseFamilies, 10, false},
    {1, kVietnameseGirls, kVietnameseBoys, kVietnameseFamilies, 10, false},
    {2, kArabGirls, kArabBoys, kArabFamilies, 30, false},
    {1, kTurkishGirls, kTurkishBoys, kTurkishFamilies, 25, false},
};

// Names of teachers born 1965-1998 differ from their pupils'.
const char* const kAdultWomen[] = {"Sarah", "Emma", "Claire", "Rachel", "Laura", "Helen", "Joanne", "Rebecca",
                                   "Katie", "Gemma", "Nicola", "Louise", "Victoria", "Amy", "Hayley", "Kirsty",
                                   "Lisa", "Catherine", "Jennifer", "Anna", "Fiona", "Siân", "Lauren", "Charlotte"};
const char* const kAdultMen[] = {"Mark", "Paul", "David", "Richard", "Andrew", "Stephen", "Matthew", "Gareth",
                                 "Simon", "Jonathan", "Christopher", "Neil", "Darren", "Robert", "Michael", "Adam",
                                 "Daniel", "Ian", "Thomas", "James", "Craig", "Owen", "Ben", "Peter"};

const Heritage& pickHeritage(Random& r)
{
    int roll = r.range(0, 99);
    for (const Heritage& h : kHeritages) {
        if (roll < h.weight)
            return h;
        roll -= h.weight;
    }
    return kHeritages[0];
}

QString familyFor(const Heritage& h, Random& r, bool female)
{
    QString family = QString::fromUtf8(r.pick(h.families));
    if (female && h.genderedFamilyNames && (family.endsWith(QLatin1String("ski")) || family.endsWith(QLatin1String("cki"))))
        family[family.size() - 1] = QLatin1Char('a');
    return family;
}

QString givenFrom(const Heritage& h, Random& r, bool female)
{
    return QString::fromUtf8(r.pick(female ? h.girls : h.boys));
}

struct ShortForm
{
    const char* full;
    const char* shortForm;
};
const ShortForm kShortForms[] = {
    {"Alexander", "Alex"}, {"Alexandra", "Lexi"}, {"Benjamin", "Ben"},   {"Christopher", "Chris"},
    {"Elizabeth", "Beth"}, {"Katherine", "Kate"}, {"Matthew", "Matt"},   {"Nicholas", "Nick"},
    {"Oliver", "Ollie"},   {"Samuel", "Sam"},     {"Thomas", "Tom"},     {"William", "Will"},
    {"Joshua", "Josh"},    {"Jessica", "Jess"},   {"Rebecca", "Becca"},  {"Isabella", "Bella"},
    {"Frederick", "Fred"}, {"Theodore", "Theo"},  {"Eleanor", "Ellie"},  {"Abigail", "Abbie"},
    {"Oluwaseun", "Seun"}, {"Oluwatobiloba", "Tobi"}, {"Oluwadamilare", "Dami"}, {"Zuzanna", "Zuzia"},
    {"Mikołaj", "Miki"},   {"Xinyi", "Cindy"},    {"Haoran", "Henry"},   {"Zakariya", "Zak"},
    {"Abdirahman", "Abdi"}, {"Alexandru", "Alex"}, {"Wojciech", "Wojtek"},
    {"Muhammad", "Mo"},    {"Sebastian", "Seb"},  {"Daniel", "Danny"},   {"Nathaniel", "Nate"},
};

const Place kPlaces[] = {
    {"Ashford", 886},     {"Faversham", 886},   {"Sevenoaks", 886},  {"Guildford", 936},   {"Woking", 936},
    {"Stevenage", 919},   {"Hitchin", 919},     {"Erdington", 330},  {"Kings Heath", 330}, {"Horsforth", 383},
    {"Headingley", 383},  {"Grantham", 925},    {"Boston", 925},     {"Loughborough", 855}, {"Hinckley", 855},
    {"Ely", 873},         {"St Neots", 873},    {"Mansfield", 891},  {"Newark", 891},      {"Truro", 908},
    {"Bodmin", 908},      {"Tiverton", 878},    {"Barnstaple", 878}, {"Chorley", 888},     {"Clitheroe", 888},
};

const char* const kStems[] = {"Oakfield", "Riverside", "Kingsmead", "Hillcrest", "Meadowbank", "Castle View",
                              "Brookside", "Highfields", "Westfield", "St Aidan's", "Holy Trinity", "Beacon Hill"};
const char* const kSuffixes[] = {"Academy", "High School", "School", "Community College", "Academy",
                                 "Church of England Academy"};

const char* const kHouses[] = {"Austen", "Brunel", "Curie", "Darwin", "Franklin", "Hawking", "Lovelace",
                               "Nightingale", "Seacole", "Turing"};

} // namespace

PersonName pupilName(Random& r, bool female)
{
    const Heritage& given = pickHeritage(r);
    // About one child in fourteen has parents of different heritages.
    const Heritage& family = r.chance(0.07) ? pickHeritage(r) : given;
    PersonName name;
    name.heritage = int(&given - &kHeritages[0]);
    name.given = givenFrom(given, r, female);
    if (r.range(0, 99) < given.middleNamePercent) {
        name.middle = givenFrom(r.chance(0.8) ? given : family, r, female);
        if (name.middle == name.given)
            name.middle.clear();
        else if (r.chance(0.08))
            name.middle += QLatin1Char(' ') + givenFrom(given, r, female);
    }
    name.family = familyFor(family, r, female);
    return name;
}

PersonName staffName(Random& r, bool female)
{
    const Heritage& h = pickHeritage(r);
    PersonName name;
    name.given = &h == &kHeritages[0] || r.chance(0.4) ? QString::fromUtf8(r.pick(female ? kAdultWomen : kAdultMen))
                                                       : givenFrom(h, r, female);
    name.family = familyFor(h, r, female);
    return name;
}

QString shortFormOf(const QString& given)
{
    for (const ShortForm& s : kShortForms) {
        if (given == QString::fromUtf8(s.full))
            return QString::fromUtf8(s.shortForm);
    }
    return {};
}

Place schoolPlace(Random& r)
{
    return r.pick(kPlaces);
}

QString schoolName(Random& r, const Place& place)
{
    const QString stem = r.chance(0.4) ? QString::fromUtf8(place.town) : QString::fromUtf8(r.pick(kStems));
    return stem + QLatin1Char(' ') + QString::fromUtf8(r.pick(kSuffixes));
}

QString houseName(int index)
{
    constexpr int count = int(std::size(kHouses));
    const QString house = QString::fromUtf8(kHouses[index % count]);
    // Ten houses, then numbered groups within each: "Turing 2".
    return house + QLatin1Char(' ') + QString::number(index / count + 1);
}

} // namespace waymark::demo
