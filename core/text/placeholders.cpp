#include "text/placeholders.h"

#include "domain/entities.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>

namespace waymark::text {

namespace {

struct KnownSet
{
    const char* they;
    const char* them;
    const char* their;
    const char* theirs;
    const char* themself;
    bool plural;
};

// Sets a school may record, by their first two forms; for a first form alone, the first listed
// with it is meant ("ze" is ze/zir, the commoner).
constexpr KnownSet kKnownSets[] = {
    {"he", "him", "his", "his", "himself", false},
    {"she", "her", "her", "hers", "herself", false},
    {"they", "them", "their", "theirs", "themselves", true},
    {"it", "it", "its", "its", "itself", false},
    {"xe", "xem", "xyr", "xyrs", "xemself", false},
    {"xe", "xir", "xir", "xirs", "xirself", false},
    {"ze", "zir", "zir", "zirs", "zirself", false},
    {"ze", "hir", "hir", "hirs", "hirself", false},
    {"ze", "zem", "zes", "zes", "zirself", false},
    {"zie", "zir", "zir", "zirs", "zirself", false},
    {"zie", "hir", "hir", "hirs", "hirself", false},
    {"sie", "hir", "hir", "hirs", "hirself", false},
    {"ey", "em", "eir", "eirs", "emself", false},
    {"e", "em", "eir", "eirs", "emself", false},
    {"fae", "faer", "faer", "faers", "faerself", false},
    {"ve", "ver", "vis", "vis", "verself", false},
    {"per", "per", "pers", "pers", "perself", false},
};

// First names that are also everyday words: written in lower case, they are the word.
const QSet<QString>& everydayWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> out;
        for (const char* w :
             {"al",       "amber",  "angel",    "april", "art",      "ash",      "august",  "autumn",  "bay",
              "bear",     "bill",   "blessing", "bo",    "brook",    "chase",    "clay",    "cliff",   "crystal",
              "daisy",    "dale",   "dawn",     "dean",  "destiny",  "don",      "drew",    "earl",    "eve",
              "faith",    "finch",  "fox",      "frank", "gene",     "gift",     "glen",    "grace",   "grant",
              "guy",      "hale",   "harmony",  "haven", "hazel",    "heath",    "heather", "holly",   "honey",
              "hope",     "hunter", "iris",     "ivy",   "jack",     "jade",     "jay",     "jo",      "journey",
              "joy",      "june",   "justice",  "king",  "kit",      "lark",     "lee",     "liberty", "lily",
              "mark",     "max",    "may",      "miles", "misty",    "mo",       "noble",   "page",    "pat",
              "patience", "pearl",  "penny",    "pip",   "poppy",    "precious", "prince",  "raven",   "ray",
              "reed",     "rich",   "river",    "rob",   "robin",    "rocky",    "rose",    "ruby",    "rusty",
              "sage",     "sandy",  "sky",      "star",  "sterling", "storm",    "sue",     "summer",  "sunny",
              "true",     "violet", "wade",     "will",  "willow",   "wolf",     "wren"})
            out.insert(QString::fromLatin1(w));
        return out;
    }();
    return words;
}

bool isApostrophe(QChar c)
{
    return c == QLatin1Char('\'') || c == QChar(0x2019) || c == QChar(0x02BC) || c == QChar(0x2018);
}

QString capitalised(const QString& word)
{
    if (word.isEmpty())
        return word;
    // A surrogate pair (a letter outside the BMP) is left as it is.
    return word.at(0).isSurrogate() ? word : word.at(0).toUpper() + word.mid(1);
}

QStringList formsIn(const QString& pronouns)
{
    static const QRegularExpression notLetters(QStringLiteral("[^\\p{L}]+"));
    QStringList forms;
    for (const QString& word : pronouns.toLower().split(notLetters, Qt::SkipEmptyParts))
        if (word != QLatin1String("pronouns") && word != QLatin1String("pronoun"))
            forms << word;
    return forms;
}

PronounForms fromKnown(const KnownSet& k)
{
    return {QString::fromLatin1(k.they),   QString::fromLatin1(k.them),     QString::fromLatin1(k.their),
            QString::fromLatin1(k.theirs), QString::fromLatin1(k.themself), k.plural};
}

