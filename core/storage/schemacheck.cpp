#include "storage/schemacheck.h"

#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/storageerror.h"

#include <QCoreApplication>

#include <map>
#include <mutex>

namespace waymark::schema {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SchemaCheck)
};

std::vector<Object> readSchema(Database& db)
{
    std::vector<Object> objects;
    auto stmt = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name");
    while (stmt.step())
        objects.push_back({stmt.text(0).toStdString(), stmt.text(1).toStdString(), stmt.text(2).toStdString(),
                           stmt.text(3).toStdString()});
    return objects;
}

// Long lists help nobody: the first few and a count do.
constexpr int kMaxListed = 20;

QString extraSentence(const Object& o)
{
    const QString name = displayName(QString::fromStdString(o.name));
    if (o.type == "trigger")
        return Tr::tr("It has a trigger “%1” that Waymark did not make.").arg(name);
    if (o.type == "view")
        return Tr::tr("It has a view “%1” that Waymark did not make.").arg(name);
    if (o.type == "index")
        return Tr::tr("It has an index “%1” that Waymark did not make.").arg(name);
    if (o.type == "table")
        return Tr::tr("It has a table “%1” that Waymark did not make.").arg(name);
    return Tr::tr("It has a schema entry “%1” of an unknown kind.").arg(name);
}

QString missingSentence(const Object& o)
{
    const QString name = displayName(QString::fromStdString(o.name));
    if (o.type == "trigger")
        return Tr::tr("Waymark's trigger “%1” is missing.").arg(name);
    if (o.type == "index")
        return Tr::tr("Waymark's index “%1” is missing.").arg(name);
    return Tr::tr("Waymark's table “%1” is missing.").arg(name);
}

QString changedSentence(const Object& o)
{
    const QString name = displayName(QString::fromStdString(o.name));
    if (o.type == "trigger")
        return Tr::tr("Waymark's trigger “%1” has been changed.").arg(name);
    if (o.type == "index")
        return Tr::tr("Waymark's index “%1” has been changed.").arg(name);
    return Tr::tr("Waymark's table “%1” has been changed.").arg(name);
}
} // namespace

const std::vector<Object>& expected(int version)
{
    static std::mutex mutex;
    static std::map<int, std::vector<Object>> cache; // nodes never move, so references stay valid
    const std::lock_guard lock(mutex);
    if (auto it = cache.find(version); it != cache.end())
        return it->second;
    if (version < 0 || version > Migrations::currentVersion())
        throw StorageError(StorageError::Kind::Invalid,
                           QStringLiteral("There is no Waymark schema version %1.").arg(version));
    auto scratch = Database::openScratch();
    Migrations::buildReference(*scratch, version);
    return cache.emplace(version, readSchema(*scratch)).first->second;
}

Differences differences(Database& db, int version)
{
    const std::vector<Object>& want = expected(version);
    const std::vector<Object> have = readSchema(db);
    using Key = std::pair<std::string, std::string>;
    std::map<Key, const Object*> wanted;
    for (const Object& o : want)
        wanted.emplace(Key{o.type, o.name}, &o);

    Differences found;
    int seen = 0;
    const auto add = [&](const Object& o, const QString& sentence) {
        if (o.type != "trigger" && o.type != "view")
            found.tablesDiffer = true;
        if (++seen <= kMaxListed)
            found.sentences << sentence;
    };
    std::map<Key, bool> present;
    for (const Object& o : have) {
        const auto it = wanted.find({o.type, o.name});
        if (it == wanted.end()) {
            add(o, extraSentence(o));
            continue;
        }
        present[it->first] = true;
        if (!(*it->second == o))
            add(o, changedSentence(o));
    }
    for (const Object& o : want) {
        if (!present.count({o.type, o.name}))
            add(o, missingSentence(o));
    }
    // Two tables or indexes reading the same pages would show one's rows as the other's.
    auto shared = db.prepare("SELECT count(*) FROM (SELECT rootpage FROM sqlite_schema WHERE rootpage > 0 "
                             "GROUP BY rootpage HAVING count(*) > 1)");
    if (shared.step() && shared.integer(0) > 0) {
        found.tablesDiffer = true;
        found.sentences << Tr::tr("Some of its tables or indexes share their storage with others.");
    }
    if (seen > kMaxListed)
        found.sentences << Tr::tr("And %1 more differences not listed here.").arg(seen - kMaxListed);
    return found;
}

QString displayName(const QString& name, int limit)
{
    QString shown;
    shown.reserve(qMin(name.size(), qsizetype(limit) + 1));
    for (const QChar c : name) {
        if (shown.size() >= limit && !c.isLowSurrogate()) {
            shown += QChar(0x2026);
            break;
        }
        const auto category = c.category();
        const bool hidden = category == QChar::Other_Control || category == QChar::Other_Format ||
                            category == QChar::Separator_Line || category == QChar::Separator_Paragraph;
        shown += hidden ? QChar(0xFFFD) : c;
    }
    return shown;
}

} // namespace waymark::schema
