#include "queries/search.h"

#include "domain/fieldlimits.h"
#include "storage/database.h"
#include "storage/searchindex.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <array>
#include <string>

namespace waymark {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Search)
};

constexpr int kMaxWords = 16;
constexpr int kMaxWordLength = 100;
constexpr int kCandidates = 200;   // the most recent matches of each kind that are ranked
constexpr int kSnippetTokens = 14; // words in a snippet
constexpr int kMaxSnippetLength = 300;
// The marks snippet() puts round a match: private-use characters, which no keyboard types.
constexpr char16_t kOpen = 0xE000;
constexpr char16_t kClose = 0xE001;

// One index of schema version 6 (Migrations::schemaV6), and the table it reads.
struct Index
{
    SearchKind kind;
    const char* key;   // search_queue.kind, and the index's name after "search_"
    const char* table; // its external content
    std::vector<const char*> columns;
    const char* live; // the rows it holds, of a row called r
};

const std::array<Index, 4>& indexes()
{
    static const std::array<Index, 4> all = {{
        {SearchKind::Feedback,
         "feedback",
         "feedback",
         {"what_went_well", "even_better_if", "next_step", "pupil_response"},
         "r.deleted = 0"},
        {SearchKind::Evidence, "evidence", "evidence", {"note"}, "r.deleted = 0 AND r.note <> ''"},
        {SearchKind::Target, "target", "target", {"text", "success_measure", "support"}, "r.deleted = 0"},
        {SearchKind::Plan, "plan", "learning_plan", {"strengths", "needs", "strategies", "provision"}, "r.deleted = 0"},
    }};
    return all;
}

std::string indexName(const Index& x, bool pending)
{
    return std::string(pending ? "search_pending_" : "search_") + x.key;
}

std::string columnList(const Index& x, const std::string& prefix = {})
{
    std::string out;
    for (const char* column : x.columns)
        out += (out.empty() ? "" : ", ") + prefix + column;
    return out;
}

// Rows queued by the triggers but not yet brought into the indexes: another program wrote them (the
// sqlite3 shell, say) and no Waymark has written since. They are indexed afresh for this search in
// private in-memory indexes (temp), which a read-only connection may make too, and their entries in
// the file's indexes, which may be stale, are skipped.
class PendingIndexes
{
public:
    explicit PendingIndexes(Database& db) : db_(db)
    {
        active_ = searchindex::present(db) && db.prepare("SELECT 1 FROM search_queue LIMIT 1").step();
        if (!active_)
            return;
        // Every name and column in these statements is a literal of indexes() above, compiled in:
        // nothing read from the school file is ever spliced into SQL here.
        for (const Index& x : indexes()) {
            const std::string name = indexName(x, true);
            db_.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp." + name + " USING fts5(" + columnList(x) +
                     ", tokenize='unicode61 remove_diacritics 2')");
            db_.exec("DELETE FROM temp." + name);
            db_.exec("INSERT INTO temp." + name + "(rowid, " + columnList(x) + ") SELECT r.id, " + columnList(x, "r.") +
                     " FROM search_queue q JOIN main." + x.table + " r ON r.id = q.row_id WHERE q.kind = '" + x.key +
                     "' AND " + x.live);
        }
    }
    ~PendingIndexes()
    {
        if (!active_)
            return;
        try {
            for (const Index& x : indexes())
                db_.exec("DROP TABLE IF EXISTS temp." + indexName(x, true));
        } catch (const StorageError&) {
            // Private to this connection, and gone when it closes.
        }
    }
    PendingIndexes(const PendingIndexes&) = delete;
    PendingIndexes& operator=(const PendingIndexes&) = delete;
    bool active() const { return active_; }

private:
    Database& db_;
    bool active_ = false;
};

// The columns a candidate carries: bm25 score, where it was found (0: the file's index, 1: the
// pending one) and a snippet of each of the record's texts (NULL past the last).
std::string scored(const std::string& index, int src, const Index& x)
{
    std::string sql = "rowid AS id, bm25(" + index + ") AS score, " + std::to_string(src) + " AS src";
    for (std::size_t i = 0; i < 4; ++i) {
        sql += ", ";
        sql += i < x.columns.size() ? "snippet(" + index + ", " + std::to_string(i) + ", ?4, ?5, '…', " +
                                          std::to_string(kSnippetTokens) + ")"
                                    : std::string("NULL");
        sql += " AS s" + std::to_string(i);
    }
    return sql;
}

// The most recent matches of one kind (the newest rows first), scored, with their snippets: the
// snippets of the few shown are made here, in the one pass over the index, because a statement
// of its own per hit would build the doclist of a prefix ("question"*) again for each.
std::string candidates(const Index& x, bool pending)
{
    const std::string index = indexName(x, false);
    std::string sql = "SELECT " + scored(index, 0, x) + " FROM " + index + " WHERE " + index + " MATCH ?1";
    if (pending)
        sql += std::string(" AND rowid NOT IN (SELECT row_id FROM search_queue WHERE kind = '") + x.key + "')";
    sql += " ORDER BY rowid DESC LIMIT ?2";
    if (!pending)
        return sql;
    const std::string temp = indexName(x, true);
    return "SELECT * FROM (" + sql + ") UNION ALL SELECT " + scored(temp, 1, x) + " FROM temp." + temp + " WHERE " +
           temp + " MATCH ?1";
}

