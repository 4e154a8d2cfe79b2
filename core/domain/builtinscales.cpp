#include "domain/builtinscales.h"

#include "storage/database.h"

namespace waymark {

namespace {
const QUuid kNamespace(QStringLiteral("6d1f6f2e-6a35-4d7c-9a8e-5b0f7a3c2e11"));
}

const std::vector<BuiltinScale>& builtinScales()
{
    static const std::vector<BuiltinScale> scales = {
        {"eyfs", "EYFS early learning goals", "Early Years Foundation Stage profile: each early learning goal",
         {"EMG|Emerging|Not yet at the expected level for this goal",
          "EXP|Expected|Meeting the expected level for this goal"}},
        {"pre-key-stage", "Pre-key stage standards", "For pupils working below the standard of national curriculum "
                                                     "assessments (engagement model first)",
         {"EM|Engagement model|Not yet engaged in subject-specific study", "PK1|Standard 1|Pre-key stage standard 1",
          "PK2|Standard 2|Pre-key stage standard 2", "PK3|Standard 3|Pre-key stage standard 3",
          "PK4|Standard 4|Pre-key stage standard 4", "PK5|Standard 5|Pre-key stage standard 5",
          "PK6|Standard 6|Pre-key stage standard 6"}},
        {"ks-teacher-assessment", "KS1/KS2 teacher assessment", "End of key stage teacher assessment frameworks",
         {"HNM|Has not met|Has not met the expected standard",
          "WTS|Working towards|Working towards the expected standard",
          "EXS|Expected standard|Working at the expected standard",
          "GDS|Greater depth|Working at greater depth within the expected standard"}},
        {"gcse", "GCSE 9–1", "GCSE grades from U to 9",
         {"U|U|Ungraded", "1|1|Grade 1", "2|2|Grade 2", "3|3|Grade 3", "4|4|Grade 4 (standard pass)",
          "5|5|Grade 5 (strong pass)", "6|6|Grade 6", "7|7|Grade 7", "8|8|Grade 8", "9|9|Grade 9"}},
        {"p-scales", "P scales (legacy)", "Performance descriptors used before the pre-key stage standards",
         {"P1i|P1(i)|", "P1ii|P1(ii)|", "P2i|P2(i)|", "P2ii|P2(ii)|", "P3i|P3(i)|", "P3ii|P3(ii)|", "P4|P4|",
          "P5|P5|", "P6|P6|", "P7|P7|", "P8|P8|"}},
        {"nc-levels", "National curriculum levels (legacy)", "Levels used before 2014",
         {"W|Working towards level 1|", "1c|1c|", "1b|1b|", "1a|1a|", "2c|2c|", "2b|2b|", "2a|2a|", "3c|3c|",
          "3b|3b|", "3a|3a|", "4c|4c|", "4b|4b|", "4a|4a|", "5c|5c|", "5b|5b|", "5a|5a|", "6c|6c|", "6b|6b|",
          "6a|6a|", "7|7|", "8|8|", "EP|Exceptional performance|"}},
    };
    return scales;
}

QUuid builtinScaleUuid(const QString& code)
{
    return QUuid::createUuidV5(kNamespace, QStringLiteral("scale:") + code);
}

QUuid builtinRungUuid(const QString& scaleCode, const QString& rungCode)
{
    return QUuid::createUuidV5(kNamespace, QStringLiteral("rung:") + scaleCode + QLatin1Char(':') + rungCode);
}

void seedBuiltinScales(Database& db)
{
    // Stamp 1: any edit made anywhere is newer than the shipped ladder.
    const qint64 stamp = 1;
    const QString origin = QStringLiteral("builtin");
    auto scale = db.prepare("INSERT INTO scale(uuid, hlc, origin, code, name, description, builtin) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)");
    auto rung = db.prepare("INSERT INTO rung(uuid, hlc, origin, scale_id, position, code, label, descriptor) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    for (const BuiltinScale& s : builtinScales()) {
        const QString code = QString::fromUtf8(s.code);
        scale.bind(1, builtinScaleUuid(code))
            .bind(2, stamp)
            .bind(3, origin)
            .bind(4, code)
            .bind(5, QString::fromUtf8(s.name))
            .bind(6, QString::fromUtf8(s.description));
        scale.run();
        scale.reset();
        const qint64 scaleId = db.lastInsertRowId();
        int position = 0;
        for (const char* r : s.rungs) {
            const QStringList parts = QString::fromUtf8(r).split(QLatin1Char('|'));
            rung.bind(1, builtinRungUuid(code, parts.value(0)))
                .bind(2, stamp)
                .bind(3, origin)
                .bind(4, scaleId)
                .bind(5, position++)
                .bind(6, parts.value(0))
                .bind(7, parts.value(1))
                .bind(8, parts.value(2));
            rung.run();
            rung.reset();
        }
    }
}

} // namespace waymark
