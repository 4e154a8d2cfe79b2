#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace waymark {
class Database;
}

// Writing a school out as CSV files a spreadsheet can open safely.
namespace waymark::exchange {

// A cell as written to CSV: quoted when it holds a comma, a quote or a line break, and made inert
// for spreadsheets when it starts with = + - @, a tab or a carriage return (a single quote is put in
// front, so "=HYPERLINK(...)" shows as text and never runs).
QString csvCell(const QString& value);

struct ExportedFile
{
    QString path;
    int rows = 0;
};

// Writes one CSV (UTF-8 with a byte-order mark, for Excel) per kind of record into `folder`, made if
// missing: school, staff, subjects, pupils, groups, group members, plans, targets, reviews,
// evidence and feedback, without deleted records. Each file is written whole or not at all. Throws
// StorageError naming the file that could not be written.
std::vector<ExportedFile> exportCsv(Database& db, const QString& folder);

} // namespace waymark::exchange
