#pragma once

#include "exchange/rostercolumns.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// A CSV roster's columns as the teacher mapped them in the import wizard (or a --mapping file),
// remembered per source so that the next export from the same MIS needs no mapping at all.
namespace waymark::exchange {

// Every field in the order the wizard offers them, and each one's stable key for files
// ("legal-surname", "upn", "ignore").
const std::vector<RosterField>& allRosterFields();
QString fieldKey(RosterField field);
std::optional<RosterField> fieldFromKey(const QString& key);

struct ColumnMapping
{
    QHash<QString, RosterField> byHeader; // by headerKey() of the column's name
    std::optional<DateOrder> dates;       // empty: as the values show

    bool isEmpty() const { return byHeader.isEmpty() && !dates; }
    // The field of each column of `header`: the mapping's where it names the column, else what
    // detectColumns() finds (a field is given to one column only).
    std::vector<RosterField> columnsFor(const QStringList& header) const;
    // The mapping that gives `header` exactly `columns`.
    static ColumnMapping of(const QStringList& header, const std::vector<RosterField>& columns,
                            std::optional<DateOrder> dates);

    // {"columns": {"Legal Surname": "legal-surname", ...}, "dates": "day-month-year"}
    QByteArray toJson() const;
    // Throws StorageError (Kind::Invalid) naming an unknown field key or a file that is not a mapping.
    static ColumnMapping fromJson(const QByteArray& json);
};

} // namespace waymark::exchange
