#include "demo/demogenerator.h"

#include "demo/demobuilder.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>

namespace waymark {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DemoGenerator)
};

constexpr int kMaxPupils = 10'000;
constexpr int kMaxYears = 10;

int scalarPragma(Database& db, const char* sql)
{
    auto s = db.prepare(sql);
    return s.step() ? s.integer(0) : 0;
}

// While the school is generated: durability off (the file is new), a large page cache, and
// foreign keys checked once over the whole file at the end instead of on every row (a fifth of the
// time otherwise). All put back whatever happens. SQLite only lets the sync level and foreign keys
// change outside a transaction, so inside a caller's transaction everything stays as it is.
class BulkLoading
{
public:
    explicit BulkLoading(Database& db)
        : db_(db)
        , active_(!db.inTransaction())
        , cacheSize_(scalarPragma(db, "PRAGMA cache_size"))
        , foreignKeys_(scalarPragma(db, "PRAGMA foreign_keys") != 0)
    {
        if (!active_)
            return;
        db_.setBulkLoading(true);
        db_.exec("PRAGMA cache_size = -262144"); // 256 MiB
        db_.exec("PRAGMA foreign_keys = OFF");
    }
    ~BulkLoading()
    {
        if (!active_)
            return;
        try {
            db_.exec(foreignKeys_ ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
            db_.exec("PRAGMA cache_size = " + std::to_string(cacheSize_));
            db_.setBulkLoading(false);
        } catch (const StorageError&) {
            // The generated rows are committed or rolled back already. Not expected: these pragmas
            // only fail inside a transaction, and there is none now.
        }
    }
    BulkLoading(const BulkLoading&) = delete;
    BulkLoading& operator=(const BulkLoading&) = delete;

    // The check the connection skipped, over every table at once.
    void checkForeignKeys()
    {
        if (!active_ || !foreignKeys_)
            return;
        auto s = db_.prepare("PRAGMA foreign_key_check");
        if (s.step())
            throw StorageError(StorageError::Kind::Other,
                               Tr::tr("The demo school could not be made: some of its records in “%1” did not link "
                                      "up. Nothing was saved.")
                                   .arg(s.text(0)));
    }

private:
    Database& db_;
    bool active_;
    int cacheSize_;
    bool foreignKeys_;
};

void checkOptions(Database& db, const DemoOptions& options)
{
    if (options.pupils < 0 || options.pupils > kMaxPupils)
        throw StorageError(StorageError::Kind::Invalid,
                           Tr::tr("A demo school can have from 0 to %1 pupils.").arg(QLocale().toString(kMaxPupils)));
    if (options.years < 1 || options.years > kMaxYears)
        throw StorageError(StorageError::Kind::Invalid,
                           Tr::tr("A demo school can have from 1 to %1 years of history.").arg(kMaxYears));
    if (!options.today.isValid() || options.today.year() < 1700 || options.today.year() > 9000)
        throw StorageError(StorageError::Kind::Invalid, Tr::tr("The demo school needs a sensible date for today."));
    auto s = db.prepare("SELECT (SELECT count(*) FROM school) + (SELECT count(*) FROM pupil)");
    if (s.step() && s.int64(0) > 0)
        throw StorageError(StorageError::Kind::Invalid,
                           Tr::tr("Demo data can only go into a new, empty school file, so nothing was added. "
                                  "Create a new file for the demo school."));
}

} // namespace

void generateDemoSchool(Database& db, const DemoOptions& options)
{
    checkOptions(db, options);
    BulkLoading bulk(db);
    Transaction tx(db);
    demo::Builder(db, options).run();
    bulk.checkForeignKeys();
    tx.commit();
}

} // namespace waymark
