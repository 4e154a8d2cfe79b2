// The CSV text layer, case by case: tests/exchange/csv/<case>/input.csv is read, and what it reads
// as (encoding, delimiter, header, rows with their lines, problems, or the error) must equal
// expected.txt beside it. A new quirk from a real MIS is a new folder, no code. To see what a new
// case reads as, run with WAYMARK_WRITE_EXPECTED=1 once and check the file it writes.
#include "exchange/csvtable.h"
#include "storage/storageerror.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>

#include <catch2/catch.hpp>

using namespace waymark;
using namespace waymark::exchange;

namespace {
QString delimiterName(QChar c)
{
    if (c == QLatin1Char('\t'))
        return QStringLiteral("tab");
    if (c == QLatin1Char(';'))
        return QStringLiteral("semicolon");
    return QStringLiteral("comma");
}

// What a file reads as, in the words of expected.txt.
QString summary(const QByteArray& bytes)
{
    QStringList out;
    try {
        const CsvTable table = readCsv(bytes);
        out << QStringLiteral("encoding: ") + encodingName(table.encoding);
        out << QStringLiteral("delimiter: ") + delimiterName(table.delimiter);
        out << QStringLiteral("header: ") + table.header.join(QStringLiteral(" | "));
        for (const CsvTable::Row& row : table.rows)
            out << QStringLiteral("line %1: ").arg(row.line) + row.cells.join(QStringLiteral(" | "))
                                                                   .replace(QLatin1Char('\n'), QStringLiteral("\\n"))
                                                                   .replace(QLatin1Char('\r'), QStringLiteral("\\r"));
        for (const CsvTable::Problem& problem : table.problems)
            out << QStringLiteral("problem line %1: ").arg(problem.line) + problem.reason;
    } catch (const StorageError& e) {
        out << QStringLiteral("error: ") + e.message();
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
} // namespace

TEST_CASE("Each CSV case reads as its expected.txt says")
{
    const QDir cases(QStringLiteral(WAYMARK_CSV_CASES));
    const QStringList names = cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    REQUIRE(names.size() >= 12);
    for (const QString& name : names) {
        INFO("case " << name.toStdString());
        QFile input(cases.filePath(name + QStringLiteral("/input.csv")));
        REQUIRE(input.open(QIODevice::ReadOnly));
        const QString actual = summary(input.readAll());
        QFile expectedFile(cases.filePath(name + QStringLiteral("/expected.txt")));
        if (qEnvironmentVariableIsSet("WAYMARK_WRITE_EXPECTED") && !expectedFile.exists()) {
            REQUIRE(expectedFile.open(QIODevice::WriteOnly));
            expectedFile.write(actual.toUtf8());
            expectedFile.close();
        }
        REQUIRE(expectedFile.open(QIODevice::ReadOnly));
        const QString expected = QString::fromUtf8(expectedFile.readAll());
        CHECK(actual.toStdString() == expected.toStdString());
    }
}

TEST_CASE("The DfE census sample reads with its own header and every pupil")
{
    QFile file(QStringLiteral(WAYMARK_FIXTURES_DIR "/census/Pupil-Census-Data.csv"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const CsvTable table = readCsv(file.readAll());
    CHECK(table.problems.empty());
    CHECK(table.column(QStringLiteral("UPN")) == 2);
    CHECK(table.column(QStringLiteral("nc year actual")) == 8);
    CHECK(table.column(QStringLiteral("SEN_Provision")) == 12);
    REQUIRE(table.rows.size() >= 4);
    CHECK(table.rows[0].cells.at(7) == QStringLiteral("1/1/05"));
}

TEST_CASE("A file over the limit is refused before it is read")
{
    const QByteArray big(int(kMaxTextBytes) + 1, 'a');
    try {
        readCsv(big);
        FAIL("not refused");
    } catch (const StorageError& e) {
        CHECK(e.kind() == StorageError::Kind::Invalid);
        CHECK(e.message().contains(QStringLiteral("probably not the export")));
    }
}
