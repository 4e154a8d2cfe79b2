#include "calendar/typeddate.h"

#include <QLocale>
#include <QRegularExpression>

#include <array>

namespace waymark {

namespace {
int monthFromName(const QString& name)
{
    static const std::array<const char*, 12> months = {"january", "february", "march",     "april",
                                                        "may",     "june",     "july",      "august",
                                                        "september", "october", "november", "december"};
    if (name.size() < 3)
        return 0;
    for (std::size_t i = 0; i < months.size(); ++i) {
        if (QLatin1String(months[i]).startsWith(name))
            return int(i) + 1;
    }
    return name == QLatin1String("sept") ? 9 : 0;
}

int fullYear(const QString& digits, QDate today)
{
    const int year = digits.toInt();
    if (digits.size() == 4)
        return year;
    const int century = year + 2000 <= today.year() + 10 ? 2000 : 1900;
    return century + year;
}

std::optional<QDate> make(int year, int month, int day)
{
    const QDate date(year, month, day);
    if (!date.isValid() || year < 1900 || year > 2199)
        return std::nullopt;
    return date;
}

// The year that puts day/month inside the academic year (September to August) holding today.
int academicYearFor(int month, QDate today)
{
    const int startYear = today.month() >= 9 ? today.year() : today.year() - 1;
    return month >= 9 ? startYear : startYear + 1;
}
} // namespace

std::optional<QDate> parseTypedDate(const QString& typed, QDate today)
{
    const QString text = typed.simplified().toLower();
    if (text.isEmpty())
        return std::nullopt;
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    static const QRegularExpression numeric(
        QStringLiteral("^(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})(?:\\s*[/.\\-]\\s*(\\d{4}|\\d{2}))?$"));
    static const QRegularExpression dayMonth(
        QStringLiteral("^(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:of\\s+)?([a-z]+)\\.?,?(?:\\s+(\\d{4}|\\d{2}))?$"));
    static const QRegularExpression monthDay(
        QStringLiteral("^([a-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?(?:\\s+(\\d{4}|\\d{2}))?$"));

    if (const auto m = iso.match(text); m.hasMatch())
        return make(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (const auto m = numeric.match(text); m.hasMatch()) {
        const int day = m.captured(1).toInt();
        const int month = m.captured(2).toInt();
        if (month < 1 || month > 12)
            return std::nullopt;
        const int year = m.captured(3).isEmpty() ? academicYearFor(month, today) : fullYear(m.captured(3), today);
        return make(year, month, day);
    }
    for (const auto* pattern : {&dayMonth, &monthDay}) {
        const auto m = pattern->match(text);
        if (!m.hasMatch())
            continue;
        const bool dayFirst = pattern == &dayMonth;
        const int month = monthFromName(m.captured(dayFirst ? 2 : 1));
        const int day = m.captured(dayFirst ? 1 : 2).toInt();
        if (month == 0)
            return std::nullopt;
        const int year = m.captured(3).isEmpty() ? academicYearFor(month, today) : fullYear(m.captured(3), today);
        return make(year, month, day);
    }
    return std::nullopt;
}

QString typedDateText(QDate date)
{
    // As a UK teacher writes it ("2 Sep 2026"), the same on every computer: the locale's own short
    // months vary ("Sept" in current CLDR), and every date in Waymark reads the same way.
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (!date.isValid())
        return {};
    return QStringLiteral("%1 %2 %3")
        .arg(QString::number(date.day()), QString::fromLatin1(months[date.month() - 1]), QString::number(date.year()));
}

} // namespace waymark
