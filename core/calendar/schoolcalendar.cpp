#include "calendar/schoolcalendar.h"

#include <QCoreApplication>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <stdexcept>

namespace waymark {

namespace {

namespace bg = boost::gregorian;

// Gregorian Easter needs 1583 or later; Boost.Date_Time stops at 9999.
constexpr int kFirstSupportedYear = 1583;
constexpr int kLastSupportedYear = 9998;

// Longest run of non-school days addSchoolDays walks through before giving up (a configured
// closure could, by mistake, cover a whole year; this stops an endless search).
constexpr int kMaxDaysWithoutSchool = 800;

bool isSupported(int academicYear)
{
    return academicYear >= kFirstSupportedYear && academicYear <= kLastSupportedYear;
}

bg::date toBoost(QDate d)
{
    return bg::date(static_cast<unsigned short>(d.year()), static_cast<unsigned short>(d.month()),
                    static_cast<unsigned short>(d.day()));
}

QDate fromBoost(bg::date d)
{
    return QDate(d.year(), d.month(), d.day());
}

bool isWeekday(QDate d)
{
    return d.dayOfWeek() <= 5; // Qt: Monday = 1 ... Sunday = 7
}

// Term starts: the date itself if Monday to Wednesday, else the following Monday (a term starting
// on Thursday or Friday is rare in English schools).
bg::date startOnOrAfter(bg::date d)
{
    const int weekday = d.day_of_week().as_number(); // Boost: Sunday = 0
    if (weekday >= 1 && weekday <= 3)
        return d;
    return bg::first_day_of_the_week_after(bg::Monday).get_date(d);
}

bg::date fridayOnOrBefore(bg::date d)
{
    if (d.day_of_week() == bg::Friday)
        return d;
    return bg::first_day_of_the_week_before(bg::Friday).get_date(d);
}

const char* const kHalfTermNames[] = {
    QT_TRANSLATE_NOOP("waymark::HalfTerm", "Autumn 1"), QT_TRANSLATE_NOOP("waymark::HalfTerm", "Autumn 2"),
    QT_TRANSLATE_NOOP("waymark::HalfTerm", "Spring 1"), QT_TRANSLATE_NOOP("waymark::HalfTerm", "Spring 2"),
    QT_TRANSLATE_NOOP("waymark::HalfTerm", "Summer 1"), QT_TRANSLATE_NOOP("waymark::HalfTerm", "Summer 2"),
};

QString unsupportedYear(int academicYear)
{
    return QCoreApplication::translate("waymark::SchoolCalendar",
                                       "The year %1 is outside the years Waymark can plan for.")
        .arg(academicYear);
}

} // namespace

QString HalfTerm::name() const
{
    if (number < 1 || number > 6)
        return {};
    return QCoreApplication::translate("waymark::HalfTerm", kHalfTermNames[number - 1]);
}

bool HalfTerm::contains(QDate d) const
{
    return d.isValid() && start <= d && d <= end;
}

bool Closure::contains(QDate d) const
{
    return d.isValid() && from <= d && d <= to;
}

int SchoolCalendar::academicYearOf(QDate d)
{
    if (!d.isValid())
        return 0;
    return d.month() >= 9 ? d.year() : d.year() - 1;
}

QString SchoolCalendar::academicYearLabel(int academicYear)
{
    return QStringLiteral("%1/%2").arg(academicYear).arg((academicYear + 1) % 100, 2, 10, QLatin1Char('0'));
}

QDate SchoolCalendar::easterSunday(int year)
{
    if (year < kFirstSupportedYear)
        return {};
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = year % 19, b = year / 100, c = year % 100;
    const int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return QDate(year, month, day);
}

std::vector<HalfTerm> SchoolCalendar::defaultHalfTerms(int academicYear)
{
    if (!isSupported(academicYear))
        return {};
    const auto y = static_cast<unsigned short>(academicYear);
    const auto next = static_cast<unsigned short>(academicYear + 1);
    const bg::days week(7);

    const bg::date autumn1Start = startOnOrAfter(bg::date(y, bg::Sep, 2));
    const bg::date octoberHalfTerm = fridayOnOrBefore(bg::date(y, bg::Oct, 31)) - bg::days(4); // Monday
    const bg::date autumn2End = fridayOnOrBefore(bg::date(y, bg::Dec, 22));

    const bg::date spring1Start = startOnOrAfter(bg::date(next, bg::Jan, 4));
    const bg::date februaryHalfTerm =
        bg::nth_day_of_the_week_in_month(bg::nth_day_of_the_week_in_month::third, bg::Monday, bg::Feb).get_date(next);
    const bg::date easter = toBoost(easterSunday(academicYear + 1));
    const bg::date easterHolidayStart = easter - bg::days(6); // the Monday of Holy Week
    const bg::date easterHolidayEnd = easter + bg::days(5);   // the Friday after Easter Monday
    const bg::date lateMayBankHoliday = bg::last_day_of_the_week_in_month(bg::Monday, bg::May).get_date(next);
    const bg::date summer2End = fridayOnOrBefore(bg::date(next, bg::Jul, 22));

    const bg::date bounds[6][2] = {
        {autumn1Start, octoberHalfTerm - bg::days(3)},
        {octoberHalfTerm + week, autumn2End},
        {spring1Start, februaryHalfTerm - bg::days(3)},
        {februaryHalfTerm + week, easterHolidayStart - bg::days(3)},
        {easterHolidayEnd + bg::days(3), lateMayBankHoliday - bg::days(3)},
        {lateMayBankHoliday + week, summer2End},
    };
    std::vector<HalfTerm> result;
    result.reserve(6);
    for (int n = 0; n < 6; ++n)
        result.push_back(HalfTerm{academicYear, n + 1, fromBoost(bounds[n][0]), fromBoost(bounds[n][1])});
    return result;
}

std::vector<Closure> SchoolCalendar::defaultClosures(int academicYear)
{
    const std::vector<HalfTerm> terms = defaultHalfTerms(academicYear);
    if (terms.size() != 6)
        return {};
    const QString inset = QCoreApplication::translate("waymark::SchoolCalendar", "INSET day");
    auto insetDay = [&inset](QDate d) { return Closure{d, d, ClosureKind::Inset, inset}; };
    auto firstWeekday = [](QDate d) {
        while (!isWeekday(d))
            d = d.addDays(1);
        return d;
    };
    auto lastWeekday = [](QDate d) {
        while (!isWeekday(d))
            d = d.addDays(-1);
        return d;
    };

    std::vector<Closure> result;
    const QDate autumnFirst = firstWeekday(terms[0].start);
    result.push_back(insetDay(autumnFirst));
    result.push_back(insetDay(firstWeekday(autumnFirst.addDays(1))));
    result.push_back(insetDay(firstWeekday(terms[2].start)));
    result.push_back(insetDay(firstWeekday(terms[5].start)));
    result.push_back(insetDay(lastWeekday(terms[5].end)));

    // Only bank holidays that land in term time close the school; the others are holidays anyway.
    const QDate earlyMay = fromBoost(bg::first_day_of_the_week_in_month(bg::Monday, bg::May)
                                         .get_date(static_cast<unsigned short>(academicYear + 1)));
    for (const HalfTerm& h : terms) {
        if (h.contains(earlyMay))
            result.push_back(Closure{earlyMay, earlyMay, ClosureKind::BankHoliday,
                                     QCoreApplication::translate("waymark::SchoolCalendar", "Early May bank holiday")});
    }
    return result;
}

QString SchoolCalendar::checkHalfTerms(int academicYear, const std::vector<HalfTerm>& halfTerms)
{
    if (!isSupported(academicYear))
        return unsupportedYear(academicYear);
    if (halfTerms.size() != 6)
        return QCoreApplication::translate("waymark::SchoolCalendar",
                                           "A school year needs exactly 6 half-terms, but %n were given.", nullptr,
                                           static_cast<int>(halfTerms.size()));
    const QDate yearStart(academicYear, 9, 1);
    const QDate yearEnd(academicYear + 1, 8, 31);
    for (std::size_t i = 0; i < halfTerms.size(); ++i) {
        const HalfTerm& h = halfTerms[i];
        const QString name = HalfTerm{academicYear, static_cast<int>(i) + 1, {}, {}}.name();
        if (!h.start.isValid() || !h.end.isValid())
            return QCoreApplication::translate("waymark::SchoolCalendar", "%1 needs both a first and a last day.")
                .arg(name);
        if (h.end < h.start)
            return QCoreApplication::translate("waymark::SchoolCalendar", "%1 ends before it starts.").arg(name);
        if (h.start < yearStart || h.end > yearEnd) {
            return QCoreApplication::translate("waymark::SchoolCalendar",
                                               "%1 must fall between 1 September %2 and 31 August %3.")
                .arg(name)
                .arg(academicYear)
                .arg(academicYear + 1);
        }
        if (i > 0 && h.start <= halfTerms[i - 1].end) {
            const QString previous = HalfTerm{academicYear, static_cast<int>(i), {}, {}}.name();
            return QCoreApplication::translate("waymark::SchoolCalendar", "%1 starts before %2 has ended.")
                .arg(name, previous);
        }
    }
    return {};
}

QString SchoolCalendar::checkClosures(int academicYear, const std::vector<Closure>& closures)
{
    if (!isSupported(academicYear))
        return unsupportedYear(academicYear);
    const QDate yearStart(academicYear, 9, 1);
    const QDate yearEnd(academicYear + 1, 8, 31);
    for (const Closure& c : closures) {
        const QString label =
            c.label.isEmpty() ? QCoreApplication::translate("waymark::SchoolCalendar", "A closure") : c.label;
        if (!c.from.isValid() || !c.to.isValid())
            return QCoreApplication::translate("waymark::SchoolCalendar", "%1 needs both a first and a last day.")
                .arg(label);
        if (c.to < c.from)
            return QCoreApplication::translate("waymark::SchoolCalendar", "%1 ends before it starts.").arg(label);
        if (c.from < yearStart || c.to > yearEnd)
            return QCoreApplication::translate("waymark::SchoolCalendar", "%1 must fall within the %2 school year.")
                .arg(label, academicYearLabel(academicYear));
    }
    return {};
}

void SchoolCalendar::setHalfTerms(int academicYear, std::vector<HalfTerm> halfTerms)
{
    const QString problem = checkHalfTerms(academicYear, halfTerms);
    if (!problem.isEmpty())
        throw std::invalid_argument(problem.toStdString());
    for (std::size_t i = 0; i < halfTerms.size(); ++i) {
        halfTerms[i].academicYear = academicYear;
        halfTerms[i].number = static_cast<int>(i) + 1;
    }
    halfTerms_[academicYear] = std::move(halfTerms);
}

void SchoolCalendar::setClosures(int academicYear, std::vector<Closure> closures)
{
    const QString problem = checkClosures(academicYear, closures);
    if (!problem.isEmpty())
        throw std::invalid_argument(problem.toStdString());
    closures_[academicYear] = std::move(closures);
}

void SchoolCalendar::resetToDefaults(int academicYear)
{
    halfTerms_.erase(academicYear);
    closures_.erase(academicYear);
}

std::vector<HalfTerm> SchoolCalendar::halfTerms(int academicYear) const
{
    const auto it = halfTerms_.find(academicYear);
    return it != halfTerms_.end() ? it->second : defaultHalfTerms(academicYear);
}

std::vector<Closure> SchoolCalendar::closures(int academicYear) const
{
    const auto it = closures_.find(academicYear);
    return it != closures_.end() ? it->second : defaultClosures(academicYear);
}

std::optional<HalfTerm> SchoolCalendar::halfTermOf(QDate d) const
{
    if (!d.isValid())
        return std::nullopt;
    for (const HalfTerm& h : halfTerms(academicYearOf(d))) {
        if (h.contains(d))
            return h;
    }
    return std::nullopt;
}

HalfTerm SchoolCalendar::halfTermAtOrAfter(QDate d) const
{
    if (!d.isValid())
        return {};
    // The next academic year always starts after d, so two years are enough.
    const int year = academicYearOf(d);
    for (int y = year; y <= year + 1; ++y) {
        for (const HalfTerm& h : halfTerms(y)) {
            if (d <= h.end)
                return h;
        }
    }
    return {};
}

HalfTerm SchoolCalendar::nextHalfTerm(const HalfTerm& h) const
{
    return h.end.isValid() ? halfTermAtOrAfter(h.end.addDays(1)) : HalfTerm{};
}

namespace {

// Answers isSchoolDay for a walk over consecutive days, fetching each year's dates only once.
class SchoolDayWalker
{
public:
    explicit SchoolDayWalker(const SchoolCalendar& calendar) : calendar_(calendar) {}

