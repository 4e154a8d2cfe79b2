// Reading an MIS roster's columns: which header is which field, and the values as MISs write them.
#include "exchange/csvtable.h"
#include "exchange/rostercolumns.h"

#include <QFile>

#include <catch2/catch.hpp>

using namespace waymark;
using namespace waymark::exchange;

namespace {
std::vector<RosterField> fieldsOf(const QString& headerLine)
{
    return detectColumns(headerLine.split(QLatin1Char(',')));
}
} // namespace

TEST_CASE("The usual MIS headers are recognised; unknown columns are left out, and a field goes to one column")
{
    using F = RosterField;
    SECTION("SIMS-style")
    {
        CHECK(fieldsOf(QStringLiteral("Adno,UPN,Legal Surname,Legal Forename,Preferred Surname,Preferred Forename,DOB,"
                                      "Gender,Year,Reg,SEN Status,FSM,EAL,In Care")) ==
              std::vector<F>{F::MisId, F::Upn, F::LegalSurname, F::LegalForename, F::PreferredSurname,
                             F::PreferredForename, F::DateOfBirth, F::Sex, F::YearGroup, F::TutorGroup, F::Sen,
                             F::FreeSchoolMeals, F::Eal, F::LookedAfter});
    }
    SECTION("Arbor-style, with a column nobody needs")
    {
        CHECK(fieldsOf(QStringLiteral("First name,Last name,Date of birth,Year group,Registration form,Shoe size,"
                                      "Pupil Premium,First Language,Looked After")) ==
              std::vector<F>{F::LegalForename, F::LegalSurname, F::DateOfBirth, F::YearGroup, F::TutorGroup, F::Ignore,
                             F::PupilPremium, F::FirstLanguage, F::LookedAfter});
    }
    SECTION("the DfE census, from the fixture")
    {
        QFile file(QStringLiteral(WAYMARK_FIXTURES_DIR "/census/Pupil-Census-Data.csv"));
        REQUIRE(file.open(QIODevice::ReadOnly));
        const CsvTable table = readCsv(file.readAll());
        const std::vector<F> fields = detectColumns(table.header);
        // LEA, Estab, UPN, Surname, Forename, Middlenames, Sex, DOB, NCyearActual, EnrolStatus,
        // FSMeligible, Language, SENProvision
        CHECK(fields == std::vector<F>{F::Ignore, F::Ignore, F::Upn, F::LegalSurname, F::LegalForename, F::MiddleNames,
                                       F::Sex, F::DateOfBirth, F::YearGroup, F::Ignore, F::FreeSchoolMeals,
                                       F::FirstLanguage, F::Sen});
    }
    SECTION("two columns for one field: the first has it")
    {
        CHECK(fieldsOf(QStringLiteral("Surname,Last Name")) == std::vector<F>{F::LegalSurname, F::Ignore});
    }
}

TEST_CASE("Roster dates: UK order unless the values can only be US; ISO and words; two-digit years")
{
    const QDate today(2026, 11, 30);
    CHECK(*parseRosterDate(QStringLiteral("02/09/2014"), DateOrder::DayMonthYear, today) == QDate(2014, 9, 2));
    CHECK(*parseRosterDate(QStringLiteral("2/9/14"), DateOrder::DayMonthYear, today) == QDate(2014, 9, 2));
    CHECK(*parseRosterDate(QStringLiteral("1/1/05"), DateOrder::DayMonthYear, today) == QDate(2005, 1, 1));
    CHECK(*parseRosterDate(QStringLiteral("4/2/2000"), DateOrder::MonthDayYear, today) == QDate(2000, 4, 2));
    CHECK(*parseRosterDate(QStringLiteral("2014-09-02"), DateOrder::MonthDayYear, today) == QDate(2014, 9, 2));
    CHECK(*parseRosterDate(QStringLiteral("2014-09-02T00:00:00"), DateOrder::DayMonthYear, today) == QDate(2014, 9, 2));
    CHECK(*parseRosterDate(QStringLiteral("2 Sep 2014"), DateOrder::DayMonthYear, today) == QDate(2014, 9, 2));
    CHECK(*parseRosterDate(QStringLiteral("31/12/99"), DateOrder::DayMonthYear, today) == QDate(1999, 12, 31));
    CHECK_FALSE(parseRosterDate(QStringLiteral("31/02/2014"), DateOrder::DayMonthYear, today));
    CHECK_FALSE(parseRosterDate(QStringLiteral("soon"), DateOrder::DayMonthYear, today));
    CHECK_FALSE(parseRosterDate(QString(), DateOrder::DayMonthYear, today));

    CHECK(detectDateOrder({QStringLiteral("4/2/2000"), QStringLiteral("4/21/2001")}) == DateOrder::MonthDayYear);
    CHECK(detectDateOrder({QStringLiteral("21/4/2001"), QStringLiteral("4/2/2000")}) == DateOrder::DayMonthYear);
    CHECK(detectDateOrder({QStringLiteral("4/2/2000")}) == DateOrder::DayMonthYear);
    CHECK(detectDateOrder({QStringLiteral("4/2/2000")}, DateOrder::MonthDayYear) == DateOrder::MonthDayYear);
}

TEST_CASE("SEN codes, yes/no cells and year groups as MISs write them")
{
    CHECK(parseSen(QStringLiteral("N")) == SenStatus::None);
    CHECK(parseSen(QString()) == SenStatus::None);
    CHECK(parseSen(QStringLiteral("K")) == SenStatus::SenSupport);
    CHECK(parseSen(QStringLiteral("SEN Support")) == SenStatus::SenSupport);
    CHECK(parseSen(QStringLiteral("E")) == SenStatus::EhcPlan);
    CHECK(parseSen(QStringLiteral("S")) == SenStatus::EhcPlan);
    CHECK(parseSen(QStringLiteral("EHC Plan")) == SenStatus::EhcPlan);
    CHECK(parseSen(QStringLiteral("true")) == SenStatus::SenSupport);
    CHECK_FALSE(parseSen(QStringLiteral("Q")));

    CHECK(parseYesNo(QStringLiteral("Y")) == true);
    CHECK(parseYesNo(QStringLiteral("1")) == true);
    CHECK(parseYesNo(QStringLiteral("Eligible")) == true);
    CHECK(parseYesNo(QStringLiteral("No")) == false);
    CHECK(parseYesNo(QString()) == false);
    CHECK_FALSE(parseYesNo(QStringLiteral("maybe")));

    CHECK(parseYearGroup(QStringLiteral("7")) == 7);
    CHECK(parseYearGroup(QStringLiteral("Year 11")) == 11);
    CHECK(parseYearGroup(QStringLiteral("Y6")) == 6);
    CHECK(parseYearGroup(QStringLiteral("R")) == 0);
    CHECK(parseYearGroup(QStringLiteral("N2")) == -1);
    CHECK_FALSE(parseYearGroup(QStringLiteral("Year 27")));
    CHECK_FALSE(parseYearGroup(QStringLiteral("Oak")));
}
