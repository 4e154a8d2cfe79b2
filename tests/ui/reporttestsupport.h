#pragma once

#include "domain/entity.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <catch2/catch.hpp>

#include <memory>
#include <vector>

// Lets Catch print Qt strings in failure messages instead of "{?}".
namespace Catch {
template <> struct StringMaker<QString>
{
    static std::string convert(const QString& value) { return '"' + value.toStdString() + '"'; }
};
} // namespace Catch

// A class marked for one task, and the PDF tools the report tests read their output with.
namespace waymark::test {

struct MarkedClass
{
    // `pupils` pupils in group "9X/Ma1" with a task "Fractions" of two criteria; the first
    // `marked` are marked (light, judgements, the three parts of feedback): green, amber and red
    // in turn, the green ones with every criterion met.
    MarkedClass(int pupils, int marked);

    TempDir dir;
    QString path;
    std::unique_ptr<Database> db;
    RowId group = 0;
    RowId task = 0;
    std::vector<RowId> pupils;
    QStringList names;                 // "Given Family", in the order of `pupils`
    std::vector<QStringList> feedback; // per pupil: what went well, even better if, next step

    // Sets one pupil's three parts of feedback.
    void setFeedback(std::size_t pupil, const QStringList& parts);
};

// The path of a poppler tool (pdftotext, pdffonts, pdfinfo), or empty.
QString pdfTool(const char* name);
// A PDF's text in drawing order (pdftotext -raw), pages first to last (0: all), white space
// flattened to single spaces.
QString pdfText(const QString& pdf, int first = 0, int last = 0);
int pdfPages(const QString& pdf);
// Runs of white space as one space.
QString flat(const QString& text);

} // namespace waymark::test
