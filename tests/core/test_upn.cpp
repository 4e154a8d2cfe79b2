// Tests for waymark::upn: normalising, the DfE check letter, validation and messages.
#include "domain/upn.h"
#include "testsupport.h"

#include <QFile>
#include <QString>
#include <QStringList>

#include <catch2/catch.hpp>

#include <string>

using namespace waymark;

namespace {

std::string s(const QString& text)
{
    return text.toStdString();
}

std::string s(QChar c)
{
    return QString(c).toStdString();
}

// The 12 characters after the check letter.
const QStringList kBodies = {
    QStringLiteral("801200005001"), QStringLiteral("201100018042"), QStringLiteral("20110001804V"),
    QStringLiteral("999999500000"), QStringLiteral("123456789012"), QStringLiteral("00000000000Z"),
};

} // namespace

TEST_CASE("normalise trims, removes inner spaces and upper-cases", "[upn]")
{
    CHECK(s(upn::normalise(u"  b801 2000 05001\t\n")) == "B801200005001");
    CHECK(s(upn::normalise(u"t20110001804v")) == "T20110001804V");
    CHECK(upn::normalise(u"   ").isEmpty());
    CHECK(upn::normalise(u"").isEmpty());
}

TEST_CASE("check letter is computed from characters 2-13", "[upn]")
{
    // B801200005001: 8x2 + 0x3 + 1x4 + 2x5 + 0x6 + 0x7 + 0x8 + 0x9 + 5x10 + 0x11 + 0x12 + 1x13
    //              = 16 + 4 + 10 + 50 + 13 = 93; 93 mod 23 = 1 -> B (A = 0).
    CHECK(s(upn::checkLetterFor(u"B801200005001")) == "B");
    // R201100018042: 4 + 4 + 5 + 9 + 80 + 48 + 26 = 176; 176 mod 23 = 15 -> R
    // (A B C D E F G H J K L M N P Q R: R is the 16th letter, index 15).
    CHECK(s(upn::checkLetterFor(u"R201100018042")) == "R");
    // Temporary T20110001804V: V = 18 in the 23-letter alphabet; 150 + 18x13 = 384;
    // 384 mod 23 = 16 -> T.
    CHECK(s(upn::checkLetterFor(u"T20110001804V")) == "T");
    // Character 1 is ignored when computing.
    CHECK(s(upn::checkLetterFor(u"Z801200005001")) == "B");
    // 000000000001: 1x13 = 13 -> P (index 13); 000000000000 -> A.
    CHECK(s(upn::checkLetterFor(u"?000000000001")) == "P");
    CHECK(s(upn::checkLetterFor(u"?000000000000")) == "A");

    SECTION("malformed bodies give a null QChar")
    {
        CHECK(upn::checkLetterFor(u"B80120000500").isNull());   // 12 characters
        CHECK(upn::checkLetterFor(u"B8012000050011").isNull()); // 14 characters
        CHECK(upn::checkLetterFor(u"B8012000X5001").isNull());  // letter in the middle
        CHECK(upn::checkLetterFor(u"B80120000500I").isNull());  // I is not in the alphabet
        CHECK(upn::checkLetterFor(u"B80120000500O").isNull());
        CHECK(upn::checkLetterFor(u"B80120000500S").isNull());
        CHECK(upn::checkLetterFor(u"B80120000500v").isNull());      // lower case
        CHECK(upn::checkLetterFor(u"B80120000500\u0663").isNull()); // Arabic-Indic digit three
    }
}

TEST_CASE("validate classifies problems", "[upn]")
{
    CHECK(upn::validate(u"B801200005001") == upn::Problem::None);
    CHECK(upn::validate(u"R201100018042") == upn::Problem::None);
    CHECK(upn::validate(u"T20110001804V") == upn::Problem::None);
    CHECK(upn::validate(u"") == upn::Problem::Empty);
    CHECK(upn::validate(u"B80120000500") == upn::Problem::WrongLength);
    CHECK(upn::validate(u"B8012000050011") == upn::Problem::WrongLength);
    CHECK(upn::validate(u"b801200005001") == upn::Problem::BadCharacters); // not normalised
    CHECK(upn::validate(u"1801200005001") == upn::Problem::BadCharacters);
    CHECK(upn::validate(u"B8012O0005001") == upn::Problem::BadCharacters); // letter O for zero
    CHECK(upn::validate(u"B80120000500S") == upn::Problem::BadCharacters);
    CHECK(upn::validate(u"C801200005001") == upn::Problem::WrongCheckLetter);
    // I, O and S are never check letters, so they read as a mismatch rather than a bad character.
    CHECK(upn::validate(u"O801200005001") == upn::Problem::WrongCheckLetter);
    CHECK(upn::isValid(upn::normalise(u" b801 2000 05001 ")));
    CHECK_FALSE(upn::isValid(u"A801200005001"));
}

