#include "domain/upn.h"

#include <QCoreApplication>

#include <optional>

namespace waymark::upn {

namespace {

// The DfE check alphabet leaves out I, O and S, which are easily confused with 1, 0 and 5.
constexpr char16_t kAlphabet[] = u"ABCDEFGHJKLMNPQRTUVWXYZ";
constexpr int kAlphabetSize = 23;
constexpr qsizetype kBodyLength = kLength - 1; // characters 2-13

int alphabetIndex(QChar c)
{
    for (int i = 0; i < kAlphabetSize; ++i) {
        if (c.unicode() == kAlphabet[i])
            return i;
    }
    return -1;
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isAsciiUpper(QChar c)
{
    return c.unicode() >= u'A' && c.unicode() <= u'Z';
}

// Index into kAlphabet of the check letter for characters 2-13, or nullopt if they are malformed.
std::optional<int> checkIndexForBody(QStringView body)
{
    if (body.size() != kBodyLength)
        return std::nullopt;
    int sum = 0;
    for (qsizetype i = 0; i < kBodyLength; ++i) {
        const QChar c = body[i];
        const int position = static_cast<int>(i) + 2; // body[0] is character 2 of the UPN
        int value = -1;
        if (isAsciiDigit(c))
            value = c.unicode() - u'0';
        else if (i == kBodyLength - 1)
            value = alphabetIndex(c); // only the last character may be a letter (temporary UPN)
        if (value < 0)
            return std::nullopt;
        sum += value * position;
    }
    return sum % kAlphabetSize;
}

} // namespace

QString normalise(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (const QChar c : text.trimmed()) {
        if (!c.isSpace())
            result.append(c.toUpper());
    }
    return result;
}

QChar checkLetterFor(QStringView upn)
{
    if (upn.size() != kLength)
        return QChar();
    const std::optional<int> index = checkIndexForBody(upn.mid(1));
    return index ? QChar(kAlphabet[*index]) : QChar();
}

Problem validate(QStringView upn)
{
    if (upn.isEmpty())
        return Problem::Empty;
    if (upn.size() != kLength)
        return Problem::WrongLength;
    // Any A-Z is accepted in first place so that a mistyped I, O or S reads as a check-letter
    // mismatch (which names the right letter) rather than as a bad character.
    if (!isAsciiUpper(upn.front()))
        return Problem::BadCharacters;
    const QChar expected = checkLetterFor(upn);
    if (expected.isNull())
        return Problem::BadCharacters;
    return upn.front() == expected ? Problem::None : Problem::WrongCheckLetter;
}

bool isValid(QStringView upn)
{
    return validate(upn) == Problem::None;
}

bool isTemporary(QStringView upn)
{
    return upn.size() == kLength && upn.back().isLetter();
}

// lupdate reads the context from each QCoreApplication::translate call, so it is spelt out there.
QString describe(Problem p)
{
    switch (p) {
    case Problem::None:
        return {};
    case Problem::Empty:
        return QCoreApplication::translate("waymark::upn", "No UPN has been entered yet.");
    case Problem::WrongLength:
        return QCoreApplication::translate(
            "waymark::upn", "A UPN has 13 characters: a letter, then 12 digits (the last one may be a letter for "
                            "a temporary UPN).");
    case Problem::BadCharacters:
        return QCoreApplication::translate(
            "waymark::upn", "A UPN starts with a letter, has 11 digits in the middle and ends with a digit or a "
                            "letter. Please look for a typing slip, such as the letter O instead of a zero.");
    case Problem::WrongCheckLetter:
        return QCoreApplication::translate(
            "waymark::upn", "The first letter of this UPN does not match the rest of it, so a character may have "
                            "been mistyped. Please check it against the pupil's records.");
    }
    return {};
}

QString describe(Problem p, QStringView upn)
{
    if (p == Problem::WrongLength && !upn.isEmpty()) {
        return QCoreApplication::translate(
            "waymark::upn",
            "This UPN has %n character(s), but a UPN has 13: a letter, then 12 digits (the last "
            "one may be a letter for a temporary UPN).",
            nullptr, static_cast<int>(upn.size()));
    }
    if (p == Problem::WrongCheckLetter) {
        const QChar expected = checkLetterFor(upn);
        if (!expected.isNull()) {
            return QCoreApplication::translate(
                       "waymark::upn", "The first letter of this UPN does not match the rest of it: a UPN ending "
                                       "%1 should start with %2. Please check it against the pupil's records for "
                                       "a mistyped character.")
                .arg(upn.mid(1), QString(expected));
        }
    }
    return describe(p);
}

QString withCheckLetter(QStringView twelveChars)
{
    const std::optional<int> index = checkIndexForBody(twelveChars);
    if (!index)
        return {};
    QString result;
    result.reserve(kLength);
    result.append(QChar(kAlphabet[*index]));
    result.append(twelveChars);
    return result;
}

} // namespace waymark::upn
