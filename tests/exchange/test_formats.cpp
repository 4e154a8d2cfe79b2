// Golden files for the rosters that come as several files (School Data Sync, OneRoster):
// tests/exchange/formats/<case>/ names its reader (reader.txt: "sds" or "oneroster"), its input
// (fixture.txt naming a folder or zip under tests/fixtures/, else input.zip, else the folder
// input/) and expected.txt, what it must read as. WAYMARK_WRITE_EXPECTED=1 writes a missing one.
#include "exchange/onerosterreader.h"
#include "exchange/sdsreader.h"
#include "storage/storageerror.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <archive.h>
#include <archive_entry.h>

using namespace waymark;
using namespace waymark::exchange;

namespace {
QString yesNo(const std::optional<bool>& value)
{
    return !value ? QStringLiteral("-") : *value ? QStringLiteral("yes") : QStringLiteral("no");
}

QString orDash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString formatName(RosterFormat format)
{
    switch (format) {
    case RosterFormat::Csv:
        return QStringLiteral("CSV");
    case RosterFormat::SdsUk:
        return QStringLiteral("School Data Sync (UK)");
    case RosterFormat::SdsV21:
        return QStringLiteral("School Data Sync (v2.1)");
    case RosterFormat::OneRoster:
        return QStringLiteral("OneRoster");
    case RosterFormat::Ctf:
        return QStringLiteral("CTF");
    }
    return {};
}

QString kindName(GroupKind kind)
{
    switch (kind) {
    case GroupKind::Class:
        return QStringLiteral("class");
    case GroupKind::Set:
        return QStringLiteral("set");
    case GroupKind::Tutor:
        return QStringLiteral("tutor group");
    }
    return {};
}

QString describe(const Roster& roster)
{
    QStringList out;
    out << QStringLiteral("format: ") + formatName(roster.format);
    out << QStringLiteral("problems: %1").arg(roster.problems.size());
    for (const QString& problem : roster.problems)
        out << QStringLiteral("  ") + problem;
    out << QStringLiteral("pupils: %1").arg(roster.records.size());
    for (const RosterRecord& r : roster.records) {
        if (!r.rejected.isEmpty()) {
            out << QStringLiteral("  line %1: %2 rejected (%3)").arg(r.line).arg(r.misId, r.rejected);
        } else {
            const QString sen = !r.sen ? QStringLiteral("-") : QString::fromLatin1(toText(*r.sen).data());
            out << QStringLiteral("  line %1: %2 | %3 | %4, %5%6%7 | %8 | %9 | year %10 | SEN %11 | FSM %12 EAL %13")
                       .arg(QString::number(r.line), r.misId, r.upn.isEmpty() ? QStringLiteral("(no UPN)") : r.upn,
                            r.legalFamilyName, r.legalGivenName,
                            r.legalMiddleNames.isEmpty() ? QString() : QLatin1Char(' ') + r.legalMiddleNames,
                            r.preferredGivenName.isEmpty() && r.preferredFamilyName.isEmpty()
                                ? QString()
                                : QStringLiteral(" (known as %1)")
                                      .arg(QStringList{r.preferredGivenName, r.preferredFamilyName}
                                               .filter(QRegularExpression(QStringLiteral(".")))
                                               .join(QLatin1Char(' '))),
                            orDash(r.dateOfBirth.toString(Qt::ISODate)), orDash(r.sex))
                       .arg(r.yearGroup ? QString::number(*r.yearGroup) : QStringLiteral("-"), sen,
                            yesNo(r.freeSchoolMeals), yesNo(r.eal));
        }
        for (const QString& flag : r.flags)
            out << QStringLiteral("    flag: ") + flag;
    }
    out << QStringLiteral("staff: %1").arg(roster.staff.size());
    for (const RosterStaff& s : roster.staff) {
        if (!s.rejected.isEmpty())
            out << QStringLiteral("  line %1: %2 rejected (%3)").arg(s.line).arg(s.misId, s.rejected);
        else
            out << QStringLiteral("  line %1: %2 | %3%4, %5 | %6 | %7")
                       .arg(QString::number(s.line), s.misId,
                            s.title.isEmpty() ? QString() : s.title + QLatin1Char(' '), s.familyName, s.givenName,
                            orDash(s.email), orDash(s.role));
        for (const QString& flag : s.flags)
            out << QStringLiteral("    flag: ") + flag;
    }
    out << QStringLiteral("groups: %1").arg(roster.groups.size());
    for (const RosterGroup& g : roster.groups) {
        out << QStringLiteral("  line %1: %2 “%3” | %4 | subject %5 (%6) | year %7")
                   .arg(QString::number(g.line), g.misId, g.name, kindName(g.kind), orDash(g.subject),
                        orDash(g.subjectCode), g.yearGroup ? QString::number(*g.yearGroup) : QStringLiteral("-"));
        out << QStringLiteral("    teachers: ") + orDash(g.teacherMisIds.join(QStringLiteral(", ")));
        out << QStringLiteral("    pupils (%1): %2")
                   .arg(g.pupilMisIds.size())
                   .arg(orDash(g.pupilMisIds.join(QStringLiteral(", "))));
        for (const QString& flag : g.flags)
            out << QStringLiteral("    flag: ") + flag;
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// What a case reads as, or the error it is refused with.
QString readCase(const QDir& dir)
{
    const QString input = dir.exists(QStringLiteral("fixture.txt"))
                              ? QStringLiteral(WAYMARK_FIXTURES_DIR "/") +
                                    QString::fromUtf8(readAll(dir.filePath(QStringLiteral("fixture.txt")))).trimmed()
                          : dir.exists(QStringLiteral("input.zip")) ? dir.filePath(QStringLiteral("input.zip"))
                                                                    : dir.filePath(QStringLiteral("input"));
    const QByteArray reader = readAll(dir.filePath(QStringLiteral("reader.txt"))).trimmed();
    REQUIRE((reader == "sds" || reader == "oneroster"));
    try {
        const QDate today(2026, 11, 30);
        return describe(reader == "sds" ? readSdsFolder(input, today) : readOneRoster(input, today));
    } catch (const StorageError& e) {
        return QStringLiteral("error: ") + e.message() + QLatin1Char('\n');
    }
}
} // namespace

TEST_CASE("Each School Data Sync and OneRoster case reads as its expected.txt says")
{
    const QDir cases(QStringLiteral(WAYMARK_FORMAT_CASES));
    const QStringList names = cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    REQUIRE(names.size() >= 12);
    for (const QString& name : names) {
        INFO("case " << name.toStdString());
        const QDir dir(cases.filePath(name));
        const QString actual = readCase(dir);
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

TEST_CASE("A zip entry over the CSV size limit is refused, naming it")
{
    // 33 MB that does not compress (so that it is no zip bomb), stored as users.csv.
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.zip"));
    QByteArray bytes(qsizetype(33) * 1024 * 1024, Qt::Uninitialized);
    quint32 state = 2463534242u;
    for (char& c : bytes) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        c = char(state);
    }
    archive* a = archive_write_new();
    REQUIRE(archive_write_set_format_zip(a) == ARCHIVE_OK);
    REQUIRE(archive_write_set_options(a, "zip:compression=store") == ARCHIVE_OK);
    REQUIRE(archive_write_open_filename(a, QFile::encodeName(path).constData()) == ARCHIVE_OK);
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, "users.csv");
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    REQUIRE(archive_write_header(a, entry) == ARCHIVE_OK);
    REQUIRE(archive_write_data(a, bytes.constData(), std::size_t(bytes.size())) == bytes.size());
    archive_entry_free(entry);
    REQUIRE(archive_write_close(a) == ARCHIVE_OK);
    archive_write_free(a);

    try {
        readOneRoster(path, QDate(2026, 11, 30));
        FAIL("not refused");
    } catch (const StorageError& e) {
        INFO(e.message().toStdString());
        CHECK(e.message().contains(QStringLiteral("“users.csv” in it is")));
        CHECK(e.message().contains(QStringLiteral("more than the 32 MiB a roster file could need")));
    }
}
