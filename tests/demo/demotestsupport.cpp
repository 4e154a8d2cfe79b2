#include "demotestsupport.h"

#include <QCryptographicHash>

#include <string>
#include <vector>

namespace waymark::test {

DemoOptions demoOptions(int pupils, int years, quint64 seed)
{
    DemoOptions options;
    options.pupils = pupils;
    options.years = years;
    options.seed = seed;
    options.today = kDemoToday;
    return options;
}

std::unique_ptr<Database> generatedSchool(const QString& path, const DemoOptions& options)
{
    auto db = Database::create(path);
    generateDemoSchool(*db, options);
    return db;
}

qint64 scalar(Database& db, const std::string& sql)
{
    auto s = db.prepare(sql);
    return s.step() ? s.int64(0) : -1;
}

QByteArray contentDigest(Database& db)
{
    std::vector<std::string> tables;
    {
        auto s = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                            "ORDER BY name");
        while (s.step())
            tables.push_back(s.text(0).toStdString());
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const std::string& table : tables) {
        std::string row;
        bool hasId = false;
        {
            auto cols = db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
            cols.bindAll(table);
            while (cols.step()) {
                const std::string col = cols.text(0).toStdString();
                hasId = hasId || col == "id";
                row += (row.empty() ? "" : " || '|' || ") + ("quote(\"" + col + "\")");
            }
        }
        const std::string order = hasId             ? " ORDER BY id"
                                  : table == "meta" ? " WHERE key NOT IN ('device_id', 'created_at') ORDER BY 1"
                                                    : " ORDER BY 1";
        hash.addData(QByteArrayView(table.data(), qsizetype(table.size())));
        auto rows = db.prepare("SELECT " + row + " FROM \"" + table + "\"" + order);
        while (rows.step())
            hash.addData(rows.text(0).toUtf8().append('\n'));
    }
    return hash.result().toHex();
}

} // namespace waymark::test
