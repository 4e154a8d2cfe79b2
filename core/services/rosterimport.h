#pragma once

#include "domain/entity.h"
#include "exchange/roster.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace waymark {

class Database;

// The import workflow's core service: a roster read from an MIS is first planned against the
// school (what each row would do, nothing written), then applied in one transaction. Re-importing
// updates, never duplicates: a row is matched to a pupil by UPN, else by legal name and date of
// birth (said in the plan, for the teacher to check); a changed value keeps the old one in history.
namespace importing {

struct PlannedRow
{
    enum class Kind { New, Updated, Unchanged, Rejected };
    int line = 0;
    Kind kind = Kind::New;
    RowId pupilId = 0;   // the matched pupil (Updated, Unchanged)
    QString name;        // "Aydın, Emre", for the preview
    QStringList changes; // Updated: the fields that change ("Year group: 6 → 7")
    QStringList flags;   // read, with something not taken (from the roster), or matched by name
    QString reason;      // Rejected: why
    QString tutorGroup;  // the tutor group to put them in this year (empty: leave it as it is)
    exchange::RosterRecord record;
};

struct ImportPlan
{
    std::vector<PlannedRow> rows;
    // Pupils on roll whom the file does not list (a full roll's leavers), for the teacher to mark as
    // left or not; never deleted.
    std::vector<RowId> notInFile;
    int count(PlannedRow::Kind kind) const;
};

// What each row of the roster would do to the school on `today`. Reads only.
ImportPlan planImport(Database& db, const exchange::Roster& roster, QDate today);

enum class Leavers { Mark, Ignore };

struct ImportResult
{
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int markedLeft = 0;
};

// Applies a plan in one transaction: new pupils added, matched ones updated, each put in the tutor
// group the file names for this academic year (made if the school has none of that name, and out
// of any other tutor group of the year), and (Leavers::Mark)
// pupils not in the file marked as left on `today`. `progress(done, total)` is called as rows are
// written; returning false from it cancels, leaving the school as it was. Throws StorageError
// (nothing written) if the school changed since the plan so that a row no longer fits.
ImportResult applyImport(Database& db, const ImportPlan& plan, QDate today, Leavers leavers,
                         const std::function<bool(int done, int total)>& progress = {});

} // namespace importing
} // namespace waymark
