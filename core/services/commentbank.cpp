#include "services/commentbank.h"

#include "domain/entities.h"
#include "domain/fieldlimits.h"
#include "repo/repository.h"
#include "services/commentbankinternal.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"
#include "text/searchkey.h"

#include <QCoreApplication>

#include <algorithm>
#include <string>

namespace waymark::commentbank {

namespace detail {

QString tr(const char* text, const char* disambiguation, int n)
{
    return QCoreApplication::translate("CommentBank", text, disambiguation, n);
}

bool isDuplicate(Database& db, CommentCategory category, std::optional<RowId> subjectId, const QString& text,
                 std::optional<RowId> except)
{
    auto s = db.prepare("SELECT 1 FROM comment_bank WHERE deleted = 0 AND category = ?1 AND text = ?2 AND "
                        "(subject_id IS ?3 OR subject_id IS NULL) AND id IS NOT ?4 LIMIT 1");
    s.bind(1, toText(category));
    s.bind(2, text);
    s.bind(3, subjectId);
    s.bind(4, except);
    return s.step();
}

RowId insert(Database& db, const CommentDetails& details)
{
    auto s = db.prepare("SELECT coalesce(max(position) + 1, 0) FROM comment_bank WHERE deleted = 0 AND "
                        "category = ?1 AND subject_id IS ?2");
    s.bind(1, toText(details.category));
    s.bind(2, details.subjectId);
    s.step();
    CommentBankEntry e;
    e.category = details.category;
    e.subjectId = details.subjectId;
    e.text = details.text;
    e.position = s.integer(0);
    return Repository<CommentBankEntry>(db).insert(e);
}

} // namespace detail

using detail::tr;

namespace {

Comment fromRow(const Statement& s)
{
    Comment c;
    c.id = s.int64(0);
    c.category = fromText<CommentCategory>(s.text(1).toStdString()).value_or(CommentCategory::WhatWentWell);
    c.subjectId = s.optionalInt64(2);
    c.subject = s.text(3);
    c.text = s.text(4);
    c.position = s.integer(5);
    c.uses = s.integer(6);
    return c;
}

constexpr const char* kSelect = "SELECT c.id, c.category, c.subject_id, coalesce(sub.name, ''), c.text, c.position, "
                                "c.uses FROM comment_bank c LEFT JOIN subject sub ON sub.id = c.subject_id ";

// A subject name as compared: folded as search folds it, without spaces ("D&T", "d t" and "DT"
// are one).
QString subjectKey(const QString& name)
{
    return text::searchKey(name).remove(QLatin1Char(' '));
}

// Names of one kind of subject, as schools and MIS exports write them (folded by subjectKey).
const std::vector<QStringList>& subjectKinds()
{
    static const std::vector<QStringList> kinds = [] {
        const std::vector<std::vector<const char*>> lists = {
            {"english", "englishlanguage", "englishliterature", "englishlanguageandliterature", "literacy"},
            {"mathematics", "maths", "math", "numeracy"},
            {"science", "sciences", "combinedscience", "triplescience", "biology", "chemistry", "physics"},
            {"history"},
            {"geography"},
            {"artanddesign", "art", "artdesign", "fineart", "artandcraft", "artandcrafts"},
            {"music"},
            {"physicaleducation", "pe", "games", "sport", "sportandpe"},
            {"computing", "computerscience", "ict", "it", "informationtechnology"},
            {"languages", "mfl", "modernforeignlanguages", "modernlanguages", "foreignlanguages", "french", "spanish",
             "german", "italian", "mandarin", "chinese", "japanese", "urdu", "arabic", "polish", "portuguese"},
            {"religiouseducation", "re", "religiousstudies", "rs", "rpe", "religionandworldviews",
             "religionphilosophyandethics", "philosophyandethics"},
            {"designandtechnology", "dt", "designtechnology", "technology", "foodtechnology",
             "foodpreparationandnutrition", "foodandnutrition", "productdesign", "resistantmaterials", "textiles",
             "engineering"},
            {"drama"},
            {"citizenship"},
            {"psheandrse", "pshe", "rse", "personalsocialandhealtheducation"},
        };
        std::vector<QStringList> out;
        for (const auto& list : lists) {
            QStringList keys;
            for (const char* k : list)
                keys << QString::fromLatin1(k);
            out.push_back(keys);
        }
        return out;
    }();
    return kinds;
}

} // namespace

std::vector<Comment> list(Database& db, std::optional<CommentCategory> category, std::optional<RowId> subjectId,
                          const QString& search)
{
    std::optional<std::string> categoryText;
    if (category)
        categoryText = std::string(toText(*category));
    auto s =
        db.prepare(std::string(kSelect) + "WHERE c.deleted = 0 AND (?1 IS NULL OR c.category = ?1) AND "
                                          "(?2 IS NULL OR c.subject_id = ?2 OR c.subject_id IS NULL) "
                                          "ORDER BY c.uses DESC, c.subject_id IS NULL, c.category, c.position, c.id");
    if (categoryText)
        s.bind(1, std::string_view(*categoryText));
    else
        s.bindNull(1);
    s.bind(2, subjectId);
    const QStringList words = text::searchKey(search).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    std::vector<Comment> out;
    while (s.step()) {
        Comment c = fromRow(s);
        if (!words.isEmpty()) {
            const QString key = text::searchKey(c.text);
            if (!std::all_of(words.begin(), words.end(), [&](const QString& w) { return key.contains(w); }))
                continue;
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::optional<Comment> find(Database& db, RowId id)
{
    auto s = db.prepare(std::string(kSelect) + "WHERE c.id = ?1 AND c.deleted = 0");
    s.bindAll(id);
    return s.step() ? std::optional<Comment>(fromRow(s)) : std::nullopt;
}

QString tidiedText(const QString& text)
{
    QString out = text;
    for (QChar& c : out)
        if (c.category() == QChar::Other_Control || c == QChar(0x2028) || c == QChar(0x2029))
            c = QLatin1Char(' ');
    return out.simplified();
}

QStringList problemsWithComment(Database& db, const CommentDetails& details, std::optional<RowId> except)
{
    QStringList problems;
    const QString text = tidiedText(details.text);
    if (text.isEmpty())
        problems << tr("A comment needs some words.");
    else if (text.size() > limits::kText)
        problems << tr("A comment can have at most %1 characters.").arg(limits::kText);
    if (details.subjectId && !Repository<Subject>(db).find(*details.subjectId))
        problems << tr("That subject is no longer in this school file.");
    else if (!text.isEmpty() && detail::isDuplicate(db, details.category, details.subjectId, text, except))
        problems << tr("“%1” is already in the bank under %2.")
                        .arg(limits::shortened(text, 60), displayName(details.category));
    return problems;
}

RowId add(Database& db, const CommentDetails& details)
{
    Transaction transaction(db);
    if (const QStringList problems = problemsWithComment(db, details); !problems.isEmpty())
        throw StorageError(StorageError::Kind::Invalid, problems.join(QLatin1Char(' ')));
    CommentDetails tidied = details;
    tidied.text = tidiedText(details.text);
    const RowId id = detail::insert(db, tidied);
    transaction.commit();
    return id;
}

void change(Database& db, RowId id, const CommentDetails& details, const CommentDetails* expected)
{
    Transaction transaction(db);
    Repository<CommentBankEntry> repo(db);
    std::optional<CommentBankEntry> stored = repo.find(id);
    if (!stored)
        throw StorageError(StorageError::Kind::Invalid, tr("That comment is no longer in the bank."));
    const CommentDetails before{stored->category, stored->subjectId, stored->text};
    if (expected && before != *expected)
        throw StorageError(StorageError::Kind::Invalid,
                           tr("That comment was changed elsewhere since you began, so your change was not saved."));
    if (const QStringList problems = problemsWithComment(db, details, id); !problems.isEmpty())
        throw StorageError(StorageError::Kind::Invalid, problems.join(QLatin1Char(' ')));
    const CommentDetails after{details.category, details.subjectId, tidiedText(details.text)};
    if (after != before) {
        stored->category = after.category;
        stored->subjectId = after.subjectId;
        stored->text = after.text;
        repo.update(*stored);
    }
    transaction.commit();
}

void setRemoved(Database& db, const std::vector<RowId>& ids, bool removed)
{
    Transaction transaction(db);
    Repository<CommentBankEntry> repo(db);
    for (const RowId id : ids) {
        const std::optional<CommentBankEntry> e = repo.findAny(id);
        if (!e)
            throw StorageError(StorageError::Kind::Invalid, tr("That comment is no longer in the bank."));
        if (e->deleted != removed)
            repo.setDeleted(id, removed);
    }
    transaction.commit();
}

void noteUse(Database& db, RowId id)
{
    Transaction transaction(db);
    auto s = db.prepare("UPDATE comment_bank SET uses = uses + 1, hlc = ?1, origin = ?2 WHERE id = ?3 AND deleted = 0");
    s.bindAll(db.nextStamp(), db.deviceId(), id);
    s.run();
    if (db.changes() == 0)
        throw StorageError(StorageError::Kind::Invalid, tr("That comment is no longer in the bank."));
    transaction.commit();
}

std::vector<RowId> subjectsNamed(Database& db, const QString& name)
{
    const QString key = subjectKey(name);
    if (key.isEmpty())
        return {};
    struct Known
    {
        RowId id;
        QString name;
        QString code;
    };
    std::vector<Known> subjects;
    auto s = db.prepare("SELECT id, name, code FROM subject WHERE deleted = 0 ORDER BY name, id");
    while (s.step())
        subjects.push_back({s.int64(0), subjectKey(s.text(1)), subjectKey(s.text(2))});
    std::vector<RowId> out;
    for (const Known& k : subjects)
        if (k.name == key)
            out.push_back(k.id);
    if (out.empty())
        for (const Known& k : subjects)
            if (!k.code.isEmpty() && k.code == key)
                out.push_back(k.id);
    if (!out.empty())
        return out;
    for (const QStringList& kind : subjectKinds()) {
        if (!kind.contains(key))
            continue;
        for (const Known& k : subjects)
            if (kind.contains(k.name) || (!k.code.isEmpty() && kind.contains(k.code)))
                out.push_back(k.id);
    }
    return out;
}

} // namespace waymark::commentbank