    bool isSchoolDay(QDate d)
    {
        if (!d.isValid() || !isWeekday(d))
            return false;
        const int year = SchoolCalendar::academicYearOf(d);
        if (year != year_) {
            year_ = year;
            halfTerms_ = calendar_.halfTerms(year);
            closures_ = calendar_.closures(year);
        }
        bool inTerm = false;
        for (const HalfTerm& h : halfTerms_)
            inTerm = inTerm || h.contains(d);
        if (!inTerm)
            return false;
        for (const Closure& c : closures_) {
            if (c.contains(d))
                return false;
        }
        return true;
    }

private:
    const SchoolCalendar& calendar_;
    int year_ = -1;
    std::vector<HalfTerm> halfTerms_;
    std::vector<Closure> closures_;
};

} // namespace

bool SchoolCalendar::isSchoolDay(QDate d) const
{
    return SchoolDayWalker(*this).isSchoolDay(d);
}

int SchoolCalendar::schoolDaysBetween(QDate from, QDate to) const
{
    if (!from.isValid() || !to.isValid() || from == to)
        return 0;
    if (to < from)
        return -schoolDaysBetween(to, from);
    SchoolDayWalker walker(*this);
    int count = 0;
    for (QDate d = from; d < to; d = d.addDays(1)) {
        if (walker.isSchoolDay(d))
            ++count;
    }
    return count;
}

QDate SchoolCalendar::addSchoolDays(QDate d, int n) const
{
    if (!d.isValid())
        return {};
    const int step = n < 0 ? -1 : 1;
    int remaining = n < 0 ? -n : n;
    SchoolDayWalker walker(*this);
    int daysWithoutSchool = 0;
    while (remaining > 0) {
        d = d.addDays(step);
        if (!d.isValid() || !isSupported(academicYearOf(d)))
            return {};
        if (walker.isSchoolDay(d)) {
            --remaining;
            daysWithoutSchool = 0;
        } else if (++daysWithoutSchool > kMaxDaysWithoutSchool) {
            return {};
        }
    }
    return d;
}

} // namespace waymark
