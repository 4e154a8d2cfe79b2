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

// A pupil's SEN status from a date (the Common Transfer File keeps the history).
struct RosterSenEntry
{
    QDate startOn;
    SenStatus status = SenStatus::None;
    QString provision; // as written: "K", "E", "SEN support"
};

// A span of free school meals eligibility; an open end is empty.
struct RosterFsmPeriod
{
    QDate startOn;
    QDate endOn;
};

// A statutory assessment result (CTF <StageAssessments>), placed on a built-in scale where it can be.
struct RosterAssessment
{
    QString stage;     // "KS1", "KS2", "EYFSP", "PHON", "MTC"
    QString subject;   // "MAT", "ENG", as written
    QString component; // "TA", "TT", "WRI", as written
    QString method;    // "TA" teacher assessment, "TT" test
    QString result;    // as written: "EXS", "105", "GDS"
    QDate on;          // when the result was given (year end if only a year)
    QString scaleCode; // the built-in scale it is on ("ks-teacher-assessment"), or empty
    QString rungCode;  // the rung on that scale ("EXS"), or empty
};

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
    QDate startedOn; // entry date, where the file gives one

    // Histories, where the file keeps them (the CTF); empty otherwise.
    std::vector<RosterSenEntry> senHistory;
    std::vector<RosterFsmPeriod> fsmHistory;
    std::vector<RosterAssessment> assessments;

    // Read, but with something not taken (an invalid UPN, a date that is no date): said here.
    QStringList flags;
    // Not read at all (no name): why.
    QString rejected;
};

// A member of staff named by the roster (SDS teachers, OneRoster users with a teacher role).
struct RosterStaff
{
    int line = 0;
    QString misId;
    QString title;
    QString givenName;
    QString familyName;
    QString email;
    QString role; // "Teacher", as written
    QStringList flags;
    QString rejected;
};

// A class, set or tutor group named by the roster with its members and teachers, all by MIS id.
struct RosterGroup
{
    int line = 0;
    QString misId;
    QString name;
    GroupKind kind = GroupKind::Class;
    QString subject;     // the subject's name ("Mathematics"), or empty
    QString subjectCode; // as the MIS writes it ("MA"), or empty
    std::optional<int> yearGroup;
    QStringList teacherMisIds; // the first is the group's teacher
    QStringList pupilMisIds;   // members, by RosterRecord::misId
    QStringList flags;
    QString rejected;
};

enum class RosterFormat { Csv, SdsUk, SdsV21, OneRoster, Ctf };

struct Roster
{
    RosterFormat format = RosterFormat::Csv;
    std::vector<RosterRecord> records;
    std::vector<RosterStaff> staff;
    std::vector<RosterGroup> groups;
    // What the file as a whole said that could not be taken, each naming its file and line or
    // element ("enrollments.csv line 14: no class with id 'X'"); the rows themselves still import.
    QStringList problems;
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
