#pragma once

#include <QChar>
#include <QString>
#include <QStringView>

// Unique Pupil Number (UPN): the DfE's 13-character pupil identifier. These functions tidy what a
// teacher typed, check it against the DfE check-letter rule and explain any problem in plain words.
//
// Layout: character 1 is the check letter; 2-4 the LA number; 5-8 the establishment; 9-10 the
// year; 11-13 a serial. A temporary UPN ends in a letter instead of a digit.
// Check letter: alphabet ABCDEFGHJKLMNPQRTUVWXYZ (no I, O or S; A = 0 ... Z = 22). Sum value x
// position over positions 2-13 (a digit is its own value, a final letter its index in that
// alphabet); the check letter is the alphabet's letter at (sum mod 23).
namespace waymark::upn {

enum class Problem {
    None,
    Empty,
    WrongLength,      // not 13 characters
    BadCharacters,    // not a letter, then 11 digits, then a digit or one of the 23 letters
    WrongCheckLetter, // well formed, but character 1 is not the computed check letter
};

inline constexpr qsizetype kLength = 13;

// Trims, removes inner whitespace and upper-cases, so " b801 2000 05001" becomes "B801200005001".
QString normalise(QStringView text);

// The check letter computed from characters 2-13 of a 13-character UPN (character 1 is ignored).
// QChar() if the length is wrong or characters 2-13 are malformed.
QChar checkLetterFor(QStringView upn);

// Checks an already-normalised UPN (lower case counts as BadCharacters: call normalise first).
Problem validate(QStringView upn);
bool isValid(QStringView upn);

// True if upn has 13 characters and ends in a letter (validity is not checked).
bool isTemporary(QStringView upn);

// A plain, warm, translatable sentence for a teacher. Empty for Problem::None.
QString describe(Problem p);
// The same, made concrete for this UPN where that helps (names the expected check letter, counts
// the characters).
QString describe(Problem p, QStringView upn);

// Builds a full UPN from characters 2-13 by prefixing the computed check letter; a null QString if
// twelveChars is malformed. Used by the demo data generator and tests.
QString withCheckLetter(QStringView twelveChars);

} // namespace waymark::upn
