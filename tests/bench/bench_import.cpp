// Importing a 2,000-pupil roster, each figure beside a baseline measured in the same run:
//   1. a SIMS-like roster CSV into a fresh school file: read (readCsvRoster), plan (planImport),
//      apply (applyImport), and the total with opening and closing the file; then a re-import of
//      the same file into the now-filled school (every row unchanged: the daily case)
//      vs the sqlite3 shell's `.import --csv` of the same CSV into a plain table of a fresh
//      database with the same durability (WAL, synchronous=FULL), timed as a child process
//   2. a Common Transfer File of the same pupils, each with a SEN entry, an FSM period and 4 KS2
//      stage assessments: readCtf + plan + apply into a fresh school
//      vs the sqlite3 shell's `.import --csv` of a 2,000-row CSV holding the same facts, one row
//      a pupil (the SEN entry, the FSM period and the 4 results as columns)
// Every figure is a median over the runs (one warm-up round discarded); the rounds take turns
// (Waymark, re-import, CTF, the baselines), so a slow moment of the machine falls on all alike, and
// each starts after sync(), so that none waits for the disk to write out what the one before wrote.
// Usage: bench_import [--runs N] [--pupils N] [--seed N] [--dir DIR]
#include "domain/upn.h"
#include "exchange/ctfreader.h"
#include "exchange/roster.h"
#include "processrun.h"
#include "services/rosterimport.h"
#include "services/schoolsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>
#include <unistd.h>
#include <vector>

using namespace waymark;
using namespace waymark::bench;

