#pragma once

#include "exchange/csvtable.h"
#include "exchange/rostercolumns.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <initializer_list>
#include <map>
#include <optional>

// The files of a roster export that comes as several CSV files (School Data Sync, OneRoster), read
// whole into memory from a folder or a zip before any of them is parsed; and what the readers of
// those formats share.
namespace waymark::exchange {

// A zip is refused whole if it has more entries than this, ...
inline constexpr int kMaxArchiveEntries = 64;
// ... if what it holds comes to more than this uncompressed (any one entry is held to
// kMaxTextBytes), ...
inline constexpr qint64 kMaxArchiveBytes = qint64(64) * 1024 * 1024;
// ... or if, past kRatioCheckFrom bytes, what it holds is more than kMaxCompressionRatio times the
// zip's own size (a zip bomb: text compresses ten to one, not a thousand).
inline constexpr qint64 kMaxCompressionRatio = 100;
inline constexpr qint64 kRatioCheckFrom = qint64(1) * 1024 * 1024;

struct RosterFile
{
    QString name; // as the folder or zip names it, without any folder ("users.csv")
    QByteArray bytes;
};

struct RosterFiles
{
    QString origin;                      // the folder or zip, as given
    std::map<QString, RosterFile> files; // by lower-case name: "users.csv"

    // The file of this name, whatever its case; nullptr if there is none.
    const RosterFile* find(const QString& name) const;
    // The names of all its files, sorted, for messages.
    QStringList names() const;
};

// The files directly in a folder (not in folders within it). Throws StorageError: NotFound for no
// such folder, Invalid for a file over kMaxTextBytes or files over kMaxArchiveBytes in all.
RosterFiles readRosterFolder(const QString& folder);

// The files of a zip, read into memory with their sizes checked as they are read: nothing is ever
// written to disk. Folders inside the zip are ignored, files are known by their names alone (and
// macOS's "__MACOSX/" copies are skipped). Throws StorageError: NotFound for no such file, Damaged
// for a file that is no zip or is cut short, Invalid for a zip refused whole: an entry whose path
// is absolute or climbs out with "..", a link, two files of one name, more than kMaxArchiveEntries
// entries, an entry over kMaxTextBytes, over kMaxArchiveBytes in all, or a zip bomb.
RosterFiles readRosterZip(const QString& zipPath);

// One CSV file of the set, parsed, with its columns found by their names.
struct RosterSheet
{
    QString file; // "users.csv", as named
    CsvTable table;

    explicit RosterSheet(const RosterFile& source);

    // The first of these columns the header has (compared as headerKey does); -1 if none.
    int column(std::initializer_list<const char*> names) const;
    // A row's cell in that column, trimmed; empty if the column is -1.
    static QString cell(const CsvTable::Row& row, int column);
    // "users.csv line 4: " and the text, for Roster::problems.
    QString at(int line, const QString& text) const;
    // The rows whose cells did not match the header, said as problems ("roles.csv line 3: This row
    // has ..."), except rows short only of header cells with no name (a trailing comma in the
    // header, as some exporters write).
    QStringList rowProblems() const;
};

// An id that may be a UPN: taken if it is a valid one; flagged, in the roster's words, if it is
// shaped like one (a letter, 11 digits, a digit or letter) but fails the check; otherwise (an MIS's own
// number) left alone. Returns the UPN or an empty string.
QString upnFromId(const QString& value, QStringList& flags);

// A year group cell ("grade" in SDS and OneRoster): the year, or nothing and a flag in the roster's
// words ("grade “KG” is not a year group; left empty"). Empty is nothing, unflagged.
std::optional<int> yearFrom(const QString& title, const QString& value, QStringList& flags);

// A date cell: the date, or a null date and a flag ("birthDate “x” is not a date; left empty").
QDate dateFrom(const QString& title, const QString& value, DateOrder order, QDate today, QStringList& flags);

// A role of a pupil's family (guardian, parent, relative): such users are left out of a roster
// without a problem being said, in OneRoster and in School Data Sync alike.
bool isContactRole(const QString& role);

// Why a row without a name is not read ("no name", "no surname", "no forename"), or empty.
QString unnamedReason(const QString& givenName, const QString& familyName);

} // namespace waymark::exchange
