// Golden files for reading a roster CSV: tests/exchange/roster/<case>/ holds the input (or names a
// fixture) and expected.txt, what it must read as. WAYMARK_WRITE_EXPECTED=1 writes a missing one.
#include "exchange/roster.h"
#include "storage/storageerror.h"

#include <QDir>
#include <QFile>

#include <catch2/catch.hpp>

using namespace waymark;
using namespace waymark::exchange;

namespace {
QString yesNo(const std::optional<bool>& value)
{
    return !value ? QStringLiteral("-") : *value ? QStringLiteral("yes") : QStringLiteral("no");
}

QString describe(const Roster& roster, const QStringList& header)
{
    QStringList out;
    QStringList columns;
    for (std::size_t c = 0; c < roster.columns.size(); ++c)
        columns << header.value(int(c)) + QLatin1Char('=') + fieldName(roster.columns[c]);
    out << QStringLiteral("columns: ") + columns.join(QStringLiteral(", "));
    out << QStringLiteral("dates: ") + (roster.dateOrder == DateOrder::DayMonthYear ? QStringLiteral("day/month/year")
                                                                                    : QStringLiteral("month/day/year"));
    for (const RosterRecord& r : roster.records) {
        if (!r.rejected.isEmpty()) {
            out << QStringLiteral("line %1: rejected (%2)").arg(r.line).arg(r.rejected);
        } else {
            const QString sen = !r.sen ? QStringLiteral("-") : QString::fromLatin1(toText(*r.sen).data());
            out << QStringLiteral("line %1: %2 | %3, %4%5 | %6 | %7 | year %8 | %9 | SEN %10 | FSM %11 PP %12 EAL %13 "
                                  "CLA %14")
                       .arg(QString::number(r.line), r.upn.isEmpty() ? QStringLiteral("(no UPN)") : r.upn,
                            r.legalFamilyName, r.legalGivenName,
                            r.preferredGivenName.isEmpty()
                                ? QString()
                                : QStringLiteral(" (") + r.preferredGivenName + QLatin1Char(')'),
                            r.dateOfBirth.toString(Qt::ISODate), r.sex.isEmpty() ? QStringLiteral("-") : r.sex,
                            r.yearGroup ? QString::number(*r.yearGroup) : QStringLiteral("-"),
                            r.tutorGroup.isEmpty() ? QStringLiteral("-") : r.tutorGroup)
                       .arg(sen, yesNo(r.freeSchoolMeals), yesNo(r.pupilPremium), yesNo(r.eal), yesNo(r.lookedAfter));
        }
        for (const QString& flag : r.flags)
            out << QStringLiteral("  flag: ") + flag;
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}
} // namespace

TEST_CASE("Each roster case reads as its expected.txt says")
{
    const QDir cases(QStringLiteral(WAYMARK_ROSTER_CASES));
    const QStringList names = cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    REQUIRE(names.size() >= 4);
    for (const QString& name : names) {
        INFO("case " << name.toStdString());
        const QDir dir(cases.filePath(name));
        const QByteArray bytes =
            dir.exists(QStringLiteral("fixture.txt"))
                ? readAll(QStringLiteral(WAYMARK_FIXTURES_DIR "/") +
                          QString::fromUtf8(readAll(dir.filePath(QStringLiteral("fixture.txt")))).trimmed())
                : readAll(dir.filePath(QStringLiteral("input.csv")));
        const DateOrder usual = dir.exists(QStringLiteral("dates.txt")) &&
                                        readAll(dir.filePath(QStringLiteral("dates.txt"))).trimmed() == "us"
                                    ? DateOrder::MonthDayYear
                                    : DateOrder::DayMonthYear;
        QString actual;
        try {
            const Roster roster = readCsvRoster(bytes, QDate(2026, 11, 30), nullptr, usual);
            actual = describe(roster, readCsv(bytes).header);
        } catch (const StorageError& e) {
            actual = QStringLiteral("error: ") + e.message() + QLatin1Char('\n');
        }
        QFile expected(dir.filePath(QStringLiteral("expected.txt")));
        if (qEnvironmentVariableIsSet("WAYMARK_WRITE_EXPECTED") && !expected.exists()) {
            REQUIRE(expected.open(QIODevice::WriteOnly));
            expected.write(actual.toUtf8());
            expected.close();
        }
        REQUIRE(expected.open(QIODevice::ReadOnly));
        CHECK(actual.toStdString() == QString::fromUtf8(expected.readAll()).toStdString());
    }
}

TEST_CASE("A file with no name column is refused, saying what its first row holds")
{
    try {
        readCsvRoster(QByteArray("Colour,Size\nred,4\n"), QDate(2026, 11, 30));
        FAIL("not refused");
    } catch (const StorageError& e) {
        CHECK(e.message().contains(QStringLiteral("No column of this file is a pupil's name")));
        CHECK(e.message().contains(QStringLiteral("Colour, Size")));
    }
}
