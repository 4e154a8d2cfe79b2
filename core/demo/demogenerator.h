#pragma once

#include <QDate>
#include <QString>

#include <functional>

namespace waymark {

class Database;

// Builds a realistic synthetic school: staff, subjects, classes and sets, vertical tutor groups,
// pupils with characteristics, learning plans and targets, reviews, tasks with success criteria,
// evidence with feedback, traffic lights and grades on ladders, and small generated images.
// The same options (seed and reference date included) always give the same file contents.
struct DemoOptions
{
    int pupils = 240;               // on roll in the current academic year
    int years = 1;                  // academic years of history, ending with the current one
    quint64 seed = 1;
    QDate today = QDate::currentDate(); // the "now" of the demo: the last year is the one holding it
    // Called now and then with work done out of total; return false to cancel (throws DemoCancelled).
    std::function<bool(qint64 done, qint64 total)> progress;
};

struct DemoCancelled
{
};

// Fills an empty, freshly created school database (inside one transaction). Throws StorageError
// (nothing added) if the file already holds a school or the options make no sense, and
// DemoCancelled (nothing added) if progress asked to stop.
void generateDemoSchool(Database& db, const DemoOptions& options);

} // namespace waymark
