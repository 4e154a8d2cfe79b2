// The comment bank's placeholders: {name} and the pronoun forms filled in for a pupil (he, she,
// they, neopronouns and sets of the pupil's own), capitals where a sentence starts, verbs made to
// agree with "they"; and the "add to bank" step that turns the pupil's name back into {name}.
#include "../cli/qtstringmaker.h"
#include "domain/entities.h"
#include "text/placeholders.h"

#include <catch2/catch.hpp>

using namespace waymark;
using text::fillPlaceholders;
using text::PupilWords;
using text::toPlaceholders;

namespace {
PupilWords pupil(const char* name, const char* pronouns, const char* legal = "")
{
    return {QString::fromUtf8(name), QString::fromUtf8(legal), QString::fromUtf8(pronouns)};
}

QString fill(const char* text, const PupilWords& p, text::TextStart start = text::TextStart::Sentence)
{
    return fillPlaceholders(QString::fromUtf8(text), p, start);
}

QString forms(const char* pronouns, const char* name = "Sam")
{
    const text::PronounForms f = text::pronounForms(QString::fromUtf8(pronouns), QString::fromUtf8(name));
    return QStringList{f.they, f.them, f.their, f.theirs, f.themself}.join(QLatin1Char('/')) +
           (f.pluralVerbs ? QStringLiteral(" (plural)") : QString());
}
} // namespace

TEST_CASE("Placeholders are filled for he, she and they", "[placeholders]")
{
    const char* comment = "{Name} checked {their} answers. {They} were proud of {themself}; the idea was {theirs} "
                          "and we told {them} so.";
    CHECK(fill(comment, pupil("Sam", "he/him")) ==
          QStringLiteral("Sam checked his answers. He was proud of himself; the idea was his and we told him so."));
    CHECK(fill(comment, pupil("Priya", "she/her")) ==
          QStringLiteral("Priya checked her answers. She was proud of herself; the idea was hers and we told her so."));
    CHECK(fill(comment, pupil("Alex", "they/them")) ==
          QStringLiteral("Alex checked their answers. They were proud of themselves; the idea was theirs and we told "
                         "them so."));
    // As schools write them: capitals, spaces, one form, brackets, a second set.
    CHECK(forms("He / Him") == QStringLiteral("he/him/his/his/himself"));
    CHECK(forms("SHE") == QStringLiteral("she/her/her/hers/herself"));
    CHECK(forms("(they, them)") == QStringLiteral("they/them/their/theirs/themselves (plural)"));
    CHECK(forms("she/they") == QStringLiteral("she/her/her/hers/herself"));
    CHECK(forms("he/they pronouns") == QStringLiteral("he/him/his/his/himself"));
    CHECK(forms("they/them/their/theirs/themself") == QStringLiteral("they/them/their/theirs/themself (plural)"));
}

