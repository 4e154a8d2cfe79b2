#include "storage/database.h"
#include "storage/hlc.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace waymark;

namespace {
int countRows(Database& db, const char* table)
{
    auto s = db.prepare(std::string("SELECT count(*) FROM ") + table);
    s.step();
    return s.integer(0);
}
QString pragmaText(Database& db, const char* pragma)
{
    auto s = db.prepare(std::string("PRAGMA ") + pragma);
    s.step();
    return s.text(0);
}
} // namespace

TEST_CASE("A new school file is identified, versioned and configured for safety")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    auto db = Database::create(path);
    CHECK(pragmaText(*db, "application_id").toInt() == Database::kApplicationId);
    CHECK(db->schemaVersion() >= 1);
    CHECK(pragmaText(*db, "journal_mode") == QStringLiteral("wal"));
    CHECK(pragmaText(*db, "synchronous") == QStringLiteral("2")); // FULL
    CHECK(pragmaText(*db, "foreign_keys") == QStringLiteral("1"));
    CHECK_FALSE(db->deviceId().isEmpty());
    CHECK_FALSE(db->isReadOnly());
}

TEST_CASE("Foreign keys are enforced")
{
    auto db = Database::openInMemory();
    Transaction tx(*db);
    REQUIRE_THROWS_AS(db->exec("INSERT INTO group_member(uuid, hlc, origin, group_id, pupil_id) "
                               "VALUES ('x', 1, 'd', 999, 999)"),
                      StorageError);
}

TEST_CASE("A transaction rolls back unless committed, and nests as savepoints")
{
    auto db = Database::openInMemory();
    auto insertStaff = [&](const char* name) {
        db->prepare("INSERT INTO staff(uuid, hlc, origin, display_name) VALUES (?1, 1, 'd', ?1)").bindAll(name).run();
    };
    {
        Transaction tx(*db);
        insertStaff("a");
    }
    CHECK(countRows(*db, "staff") == 0);
    {
        Transaction outer(*db);
        insertStaff("b");
        {
            Transaction inner(*db);
            insertStaff("c");
        } // inner rolled back only
        outer.commit();
    }
    CHECK(countRows(*db, "staff") == 1);
}

TEST_CASE("Committed changes reach listeners; rolled-back ones do not")
{
    auto db = Database::openInMemory();
    std::vector<Database::Change> seen;
    db->addChangeListener([&](const std::vector<Database::Change>& c) { seen.insert(seen.end(), c.begin(), c.end()); });
    {
        Transaction tx(*db);
        db->exec("INSERT INTO subject(uuid, hlc, origin, name) VALUES ('s1', 1, 'd', 'Maths')");
    }
    CHECK(seen.empty());
    {
        Transaction tx(*db);
        db->exec("INSERT INTO subject(uuid, hlc, origin, name) VALUES ('s2', 1, 'd', 'Art')");
        tx.commit();
    }
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].table == "subject");
}

TEST_CASE("The hybrid clock never runs backwards and orders by wall time first")
{
    qint64 wall = 1'000'000;
    HybridClock clock([&] { return wall; });
    const auto a = clock.now();
    const auto b = clock.now();
    CHECK(b > a);
    CHECK(HybridClock::milliseconds(b) == 1'000'000);
    CHECK(HybridClock::counter(b) == 1);
    wall = 500; // the wall clock jumps back
    const auto c = clock.now();
    CHECK(c > b);
    wall = 2'000'000;
    const auto d = clock.now();
    CHECK(HybridClock::milliseconds(d) == 2'000'000);
    CHECK(HybridClock::counter(d) == 0);
    clock.observe(HybridClock::make(3'000'000, 5));
    CHECK(clock.now() == HybridClock::make(3'000'000, 6));
}

TEST_CASE("The clock's position survives closing and reopening the file")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("s.waymark"));
    qint64 last = 0;
    {
        auto db = Database::create(path);
        db->clock().observe(HybridClock::make(HybridClock::systemMilliseconds() + 3'600'000, 0)); // an hour ahead
        Transaction tx(*db);
        last = db->nextStamp();
        db->exec("INSERT INTO subject(uuid, hlc, origin, name) VALUES ('s', 1, 'd', 'x')");
        tx.commit();
    }
    auto db = Database::open(path);
    CHECK(db->nextStamp() > last);
}

TEST_CASE("A write cannot hide inside a read transaction")
{
    auto db = Database::openInMemory();
    Transaction read(*db, Transaction::Kind::Read);
    CHECK_THROWS_AS(Transaction(*db, Transaction::Kind::Write), StorageError);
}

TEST_CASE("Changes made in a savepoint that rolls back are not announced")
{
    auto db = Database::openInMemory();
    std::vector<Database::Change> seen;
    db->addChangeListener([&](const std::vector<Database::Change>& c) { seen.insert(seen.end(), c.begin(), c.end()); });
    {
        Transaction outer(*db);
        db->exec("INSERT INTO subject(uuid, hlc, origin, name) VALUES ('kept', 1, 'd', 'Maths')");
        {
            Transaction inner(*db);
            db->exec("INSERT INTO subject(uuid, hlc, origin, name) VALUES ('dropped', 1, 'd', 'Art')");
        }
        outer.commit();
    }
    CHECK(seen.size() == 1);
    CHECK(countRows(*db, "subject") == 1);
}

TEST_CASE("A listener that throws does not make a committed write look failed")
{
    auto db = Database::openInMemory();
    db->addChangeListener([](const std::vector<Database::Change>&) { throw std::runtime_error("listener broke"); });
    Transaction tx(*db);
    db->exec("INSERT INTO subject(uuid, hlc, origin, name) VALUES ('s', 1, 'd', 'Maths')");
    CHECK_NOTHROW(tx.commit());
    CHECK(countRows(*db, "subject") == 1);
}

TEST_CASE("Two connections to one file never hand out a lower stamp after a higher one")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("s.waymark"));
    Database::create(path);
    auto a = Database::open(path);
    auto b = Database::open(path);
    a->clock().observe(HybridClock::make(HybridClock::systemMilliseconds() + 60'000, 0)); // a runs ahead
    qint64 stampA = 0;
    {
        Transaction tx(*a);
        stampA = a->nextStamp();
        tx.commit();
    }
    Transaction tx(*b);
    CHECK(b->nextStamp() > stampA);
}

TEST_CASE("prepare() refuses a second statement it would silently skip")
{
    auto db = Database::openInMemory();
    CHECK_THROWS_AS(db->prepare("SELECT 1; SELECT 2"), StorageError);
    CHECK_NOTHROW(db->prepare("SELECT 1;"));
}

TEST_CASE("The same statement can be used while an earlier use is still stepping")
{
    auto db = Database::openInMemory();
    auto outer = db->prepare("SELECT code FROM scale ORDER BY id");
    int rows = 0;
    while (outer.step()) {
        auto inner = db->prepare("SELECT code FROM scale ORDER BY id");
        REQUIRE(inner.step());
        ++rows;
    }
    CHECK(rows > 3);
}

TEST_CASE("Shared records cannot be hard-deleted")
{
    auto db = Database::openInMemory();
    Transaction tx(*db);
    db->exec("INSERT INTO subject(uuid, hlc, origin, name) VALUES ('s', 1, 'd', 'Maths')");
    CHECK_THROWS_AS(db->exec("DELETE FROM subject"), StorageError);
}
