#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace waymark {

// A date as a teacher types it, read the UK way (day before month): "15 Jan 2027", "15 January",
// "15/01/2027", "15/1/27", "15.1.27", "2027-01-15", "15th January 2027". A date without a year falls
// in the academic year (September to August) that holds `today`; a two-digit year is 20yy unless
// that is more than ten years ahead. nullopt when the text is not a date (or not a real one, such
// as 31/02/2027); an empty text is not a date either.
std::optional<QDate> parseTypedDate(const QString& text, QDate today);

// How Waymark writes a date in a field: "15 Jan 2027", the year always shown.
QString typedDateText(QDate date);

} // namespace waymark