TEST_CASE("Neopronouns and sets of the pupil's own are filled, never leaving a brace", "[placeholders]")
{
    CHECK(forms("xe/xem/xyr/xyrs/xemself") == QStringLiteral("xe/xem/xyr/xyrs/xemself"));
    CHECK(forms("xe/xem") == QStringLiteral("xe/xem/xyr/xyrs/xemself")); // a known set fills the rest
    CHECK(forms("ze/hir/hirs") == QStringLiteral("ze/hir/hir/hirs/hirself"));
    CHECK(forms("ze/zir") == QStringLiteral("ze/zir/zir/zirs/zirself"));
    CHECK(forms("fae/faer") == QStringLiteral("fae/faer/faer/faers/faerself"));
    CHECK(forms("ey/em/eir") == QStringLiteral("ey/em/eir/eirs/emself"));
    // Unknown sets: the reflexive from the object, the possessive pronoun from the possessive, and
    // what cannot be made is the name.
    CHECK(forms("vo/vom/vos/voss/vomself") == QStringLiteral("vo/vom/vos/voss/vomself"));
    CHECK(forms("qua/quem/quir") == QStringLiteral("qua/quem/quir/quirs/quemself"));
    CHECK(forms("qua/quem/quems") == QStringLiteral("qua/quem/quem/quems/quemself"));
    CHECK(forms("qua/quem") == QStringLiteral("qua/quem/Sam's/Sam's/quemself"));
    CHECK(forms("qua") == QStringLiteral("qua/Sam/Sam's/Sam's/Sam"));
    // Nothing recorded, or any: the they forms; the name only: the name everywhere.
    CHECK(forms("") == QStringLiteral("they/them/their/theirs/themselves (plural)"));
    CHECK(forms("  ") == QStringLiteral("they/them/their/theirs/themselves (plural)"));
    CHECK(forms("any/all") == QStringLiteral("they/them/their/theirs/themselves (plural)"));
    CHECK(forms("Use my name") == QStringLiteral("Sam/Sam/Sam's/Sam's/Sam"));
    CHECK(forms("none") == QStringLiteral("Sam/Sam/Sam's/Sam's/Sam"));

    const char* comment = "{They} have checked {their} work. Well done to {them}.";
    CHECK(fill(comment, pupil("Kit", "xe/xem/xyr/xyrs/xemself")) ==
          QStringLiteral("Xe has checked xyr work. Well done to xem."));
    CHECK(fill(comment, pupil("Kit", "qua")) == QStringLiteral("Qua has checked Kit's work. Well done to Kit."));
    CHECK(fill(comment, pupil("Kit", "")) == QStringLiteral("They have checked their work. Well done to them."));
    for (const char* p : {"he/him", "she/her", "they/them", "xe/xem", "ze/hir/hirs", "qua", "qua/quem", "", "name",
                          "!!!", "he/him/his/his/himself/extra/forms"}) {
        INFO(p);
        const QString filled =
            fill("{name} {Name} {they} {They} {them} {their} {theirs} {themself} {themselves}", pupil("Kit", p));
        CHECK_FALSE(filled.contains(QLatin1Char('{')));
        CHECK_FALSE(filled.contains(QLatin1Char('}')));
    }
}

TEST_CASE("A placeholder starts with a capital where it is written so or starts a sentence", "[placeholders]")
{
    const PupilWords she = pupil("Zoë", "she/her");
    CHECK(fill("{they} worked hard.", she) == QStringLiteral("She worked hard."));
    CHECK(fill("{they} worked hard.", she, text::TextStart::Continuation) == QStringLiteral("she worked hard."));
    CHECK(fill("Good. {their} method works! {their} answer? {their} layout", she) ==
          QStringLiteral("Good. Her method works! Her answer? Her layout"));
    CHECK(fill("Good work.\n{their} method", she) == QStringLiteral("Good work.\nHer method"));
    CHECK(fill("Well done. \"{they} tried\", said the TA.", she) ==
          QStringLiteral("Well done. \"She tried\", said the TA."));
    CHECK(fill("Use e.g. {their} notes.", she) == QStringLiteral("Use e.g. her notes."));
    CHECK(fill("Ask {Them}, {THEY} know.", she) == QStringLiteral("Ask Her, She know."));
    CHECK(fill("with {their} partner", she) == QStringLiteral("with her partner"));
    CHECK(fill("{name} and {Name}", pupil("de Souza", "he/him"), text::TextStart::Continuation) ==
          QStringLiteral("de Souza and De Souza"));
    CHECK(fill("{name} tried.", pupil("de Souza", "he/him")) == QStringLiteral("De Souza tried."));
    // Braces around anything else are not placeholders and stay.
    CHECK(fill("List the set {1, 2, 3} and {nmae}.", she) == QStringLiteral("List the set {1, 2, 3} and {nmae}."));
    CHECK(text::unknownPlaceholders(QStringLiteral("{nmae} {1, 2} {Name} {they} {pupil} {nmae}")) ==
          QStringList({QStringLiteral("{nmae}"), QStringLiteral("{pupil}")}));
}

TEST_CASE("A verb after {they} agrees with the pupil's pronouns", "[placeholders]")
{
    const PupilWords he = pupil("Sam", "he/him");
    const PupilWords they = pupil("Alex", "they/them");
    const PupilWords xe = pupil("Kit", "xe/xem");
    CHECK(fill("{They} have worked hard and {they} are ready; {they} were stuck but {they} do try.", he) ==
          QStringLiteral("He has worked hard and he is ready; he was stuck but he does try."));
    CHECK(fill("{They} has worked hard and {they} is ready; {they} was stuck but {they} does try.", they) ==
          QStringLiteral("They have worked hard and they are ready; they were stuck but they do try."));
    CHECK(fill("{They} aren't sure and {they} don’t ask; {they} haven't finished.", xe) ==
          QStringLiteral("Xe isn't sure and xe doesn’t ask; xe hasn't finished."));
    CHECK(fill("{They} isn't sure.", they) == QStringLiteral("They aren't sure."));
    // The name takes singular verbs.
    CHECK(fill("{They} are ready.", pupil("Sam", "name only")) == QStringLiteral("Sam is ready."));
    // Only the words it knows, straight after {they}: others stay as written.
    CHECK(fill("{They} worked hard; {they} really are.", he) == QStringLiteral("He worked hard; he really are."));
    CHECK(fill("{They} island", he) == QStringLiteral("He island"));
}

