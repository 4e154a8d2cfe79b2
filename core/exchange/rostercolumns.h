#pragma once

#include "domain/enums.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// Which column of an MIS roster holds what: the mapping a CSV import starts from (and that the
// teacher can correct in the import wizard), and reading the values as MISs write them.
namespace waymark::exchange {

enum class RosterField {
    Ignore,
    Upn,
    MisId, // the MIS's own pupil id (admission number, "ID", "Student Number")
    LegalSurname,
    LegalForename,
    MiddleNames,
    PreferredSurname,
    PreferredForename,
    DateOfBirth,
    Sex,
    YearGroup,
    TutorGroup,
    Sen,
    FreeSchoolMeals,
    PupilPremium,
    Eal,
    FirstLanguage,
    LookedAfter,
};
QString fieldName(RosterField field); // for the mapping dialog: "Legal surname"

// One field per column, detected from the header names that SIMS, Arbor, Bromcom, Scholarpack,
// the DfE census and School Data Sync use ("Legal Surname", "Last Name", "NCyearActual", "Reg",
// "SEN Provision", ...). A field is given to one column only: the first that names it.
std::vector<RosterField> detectColumns(const QStringList& header);

// How a date column writes its dates.
enum class DateOrder { DayMonthYear, MonthDayYear };

// The order a column's dates are in: day first (UK) unless a value can only be month first
// ("4/21/2014"), or the file comes from a US-format source (School Data Sync).
DateOrder detectDateOrder(const QStringList& values, DateOrder otherwise = DateOrder::DayMonthYear);

// A date as an MIS writes it: "02/09/2014", "2/9/14", "2014-09-02", "2 Sep 2014" (in `order` when
// it is all numbers and not ISO). Two-digit years are this century unless that is in the future
// of `today`. Nothing for text that is no date.
std::optional<QDate> parseRosterDate(const QString& text, DateOrder order, QDate today);

// SEN as MISs code it: N or empty (none), K or "SEN support" (SEN support), E, S or "EHC plan"
// (an education, health and care plan; S, the old statement, counts as one). Nothing for a code
// it does not know.
std::optional<SenStatus> parseSen(const QString& text);

// Yes/no cells: "Y", "Yes", "1", "True", "T" and the MIS's "Eligible" are yes; "N", "No", "0",
// "False", "F" and empty are no. Nothing for anything else.
std::optional<bool> parseYesNo(const QString& text);

// Sex as written: "F", "Female", "Girl" are "F"; "M", "Male", "Boy" are "M"; anything else is kept
// as written (trimmed).
QString parseSex(const QString& text);

// A year group as written: "7", "Year 7", "Y7", "R" or "Reception" (0), "N1"/"N2" (nursery: -2, -1).
std::optional<int> parseYearGroup(const QString& text);

} // namespace waymark::exchange
