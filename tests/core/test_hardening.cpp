// Every connection Waymark opens is hardened (storage/connection.h): what a crafted school file or a
// statement built from one could reach is switched off, and Waymark's own schema still works.
#include "maintenance/maintenance.h"
#include "storage/connection.h"
#include "storage/database.h"
#include "storage/schemacheck.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <QFile>

#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace waymark;

namespace {
// SQLite's own verdict on a statement: SQLITE_OK, or the error it gives.
int run(Database& db, const char* sql)
{
    return sqlite3_exec(db.handle(), sql, nullptr, nullptr, nullptr);
}

int pragma(Database& db, const char* sql)
{
    auto s = db.prepare(sql);
    REQUIRE(s.step());
    return s.integer(0);
}
} // namespace

TEST_CASE("A school connection refuses ATTACH, extensions, the FTS3 tokenizer, views and writable_schema")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    const QString other = dir.path(QStringLiteral("other.waymark"));
    Database::create(other).reset();
    const QByteArray otherBefore = test::sha256Of(other);

    for (const bool readOnly : {false, true}) {
        INFO("read-only " << readOnly);
        if (!QFile::exists(path))
            Database::create(path).reset();
        auto db = Database::open(path, {.readOnly = readOnly});
        const std::string attach = "ATTACH '" + other.toStdString() + "' AS o";
        CHECK(run(*db, attach.c_str()) != SQLITE_OK);
        CHECK(run(*db, "SELECT load_extension('/nowhere/evil.so')") != SQLITE_OK);
        CHECK(run(*db, "SELECT fts3_tokenizer('simple', x'4141414141414141')") != SQLITE_OK);
        CHECK(run(*db, "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'x'") != SQLITE_OK);
        CHECK(pragma(*db, "PRAGMA trusted_schema") == 0);
        for (const int option : {SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER,
                                 SQLITE_DBCONFIG_ENABLE_VIEW, SQLITE_DBCONFIG_TRUSTED_SCHEMA, SQLITE_DBCONFIG_DQS_DML}) {
            int value = -1;
            sqlite3_db_config(db->handle(), option, -1, &value);
            CHECK(value == 0);
        }
        int defensive = -1;
        sqlite3_db_config(db->handle(), SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
        CHECK(defensive == 1);
        CHECK(pragma(*db, "PRAGMA cell_size_check") == 1);
        CHECK(sqlite3_limit(db->handle(), SQLITE_LIMIT_ATTACHED, -1) == 0);
        CHECK(sqlite3_limit(db->handle(), SQLITE_LIMIT_LENGTH, -1) == connection::kMaxValueBytes);
        CHECK(sqlite3_limit(db->handle(), SQLITE_LIMIT_SQL_LENGTH, -1) == connection::kMaxSqlBytes);
        // Double-quoted text is a name, never a string.
        CHECK(run(*db, "SELECT \"not a column\"") != SQLITE_OK);
    }
    CHECK(test::sha256Of(other) == otherBefore);
    CHECK(checkFile(path).ok());
}

TEST_CASE("Views cannot be read through a school connection, and triggers run only where it writes")
{
    auto db = Database::openInMemory();
    // (SQLite still allows TEMP views, which only the connection itself can make.)
    CHECK(run(*db, "CREATE VIEW v AS SELECT * FROM subject") == SQLITE_OK);
    CHECK(run(*db, "SELECT * FROM v") != SQLITE_OK);
    int enabled = -1;
    sqlite3_db_config(db->handle(), SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &enabled);
    CHECK(enabled == 1);

    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    Database::create(path).reset();
    auto readOnly = Database::open(path, {.readOnly = true});
    sqlite3_db_config(readOnly->handle(), SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &enabled);
    CHECK(enabled == 0);
}

TEST_CASE("Waymark's history triggers still work with an untrusted schema, and give SQLite's own JSON")
{
    auto db = Database::openInMemory();
    Transaction tx(*db);
    db->exec(
        "INSERT INTO subject(uuid, hlc, origin, name, code) VALUES ('u1', 65536, 'here', 'Art \"&\" Design', 'AD')");
    db->exec("UPDATE subject SET name = 'Art', hlc = 131072 WHERE uuid = 'u1'");
    tx.commit();
    auto s = db->prepare("SELECT old_row, json_object('id', 1, 'name', 'Art \"&\" Design', 'n', NULL, 'r', 1.5) "
                         "FROM history WHERE entity_uuid = 'u1'");
    REQUIRE(s.step());
    CHECK(s.text(0).contains(QStringLiteral("\"name\":\"Art \\\"&\\\" Design\"")));
    CHECK(s.text(0).contains(QStringLiteral("\"code\":\"AD\"")));
    CHECK(s.text(1) == QStringLiteral("{\"id\":1,\"name\":\"Art \\\"&\\\" Design\",\"n\":null,\"r\":1.5}"));
}

TEST_CASE("The reference schema is what the migrations make, and a fresh school matches it exactly")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    auto db = Database::create(path);
    CHECK(schema::differences(*db, db->schemaVersion()).isEmpty());
    // Every shared table has its history and keep triggers in the reference, and nothing else does.
    int triggers = 0;
    for (const schema::Object& o : schema::expected(db->schemaVersion()))
        triggers += o.type == "trigger";
    CHECK(triggers >= 40);
    CHECK(schema::expected(0).empty());
    CHECK_THROWS_AS(schema::expected(99), StorageError);
    // A trigger added afterwards is named.
    db->exec("CREATE TRIGGER sneaky AFTER INSERT ON staff BEGIN SELECT 1; END");
    const schema::Differences found = schema::differences(*db, db->schemaVersion());
    CHECK(found.sentences == QStringList{QStringLiteral("It has a trigger “sneaky” that Waymark did not make.")});
    CHECK_FALSE(found.tablesDiffer); // a trigger alone: the tables can still be read, read-only
    db->exec("CREATE INDEX extra ON staff(email)");
    CHECK(schema::differences(*db, db->schemaVersion()).tablesDiffer);
}

TEST_CASE("Names from a file are shown short and without control or direction characters")
{
    CHECK(schema::displayName(QStringLiteral("evil\nname\u202Egnp.exe")) ==
          QStringLiteral("evil\uFFFDname\uFFFDgnp.exe"));
    CHECK(schema::displayName(QString(500, QLatin1Char('z'))).size() == 61);
}