const KnownSet& theySet()
{
    return kKnownSets[2];
}

bool isKnownSubject(const QString& form)
{
    return std::any_of(std::begin(kKnownSets), std::end(kKnownSets),
                       [&](const KnownSet& k) { return form == QLatin1String(k.they); });
}

// The known set whose first form (and second, when written) the pronouns start with.
std::optional<KnownSet> knownSetFor(const QStringList& forms)
{
    for (const KnownSet& k : kKnownSets)
        if (forms.value(0) == QLatin1String(k.they) && (forms.size() == 1 || forms.at(1) == QLatin1String(k.them)))
            return k;
    return std::nullopt;
}

bool endsReflexive(const QString& form)
{
    return form.endsWith(QLatin1String("self")) || form.endsWith(QLatin1String("selves"));
}

// "{they}" followed by one of these verbs: the form it takes after a singular subject, and after
// "they". Written out, with "n't" read separately.
struct VerbPair
{
    const char* singular;
    const char* plural;
};
constexpr VerbPair kVerbs[] = {{"is", "are"}, {"was", "were"}, {"has", "have"}, {"does", "do"}};

// The verb as it must be after a subject taking singular (or plural) verbs, or empty if `word` is
// none of those Waymark makes agree.
QString agreeingVerb(const QString& word, bool plural)
{
    QString base = word;
    QString negative;
    if (base.size() > 3 && base.endsWith(QLatin1Char('t')) && isApostrophe(base.at(base.size() - 2)) &&
        base.at(base.size() - 3).toLower() == QLatin1Char('n')) {
        negative = base.right(3);
        base.chop(3);
    }
    const QString lower = base.toLower();
    for (const VerbPair& v : kVerbs) {
        const QString singular = QString::fromLatin1(v.singular);
        const QString pluralForm = QString::fromLatin1(v.plural);
        if (lower != singular && lower != pluralForm)
            continue;
        QString wanted = plural ? pluralForm : singular;
        if (base.at(0).isUpper())
            wanted = capitalised(wanted);
        return wanted + negative;
    }
    return {};
}

