#pragma once

#include <QString>
#include <QStringList>

namespace waymark {
struct Pupil;
}

// The placeholders of the comment bank, filled in for one pupil as a comment is inserted, and made
// from a pupil's own words as a comment is added to the bank.
//
//   {name}      the pupil's preferred first name (else their legal one)
//   {they}      he, she, they, xe …      {them}      him, her, them, xem …
//   {their}     his, her, their, xyr …   {theirs}    his, hers, theirs, xyrs …
//   {themself}  himself, herself, themselves, xemself … ({themselves} is read the same)
//
// A placeholder written with a capital ({Name}, {They}) gives a capital; so does one that starts a
// sentence (after . ! or ? and a space, after a line break, or at the start of the text unless the
// text continues a phrase, as an "Even better if …" comment does). Braces around anything else
// ("{1, 2, 3}" in a maths comment, a misspelt "{nmae}") are left as they are.
//
// Grammar. "They" takes plural verbs ("they are"), he, she, a name and most neopronouns singular
// ones ("xe is"). A verb written straight after {they} is made to agree when it is one of is/are,
// was/were, has/have, does/do (also with n't), so "{They} have worked hard" reads "She has worked
// hard" and "They have worked hard". Not handled: any other verb in the present tense ("{they}
// works", "{they} try"), a word between the placeholder and its verb ("{they} really are"), and
// contractions ("{they}'re"). Bank comments should use the past tense or one of those auxiliaries
// after {they}, or {name} as the subject.
namespace waymark::text {

// Who a comment is filled for: the names it uses and the pupil's pronouns as stored (free text).
struct PupilWords
{
    QString name;      // preferred first name, or legal when there is none
    QString legalName; // legal first name (also turned into {name} when a comment is added to the bank)
    QString pronouns;  // "he/him", "she/her", "they/them", "xe/xem/xyr/xyrs/xemself", "" …
};

PupilWords pupilWords(const Pupil& pupil);

// The five forms a pupil's pronouns take, in the order of the placeholders.
struct PronounForms
{
    QString they;
    QString them;
    QString their;
    QString theirs;
    QString themself;
    bool pluralVerbs = false; // "they are", as opposed to "he is", "xe is" and "Sam is"

    bool operator==(const PronounForms&) const = default;
};

// Reads the pronouns as a school records them: "he/him", "She/Her", "she/they" (the first set),
// "they/them", one to five forms of a set ("xe/xem/xyr/xyrs/xemself", "ze/hir/hirs", "fae/faer"),
// separated by slashes, commas or spaces. Known neopronoun sets (xe, ze, zie, sie, ey, e, fae, ve,
// per, it) fill in the forms not written; for an unknown set the reflexive is the object + "self",
// the possessive pronoun the possessive + "s", and a form that cannot be derived is the pupil's
// name ("Sam's"). Empty, "any" or "all" give the they forms; "name", "name only", "use my name" or
// "none" give the name in every place ("Sam", "Sam's").
PronounForms pronounForms(const QString& pronouns, const QString& name);

enum class TextStart { Sentence, Continuation };

// The comment with every known placeholder filled in for the pupil. {name} with no name, and
// every placeholder for a pupil with no name and no pronouns, is left as written.
QString fillPlaceholders(const QString& text, const PupilWords& pupil, TextStart start = TextStart::Sentence);

// The "add to bank" step: the pupil's preferred and legal first names, as whole words, become
// {name} ("Sam's" becomes "{name}'s", "Jo-Anne" and "O'Neil" whole). A capitalised or upper-case
// name is always replaced; a lower-case one too, unless the name is also an everyday word ("will",
// "may", "mark", "grace" …), which is left. Pronouns are left as they are: "his" may be someone
// else's, and "her" can be {them} or {their}.
QString toPlaceholders(const QString& text, const PupilWords& pupil);

// The placeholders filled in, as written in a comment: {name} {they} {them} {their} {theirs} {themself}.
QStringList knownPlaceholders();

// Words in braces that are not placeholders Waymark fills ("{nmae}", "{pupil}"): braces around a
// single word of letters only, so "{1, 2, 3}" is not one.
QStringList unknownPlaceholders(const QString& text);

} // namespace waymark::text