namespace {
const QDate kToday(2026, 11, 30); // academic year 2026/27
constexpr int kFormsPerYear = 10; // 7 years x 10 forms = 70 tutor groups
const char* const kFormLetters[kFormsPerYear] = {"R", "S", "T", "U", "V", "W", "X", "Y", "Z", "Q"};

const char* const kSurnames[] = {
    "Smith",   "Jones",    "Taylor", "Brown",   "Williams", "Wilson",  "Johnson", "Davies",   "Patel",  "Robinson",
    "Wright",  "Thompson", "Evans",  "Walker",  "White",    "Roberts", "Green",   "Hall",     "Wood",   "Jackson",
    "Clarke",  "Khan",     "Ahmed",  "Hussain", "Begum",    "Ali",     "Nowak",   "Kowalski", "Wróbel", "Aydın",
    "O'Neill", "Murphy",   "Kelly",  "Okafor",  "Adeyemi",  "Mensah",  "Nguyen",  "Chen",     "Singh",  "Kaur",
    "Hughes",  "Edwards",  "Turner", "Hill",    "Moore",    "Cooper",  "Ward",    "Morris",   "King",   "Baker"};
const char* const kForenamesF[] = {"Olivia", "Amelia", "Isla",  "Ava",   "Mia",    "Ivy",     "Lily",  "Isabella",
                                   "Rosie",  "Sophia", "Grace", "Freya", "Willow", "Ella",    "Evie",  "Aisha",
                                   "Zainab", "Maryam", "Łucja", "Zofia", "Chloé",  "Siobhán", "Amara", "Priya"};
const char* const kForenamesM[] = {"Noah",    "Muhammad", "George", "Oliver",  "Leo",   "Arthur",  "Oscar",  "Theodore",
                                   "Freddie", "Jack",     "Harry",  "Alfie",   "Henry", "Charlie", "Archie", "Ibrahim",
                                   "Yusuf",   "Emre",     "Jakub",  "Mateusz", "Seán",  "Kwame",   "Arjun",  "Rohan"};
const char* const kNicknames[] = {"Liv",   "Millie",  "Bella",   "Evie", "Gracie",
                                  "Alfie", "Charlie", "Freddie", "Jojo", "Sam"};

template <class T, std::size_t N> const T& pick(std::mt19937& rng, const T (&list)[N])
{
    return list[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

struct BenchPupil
{
    QString adno;
    QString upn;
    QString surname;
    QString forename;
    QString preferred;
    QDate born;
    QString gender;
    int year = 7;
    QString reg;
    QString sen; // N, K, E
    bool fsm = false;
    bool eal = false;
    bool inCare = false;
    // For the CTF.
    QDate senFrom;
    QDate fsmFrom;
    QDate fsmTo;                // invalid: still eligible
    std::array<QString, 4> ks2; // MAT TA, ENG REA TA, ENG WRI TA, MAT TT (scaled score)
    int ks2Year = 2026;
};

// A deterministic roll: about pupils/7 a year group in years 7 to 13, 10 tutor groups a year, UPNs
// with correct check letters (LA 820, establishment 4002, the year of entry, a serial).
std::vector<BenchPupil> makeRoll(int count, unsigned seed)
{
    std::mt19937 rng(seed);
    std::vector<BenchPupil> roll;
    roll.reserve(std::size_t(count));
    std::array<int, 14> serial{};
    const int academicYear = kToday.month() >= 9 ? kToday.year() : kToday.year() - 1;
    for (int i = 0; i < count; ++i) {
        BenchPupil p;
        p.year = 7 + i * 7 / count;
        const int born = academicYear - p.year - 5; // year 7 in 2026/27: born Sep 2014 - Aug 2015
        p.born = QDate(born, 9, 1).addDays(std::uniform_int_distribution<int>(0, 364)(rng));
        p.adno = QStringLiteral("%1").arg(10001 + i, 6, 10, QLatin1Char('0'));
        const int entry = (born + 5) % 100;
        p.upn = upn::withCheckLetter(QStringLiteral("8204002%1%2")
                                         .arg(entry, 2, 10, QLatin1Char('0'))
                                         .arg(++serial[std::size_t(p.year)], 3, 10, QLatin1Char('0')));
        const bool girl = std::uniform_int_distribution<int>(0, 1)(rng) == 1;
        p.gender = girl ? QStringLiteral("F") : QStringLiteral("M");
        p.surname = QString::fromUtf8(pick(rng, kSurnames));
        p.forename = QString::fromUtf8(girl ? pick(rng, kForenamesF) : pick(rng, kForenamesM));
        if (std::uniform_int_distribution<int>(0, 9)(rng) == 0)
            p.preferred = QString::fromUtf8(pick(rng, kNicknames));
        p.reg = QString::number(p.year) + QLatin1String(kFormLetters[std::uniform_int_distribution<int>(0, 9)(rng)]);
        const int sen = std::uniform_int_distribution<int>(0, 99)(rng);
        p.sen = sen < 3 ? QStringLiteral("E") : sen < 16 ? QStringLiteral("K") : QStringLiteral("N");
        p.fsm = std::uniform_int_distribution<int>(0, 99)(rng) < 24;
        p.eal = std::uniform_int_distribution<int>(0, 99)(rng) < 18;
        p.inCare = std::uniform_int_distribution<int>(0, 199)(rng) == 0;
        p.senFrom = p.born.addYears(5).addDays(std::uniform_int_distribution<int>(0, 1500)(rng));
        p.fsmFrom = p.born.addYears(4).addDays(std::uniform_int_distribution<int>(0, 2000)(rng));
        if (!p.fsm)
            p.fsmTo = p.fsmFrom.addDays(std::uniform_int_distribution<int>(60, 900)(rng));
        static const char* const ta[] = {"WTS", "EXS", "EXS", "EXS", "GDS", "HNM"};
        p.ks2 = {QLatin1String(pick(rng, ta)), QLatin1String(pick(rng, ta)), QLatin1String(pick(rng, ta)),
                 QString::number(std::uniform_int_distribution<int>(80, 120)(rng))};
        p.ks2Year = academicYear - (p.year - 7);
        roll.push_back(p);
    }
    return roll;
}

QString dmy(const QDate& d)
{
    return d.toString(QStringLiteral("dd/MM/yyyy"));
}

QString yesNo(bool b)
{
    return b ? QStringLiteral("Y") : QStringLiteral("N");
}

QByteArray rosterCsv(const std::vector<BenchPupil>& roll)
{
    QString out = QStringLiteral("\uFEFFAdno,UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Gender,Year,Reg,"
                                 "SEN Status,FSM,EAL,In Care\r\n");
    for (const BenchPupil& p : roll)
        out += QStringList{p.adno,         p.upn,       p.surname,    p.forename,
                           p.preferred,    dmy(p.born), p.gender,     QString::number(p.year),
                           p.reg,          p.sen,       yesNo(p.fsm), yesNo(p.eal),
                           yesNo(p.inCare)}
                   .join(QLatin1Char(',')) +
               QStringLiteral("\r\n");
    return out.toUtf8();
}

QString xmlEscaped(const QString& s)
{
    return s.toHtmlEscaped();
}

// The shape core/exchange/ctfreader.h reads (see tests/exchange/ctf/ctf25-all-through/input.xml).
QByteArray ctfXml(const std::vector<BenchPupil>& roll)
{
    QString x;
    x +=
        QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CTfile>\n  <Header>\n"
                       "    <DocumentName>Common Transfer File</DocumentName>\n    <CTFversion>25.0</CTFversion>\n"
                       "    <DateTime>2026-11-30T09:00:00</DateTime>\n    <DocumentQualifier>full</DocumentQualifier>\n"
                       "    <SupplierID>Invented MIS</SupplierID>\n    <SourceSchool>\n      <LEA>820</LEA>\n"
                       "      <Estab>2001</Estab>\n      <URN>999001</URN>\n"
                       "      <SchoolName>Brookfield Primary (invented)</SchoolName>\n"
                       "      <AcademicYear>2026</AcademicYear>\n    </SourceSchool>\n    <DestSchool>\n"
                       "      <LEA>820</LEA>\n      <Estab>4002</Estab>\n    </DestSchool>\n  </Header>\n"
                       "  <CTFpupilData>\n");
    static const char* const subject[] = {"MAT", "ENG", "ENG", "MAT"};
    static const char* const method[] = {"TA", "TA", "TA", "TT"};
    static const char* const component[] = {"TA", "REA", "WRI", "TT"};
    for (const BenchPupil& p : roll) {
        x += QStringLiteral("    <Pupil>\n      <UPN>%1</UPN>\n      <Surname>%2</Surname>\n"
                            "      <Forename>%3</Forename>\n      <DOB>%4</DOB>\n      <Sex>%5</Sex>\n"
                            "      <BasicDetails>\n")
                 .arg(p.upn, xmlEscaped(p.surname), xmlEscaped(p.forename), p.born.toString(Qt::ISODate), p.gender);
        if (!p.preferred.isEmpty())
            x += QStringLiteral("        <PreferredForename>%1</PreferredForename>\n").arg(xmlEscaped(p.preferred));
        x += QStringLiteral("        <NCyearActual>%1</NCyearActual>\n        <FSMhistory>\n          <FSMinstance>\n"
                            "            <FSMstartDate>%2</FSMstartDate>\n")
                 .arg(p.year)
                 .arg(p.fsmFrom.toString(Qt::ISODate));
        if (p.fsmTo.isValid())
            x += QStringLiteral("            <FSMendDate>%1</FSMendDate>\n").arg(p.fsmTo.toString(Qt::ISODate));
        x +=
            QStringLiteral("            <UKcountry>ENG</UKcountry>\n          </FSMinstance>\n        </FSMhistory>\n"
                           "        <InCare>\n          <InCare>%1</InCare>\n        </InCare>\n      </BasicDetails>\n"
                           "      <SENhistory>\n        <SEN>\n          <StartDate>%2</StartDate>\n"
                           "          <SENprovision>%3</SENprovision>\n        </SEN>\n      </SENhistory>\n"
                           "      <StageAssessments>\n        <KeyStage>\n          <Stage>KS2</Stage>\n")
                .arg(p.inCare ? QStringLiteral("true") : QStringLiteral("false"), p.senFrom.toString(Qt::ISODate),
                     p.sen);
        for (std::size_t k = 0; k < 4; ++k)
            x += QStringLiteral("          <StageAssessment>\n            <Locale>ENG</Locale>\n"
                                "            <Year>%1</Year>\n            <Subject>%2</Subject>\n"
                                "            <Method>%3</Method>\n            <Component>%4</Component>\n"
                                "            <ResultStatus>F</ResultStatus>\n            <Result>%5</Result>\n"
                                "            <ResultDate>%6</ResultDate>\n          </StageAssessment>\n")
                     .arg(p.ks2Year)
                     .arg(QLatin1String(subject[k]), QLatin1String(method[k]), QLatin1String(component[k]), p.ks2[k],
                          QDate(p.ks2Year, 7, 7).toString(Qt::ISODate));
        x += QStringLiteral("        </KeyStage>\n      </StageAssessments>\n    </Pupil>\n");
    }
    x += QStringLiteral("  </CTFpupilData>\n</CTfile>\n");
    return x.toUtf8();
}

// The CTF's facts, one row a pupil, for the baseline.
QByteArray ctfAsCsv(const std::vector<BenchPupil>& roll)
{
    QString out = QStringLiteral("UPN,Surname,Forename,Preferred,DOB,Sex,Year,InCare,SENstart,SENprovision,FSMstart,"
                                 "FSMend,KS2year,KS2_MAT_TA,KS2_ENG_REA,KS2_ENG_WRI,KS2_MAT_TT\n");
    for (const BenchPupil& p : roll)
        out += QStringList{p.upn,
                           p.surname,
                           p.forename,
                           p.preferred,
                           p.born.toString(Qt::ISODate),
                           p.gender,
                           QString::number(p.year),
                           yesNo(p.inCare),
                           p.senFrom.toString(Qt::ISODate),
                           p.sen,
                           p.fsmFrom.toString(Qt::ISODate),
                           p.fsmTo.toString(Qt::ISODate),
                           QString::number(p.ks2Year),
                           p.ks2[0],
                           p.ks2[1],
                           p.ks2[2],
                           p.ks2[3]}
                   .join(QLatin1Char(',')) +
               QLatin1Char('\n');
    return out.toUtf8();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
        std::exit(1);
    }
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "could not read %s\n", qPrintable(path));
        std::exit(1);
    }
    return f.readAll();
}