std::string searchSql(bool pending)
{
    const auto& x = indexes();
    const std::string snippets = ".s0, %.s1, %.s2, %.s3";
    const auto of = [&snippets](const char* alias) {
        std::string out = std::string(alias) + snippets;
        for (auto pos = out.find('%'); pos != std::string::npos; pos = out.find('%'))
            out.replace(pos, 1, alias);
        return out;
    };
    return "WITH fb AS (" + candidates(x[0], pending) + "), ev AS (" + candidates(x[1], pending) + "), tg AS (" +
           candidates(x[2], pending) + "), pl AS (" + candidates(x[3], pending) +
           "), hits(kind, id, score, src, uuid, evidence, pupil, day, s0, s1, s2, s3) AS ("
           "SELECT 0, f.id, fb.score, fb.src, f.uuid, e.id, e.pupil_id, e.recorded_on, " +
           of("fb") +
           " FROM fb JOIN feedback f ON f.id = fb.id JOIN evidence e ON e.id = f.evidence_id "
           "WHERE f.deleted = 0 AND e.deleted = 0 "
           "UNION ALL SELECT 1, e.id, ev.score, ev.src, e.uuid, e.id, e.pupil_id, e.recorded_on, " +
           of("ev") +
           " FROM ev JOIN evidence e ON e.id = ev.id WHERE e.deleted = 0 "
           "UNION ALL SELECT 2, t.id, tg.score, tg.src, t.uuid, 0, t.pupil_id, "
           "coalesce(t.set_on, date((t.hlc >> 16) / 1000, 'unixepoch')), " +
           of("tg") +
           " FROM tg JOIN target t ON t.id = tg.id WHERE t.deleted = 0 "
           "UNION ALL SELECT 3, l.id, pl.score, pl.src, l.uuid, 0, l.pupil_id, date((l.hlc >> 16) / 1000, "
           "'unixepoch'), " +
           of("pl") +
           " FROM pl JOIN learning_plan l ON l.id = pl.id WHERE l.deleted = 0) "
           "SELECT h.kind, h.id, h.score, h.src, h.uuid, h.evidence, p.id, p.upn, "
           "CASE WHEN p.preferred_given_name <> '' THEN p.preferred_given_name ELSE p.legal_given_name END, "
           "CASE WHEN p.preferred_family_name <> '' THEN p.preferred_family_name ELSE p.legal_family_name END, "
           "h.day, h.s0, h.s1, h.s2, h.s3 FROM hits h JOIN pupil p ON p.id = h.pupil WHERE p.deleted = 0 "
           "ORDER BY h.score, h.day DESC, h.kind, h.id DESC LIMIT ?3";
}

// A snippet from snippet(), its marks taken out and noted; on one line, and not too long.
void takeMarks(const QString& marked, SearchHit& hit)
{
    hit.snippet.clear();
    hit.marks.clear();
    int openedAt = -1;
    for (const QChar c : marked) {
        if (c.unicode() == kOpen) {
            openedAt = int(hit.snippet.size());
        } else if (c.unicode() == kClose) {
            if (openedAt >= 0 && hit.snippet.size() > openedAt)
                hit.marks.push_back({openedAt, int(hit.snippet.size()) - openedAt});
            openedAt = -1;
        } else {
            hit.snippet += (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
                               ? QChar(QLatin1Char(' '))
                               : c;
        }
    }
    if (hit.snippet.size() > kMaxSnippetLength) {
        int cut = kMaxSnippetLength;
        if (hit.snippet.at(cut - 1).isHighSurrogate())
            --cut;
        hit.snippet = hit.snippet.left(cut) + QChar(0x2026);
        std::erase_if(hit.marks, [cut](const SearchMark& m) { return m.start + m.length > cut; });
    }
}

// sql with each ?N replaced by values[N - 1] (written as SQL already), from the highest N down.
std::string withValues(std::string sql, const std::vector<std::string>& values)
{
    for (std::size_t n = values.size(); n >= 1; --n) {
        const std::string name = "?" + std::to_string(n);
        for (auto pos = sql.find(name); pos != std::string::npos; pos = sql.find(name, pos + values[n - 1].size()))
            sql.replace(pos, name.size(), values[n - 1]);
    }
    return sql;
}

// The snippet of the text that matched best (the most marks; the first text on a tie), from the
// row's snippets in columns first .. first + count - 1.
void chooseSnippet(const Statement& s, int first, int count, SearchHit& hit)
{
    int best = 0;
    qsizetype bestMarks = -1;
    for (int i = 0; i < count; ++i) {
        const qsizetype marks = s.text(first + i).count(QChar(kOpen));
        if (marks > bestMarks) {
            best = i;
            bestMarks = marks;
        }
    }
    hit.field = best;
    takeMarks(s.text(first + best), hit);
}

} // namespace

