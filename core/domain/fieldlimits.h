#pragma once

#include <QString>

#include <string_view>

namespace waymark::limits {

// How long a stored text may be, by the kind of field. A name is a name, not a book: without
// bounds, one 60,000-character surname made the app lay out a window 900,000 pixels wide. Writes
// over a limit are refused with a message (Repository), editors stop at it, and anything longer
// that a file already holds is shortened wherever it is shown.
inline constexpr int kName = 100;                  // names, titles, codes, UPN, pronouns, e-mail, labels, areas
inline constexpr int kText = 20000;                // notes, plan sections, targets, feedback, voices, descriptors
inline constexpr int kDocument = 16 * 1024 * 1024; // a finalised review's snapshot

// The limit for a column of Waymark's schema, by its name.
int maxLength(std::string_view column);

// text cut to at most `limit` characters, ending in "…" when it was cut (never splitting a
// surrogate pair): for showing a value that may be longer than anything Waymark would write.
QString shortened(const QString& text, int limit = kName);

} // namespace waymark::limits
