#pragma once

#include <QString>

namespace waymark::text {

// A name folded for forgiving search: case folded, accents and other marks removed, special
// letters written as plain ones (ı → i, ł → l, ø → o, ß → ss, æ → ae …), apostrophes dropped and
// hyphens and other punctuation read as spaces. So "aydin" finds Aydın, "wrobel" Wróbel, "oconnor"
// O'Connor and "lloyd davies" Lloyd-Davies.
QString searchKey(const QString& text);

} // namespace waymark::text
