#pragma once

#include "domain/entity.h"
#include "services/schoolsetup.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace waymark {

class Database;

// The set-up workflow's subjects: the usual list of an English school offered to a new one, and
// subjects added, renamed and removed by hand. Each change is one transaction.
namespace setup {

struct SubjectDetails
{
    QString name; // "Mathematics"
    QString code; // "MA", as the MIS writes it; may be empty

    bool operator==(const SubjectDetails&) const = default;
};

struct SubjectEntry
{
    RowId id = 0;
    SubjectDetails details;
    int groups = 0; // live groups of this subject
};

// The subjects most English primary and secondary schools teach, in the order a school lists them,
// with the codes MIS exports commonly use. Offered on a new school; each is added only once.
const std::vector<SubjectDetails>& usualSubjects();

std::vector<SubjectEntry> subjectList(Database& db);

// The live subject with this name (without regard to case), if any.
std::optional<RowId> findSubject(Database& db, const QString& name);

// One sentence per problem: a name is needed, no longer than a name, and not one the school has
// already (other than `except`).
QStringList problemsWithSubject(Database& db, const SubjectDetails& details, std::optional<RowId> except = {});

RowId addSubject(Database& db, const SubjectDetails& details);

// Adds those of usualSubjects() the school does not have (by name), in one transaction; returns the
// ids added (an undo takes back exactly these).
std::vector<RowId> addUsualSubjects(Database& db);

// With `expected`, refused if the stored subject differs from it (changed elsewhere since).
void changeSubject(Database& db, RowId id, const SubjectDetails& details, const SubjectDetails* expected = nullptr,
                   Check check = Check::Values);

// Removes subjects (tombstoned, never erased) or brings them back (undo). Removing is refused, with
// the subject named, while a live group, task, target or evidence uses it.
void setSubjectsRemoved(Database& db, const std::vector<RowId>& ids, bool removed);

} // namespace setup
} // namespace waymark
