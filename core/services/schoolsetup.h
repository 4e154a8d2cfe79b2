#pragma once

#include "domain/enums.h"

#include <QString>
#include <QStringList>

namespace waymark {

class Database;

// The set-up workflow's core service, used alike by the app and waymark-cli.
namespace setup {

// Makes a new school file at path (which must not exist yet), named `name` (trimmed; may be empty
// for "Untitled school"). Built aside and moved into place whole. Throws StorageError; a name
// longer than a name may be is refused before anything is written.
void createSchoolFile(const QString& path, const QString& name);

// The school's own details, as the DfE knows it: name, URN (6 digits), local-authority number
// (3 digits) and establishment number (4 digits; with the LA number, the "DfE number" 123/4567),
// and phase. Any number may be left empty.
struct SchoolDetails
{
    QString name;
    QString urn;
    QString laCode;
    QString estab;
    SchoolPhase phase = SchoolPhase::Secondary;

    bool operator==(const SchoolDetails&) const = default;
};

// The details as stored (a file made before a name was given has an empty name).
SchoolDetails schoolDetails(Database& db);

// What is wrong with the details, one sentence each for the teacher (empty when none). Values are
// taken as typed: changeSchoolDetails() trims them first. A value the same as in `before` is not
// checked (a file from elsewhere may hold a longer name than Waymark writes; changing the URN must
// not need it shortened).
QStringList problemsWith(const SchoolDetails& details, const SchoolDetails* before = nullptr);

enum class Check { Values, None };

// Writes the details in one transaction. If `expected` is given and the stored details differ from
// it (someone changed them elsewhere since, for example in another window), nothing is written and
// StorageError(Kind::Invalid) says so; likewise for details with problems (the values that differ
// from those stored are checked). Check::None puts back details exactly as they were stored
// before (an undo), unchecked. Returns what was stored.
SchoolDetails changeSchoolDetails(Database& db, const SchoolDetails& details, const SchoolDetails* expected = nullptr,
                                  Check check = Check::Values);

} // namespace setup
} // namespace waymark