QString SearchHit::markedSnippet(const QString& open, const QString& close) const
{
    QString out;
    int at = 0;
    for (const SearchMark& m : marks) {
        if (m.start < at || m.start + m.length > snippet.size())
            continue;
        out += snippet.mid(at, m.start - at) + open + snippet.mid(m.start, m.length) + close;
        at = m.start + m.length;
    }
    return out + snippet.mid(at);
}

QString searchKindKey(SearchKind kind)
{
    return QString::fromLatin1(indexes()[std::size_t(kind)].key);
}

QString searchKindName(SearchKind kind)
{
    switch (kind) {
    case SearchKind::Feedback:
        return Tr::tr("Feedback");
    case SearchKind::Evidence:
        return Tr::tr("Evidence note");
    case SearchKind::Target:
        return Tr::tr("Target");
    case SearchKind::Plan:
        return Tr::tr("Plan");
    }
    return {};
}

QString searchFieldName(SearchKind kind, int field)
{
    switch (kind) {
    case SearchKind::Feedback: {
        const QString names[] = {Tr::tr("What went well"), Tr::tr("Even better if"), Tr::tr("Next step"),
                                 Tr::tr("Pupil's response")};
        return field >= 0 && field < 4 ? names[field] : QString();
    }
    case SearchKind::Evidence:
        return field == 0 ? Tr::tr("Note") : QString();
    case SearchKind::Target: {
        const QString names[] = {Tr::tr("Target"), Tr::tr("Success looks like"), Tr::tr("Support")};
        return field >= 0 && field < 3 ? names[field] : QString();
    }
    case SearchKind::Plan: {
        const QString names[] = {Tr::tr("Strengths and interests"), Tr::tr("Needs and barriers"),
                                 Tr::tr("Strategies that help"), Tr::tr("Provision")};
        return field >= 0 && field < 4 ? names[field] : QString();
    }
    }
    return {};
}

QString searchQueryFor(const QString& text)
{
    QString spaced;
    spaced.reserve(text.size());
    for (const QChar c : text) {
        const QChar::Category category = c.category();
        const bool gap = c.isSpace() || category == QChar::Other_Control || category == QChar::Other_Format ||
                         category == QChar::Separator_Line || category == QChar::Separator_Paragraph;
        spaced += gap ? QChar(QLatin1Char(' ')) : c;
    }
    QStringList phrases;
    for (QString word : spaced.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (phrases.size() >= kMaxWords)
            break;
        if (word.size() > kMaxWordLength)
            word.truncate(word.at(kMaxWordLength - 1).isHighSurrogate() ? kMaxWordLength - 1 : kMaxWordLength);
        const QList<uint> points = word.toUcs4();
        const auto letters =
            std::count_if(points.begin(), points.end(), [](uint p) { return QChar::isLetterOrNumber(char32_t(p)); });
        if (letters == 0)
            continue; // nothing FTS5 would read as a word
        // A word of one letter or digit is matched whole: as a prefix it would be every word that
        // starts with it, the slowest query there is, and seldom what was meant.
        const QString star = letters == 1 && points.size() == 1 ? QString() : QStringLiteral("*");
        phrases << QLatin1Char('"') + word.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"') + star;
    }
    return phrases.join(QLatin1Char(' '));
}

std::string searchStatement(const QString& words, int limit)
{
    QString query = searchQueryFor(words);
    const std::string match = "'" + query.replace(QLatin1Char('\''), QStringLiteral("''")).toStdString() + "'";
    const std::string open = "'" + QString(QChar(kOpen)).toStdString() + "'";
    const std::string close = "'" + QString(QChar(kClose)).toStdString() + "'";
    return withValues(searchSql(false),
                      {match, std::to_string(std::max(kCandidates, limit * 2)), std::to_string(limit), open, close});
}

std::vector<SearchHit> searchRecords(Database& db, const QString& text, int limit)
{
    const QString query = searchQueryFor(text);
    if (query.isEmpty() || limit <= 0)
        return {};
    if (!searchindex::present(db))
        throw StorageError(StorageError::Kind::Invalid,
                           Tr::tr("This school file has no search index yet. Open it in Waymark once to add one."));
    Transaction read(db, Transaction::Kind::Read);
    const PendingIndexes pending(db);
    auto s = db.prepare(searchSql(pending.active()));
    s.bindAll(query, std::max(kCandidates, limit * 2), limit, QString(QChar(kOpen)), QString(QChar(kClose)));
    std::vector<SearchHit> hits;
    while (s.step()) {
        SearchHit h;
        h.kind = static_cast<SearchKind>(std::clamp(s.integer(0), 0, 3));
        h.rowId = s.int64(1);
        h.score = s.real(2);
        h.uuid = s.uuid(4);
        h.evidenceId = s.int64(5);
        h.pupilId = s.int64(6);
        h.upn = limits::shortened(s.text(7));
        h.pupilName = limits::shortened(s.text(8)) + QLatin1Char(' ') + limits::shortened(s.text(9));
        h.date = s.date(10);
        chooseSnippet(s, 11, int(indexes()[std::size_t(h.kind)].columns.size()), h);
        hits.push_back(std::move(h));
    }
    s.reset();
    read.commit();
    return hits;
}

} // namespace waymark