void removeDatabase(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

double msSince(QElapsedTimer& timer)
{
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    return ms;
}

// One import, by phase, in milliseconds.
struct Phases
{
    double read = 0;
    double file = 0; // opening the school file, and closing it (the checkpoint of the log)
    double plan = 0;
    double apply = 0;
    double total() const { return read + file + plan + apply; }
};

enum class Source { Csv, Ctf };

struct Expect
{
    int created = 0;
    int unchanged = 0;
    int results = 0;
};

Phases import(const QString& school, const QString& input, Source source, bool fresh, const Expect& expect)
{
    if (fresh) {
        removeDatabase(school);
        setup::createSchoolFile(school, QStringLiteral("Bench School")); // not timed
    }
    ::sync();
    Phases ph;
    QElapsedTimer timer;
    timer.start();
    const QByteArray bytes = readFile(input);
    const exchange::Roster roster =
        source == Source::Csv ? exchange::readCsvRoster(bytes, kToday) : exchange::readCtf(bytes, kToday);
    ph.read = msSince(timer);
    std::unique_ptr<Database> db = Database::open(school);
    ph.file = msSince(timer);
    const importing::ImportPlan plan = importing::planImport(
        *db, roster, kToday, source == Source::Csv ? QStringLiteral("SIMS") : QStringLiteral("ctf"));
    ph.plan = msSince(timer);
    const importing::ImportResult result = importing::applyImport(*db, plan, kToday, importing::Leavers::Ignore);
    ph.apply = msSince(timer);
    db.reset();
    ph.file += msSince(timer);
    if (result.created != expect.created || result.unchanged != expect.unchanged ||
        result.resultsAdded != expect.results || result.updated != 0) {
        std::fprintf(stderr,
                     "unexpected import: created %d, updated %d, unchanged %d, results %d (expected %d, 0, %d, %d)\n",
                     result.created, result.updated, result.unchanged, result.resultsAdded, expect.created,
                     expect.unchanged, expect.results);
        std::exit(1);
    }
    return ph;
}

QString sqlite3Path()
{
    return QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
}

// The sqlite3 shell importing csv into a plain table of a fresh database file, with Waymark's
// durability; seconds, wall time of the child process.
double shellImport(const QString& database, const QString& script)
{
    removeDatabase(database);
    ::sync();
    const ProcessRun r = runProcess(sqlite3Path(), {database}, script);
    if (r.exitCode != 0) {
        std::fprintf(stderr, "the sqlite3 shell failed (exit %d) on %s\n", r.exitCode, qPrintable(script));
        std::exit(1);
    }
    return r.seconds * 1000.0;
}

QString shellQuery(const QString& database, const QString& sql)
{
    QProcess p;
    p.start(sqlite3Path(), {database, sql});
    p.waitForFinished(-1);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct Series
{
    std::vector<double> read, file, plan, apply, total;
    void add(const Phases& p)
    {
        read.push_back(p.read);
        file.push_back(p.file);
        plan.push_back(p.plan);
        apply.push_back(p.apply);
        total.push_back(p.total());
    }
};

void printRow(const char* what, const Series& s, const char* baselineName, double baseline)
{
    const double total = median(s.total);
    std::printf("%-34s %7.1f %7.1f %7.1f %8.1f %8.1f | %-26s %7.1f | %6.2fx\n", what, median(s.read), median(s.file),
                median(s.plan), median(s.apply), total, baselineName, baseline, total / baseline);
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char* name, const QString& fallback) {
        const int at = int(args.indexOf(QLatin1String(name)));
        return at >= 0 ? args.value(at + 1) : fallback;
    };
    const int pupils = std::max(7, option("--pupils", QStringLiteral("2000")).toInt());
    const int runs = std::max(1, option("--runs", QStringLiteral("7")).toInt());
    const unsigned seed = option("--seed", QStringLiteral("7")).toUInt();
    QTemporaryDir temp;
    const QString dir = option("--dir", temp.path());
    QDir().mkpath(dir);
    if (sqlite3Path().isEmpty()) {
        std::fprintf(stderr, "the sqlite3 shell is needed for the baselines (apt-get install sqlite3)\n");
        return 1;
    }
    const QDir d(dir);
    const std::vector<BenchPupil> roll = makeRoll(pupils, seed);
    const QString csv = d.filePath(QStringLiteral("roster.csv"));
    const QString ctf = d.filePath(QStringLiteral("ctf.xml"));
    const QString ctfCsv = d.filePath(QStringLiteral("ctf-pupils.csv"));
    writeFile(csv, rosterCsv(roll));
    writeFile(ctf, ctfXml(roll));
    writeFile(ctfCsv, ctfAsCsv(roll));
    const QString pragmas = QStringLiteral("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\n");
    const QString csvScript = d.filePath(QStringLiteral("import-roster.sql"));
    const QString ctfScript = d.filePath(QStringLiteral("import-ctf-pupils.sql"));
    writeFile(csvScript, (pragmas + QStringLiteral(".import --csv '%1' roster\n").arg(csv)).toUtf8());
    writeFile(ctfScript, (pragmas + QStringLiteral(".import --csv '%1' pupils\n").arg(ctfCsv)).toUtf8());
    const QString school = d.filePath(QStringLiteral("school.waymark"));
    const QString ctfSchool = d.filePath(QStringLiteral("ctf-school.waymark"));
    const QString plain = d.filePath(QStringLiteral("plain.db"));

    std::printf("Import benchmark: %d pupils, 70 tutor groups, median of %d runs (after a warm-up round), "
                "files in %s\n",
                pupils, runs, qPrintable(dir));
    std::printf("roster CSV %.0f KiB, CTF %.0f KiB (%d pupils x 1 SEN entry, 1 FSM period, 4 KS2 results), "
                "CTF facts as CSV %.0f KiB\n\n",
                double(QFileInfo(csv).size()) / 1024, double(QFileInfo(ctf).size()) / 1024, pupils,
                double(QFileInfo(ctfCsv).size()) / 1024);

    Series fresh, again, ctfFresh;
    std::vector<double> baseline, ctfBaseline;
    try {
        for (int round = -1; round < runs; ++round) { // round -1: warm-up, discarded
            const Phases a = import(school, csv, Source::Csv, true, {pupils, 0, 0});
            const Phases b = import(school, csv, Source::Csv, false, {0, pupils, 0});
            const Phases c = import(ctfSchool, ctf, Source::Ctf, true, {pupils, 0, 4 * pupils});
            const double base = shellImport(plain, csvScript);
            if (round == -1 &&
                shellQuery(plain, QStringLiteral("SELECT count(*) FROM roster")) != QString::number(pupils)) {
                std::fprintf(stderr, "the sqlite3 shell did not import %d rows\n", pupils);
                return 1;
            }
            const double ctfBase = shellImport(plain, ctfScript);
            if (round < 0)
                continue;
            fresh.add(a);
            again.add(b);
            ctfFresh.add(c);
            baseline.push_back(base);
            ctfBaseline.push_back(ctfBase);
        }
    } catch (const StorageError& e) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(e.message()));
        return 1;
    }
    const double base = median(baseline);
    const double ctfBase = median(ctfBaseline);
    std::printf("milliseconds (medians)             %7s %7s %7s %8s %8s | %-26s %7s | %7s\n", "read", "file", "plan",
                "apply", "total", "baseline (same run)", "", "ratio");
    printRow("CSV into a fresh school", fresh, "sqlite3 .import --csv", base);
    printRow("CSV again, all unchanged", again, "sqlite3 .import --csv", base);
    printRow("CTF into a fresh school", ctfFresh, "sqlite3 .import (CTF as CSV)", ctfBase);
    std::printf("\nfile: opening the school file and closing it. total: the median of each run's total (not the sum "
                "of the medians).\nbaseline: the sqlite3 shell as a child process (start-up included) importing the "
                "CSV into a plain table of a fresh database, WAL, synchronous=FULL.\n");
    std::printf("goal: CSV into a fresh school within 2x the baseline: %s (%.2fx)\n",
                median(fresh.total) <= 2 * base ? "met" : "NOT met", median(fresh.total) / base);
    return 0;
}
