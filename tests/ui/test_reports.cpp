// The printed reports (ui/reports): feedback slips six to a page with every pupil's feedback whole,
// however long, and the whole-class sheet; written as PDFs whole or not at all.
#include "reports/classfeedbacksheet.h"
#include "reports/feedbackslips.h"
#include "reports/reportpdf.h"
#include "reporttestsupport.h"
#include "services/classfeedback.h"
#include "services/marksheet.h"
#include "storage/storageerror.h"
#include "text/englishplurals.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {
marking::MarkSheet sheetOf(test::MarkedClass& c)
{
    std::optional<marking::MarkSheet> sheet = marking::markSheet(*c.db, c.task);
    REQUIRE(sheet);
    return *sheet;
}

// Words of the given count, each different, so that a missing stretch is noticed.
QString longText(const QString& stem, int words)
{
    QStringList out;
    for (int i = 0; i < words; ++i)
        out << QStringLiteral("%1%2").arg(stem).arg(i);
    return out.join(QLatin1Char(' '));
}
} // namespace

TEST_CASE("Slips: one per marked pupil, six to a page, each whole on one page", "[reports]")
{
    if (test::pdfTool("pdftotext").isEmpty() || test::pdfTool("pdfinfo").isEmpty())
        WAYMARK_SKIP("pdftotext and pdfinfo are not installed (Debian: poppler-utils)");
    test::MarkedClass c(16, 13); // 3 not marked
    const marking::MarkSheet sheet = sheetOf(c);
    const QString pdf = c.dir.path(QStringLiteral("slips.pdf"));
    const reports::PrintedReport printed = reports::writeFeedbackSlipsPdf(sheet, pdf);
    CHECK(printed.slips == 13);
    CHECK(printed.pages == 3);
    CHECK(test::pdfPages(pdf) == 3);
    const QString all = test::pdfText(pdf);
    for (int i = 0; i < 16; ++i) {
        INFO(c.names[i].toStdString());
        CHECK(all.contains(c.names[i]) == (i < 13));
    }
    // Each slip on one page: its name and every part of its feedback on the same page.
    for (int page = 1; page <= 3; ++page) {
        const QString text = test::pdfText(pdf, page, page);
        for (std::size_t i = 0; i < 13; ++i) {
            if (!text.contains(c.names[int(i)] + QLatin1Char(' ')))
                continue;
            for (const QString& part : c.feedback[i])
                CHECK(text.contains(part));
        }
    }
    CHECK(all.contains(QStringLiteral("✓ met")));
    CHECK(all.contains(QStringLiteral("~ partly")));
    CHECK(all.contains(QStringLiteral("✗ not yet")));
    CHECK(all.contains(QStringLiteral("Learning intention: To add and simplify fractions")));

    SECTION("everyone: a slip for each pupil in the group, marked or not")
    {
        reports::SlipOptions options;
        options.everyone = true;
        CHECK(reports::writeFeedbackSlipsPdf(sheet, pdf, options).slips == 16);
        CHECK(test::pdfText(pdf).contains(QStringLiteral("Not marked yet.")));
    }
}

TEST_CASE("Slips: long feedback is set smaller or given more room, and never cut short", "[reports]")
{
    if (test::pdfTool("pdftotext").isEmpty())
        WAYMARK_SKIP("pdftotext is not installed (Debian: poppler-utils)");
    test::MarkedClass c(4, 4);
    c.setFeedback(1, {longText(QStringLiteral("well"), 60), longText(QStringLiteral("better"), 60),
                      longText(QStringLiteral("next"), 60)}); // a slot or two
    c.setFeedback(2, {longText(QStringLiteral("huge"), 900), longText(QStringLiteral("vast"), 900),
                      longText(QStringLiteral("more"), 900)}); // more than a column
    const marking::MarkSheet sheet = sheetOf(c);
    const QString pdf = c.dir.path(QStringLiteral("slips.pdf"));
    const reports::PrintedReport printed = reports::writeFeedbackSlipsPdf(sheet, pdf);
    CHECK(printed.slips == 4);
    CHECK(printed.pages >= 2);
    QString text = test::pdfText(pdf);
    // The parts of a slip that goes on say so; without those notes, its text is whole.
    CHECK(text.contains(QStringLiteral("continued in the next column →")));
    CHECK(text.contains(c.names[2] + QStringLiteral(" (continued)")));
    for (const QString& note :
         QStringList{QStringLiteral("continued in the next column →"), QStringLiteral("continued on the next page →"),
                     c.names[2] + QStringLiteral(" (continued)")})
        text.remove(QLatin1Char(' ') + note);
    for (std::size_t i = 0; i < 4; ++i)
        for (const QString& part : c.feedback[i]) {
            INFO(part.left(40).toStdString());
            CHECK(text.contains(part));
        }
}

