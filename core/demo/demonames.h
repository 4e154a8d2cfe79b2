#pragma once

#include "demo/demorandom.h"

#include <QString>

namespace waymark::demo {

// Names for the demo school's people, drawn to look like an English secondary school: mostly
// White British and Irish, with South Asian, Black African and Caribbean, Eastern European, East
// Asian and Middle Eastern families, and children of mixed heritage.
struct PersonName
{
    QString given;
    QString middle; // may be empty, or two names
    QString family;
    int heritage = 0; // 0: White British or Irish given name
};

PersonName pupilName(Random& r, bool female);
PersonName staffName(Random& r, bool female);

// The short form a pupil often goes by ("Alexander" -> "Alex"), or an empty string.
QString shortFormOf(const QString& given);

// Somewhere for the school to be: a town and the DfE number of its local authority.
struct Place
{
    const char* town;
    int laCode;
};
Place schoolPlace(Random& r);
QString schoolName(Random& r, const Place& place); // "Oakfield Academy", "Ashford High School"
QString houseName(int index);                       // names for vertical tutor groups

} // namespace waymark::demo
