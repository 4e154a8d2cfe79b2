#include "exchange/rostercolumns.h"

#include "calendar/typeddate.h"
#include "exchange/csvtable.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <array>
#include <utility>

namespace waymark::exchange {

namespace {
// Header names (as headerKey() has them) for each field, in the words of the MISs and formats
// schools export from. Order matters only within a field.
const std::vector<std::pair<RosterField, QStringList>>& synonyms()
{
    static const std::vector<std::pair<RosterField, QStringList>> table{
        {RosterField::Upn, {QStringLiteral("upn"), QStringLiteral("uniquepupilnumber"), QStringLiteral("pupilupn")}},
        {RosterField::MisId,
         {QStringLiteral("admissionnumber"), QStringLiteral("adno"), QStringLiteral("admno"), QStringLiteral("misid"),
          QStringLiteral("pupilid"), QStringLiteral("studentid"), QStringLiteral("studentnumber"), QStringLiteral("id"),
          QStringLiteral("sourcedid"), QStringLiteral("personid")}},
        {RosterField::LegalSurname,
         {QStringLiteral("legalsurname"), QStringLiteral("surname"), QStringLiteral("lastname"),
          QStringLiteral("familyname"), QStringLiteral("legallastname")}},
        {RosterField::LegalForename,
         {QStringLiteral("legalforename"), QStringLiteral("forename"), QStringLiteral("firstname"),
          QStringLiteral("givenname"), QStringLiteral("legalfirstname")}},
        {RosterField::MiddleNames,
         {QStringLiteral("middlenames"), QStringLiteral("middlename"), QStringLiteral("othernames")}},
        {RosterField::PreferredSurname,
         {QStringLiteral("preferredsurname"), QStringLiteral("preferredlastname"), QStringLiteral("knownassurname")}},
        {RosterField::PreferredForename,
         {QStringLiteral("preferredforename"), QStringLiteral("preferredfirstname"), QStringLiteral("preferredname"),
          QStringLiteral("preferredgivenname"), QStringLiteral("knownas"), QStringLiteral("chosenname")}},
        {RosterField::DateOfBirth,
         {QStringLiteral("dob"), QStringLiteral("dateofbirth"), QStringLiteral("birthdate"), QStringLiteral("born")}},
        {RosterField::Sex, {QStringLiteral("sex"), QStringLiteral("gender"), QStringLiteral("legalsex")}},
        {RosterField::YearGroup,
         {QStringLiteral("year"), QStringLiteral("yeargroup"), QStringLiteral("ncyear"), QStringLiteral("ncyearactual"),
          QStringLiteral("nationalcurriculumyear"), QStringLiteral("yr"), QStringLiteral("grade")}},
        {RosterField::TutorGroup,
         {QStringLiteral("reg"), QStringLiteral("reggroup"), QStringLiteral("registrationgroup"),
          QStringLiteral("registrationform"), QStringLiteral("form"), QStringLiteral("formgroup"),
          QStringLiteral("tutorgroup"), QStringLiteral("class"), QStringLiteral("regform")}},
        {RosterField::Sen,
         {QStringLiteral("sen"), QStringLiteral("senstatus"), QStringLiteral("senprovision"), QStringLiteral("send"),
          QStringLiteral("sendstatus"), QStringLiteral("iep")}},
        {RosterField::FreeSchoolMeals,
         {QStringLiteral("fsm"), QStringLiteral("fsmeligible"), QStringLiteral("freeschoolmeals"),
          QStringLiteral("fsmeligibility"), QStringLiteral("freelunch"), QStringLiteral("ever6fsm")}},
        {RosterField::PupilPremium,
         {QStringLiteral("pp"), QStringLiteral("pupilpremium"), QStringLiteral("ppindicator"),
          QStringLiteral("pupilpremiumindicator")}},
        {RosterField::Eal,
         {QStringLiteral("eal"), QStringLiteral("englishasanadditionallanguage"), QStringLiteral("ealstatus")}},
        {RosterField::FirstLanguage,
         {QStringLiteral("firstlanguage"), QStringLiteral("language"), QStringLiteral("homelanguage")}},
        {RosterField::LookedAfter,
         {QStringLiteral("cla"), QStringLiteral("lookedafter"), QStringLiteral("incare"),
          QStringLiteral("childlookedafter"), QStringLiteral("lac"), QStringLiteral("lookedafterchild")}},
    };
    return table;
}

QString tr(const char* text)
{
    return QCoreApplication::translate("RosterColumns", text);
}
} // namespace

QString fieldName(RosterField field)
{
    switch (field) {
    case RosterField::Ignore:
        return tr("(not imported)");
    case RosterField::Upn:
        return tr("UPN");
    case RosterField::MisId:
        return tr("MIS id");
    case RosterField::LegalSurname:
        return tr("Legal surname");
    case RosterField::LegalForename:
        return tr("Legal forename");
    case RosterField::MiddleNames:
        return tr("Middle names");
    case RosterField::PreferredSurname:
        return tr("Preferred surname");
    case RosterField::PreferredForename:
        return tr("Preferred forename");
    case RosterField::DateOfBirth:
        return tr("Date of birth");
    case RosterField::Sex:
        return tr("Sex");
    case RosterField::YearGroup:
        return tr("Year group");
    case RosterField::TutorGroup:
        return tr("Tutor group");
    case RosterField::Sen:
        return tr("SEN");
    case RosterField::FreeSchoolMeals:
        return tr("Free school meals");
    case RosterField::PupilPremium:
        return tr("Pupil premium");
    case RosterField::Eal:
        return tr("EAL");
    case RosterField::FirstLanguage:
        return tr("First language");
    case RosterField::LookedAfter:
        return tr("Looked after");
    }
    return {};
}

std::vector<RosterField> detectColumns(const QStringList& header)
{
    std::vector<RosterField> fields(std::size_t(header.size()), RosterField::Ignore);
    std::vector<bool> taken(synonyms().size(), false);
    for (int column = 0; column < header.size(); ++column) {
        const QString key = headerKey(header.at(column));
        for (std::size_t f = 0; f < synonyms().size(); ++f) {
            if (!taken[f] && synonyms()[f].second.contains(key)) {
                fields[std::size_t(column)] = synonyms()[f].first;
                taken[f] = true;
                break;
            }
        }
    }
    return fields;
}

namespace {
const QRegularExpression& numericDate()
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2}|\\d{4})\\s*$"));
    return re;
}
} // namespace

