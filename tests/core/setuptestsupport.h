// What the set-up services' tests share: a fresh school file, pupils in given year groups, and a
// canonical dump of every table so that a test can say "nothing was written" or "put back exactly".
#pragma once

#include "services/pupilsetup.h"
#include "services/schoolsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "testsupport.h"

#include <QString>
#include <QStringList>

#include <catch2/catch.hpp>

#include <memory>
#include <string>

namespace waymark::test {

// A QString that Catch prints as text. (Specialising Catch's StringMaker for QString itself would
// clash with the other tests in this binary, which print QString as a range of characters.)
struct Text
{
    QString value;
    Text(const QString& v = {}) // NOLINT(google-explicit-constructor): compared with QString literals
        : value(v)
    {}
    bool isEmpty() const { return value.isEmpty(); }
    bool contains(const QString& part) const { return value.contains(part); }
    friend bool operator==(const Text& a, const Text& b) { return a.value == b.value; }
};

// Problems or lines, one a line, to compare and print as one text.
inline Text lines(const QStringList& list)
{
    return Text(list.join(QLatin1Char('\n')));
}

inline const QDate kSetupToday(2026, 11, 23); // in academic year 2026/27

// A new school file (as the set-up workflow makes it) of the given phase, open.
struct SchoolFile
{
    TempDir dir;
    std::unique_ptr<Database> db;

    explicit SchoolFile(SchoolPhase phase = SchoolPhase::Secondary)
    {
        const QString path = dir.path(QStringLiteral("school.waymark"));
        setup::createSchoolFile(path, QStringLiteral("Oakfield"));
        db = Database::open(path);
        setup::SchoolDetails details = setup::schoolDetails(*db);
        if (details.phase != phase) {
            details.phase = phase;
            setup::changeSchoolDetails(*db, details);
        }
    }
    Database& operator*() { return *db; }
};

inline RowId addPupilIn(Database& db, const QString& given, const QString& family, std::optional<int> yearGroup)
{
    setup::NewPupil p;
    p.legalGivenName = given;
    p.legalFamilyName = family;
    p.dateOfBirth = QDate(2020 - yearGroup.value_or(5), 3, 1);
    p.yearGroup = yearGroup;
    return setup::addPupil(db, p, kSetupToday);
}

// Every row of every table, one line each ("table: 'a'|1|NULL"), tables by name and rows by their
// first column, leaving out the search indexes (search_*), which follow the rows they index. Without stamps, the hybrid-clock stamp and origin of each row, the history table and
// the clock kept in meta are left out: what remains is what a teacher could see change.
enum class Stamps { Included, Left };
inline QStringList dump(Database& db, Stamps stamps = Stamps::Included)
{
    QStringList tables;
    {
        auto s = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                            "AND name NOT LIKE 'search!_%' ESCAPE '!' ORDER BY name");
        while (s.step())
            tables << s.text(0);
    }
    QStringList out;
    for (const QString& table : tables) {
        if (stamps == Stamps::Left && table == QLatin1String("history"))
            continue;
        QStringList columns;
        {
            auto s = db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
            s.bindAll(table);
            while (s.step()) {
                const QString column = s.text(0);
                if (stamps == Stamps::Left && (column == QLatin1String("hlc") || column == QLatin1String("origin")))
                    continue;
                columns << QStringLiteral("quote(\"%1\")").arg(column);
            }
        }
        QString where;
        if (stamps == Stamps::Left && table == QLatin1String("meta"))
            where = QStringLiteral(" WHERE key <> 'hlc'");
        auto s = db.prepare(QStringLiteral("SELECT %1 FROM \"%2\"%3 ORDER BY 1")
                                .arg(columns.join(QStringLiteral(" || '|' || ")), table, where)
                                .toStdString());
        while (s.step())
            out << table + QStringLiteral(": ") + s.text(0);
    }
    return out;
}

// The lines in one dump and not the other ("- " before, "+ " after), or empty when they are the same.
inline Text differences(const QStringList& before, const QStringList& after)
{
    QStringList out;
    for (const QString& line : before)
        if (!after.contains(line))
            out << QStringLiteral("- ") + line;
    for (const QString& line : after)
        if (!before.contains(line))
            out << QStringLiteral("+ ") + line;
    if (out.isEmpty() && before.size() != after.size())
        out << QStringLiteral("(the same lines, a different number of them)");
    return Text(out.join(QLatin1Char('\n')));
}

// Rows of a table, tombstones included.
inline qint64 rowsIncludingDeleted(Database& db, const char* table)
{
    auto s = db.prepare(std::string("SELECT count(*) FROM ") + table);
    s.step();
    return s.int64(0);
}

inline qint64 historyRows(Database& db, const char* entity)
{
    auto s = db.prepare("SELECT count(*) FROM history WHERE entity = ?1");
    s.bindAll(QString::fromLatin1(entity));
    s.step();
    return s.int64(0);
}

// The message of the StorageError that f throws, or empty if it throws none (other exceptions fail).
template <class F> Text refusal(F&& f)
{
    try {
        f();
    } catch (const StorageError& e) {
        return Text(e.message());
    }
    return Text();
}

} // namespace waymark::test

namespace Catch {
template <> struct StringMaker<waymark::test::Text>
{
    static std::string convert(const waymark::test::Text& t) { return '"' + t.value.toStdString() + '"'; }
};
} // namespace Catch
