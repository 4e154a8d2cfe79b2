#include "exchange/rostermapping.h"

#include "exchange/csvtable.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace waymark::exchange {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("RosterMapping", text);
}

struct Key
{
    RosterField field;
    const char* key;
};
constexpr Key kKeys[] = {
    {RosterField::Ignore, "ignore"},
    {RosterField::Upn, "upn"},
    {RosterField::MisId, "mis-id"},
    {RosterField::LegalSurname, "legal-surname"},
    {RosterField::LegalForename, "legal-forename"},
    {RosterField::MiddleNames, "middle-names"},
    {RosterField::PreferredSurname, "preferred-surname"},
    {RosterField::PreferredForename, "preferred-forename"},
    {RosterField::DateOfBirth, "date-of-birth"},
    {RosterField::Sex, "sex"},
    {RosterField::YearGroup, "year-group"},
    {RosterField::TutorGroup, "tutor-group"},
    {RosterField::Sen, "sen"},
    {RosterField::FreeSchoolMeals, "fsm"},
    {RosterField::PupilPremium, "pupil-premium"},
    {RosterField::Eal, "eal"},
    {RosterField::FirstLanguage, "first-language"},
    {RosterField::LookedAfter, "looked-after"},
};
} // namespace

const std::vector<RosterField>& allRosterFields()
{
    static const std::vector<RosterField> fields = [] {
        std::vector<RosterField> out;
        for (const Key& k : kKeys)
            out.push_back(k.field);
        return out;
    }();
    return fields;
}

QString fieldKey(RosterField field)
{
    for (const Key& k : kKeys)
        if (k.field == field)
            return QString::fromLatin1(k.key);
    return QStringLiteral("ignore");
}

std::optional<RosterField> fieldFromKey(const QString& key)
{
    for (const Key& k : kKeys)
        if (key.trimmed().compare(QLatin1String(k.key), Qt::CaseInsensitive) == 0)
            return k.field;
    return std::nullopt;
}

std::vector<RosterField> ColumnMapping::columnsFor(const QStringList& header) const
{
    std::vector<RosterField> columns = detectColumns(header);
    // Fields the mapping gives explicitly win; a detected column that would repeat one is ignored.
    QSet<RosterField> mapped;
    for (int c = 0; c < header.size(); ++c) {
        const auto it = byHeader.constFind(headerKey(header.at(c)));
        if (it != byHeader.constEnd() && *it != RosterField::Ignore)
            mapped.insert(*it);
    }
    for (int c = 0; c < header.size(); ++c) {
        const auto it = byHeader.constFind(headerKey(header.at(c)));
        if (it != byHeader.constEnd())
            columns[std::size_t(c)] = *it;
        else if (mapped.contains(columns[std::size_t(c)]))
            columns[std::size_t(c)] = RosterField::Ignore;
    }
    // One column a field, the first.
    QSet<RosterField> used;
    for (RosterField& f : columns) {
        if (f == RosterField::Ignore)
            continue;
        if (used.contains(f))
            f = RosterField::Ignore;
        else
            used.insert(f);
    }
    return columns;
}

ColumnMapping ColumnMapping::of(const QStringList& header, const std::vector<RosterField>& columns,
                                std::optional<DateOrder> dates)
{
    ColumnMapping m;
    for (int c = 0; c < header.size() && std::size_t(c) < columns.size(); ++c)
        m.byHeader.insert(headerKey(header.at(c)), columns[std::size_t(c)]);
    m.dates = dates;
    return m;
}

QByteArray ColumnMapping::toJson() const
{
    QJsonObject columns;
    for (auto it = byHeader.constBegin(); it != byHeader.constEnd(); ++it)
        columns.insert(it.key(), fieldKey(it.value()));
    QJsonObject o{{QStringLiteral("columns"), columns}};
    if (dates)
        o.insert(QStringLiteral("dates"), *dates == DateOrder::DayMonthYear ? QStringLiteral("day-month-year")
                                                                            : QStringLiteral("month-day-year"));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

ColumnMapping ColumnMapping::fromJson(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject() ||
        !doc.object().value(QStringLiteral("columns")).isObject())
        throw StorageError(StorageError::Kind::Invalid,
                           tr("This is not a column mapping: it should be JSON like {\"columns\": {\"Legal Surname\": "
                              "\"legal-surname\"}}."));
    ColumnMapping m;
    const QJsonObject columns = doc.object().value(QStringLiteral("columns")).toObject();
    for (auto it = columns.constBegin(); it != columns.constEnd(); ++it) {
        const std::optional<RosterField> field = fieldFromKey(it.value().toString());
        if (!field) {
            QStringList keys;
            for (const Key& k : kKeys)
                keys << QString::fromLatin1(k.key);
            throw StorageError(StorageError::Kind::Invalid,
                               tr("The mapping gives the column “%1” the field “%2”, which Waymark does not know. "
                                  "Fields are: %3.")
                                   .arg(it.key(), it.value().toString(), keys.join(QStringLiteral(", "))));
        }
        m.byHeader.insert(headerKey(it.key()), *field);
    }
    const QString dates = doc.object().value(QStringLiteral("dates")).toString();
    if (dates == QLatin1String("day-month-year"))
        m.dates = DateOrder::DayMonthYear;
    else if (dates == QLatin1String("month-day-year"))
        m.dates = DateOrder::MonthDayYear;
    else if (!dates.isEmpty())
        throw StorageError(StorageError::Kind::Invalid,
                           tr("The mapping's \"dates\" is day-month-year or month-day-year, not “%1”.").arg(dates));
    return m;
}

} // namespace waymark::exchange
