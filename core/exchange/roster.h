#pragma once

#include "domain/enums.h"
#include "exchange/csvtable.h"
#include "exchange/rostercolumns.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// A roster as read from an MIS export, before anything is matched or written: one record a pupil,
// in Waymark's words, with what could not be taken said per row.
namespace waymark::exchange {

struct RosterRecord
{
    int line = 0; // where the row began in the file (1-based)
    QString misId;
    QString upn; // tidied and valid, or empty
    QString legalGivenName;
    QString legalMiddleNames;
    QString legalFamilyName;
    QString preferredGivenName;
    QString preferredFamilyName;
    QDate dateOfBirth;
    QString sex; // "F", "M" or as written
    std::optional<int> yearGroup;
    QString tutorGroup;
    std::optional<SenStatus> sen;
    std::optional<bool> freeSchoolMeals;
    std::optional<bool> pupilPremium;
    std::optional<bool> eal;
    std::optional<bool> lookedAfter;
    QString firstLanguage;

    // Read, but with something not taken (an invalid UPN, a date that is no date): said here.
    QStringList flags;
    // Not read at all (no name): why.
    QString rejected;
};

struct Roster
{
    std::vector<RosterRecord> records;
    std::vector<RosterField> columns; // the field of each column, as used
    DateOrder dateOrder = DateOrder::DayMonthYear;
    TextEncoding encoding = TextEncoding::Utf8;
};

// Reads a roster CSV from any MIS: the columns detected from its header unless `columns` says
// otherwise (the import wizard's mapping), dates in the order its values show (US for a source
// known to write them so). Throws StorageError for a file that cannot be read at all (binary,
// empty, an unclosed quote, no name column), naming why.
Roster readCsvRoster(const QByteArray& bytes, QDate today, const std::vector<RosterField>* columns = nullptr,
                     DateOrder usualOrder = DateOrder::DayMonthYear);

} // namespace waymark::exchange
