#include "text/searchkey.h"

namespace waymark::text {

namespace {
// Letters that no decomposition turns into plain Latin ones.
QString plainLetter(QChar c)
{
    switch (c.unicode()) {
    case 0x0131: // ı dotless i
        return QStringLiteral("i");
    case 0x0142: // ł
        return QStringLiteral("l");
    case 0x00F8: // ø
        return QStringLiteral("o");
    case 0x0111: // đ
    case 0x00F0: // ð
        return QStringLiteral("d");
    case 0x00DF: // ß
        return QStringLiteral("ss");
    case 0x00E6: // æ
        return QStringLiteral("ae");
    case 0x0153: // œ
        return QStringLiteral("oe");
    case 0x00FE: // þ
        return QStringLiteral("th");
    case 0x0127: // ħ
        return QStringLiteral("h");
    default:
        return QString(c);
    }
}

bool isApostrophe(QChar c)
{
    return c == QLatin1Char('\'') || c == QChar(0x2019) || c == QChar(0x2018) || c == QChar(0x02BC) ||
           c == QLatin1Char('`');
}
} // namespace

QString searchKey(const QString& text)
{
    const QString decomposed = text.toCaseFolded().normalized(QString::NormalizationForm_KD);
    QString key;
    key.reserve(decomposed.size());
    bool space = true; // no leading space
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_SpacingCombining ||
            c.category() == QChar::Mark_Enclosing || isApostrophe(c))
            continue;
        if (c.isLetterOrNumber() || c.isSurrogate()) {
            key += plainLetter(c);
            space = false;
        } else if (!space) {
            key += QLatin1Char(' ');
            space = true;
        }
    }
    if (key.endsWith(QLatin1Char(' ')))
        key.chop(1);
    return key;
}

} // namespace waymark::text