TEST_CASE("No pupil, no name: placeholders stay as written", "[placeholders]")
{
    CHECK(fill("{Name} tried.", pupil("", "")) == QStringLiteral("{Name} tried."));
    CHECK(fill("{Name} tried; {they} did.", pupil("", "he/him")) == QStringLiteral("{Name} tried; he did."));
    CHECK(fill("No placeholders at all.", pupil("Sam", "he")) == QStringLiteral("No placeholders at all."));
    Pupil p;
    p.legalGivenName = QStringLiteral("Samuel");
    p.preferredGivenName = QStringLiteral("  ");
    p.pronouns = QStringLiteral("he/him");
    CHECK(text::pupilWords(p).name == QStringLiteral("Samuel"));
    p.preferredGivenName = QStringLiteral("Sam");
    CHECK(text::pupilWords(p).name == QStringLiteral("Sam"));
    CHECK(text::pupilWords(p).legalName == QStringLiteral("Samuel"));
}

TEST_CASE("Adding to the bank turns the pupil's first names into {name}", "[placeholders]")
{
    const PupilWords sam = pupil("Sam", "he/him", "Samuel");
    CHECK(toPlaceholders(QStringLiteral("Sam's answer is clear; SAM, samuel and Samuel's partner agree. Samson "
                                        "and Sami are not Sam."),
                         sam) == QStringLiteral("{name}'s answer is clear; {name}, {name} and {name}'s partner agree. "
                                                "Samson and Sami are not {name}."));
    // Pronouns are left: "his" may be someone else's.
    CHECK(toPlaceholders(QStringLiteral("Sam helped Tom with his work."), sam) ==
          QStringLiteral("{name} helped Tom with his work."));
    // Hyphens and apostrophes belong to a name.
    const PupilWords joAnne = pupil("Jo-Anne", "she/her", "Joanne");
    CHECK(toPlaceholders(QStringLiteral("Jo-Anne’s essay, unlike Jo's or Anne's, is Joanne's best."), joAnne) ==
          QStringLiteral("{name}’s essay, unlike Jo's or Anne's, is {name}'s best."));
    CHECK(toPlaceholders(QStringLiteral("Jo-Anne and jo-anne"), pupil("Jo", "")) ==
          QStringLiteral("Jo-Anne and jo-anne"));
    const PupilWords oNeil = pupil("O'Neil", "he/him");
    CHECK(toPlaceholders(QStringLiteral("O’Neil's plan, O'Neil and Neil"), oNeil) ==
          QStringLiteral("{name}'s plan, {name} and Neil"));
    CHECK(toPlaceholders(QStringLiteral("Well done Neil, but O'Neil did not."), pupil("Neil", "")) ==
          QStringLiteral("Well done {name}, but O'Neil did not."));
    // A name that is also a word: only with a capital.
    const PupilWords will = pupil("Will", "he/him");
    CHECK(toPlaceholders(QStringLiteral("Will, you will need to check."), will) ==
          QStringLiteral("{name}, you will need to check."));
    CHECK(toPlaceholders(QStringLiteral("Zoë tried; ZOË finished; zoë"), pupil("Zoë", "")) ==
          QStringLiteral("{name} tried; {name} finished; {name}"));
    // Nothing to do without a name; placeholders already there stay.
    CHECK(toPlaceholders(QStringLiteral("Sam did well."), pupil("", "")) == QStringLiteral("Sam did well."));
    CHECK(toPlaceholders(QStringLiteral("{name} and Name"), pupil("Name", "")) == QStringLiteral("{name} and {name}"));
    // Round trip: filled for the pupil, it reads as it was selected.
    const QString selected = QStringLiteral("Samuel took his time and Sam's answer was better for it.");
    CHECK(fillPlaceholders(toPlaceholders(selected, sam), sam) ==
          QStringLiteral("Sam took his time and Sam's answer was better for it."));
}
