#pragma once

#include "domain/entity.h"

#include <QDate>
#include <QString>
#include <QUuid>

#include <string>
#include <vector>

namespace waymark {

class Database;

// Full-text search across the school: feedback, evidence notes, targets and learning plans, through
// the indexes of schema version 6 (storage/searchindex.h). Accents are ignored ("cafe" finds café),
// every word is matched as the start of a word ("frac" finds fractions), and all the words must be
// found. Deleted records, and records of deleted pupils, are never found.

enum class SearchKind { Feedback, Evidence, Target, Plan };

// Where the match is in a hit's snippet: `length` characters from `start`.
struct SearchMark
{
    int start = 0;
    int length = 0;
    bool operator==(const SearchMark&) const = default;
};

struct SearchHit
{
    SearchKind kind = SearchKind::Feedback;
    RowId rowId = 0;      // the feedback, evidence, target or learning_plan row
    QUuid uuid;           // the same row's UUID
    RowId evidenceId = 0; // feedback and evidence notes: the piece of evidence to open; 0 otherwise
    RowId pupilId = 0;
    QString pupilName; // the name the pupil goes by (preferred names where given)
    QString upn;
    // When the evidence was recorded (feedback, notes), the target set (else last changed), or the
    // plan last changed.
    QDate date;
    int field = 0;   // which of the record's texts matched (searchFieldName)
    QString snippet; // the words around the match, as plain text ("…" where cut)
    std::vector<SearchMark> marks;
    double score = 0; // bm25: the lower, the better the match

    // The snippet with each match between `open` and `close`, e.g. "[" and "]" (nothing escaped).
    QString markedSnippet(const QString& open, const QString& close) const;
};

// "feedback", "evidence", "target" or "plan": stable, for scripts.
QString searchKindKey(SearchKind kind);
// "Feedback", "Evidence note", "Target" or "Plan", for people.
QString searchKindName(SearchKind kind);
// The name of one of a record's texts: "Next step", "Success looks like", "Strategies that help"…
QString searchFieldName(SearchKind kind, int field);

// The teacher's words as an FTS5 query that can never be a syntax error or anything but words: each
// word (text between spaces) in double quotes with its quotes doubled and a * after it, so that it
// is matched as a prefix, and the words side by side, so that all must match. Control characters
// are dropped, words with no letter or digit are left out, and at most 16 words are kept. Empty if
// no word is left.
QString searchQueryFor(const QString& text);

// The best `limit` hits for the teacher's words, ranked by bm25 and then newest first. The most
// recent 200 matches of each kind (more for a larger limit) are ranked, so a word found in 100,000
// pieces of feedback costs no more than one found in 200. Rows changed by another program since
// Waymark last wrote are read as they are now. Never writes to the file. Throws StorageError.
std::vector<SearchHit> searchRecords(Database& db, const QString& text, int limit = 20);

// The statement searchRecords() runs for these words (when no rows are waiting to be indexed), with
// its parameters written in, so that the same search can be run elsewhere: the benchmark's sqlite3
// shell. One statement finds, ranks and cuts the snippets of the hits.
std::string searchStatement(const QString& words, int limit);

} // namespace waymark