TEST_CASE("The class sheet has the counts, both lists and the teacher's notes, on one or two pages", "[reports]")
{
    if (test::pdfTool("pdftotext").isEmpty())
        WAYMARK_SKIP("pdftotext is not installed (Debian: poppler-utils)");
    static const bool plurals = [] { // as the app and waymark-cli do: "30 pupils", not "30 pupil(s)"
        installEnglishPlurals(*QCoreApplication::instance());
        return true;
    }();
    CHECK(plurals);
    test::MarkedClass c(30, 30);
    const marking::MarkSheet sheet = sheetOf(c);
    const marking::ClassSummary summary = marking::classSummary(sheet);
    marking::ClassNotes notes;
    notes.praise = QStringLiteral("Excellent presentation throughout.");
    notes.misconceptions = QStringLiteral("Adding the denominators.");
    notes.literacy = QStringLiteral("denominator, numerator");
    notes.revisit = QStringLiteral("Small group on Thursday.");
    const QString pdf = c.dir.path(QStringLiteral("class.pdf"));
    const reports::PrintedReport printed = reports::writeClassFeedbackPdf(sheet, summary, notes, pdf);
    CHECK(printed.pages >= 1);
    CHECK(printed.pages <= 2);
    const QString text = test::pdfText(pdf);
    for (const QString& s :
         {notes.praise, notes.misconceptions, notes.literacy, notes.revisit,
          QStringLiteral("Whole-class feedback: Fractions"), QStringLiteral("30 pupils, 30 marked."),
          QStringLiteral("R Red %1").arg(summary.red), QStringLiteral("A Amber %1").arg(summary.amber),
          QStringLiteral("G Green %1").arg(summary.green), QStringLiteral("I can add fractions"),
          QStringLiteral("Page 1 of %1").arg(printed.pages)}) {
        INFO(s.toStdString());
        CHECK(text.contains(s));
    }
    REQUIRE_FALSE(summary.revisit.empty());
    REQUIRE_FALSE(summary.praise.empty());
    for (const marking::PupilNote& p : summary.revisit)
        CHECK(text.contains(p.name + QStringLiteral(": ") + p.reasons.join(QStringLiteral("; "))));
    for (const marking::PupilNote& p : summary.praise)
        CHECK(text.contains(p.name + QStringLiteral(": green light, every criterion met")));
}

TEST_CASE("A report is written whole or not at all, and never over a school file", "[reports]")
{
    test::MarkedClass c(3, 2);
    const marking::MarkSheet sheet = sheetOf(c);
    const QByteArray school = test::sha256Of(c.path);
    auto message = [&](const QString& path) {
        try {
            reports::writeFeedbackSlipsPdf(sheet, path);
        } catch (const StorageError& e) {
            return e.message();
        }
        return QString();
    };
    CHECK(message(c.dir.path(QStringLiteral("missing/slips.pdf"))).contains(QStringLiteral("does not exist")));
    CHECK(message(c.path).contains(QStringLiteral("is a database")));
    CHECK(test::sha256Of(c.path) == school);
    CHECK(message(c.dir.path()).contains(QStringLiteral("is a folder")));

    // Nobody marked: no slips, and no file.
    test::MarkedClass unmarked(3, 0);
    const QString none = unmarked.dir.path(QStringLiteral("none.pdf"));
    try {
        reports::writeFeedbackSlipsPdf(sheetOf(unmarked), none);
        FAIL("slips were written for a task nobody was marked for");
    } catch (const StorageError& e) {
        CHECK(e.message().contains(QStringLiteral("Nobody has been marked for “Fractions” yet")));
    }
    CHECK_FALSE(QFile::exists(none));

    // A folder that cannot be written: what was there stays, and nothing else is left there.
    const QString folder = c.dir.path(QStringLiteral("locked"));
    REQUIRE(QDir().mkpath(folder));
    const QString existing = folder + QStringLiteral("/slips.pdf");
    test::writeAll(existing, "an older PDF");
    {
        test::ReadOnlyGuard guard(folder);
        if (!guard.ok())
            WAYMARK_SKIP("this file system cannot make a folder read-only");
        CHECK(message(existing).contains(QStringLiteral("could not be written")));
    }
    CHECK(test::readAll(existing) == "an older PDF");
    CHECK(QDir(folder).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("slips.pdf")});

    // A suggested name holds nothing a file system refuses.
    CHECK(reports::suggestedFileName(QStringLiteral("Feedback slips"), sheet) ==
          QStringLiteral("Feedback slips - Fractions - 9X-Ma1.pdf"));
}

TEST_CASE("The report fonts are embedded in the PDF", "[reports]")
{
    if (test::pdfTool("pdffonts").isEmpty())
        WAYMARK_SKIP("pdffonts is not installed (Debian: poppler-utils)");
    test::MarkedClass c(2, 2);
    const QString pdf = c.dir.path(QStringLiteral("slips.pdf"));
    reports::writeFeedbackSlipsPdf(sheetOf(c), pdf);
    QProcess p;
    p.start(test::pdfTool("pdffonts"), {pdf});
    REQUIRE(p.waitForFinished(60000));
    const QStringList lines =
        QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
    REQUIRE_FALSE(lines.isEmpty());
    for (const QString& line : lines) {
        INFO(line.toStdString());
        CHECK(line.contains(QStringLiteral(" yes ")));
    }
}