TEST_CASE("every single-character slip and adjacent swap is caught", "[upn]")
{
    // Weights 2..13 are non-zero mod 23 (a prime), so any one changed character changes the sum;
    // swapping neighbours a, b at positions p, p+1 changes it by a - b, which is never 0 mod 23.
    const QString alphabet = QStringLiteral("ABCDEFGHJKLMNPQRTUVWXYZ");
    for (const QString& body : kBodies) {
        const QString good = upn::withCheckLetter(body);
        REQUIRE(good.size() == 13);
        REQUIRE(upn::isValid(good));
        for (qsizetype i = 1; i < 13; ++i) {
            const QString replacements =
                i == 12 ? QStringLiteral("0123456789") + alphabet : QStringLiteral("0123456789");
            for (const QChar c : replacements) {
                QString bad = good;
                bad[i] = c;
                // In the last place a digit and the letter of the same value weigh the same.
                const bool sameValue = i == 12 && (good[i].isDigit() ? c == alphabet[good[i].digitValue()]
                                                                     : alphabet.indexOf(good[i]) == c.digitValue());
                if (bad != good && !sameValue)
                    CHECK(upn::validate(bad) == upn::Problem::WrongCheckLetter);
            }
            if (i < 12 && good[i] != good[i + 1] && good[i + 1].isDigit()) {
                QString swapped = good;
                std::swap(swapped[i], swapped[i + 1]);
                CHECK(upn::validate(swapped) == upn::Problem::WrongCheckLetter);
            }
        }
    }
}

TEST_CASE("a final digit and the letter of the same value share a check letter", "[upn]")
{
    // A known blind spot of the DfE rule: 1 and B are both worth 1 in position 13, so the
    // permanent UPN B801200005001 and the temporary B80120000500B are both valid.
    CHECK(upn::isValid(u"B801200005001"));
    CHECK(upn::isValid(u"B80120000500B"));
    CHECK(upn::isTemporary(u"B80120000500B"));
}

TEST_CASE("withCheckLetter builds valid UPNs and refuses malformed input", "[upn]")
{
    CHECK(s(upn::withCheckLetter(u"801200005001")) == "B801200005001");
    CHECK(s(upn::withCheckLetter(u"20110001804V")) == "T20110001804V");
    CHECK(upn::withCheckLetter(u"80120000500").isNull());
    CHECK(upn::withCheckLetter(u"8012000050X1").isNull());
    for (const QString& body : kBodies)
        CHECK(upn::isValid(upn::withCheckLetter(body)));
}

TEST_CASE("temporary UPNs end in a letter", "[upn]")
{
    CHECK(upn::isTemporary(u"T20110001804V"));
    CHECK_FALSE(upn::isTemporary(u"R201100018042"));
    CHECK_FALSE(upn::isTemporary(u"V"));
    CHECK_FALSE(upn::isTemporary(u""));
}

// UPNs from tests/fixtures/census/Pupil-Census-Data.csv (DFEAGILEDEVOPS/MTC @ 249e339d,
// admin/spec/back-end/files/Pupil-Census-Data.csv; see the README beside it), described as test UPNs with invalid check
// letters. Computed by hand, four of them are wrong, but A999999500003 is in fact valid:
// 9x(2+3+4+5+6+7) + 5x8 + 3x13 = 243 + 40 + 39 = 322 = 14 x 23, so its check letter is A.
TEST_CASE("census sample UPNs: computed, not assumed", "[upn]")
{
    // Sums: 283 -> 7 H; 296 -> 20 X; 309 -> 10 L; 335 -> 13 P.
    CHECK(upn::validate(u"A999999500000") == upn::Problem::WrongCheckLetter);
    CHECK(s(upn::checkLetterFor(u"A999999500000")) == "H");
    CHECK(upn::validate(u"A999999500001") == upn::Problem::WrongCheckLetter);
    CHECK(s(upn::checkLetterFor(u"A999999500001")) == "X");
    CHECK(upn::validate(u"A999999500002") == upn::Problem::WrongCheckLetter);
    CHECK(s(upn::checkLetterFor(u"A999999500002")) == "L");
    CHECK(upn::validate(u"A999999500003") == upn::Problem::None);
    CHECK(upn::validate(u"A999999500004") == upn::Problem::WrongCheckLetter);
    CHECK(s(upn::checkLetterFor(u"A999999500004")) == "P");
}

TEST_CASE("census sample file: UPNs read from the file", "[upn]")
{
    QFile file(test::fixturePath(QStringLiteral("census/Pupil-Census-Data.csv")));
    REQUIRE(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList header = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(','));
    const qsizetype column = header.indexOf(QStringLiteral("UPN"));
    REQUIRE(column >= 0);
    int rows = 0;
    int valid = 0;
    while (!file.atEnd()) {
        const QStringList fields = QString::fromUtf8(file.readLine()).split(QLatin1Char(','));
        REQUIRE(fields.size() > column);
        const QString upn = upn::normalise(fields[column]);
        ++rows;
        if (upn::isValid(upn)) {
            ++valid;
            CHECK(s(upn) == "A999999500003");
        } else {
            CHECK(upn::validate(upn) == upn::Problem::WrongCheckLetter);
        }
    }
    CHECK(rows == 5);
    CHECK(valid == 1);
}

TEST_CASE("describe gives a sentence for each problem", "[upn]")
{
    CHECK(upn::describe(upn::Problem::None).isEmpty());
    for (const auto p :
         {upn::Problem::Empty, upn::Problem::WrongLength, upn::Problem::BadCharacters, upn::Problem::WrongCheckLetter})
        CHECK_FALSE(upn::describe(p).isEmpty());

    const QString named = upn::describe(upn::Problem::WrongCheckLetter, u"A999999500000");
    CHECK(named.contains(QStringLiteral("999999500000")));
    CHECK(named.contains(QStringLiteral("start with H")));
    CHECK(upn::describe(upn::Problem::WrongLength, u"B80120000").contains(QStringLiteral("has 9 character")));
    // "(s)" is resolved by a numerus translation; without one the count still appears.
    // Nothing concrete to add: falls back to the general sentence.
    CHECK(upn::describe(upn::Problem::BadCharacters, u"B8012O0005001") == upn::describe(upn::Problem::BadCharacters));
}
