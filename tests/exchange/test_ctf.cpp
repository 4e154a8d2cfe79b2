// Golden files for reading a Common Transfer File: tests/exchange/ctf/<case>/ holds input.xml and
// expected.txt, what it must read as. WAYMARK_WRITE_EXPECTED=1 writes a missing one. Then the files
// that must be refused whole, each with what its message must say.
#include "exchange/ctfreader.h"
#include "storage/storageerror.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <catch2/catch.hpp>

using namespace waymark;
using namespace waymark::exchange;

namespace {
const QDate kToday(2026, 11, 30);

QString orDash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString yesNo(const std::optional<bool>& value)
{
    return !value ? QStringLiteral("-") : *value ? QStringLiteral("yes") : QStringLiteral("no");
}

QString dateOf(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QStringLiteral("-");
}

QString senText(SenStatus status)
{
    return QString::fromLatin1(toText(status).data());
}

QString describe(const Roster& roster)
{
    QStringList out;
    out << QStringLiteral("format: %1")
               .arg(roster.format == RosterFormat::Ctf ? QStringLiteral("CTF") : QStringLiteral("not CTF"));
    for (const QString& problem : roster.problems)
        out << QStringLiteral("problem: ") + problem;
    for (const RosterRecord& r : roster.records) {
        if (!r.rejected.isEmpty()) {
            out << QStringLiteral("line %1: rejected (%2)").arg(r.line).arg(r.rejected);
            for (const QString& flag : r.flags)
                out << QStringLiteral("  flag: ") + flag;
            continue;
        }
        out << QStringLiteral("line %1: %2 | %3, %4 | middle %5 | preferred %6, %7 | %8 | %9 | year %10")
                   .arg(QString::number(r.line), r.upn.isEmpty() ? QStringLiteral("(no UPN)") : r.upn,
                        r.legalFamilyName, r.legalGivenName, orDash(r.legalMiddleNames), orDash(r.preferredFamilyName),
                        orDash(r.preferredGivenName), dateOf(r.dateOfBirth), orDash(r.sex))
                   .arg(r.yearGroup ? QString::number(*r.yearGroup) : QStringLiteral("-"));
        out << QStringLiteral("  SEN %1 | FSM %2 | PP %3 | EAL %4 (first language %5) | CLA %6 | mis id %7 | tutor %8 "
                              "| started %9")
                   .arg(r.sen ? senText(*r.sen) : QStringLiteral("-"), yesNo(r.freeSchoolMeals), yesNo(r.pupilPremium),
                        yesNo(r.eal), orDash(r.firstLanguage), yesNo(r.lookedAfter), orDash(r.misId),
                        orDash(r.tutorGroup), dateOf(r.startedOn));
        for (const RosterSenEntry& s : r.senHistory)
            out << QStringLiteral("  SEN from %1: %2 (%3)").arg(dateOf(s.startOn), senText(s.status), s.provision);
        for (const RosterFsmPeriod& p : r.fsmHistory)
            out << QStringLiteral("  FSM %1 to %2").arg(dateOf(p.startOn), dateOf(p.endOn));
        for (const RosterAssessment& a : r.assessments)
            out << QStringLiteral("  assessment %1 %2 %3 %4: %5 on %6 -> %7")
                       .arg(orDash(a.stage), orDash(a.subject), orDash(a.component), orDash(a.method), a.result,
                            dateOf(a.on),
                            a.scaleCode.isEmpty() ? QStringLiteral("no scale")
                                                  : a.scaleCode + QLatin1Char('/') + a.rungCode);
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

// The message readCtf refuses `bytes` with; fails the test if it reads them.
std::string refusal(const QByteArray& bytes)
{
    try {
        const Roster roster = readCtf(bytes, kToday);
        FAIL("not refused; read " << roster.records.size() << " records");
    } catch (const StorageError& e) {
        CHECK(e.kind() == StorageError::Kind::Invalid);
        return e.message().toStdString();
    }
    return {};
}

const QByteArray kOnePupil("<?xml version=\"1.0\"?>\n<CTfile>\n<CTFpupilData>\n<Pupil>\n<Surname>Lowe</Surname>\n"
                           "<Forename>Ava</Forename>\n</Pupil>\n</CTFpupilData>\n</CTfile>\n");
} // namespace

TEST_CASE("Each CTF case reads as its expected.txt says")
{
    const QDir cases(QStringLiteral(WAYMARK_CTF_CASES));
    const QStringList names = cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    REQUIRE(names.size() >= 8);
    for (const QString& name : names) {
        INFO("case " << name.toStdString());
        const QDir dir(cases.filePath(name));
        QString actual;
        try {
            actual = describe(readCtf(readAll(dir.filePath(QStringLiteral("input.xml"))), kToday));
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

TEST_CASE("A CTF's records carry what the golden files cannot say by eye")
{
    const Roster roster = readCtf(readAll(QStringLiteral(WAYMARK_CTF_CASES "/ctf25-all-through/input.xml")), kToday);
    CHECK(roster.format == RosterFormat::Ctf);
    REQUIRE(roster.records.size() == 5);
    CHECK(roster.records[0].upn == QStringLiteral("L820200114001"));
    CHECK(roster.records[0].line == 22);
    // The same file read on another day: the FSM period that is open today was not open then.
    const Roster before =
        readCtf(readAll(QStringLiteral(WAYMARK_CTF_CASES "/ctf25-all-through/input.xml")), QDate(2021, 12, 1));
    CHECK(before.records[0].freeSchoolMeals == std::optional<bool>(false));
    CHECK(roster.records[0].freeSchoolMeals == std::optional<bool>(true));
    CHECK(before.records[1].freeSchoolMeals == std::optional<bool>(true)); // 2020-01-06 to 2023-03-31
}

TEST_CASE("A CTF in UTF-16 or with a byte-order mark reads as in UTF-8")
{
    const QString text = QString::fromUtf8(kOnePupil);
    QByteArray utf16("\xFF\xFE");
    for (const QChar c : text) {
        utf16.append(char(c.unicode() & 0xFF));
        utf16.append(char(c.unicode() >> 8));
    }
    for (const QByteArray& bytes : {utf16, QByteArray(QByteArray("\xEF\xBB\xBF") + kOnePupil)}) {
        const Roster roster = readCtf(bytes, kToday);
        REQUIRE(roster.records.size() == 1);
        CHECK(roster.records[0].legalFamilyName == QStringLiteral("Lowe"));
        CHECK(roster.records[0].line == 4);
    }
}

TEST_CASE("Hostile XML is refused whole, saying why")
{
    SECTION("a document type with an external entity")
    {
        const std::string message = refusal("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "
                                            "\"file:///etc/passwd\">]>\n<CTfile><CTFpupilData><Pupil><Surname>&e;"
                                            "</Surname><Forename>A</Forename></Pupil></CTFpupilData></CTfile>");
        CHECK_THAT(message, Catch::Contains("declares a document type (<!DOCTYPE> on line 2)"));
        CHECK_THAT(message, Catch::Contains("fetch other files"));
    }
    SECTION("a billion laughs")
    {
        QByteArray bomb("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; ++i)
            bomb += QByteArray(" <!ENTITY lol") + QByteArray::number(i) + " \"" +
                    QByteArray("&lol" + (i == 1 ? QByteArray() : QByteArray::number(i - 1)) + ";").repeated(10) +
                    "\">\n";
        bomb += "]>\n<CTfile>&lol9;</CTfile>\n";
        CHECK_THAT(refusal(bomb), Catch::Contains("declares a document type (<!DOCTYPE> on line 2)"));
    }
    SECTION("an entity declaration without a document type, in any letter case")
    {
        CHECK_THAT(refusal("<CTfile>\n\n<!entity e \"x\"></CTfile>"),
                   Catch::Contains("declares an entity (<!ENTITY on line 3)"));
    }
    SECTION("a document type in UTF-16")
    {
        const QString text = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE CTfile>\n"
                                            "<CTfile/>");
        QByteArray utf16("\xFE\xFF");
        for (const QChar c : text) {
            utf16.append(char(c.unicode() >> 8));
            utf16.append(char(c.unicode() & 0xFF));
        }
        CHECK_THAT(refusal(utf16), Catch::Contains("<!DOCTYPE> on line 2"));
    }
    SECTION("elements nested deeper than any CTF")
    {
        const QByteArray deep = "<CTfile>" + QByteArray("<a>").repeated(kMaxCtfDepth + 5) + "x" +
                                QByteArray("</a>").repeated(kMaxCtfDepth + 5) + "</CTfile>";
        CHECK_THAT(refusal(deep), Catch::Contains("more than 64 deep"));
    }
    SECTION("more elements than any CTF")
    {
        const QByteArray many = "<CTfile>" + QByteArray("<a/>").repeated(kMaxCtfElements + 1) + "</CTfile>";
        CHECK_THAT(refusal(many), Catch::Contains("elements (at line 1)"));
    }
}

TEST_CASE("Files that are no CTF are refused, saying why")
{
    SECTION("empty")
    {
        CHECK_THAT(refusal(QByteArray()), Catch::Contains("This file is empty"));
        CHECK_THAT(refusal(" \n\r\n"), Catch::Contains("This file is empty"));
    }
    SECTION("not XML")
    {
        CHECK_THAT(refusal("UPN,Surname,Forename\nA1,B,C\n"),
                   Catch::Contains("it is not XML (an XML file starts with “<”, and this one starts with "
                                   "“UPN,Surname,Forename A1,”)"));
    }
    SECTION("binary bytes")
    {
        CHECK_THAT(refusal(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)),
                   Catch::Contains("nor text at all (it starts with binary data)"));
        QByteArray noise(4096, '\0');
        QRandomGenerator random(8);
        for (char& c : noise)
            c = char(random.bounded(256));
        noise[0] = '\x01';
        CHECK_THAT(refusal(noise), Catch::Contains("nor text at all"));
        // Binary after a "<": the parser's word, with where.
        CHECK_THAT(refusal(QByteArray("<CTfile>\x01\x02\0\x03</CTfile>", 21)), Catch::Contains("not well-formed XML"));
    }
    SECTION("XML, but not a CTF")
    {
        const std::string message = refusal("<?xml version=\"1.0\"?>\n\n<Roster><Pupil/></Roster>");
        CHECK_THAT(message, Catch::Contains("not a Common Transfer File: it starts with <Roster> on line 3"));
        CHECK_THAT(message, Catch::Contains("a CTF starts with <CTfile>"));
    }
    SECTION("truncated")
    {
        const QByteArray whole = readAll(QStringLiteral(WAYMARK_CTF_CASES "/ctf25-all-through/input.xml"));
        const QByteArray cut = whole.left(whole.indexOf("<Forename>Thomas"));
        const std::string message = refusal(cut);
        CHECK_THAT(message, Catch::Contains("not well-formed XML"));
        CHECK_THAT(message, Catch::Contains("inside <Pupil>"));
        CHECK_THAT(message, Catch::Contains(QStringLiteral("line %1").arg(cut.count('\n') + 1).toStdString()));
    }
    SECTION("larger than any roster")
    {
        QByteArray huge = "<CTfile><CTFpupilData>" + QByteArray(50 * 1024 * 1024, ' ') + "</CTFpupilData></CTfile>";
        CHECK_THAT(refusal(huge), Catch::Contains("more than the 32"));
    }
}

TEST_CASE("A refusal names the line and the element where the file went wrong")
{
    SECTION("a tag closed by the wrong name")
    {
        const std::string message = refusal("<CTfile>\n<CTFpupilData>\n<Pupil>\n<Surname>Lowe</Forename>\n</Pupil>\n"
                                            "</CTFpupilData>\n</CTfile>\n");
        CHECK_THAT(message, Catch::Contains("at line 4"));
        CHECK_THAT(message, Catch::Contains("inside <Surname>"));
    }
    SECTION("an entity that is not declared")
    {
        const std::string message = refusal("<CTfile>\n<CTFpupilData>\n<Pupil>\n<Surname>&e;</Surname>");
        CHECK_THAT(message, Catch::Contains("at line 4"));
        CHECK_THAT(message, Catch::Contains("inside <Surname>"));
    }
    SECTION("the flags of a record name the element")
    {
        const Roster roster =
            readCtf("<CTfile><CTFpupilData><Pupil><Surname>A</Surname><Forename>B</Forename><DOB>2014-02-30</DOB>"
                    "<NCyearActual>Q</NCyearActual></Pupil></CTFpupilData></CTfile>",
                    kToday);
        REQUIRE(roster.records.size() == 1);
        CHECK(roster.records[0].flags == QStringList{QStringLiteral("<DOB> “2014-02-30” is not a date; left empty"),
                                                     QStringLiteral("<NCyearActual> “Q” is not a year group; left "
                                                                    "empty")});
    }
}
