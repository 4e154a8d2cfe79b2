#pragma once

#include <QString>
#include <QStringList>
#include <QUuid>

#include <vector>

namespace waymark {

class Database;

// The ladders every school has: EYFS, pre-key stage, KS1/KS2 teacher assessment, GCSE, P scales and
// NC levels. Their UUIDs are derived from their codes, so every Waymark file agrees on them.
struct BuiltinScale
{
    const char* code;
    const char* name;
    const char* description;
    // Lowest rung first: "code|label|descriptor"
    std::vector<const char*> rungs;
};

const std::vector<BuiltinScale>& builtinScales();
QUuid builtinScaleUuid(const QString& code);
QUuid builtinRungUuid(const QString& scaleCode, const QString& rungCode);
void seedBuiltinScales(Database& db); // used by the first migration

} // namespace waymark