DateOrder detectDateOrder(const QStringList& values, DateOrder otherwise)
{
    bool firstOver12 = false;
    bool secondOver12 = false;
    for (const QString& value : values) {
        const auto m = numericDate().match(value);
        if (!m.hasMatch())
            continue;
        firstOver12 |= m.captured(1).toInt() > 12;
        secondOver12 |= m.captured(2).toInt() > 12;
    }
    if (secondOver12 && !firstOver12)
        return DateOrder::MonthDayYear;
    if (firstOver12 && !secondOver12)
        return DateOrder::DayMonthYear;
    return otherwise;
}

std::optional<QDate> parseRosterDate(const QString& text, DateOrder order, QDate today)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    if (const auto m = numericDate().match(trimmed); m.hasMatch()) {
        int first = m.captured(1).toInt();
        int second = m.captured(2).toInt();
        int year = m.captured(3).toInt();
        if (m.captured(3).size() == 2) {
            year += 2000;
            if (year > today.year())
                year -= 100; // a pupil born in 2099 is a pupil born in 1999
        }
        const int day = order == DateOrder::DayMonthYear ? first : second;
        const int month = order == DateOrder::DayMonthYear ? second : first;
        const QDate date(year, month, day);
        return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
    }
    // ISO ("2014-09-02", with or without a time) and words ("2 Sep 2014") as teachers type them.
    const QDate iso = QDate::fromString(trimmed.left(10), Qt::ISODate);
    if (iso.isValid())
        return iso;
    return parseTypedDate(trimmed, today);
}

std::optional<SenStatus> parseSen(const QString& text)
{
    const QString key = headerKey(text);
    if (key.isEmpty() || key == QLatin1String("n") || key == QLatin1String("none") || key == QLatin1String("no") ||
        key == QLatin1String("nosen") || key == QLatin1String("0") || key == QLatin1String("false"))
        return SenStatus::None;
    if (key == QLatin1String("k") || key == QLatin1String("sensupport") || key == QLatin1String("support") ||
        key == QLatin1String("a") || key == QLatin1String("p")) // A and P: School Action (Plus), now SEN support
        return SenStatus::SenSupport;
    if (key == QLatin1String("e") || key == QLatin1String("s") || key == QLatin1String("ehc") ||
        key == QLatin1String("ehcp") || key == QLatin1String("ehcplan") || key == QLatin1String("statement"))
        return SenStatus::EhcPlan;
    // A bare yes (School Data Sync's "iep" flag) says there is SEN, not which kind: SEN support.
    if (key == QLatin1String("y") || key == QLatin1String("yes") || key == QLatin1String("true"))
        return SenStatus::SenSupport;
    return std::nullopt;
}

std::optional<bool> parseYesNo(const QString& text)
{
    const QString key = headerKey(text);
    static const QStringList yes{QStringLiteral("y"),    QStringLiteral("yes"), QStringLiteral("1"),
                                 QStringLiteral("true"), QStringLiteral("t"),   QStringLiteral("eligible")};
    static const QStringList no{QString(),
                                QStringLiteral("n"),
                                QStringLiteral("no"),
                                QStringLiteral("0"),
                                QStringLiteral("false"),
                                QStringLiteral("f"),
                                QStringLiteral("noteligible")};
    if (yes.contains(key))
        return true;
    if (no.contains(key))
        return false;
    return std::nullopt;
}

QString parseSex(const QString& text)
{
    const QString key = headerKey(text);
    if (key == QLatin1String("f") || key == QLatin1String("female") || key == QLatin1String("girl"))
        return QStringLiteral("F");
    if (key == QLatin1String("m") || key == QLatin1String("male") || key == QLatin1String("boy"))
        return QStringLiteral("M");
    return text.trimmed();
}

std::optional<int> parseYearGroup(const QString& text)
{
    const QString key = headerKey(text);
    if (key == QLatin1String("r") || key == QLatin1String("rec") || key == QLatin1String("reception"))
        return 0;
    if (key == QLatin1String("n1"))
        return -2;
    if (key == QLatin1String("n2"))
        return -1;
    static const QRegularExpression number(QStringLiteral("^(?:year|yr|y)?(\\d{1,2})$"));
    const auto m = number.match(key);
    if (!m.hasMatch())
        return std::nullopt;
    const int year = m.captured(1).toInt();
    return year <= 14 ? std::optional<int>(year) : std::nullopt;
}

} // namespace waymark::exchange