// Whether text written so far ends where a sentence starts: at the start (for a whole sentence),
// after a line break, or after . ! ? and a space (but not "e.g." or "i.e."), opening quotes and
// brackets aside.
bool startsSentence(const QString& written, TextStart start)
{
    int i = int(written.size()) - 1;
    bool space = false;
    while (i >= 0) {
        const QChar c = written.at(i);
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            return true;
        if (c.isSpace()) {
            space = true;
        } else if (!(c == QLatin1Char('"') || c == QChar(0x201C) || c == QChar(0x2018) || c == QLatin1Char('(') ||
                     c == QLatin1Char('[') || (isApostrophe(c) && !space))) {
            break;
        }
        --i;
    }
    if (i < 0)
        return start == TextStart::Sentence;
    const QChar c = written.at(i);
    if (!space || !(c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?')))
        return false;
    const QString before = written.left(i + 1).right(4).toLower();
    return !(before.endsWith(QLatin1String("e.g.")) || before.endsWith(QLatin1String("i.e.")));
}

QString patternFor(const QString& name)
{
    QString pattern;
    bool space = false;
    for (const QChar c : name) {
        if (c.isSpace()) {
            if (!space)
                pattern += QStringLiteral("\\s+");
            space = true;
            continue;
        }
        space = false;
        if (isApostrophe(c))
            pattern += QStringLiteral("['\\x{2019}\\x{02BC}\\x{2018}]");
        else if (c == QLatin1Char('-') || c == QChar(0x2010) || c == QChar(0x2011))
            pattern += QStringLiteral("[-\\x{2010}\\x{2011}]");
        else
            pattern += QRegularExpression::escape(QString(c));
    }
    // A whole name: not part of a longer word, nor of a hyphenated or apostrophed one ("Jo" is not
    // in "Jo-Anne", "Neil" not in "O'Neil"); "Sam's" is Sam.
    return QStringLiteral("(?<![\\p{L}\\p{N}\\p{M}])(?<!\\p{L}[-'\\x{2019}\\x{02BC}])") + pattern +
           QStringLiteral("(?![\\p{L}\\p{N}\\p{M}])(?![-\\x{2010}\\x{2011}]\\p{L})");
}

} // namespace

PupilWords pupilWords(const Pupil& pupil)
{
    const QString legal = pupil.legalGivenName.simplified();
    const QString preferred = pupil.preferredGivenName.simplified();
    return {preferred.isEmpty() ? legal : preferred, legal, pupil.pronouns};
}

PronounForms pronounForms(const QString& pronouns, const QString& name)
{
    QStringList forms = formsIn(pronouns);
    const QString possessiveName = name.isEmpty() ? QString() : name + QStringLiteral("'s");
    const auto onlyOf = [&](std::initializer_list<const char*> words) {
        return !forms.isEmpty() && std::all_of(forms.begin(), forms.end(), [&](const QString& f) {
            return std::any_of(words.begin(), words.end(), [&](const char* w) { return f == QLatin1String(w); });
        });
    };
    if (forms.isEmpty() || onlyOf({"any", "all", "or", "and"}))
        return fromKnown(theySet());
    if (forms.contains(QLatin1String("name")) || onlyOf({"none", "no"}))
        return {name, name, possessiveName, possessiveName, name, false};

    // "she/they", "he/they": the first set is used.
    if (forms.size() >= 2 && isKnownSubject(forms.at(1))) {
        const std::optional<KnownSet> first = knownSetFor(forms.mid(0, 1));
        if (!first || forms.at(1) != QLatin1String(first->them))
            forms = forms.mid(0, 1);
    }
    forms = forms.mid(0, 5);

    const std::optional<KnownSet> known = knownSetFor(forms);
    const bool knownMatches = known.has_value();
    PronounForms out;
    if (knownMatches)
        out = fromKnown(*known);
    out.they = forms.at(0);
    if (forms.size() >= 2)
        out.them = forms.at(1);
    if (forms.size() == 3) {
        const QString c = forms.at(2);
        if (knownMatches && c == QLatin1String(known->their))
            out.their = c;
        else if (knownMatches && c == QLatin1String(known->theirs))
            out.theirs = c;
        else if (endsReflexive(c))
            out.themself = c;
        else if (!knownMatches && c.size() > 1 && c.endsWith(QLatin1Char('s')) && c.chopped(1) == out.them)
            out.theirs = c; // "ze/hir/hirs": the possessive is the object form
        else
            out.their = c;
    } else if (forms.size() == 4) {
        out.their = forms.at(2);
        if (endsReflexive(forms.at(3)))
            out.themself = forms.at(3);
        else
            out.theirs = forms.at(3);
    } else if (forms.size() == 5) {
        out.their = forms.at(2);
        out.theirs = forms.at(3);
        out.themself = forms.at(4);
    }
    if (!knownMatches) {
        // A set of the pupil's own: what is not written is made from what is, else the name.
        out.pluralVerbs = false;
        if (out.their.isEmpty() && !out.theirs.isEmpty() && out.theirs.chopped(1) == out.them)
            out.their = out.them;
        if (out.theirs.isEmpty() && !out.their.isEmpty())
            out.theirs = out.their.endsWith(QLatin1Char('s')) ? out.their : out.their + QLatin1Char('s');
        if (out.themself.isEmpty() && !out.them.isEmpty())
            out.themself = out.them + QStringLiteral("self");
        if (out.them.isEmpty())
            out.them = name;
        if (out.their.isEmpty())
            out.their = possessiveName;
        if (out.theirs.isEmpty())
            out.theirs = possessiveName;
        if (out.themself.isEmpty())
            out.themself = name;
    }
    return out;
}

QString fillPlaceholders(const QString& text, const PupilWords& pupil, TextStart start)
{
    if (!text.contains(QLatin1Char('{')))
        return text;
    const QString name = pupil.name.simplified();
    const PronounForms forms = pronounForms(pupil.pronouns, name);
    static const QRegularExpression token(QStringLiteral("\\{(\\p{L}+)\\}"));
    static const QRegularExpression nextWord(
        QStringLiteral("\\G (\\p{L}+(?:['\\x{2019}\\x{02BC}]\\p{L}+)?)(?!\\p{L})"));
    QString out;
    out.reserve(text.size() + 32);
    qsizetype at = 0;
    QRegularExpressionMatchIterator it = token.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() < at)
            continue; // inside a verb already read
        out += QStringView(text).mid(at, m.capturedStart() - at);
        at = m.capturedEnd();
        const QString written = m.captured(1);
        const QString key = written.toLower();
        QString value;
        if (key == QLatin1String("name"))
            value = name;
        else if (key == QLatin1String("they"))
            value = forms.they;
        else if (key == QLatin1String("them"))
            value = forms.them;
        else if (key == QLatin1String("their"))
            value = forms.their;
        else if (key == QLatin1String("theirs"))
            value = forms.theirs;
        else if (key == QLatin1String("themself") || key == QLatin1String("themselves"))
            value = forms.themself;
        if (value.isEmpty()) {
            out += m.captured(0); // not a placeholder, or nothing to fill it with
            continue;
        }
        if (written.at(0).isUpper() || startsSentence(out, start))
            value = capitalised(value);
        out += value;
        if (key == QLatin1String("they")) {
            const QRegularExpressionMatch verb = nextWord.match(text, at);
            if (verb.hasMatch()) {
                const QString agreed = agreeingVerb(verb.captured(1), forms.pluralVerbs);
                if (!agreed.isEmpty()) {
                    out += QLatin1Char(' ') + agreed;
                    at = verb.capturedEnd();
                }
            }
        }
    }
    out += QStringView(text).mid(at);
    return out;
}

