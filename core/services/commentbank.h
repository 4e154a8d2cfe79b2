#pragma once

#include "domain/entity.h"
#include "domain/enums.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace waymark {

class Database;

// The comment bank of the marking workflow: ready-made "What went well", "Even better if" and
// "Next step" comments, general (for any subject) or for one subject, offered most used first and
// filled in for a pupil (text/placeholders.h) as they are inserted. Each change is one transaction;
// removing tombstones, so every change has its undo. A department shares its bank as a CSV file.
//
// "Even better if" comments continue that phrase ("you checked your units."), as the demo school's
// do; the other two are sentences of their own.
namespace commentbank {

struct Comment
{
    RowId id = 0;
    CommentCategory category = CommentCategory::WhatWentWell;
    std::optional<RowId> subjectId; // empty: for any subject
    QString subject;                // the subject's name, empty for a general comment
    QString text;
    int position = 0;
    int uses = 0;
};

struct CommentDetails
{
    CommentCategory category = CommentCategory::WhatWentWell;
    std::optional<RowId> subjectId;
    QString text;

    bool operator==(const CommentDetails&) const = default;
};

// The comments of one category (or of every category), for one subject (its own and the general
// ones) or, without a subject, all of them; most used first, then a subject's own before general
// ones, then in the bank's order. `search` keeps those containing every word of it, without regard
// to case, accents or punctuation ("metre" finds "Metres"; "grid ref" finds "grid reference").
std::vector<Comment> list(Database& db, std::optional<CommentCategory> category = std::nullopt,
                          std::optional<RowId> subjectId = std::nullopt, const QString& search = {});

// A live comment, or nothing.
std::optional<Comment> find(Database& db, RowId id);

// A comment's text as the bank keeps it: on one line, spaces tidied, control characters dropped.
QString tidiedText(const QString& text);

// One sentence per problem: a comment needs words, at most limits::kText characters, a subject
// still in the file, and must not be in the bank already (the same text and category, for the same
// subject or for any subject), other than `except`.
QStringList problemsWithComment(Database& db, const CommentDetails& details, std::optional<RowId> except = {});

// Adds a comment (its text tidied) at the end of its category and subject. Throws StorageError
// with the problems. Returns its id.
RowId add(Database& db, const CommentDetails& details);

// Changes a comment's text, category or subject. With `expected`, refused if the stored comment
// differs from it (changed elsewhere since).
void change(Database& db, RowId id, const CommentDetails& details, const CommentDetails* expected = nullptr);

// Removes comments (tombstoned, never erased) or brings them back (undo), in one transaction.
void setRemoved(Database& db, const std::vector<RowId>& ids, bool removed);
inline void remove(Database& db, RowId id)
{
    setRemoved(db, {id}, true);
}
inline void restore(Database& db, RowId id)
{
    setRemoved(db, {id}, false);
}

// The comment was inserted into feedback once more: it moves up the list.
void noteUse(Database& db, RowId id);

// The live subjects a subject name from elsewhere means: the school's subject of that name (or
// code), else those of the same kind ("Maths" is Mathematics, "PE" Physical education, "French"
// and "Spanish" are both Languages, "Biology" is Science). Empty when the school has none.
std::vector<RowId> subjectsNamed(Database& db, const QString& name);

// ---- The starter set ---------------------------------------------------------------------------

// The comments a new bank starts with (core/services/commentbank_starter.csv, built in): plain
// British English, general and for English, mathematics, science, history, geography, languages,
// PE, art, music, computing, RE and D&T.
struct StarterComment
{
    CommentCategory category = CommentCategory::WhatWentWell;
    QString subject; // as the starter set names it ("Mathematics"); empty for a general comment
    QString text;
};
const std::vector<StarterComment>& starterComments();

struct StarterResult
{
    std::vector<RowId> added;
    int alreadyThere = 0;
    int withoutSubject = 0; // for a subject the school does not teach: left out
};

// Adds the starter comments the bank lacks (by category and text, for their subject), in one
// transaction. A subject comment goes to each of the school's subjects that subjectsNamed() finds
// for it; one for a subject the school does not teach is left out (it would otherwise show in
// every subject), and is added by a later call once the school has that subject.
StarterResult addStarterBank(Database& db);

// addStarterBank() on a file whose bank has never had a comment (removed ones count), so that a
// teacher who cleared the starter comments does not get them back. Returns what was added.
std::vector<RowId> ensureStarterBank(Database& db);

// ---- Sharing as CSV -----------------------------------------------------------------------------

// The bank as a CSV file a spreadsheet opens: UTF-8 with a byte-order mark, a header row
// "Category,Subject,Comment", one row per live comment in the order list() gives (so the most
// used come first); the category written as the app shows it ("Even better if"), the subject by
// name (empty for any subject). Cells are made formula-safe (exchange/csvexport.h). Use counts and
// ids stay behind: they belong to one school.
QByteArray exportCsv(Database& db);
// exportCsv() written to `path` whole or not at all; returns the rows written. Throws StorageError.
int exportCsvFile(Database& db, const QString& path);

struct ImportSummary
{
    std::vector<RowId> added;
    int duplicates = 0;   // already in the bank (or twice in the file): skipped
    QStringList problems; // rows that cannot be read, by line: when there are any, nothing is added
    QStringList notes;    // added, but worth knowing (a subject the school does not teach, a {placeholder} misspelt)
};

// Merges a bank CSV into the file in one transaction, all or nothing. Headers are matched without
// regard to case or punctuation ("Comment" or "Text" for the comment); a category may be written
// as the app shows it, as stored ("next_step") or short (WWW, EBI, NS). A subject is found with
// subjectsNamed(); one the school does not teach makes the comment general, with a note. Rows
// with no comment, an unknown category or a comment too long are problems, named by their line,
// and then nothing is added. The bytes may be anything: text is decoded as exchange/csvtable.h
// describes, and a file over its size limit or that is no text is refused (StorageError).
ImportSummary importCsv(Database& db, const QByteArray& bytes);
// importCsv() of a file (refused if it is over exchange::kMaxTextBytes).
ImportSummary importCsvFile(Database& db, const QString& path);

// How a category is written in a bank file and read from one.
QString categoryCsvName(CommentCategory category);
std::optional<CommentCategory> categoryFromCsv(const QString& text);

} // namespace commentbank
} // namespace waymark
