#pragma once

#include "exchange/roster.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

// One door to every roster reader: which format a file or folder holds, and reading it.
namespace waymark::exchange {

// The format of what is at `path`, from what it is (a folder, a zip, an XML file) and what it holds
// (School Data Sync's or OneRoster's file names, a CTF's root element); a CSV file otherwise.
// Empty (no format) for a path that does not exist or is none of these.
std::optional<RosterFormat> detectRosterFormat(const QString& path);

// The short name of a format, as the CLI's --format takes it: csv, sds, oneroster, ctf.
QString formatName(RosterFormat format);
std::optional<RosterFormat> formatFromName(const QString& name); // "sds" covers both SDS formats

// A name a teacher reads: "CSV from an MIS", "School Data Sync (UK)", ...
QString formatDisplayName(RosterFormat format);

// Reads the roster at `path` in `format` (for CSV, with the wizard's `columns` if given, and dates
// in `usualOrder` unless the values say otherwise). Throws StorageError naming what is wrong.
Roster readRoster(const QString& path, RosterFormat format, QDate today,
                  const std::vector<RosterField>* columns = nullptr, DateOrder usualOrder = DateOrder::DayMonthYear);

} // namespace waymark::exchange