QString toPlaceholders(const QString& text, const PupilWords& pupil)
{
    QStringList names;
    for (const QString& n : {pupil.name.simplified(), pupil.legalName.simplified()})
        if (!n.isEmpty() && !names.contains(n, Qt::CaseInsensitive))
            names << n;
    // The longer first, so that "Samantha" is whole before "Sam" is looked for.
    std::sort(names.begin(), names.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
    const QString placeholder = QStringLiteral("{name}");
    QString out = text;
    for (const QString& name : names) {
        const QRegularExpression re(patternFor(name), QRegularExpression::CaseInsensitiveOption |
                                                          QRegularExpression::UseUnicodePropertiesOption);
        const bool everyday = everydayWords().contains(name.toLower());
        QString replaced;
        qsizetype at = 0;
        QRegularExpressionMatchIterator it = re.globalMatch(out);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            const QString found = m.captured(0);
            const bool lowerCase = found == found.toLower();
            // Inside a placeholder already made ("{name}" for a pupil called Name) nothing changes.
            const bool inBraces = m.capturedStart() > 0 && out.at(m.capturedStart() - 1) == QLatin1Char('{');
            if ((lowerCase && everyday) || inBraces)
                continue;
            replaced += QStringView(out).mid(at, m.capturedStart() - at);
            replaced += placeholder;
            at = m.capturedEnd();
        }
        replaced += QStringView(out).mid(at);
        out = replaced;
    }
    return out;
}

QStringList knownPlaceholders()
{
    return {QStringLiteral("{name}"),  QStringLiteral("{they}"),   QStringLiteral("{them}"),
            QStringLiteral("{their}"), QStringLiteral("{theirs}"), QStringLiteral("{themself}")};
}

QStringList unknownPlaceholders(const QString& text)
{
    static const QRegularExpression token(QStringLiteral("\\{(\\p{L}+)\\}"));
    QStringList known;
    for (const QString& k : knownPlaceholders())
        known << k.toLower();
    known << QStringLiteral("{themselves}");
    QStringList out;
    QRegularExpressionMatchIterator it = token.globalMatch(text);
    while (it.hasNext()) {
        const QString found = it.next().captured(0);
        if (!known.contains(found.toLower()) && !out.contains(found))
            out << found;
    }
    return out;
}

} // namespace waymark::text
