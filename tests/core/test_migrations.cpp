#include "domain/builtinscales.h"
#include "maintenance/maintenance.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {
int scalar(Database& db, const std::string& sql)
{
    auto s = db.prepare(sql);
    s.step();
    return s.integer(0);
}
} // namespace

TEST_CASE("Migrations bring an empty file to the current version and seed the built-in ladders")
{
    auto db = Database::openInMemory();
    CHECK(db->schemaVersion() == Migrations::currentVersion());
    CHECK(scalar(*db, "SELECT count(*) FROM scale WHERE builtin = 1") == int(builtinScales().size()));
    CHECK(scalar(*db, "SELECT count(*) FROM rung r JOIN scale s ON s.id = r.scale_id WHERE s.code = 'gcse'") == 10);
    auto s = db->prepare("SELECT uuid FROM scale WHERE code = 'gcse'");
    REQUIRE(s.step());
    CHECK(s.uuid(0) == builtinScaleUuid(QStringLiteral("gcse")));
}

TEST_CASE("Every shared table has the entity columns and a history trigger")
{
    auto db = Database::openInMemory();
    auto tables = db->prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN "
                              "(SELECT m.name FROM sqlite_schema m, pragma_table_info(m.name) p WHERE p.name = 'uuid')");
    int shared = 0;
    while (tables.step()) {
        ++shared;
        const std::string table = tables.text(0).toStdString();
        INFO(table);
        for (const char* col : {"uuid", "hlc", "origin", "deleted"})
            CHECK(scalar(*db, "SELECT count(*) FROM pragma_table_info('" + table + "') WHERE name = '" + col + "'") == 1);
        CHECK(scalar(*db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'history_" + table +
                              "'") == 1);
    }
    CHECK(shared >= 20);
}

TEST_CASE("A failing migration step leaves the file at its previous version")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("s.waymark"));
    auto db = Database::create(path);
    const int version = db->schemaVersion();
    // Simulate a half-applied step: the transaction rolls back both the change and the version bump.
    try {
        Transaction tx(*db);
        db->exec("CREATE TABLE half_done(x)");
        db->exec("PRAGMA user_version = " + std::to_string(version + 1));
        db->exec("THIS IS NOT SQL");
        tx.commit();
    } catch (const StorageError&) {
    }
    CHECK(db->schemaVersion() == version);
    CHECK(scalar(*db, "SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'") == 0);
}

TEST_CASE("Fixtures of every earlier schema version migrate to the current one")
{
    // tests/fixtures/schema/v<N>.waymark holds a file as version N wrote it, with some data in it.
    const QDir fixtures(test::fixturePath(QStringLiteral("schema")));
    const QStringList files = fixtures.entryList({QStringLiteral("v*.waymark")}, QDir::Files, QDir::Name);
    REQUIRE_FALSE(files.isEmpty());
    for (const QString& name : files) {
        INFO(name.toStdString());
        test::TempDir dir;
        const QString copy = dir.path(name);
        REQUIRE(QFile::copy(fixtures.filePath(name), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        auto db = Database::open(copy);
        CHECK(db->schemaVersion() == Migrations::currentVersion());
        CHECK(scalar(*db, "SELECT count(*) FROM pupil") > 0);
        // Version 2's indexes for whole-school questions, whatever version the file started at.
        CHECK(scalar(*db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN "
                          "('review_last_held', 'target_active', 'evidence_live')") == 3);
        auto check = db->prepare("PRAGMA integrity_check");
        REQUIRE(check.step());
        CHECK(check.text(0) == QStringLiteral("ok"));
        CHECK_FALSE(db->prepare("PRAGMA foreign_key_check").step());
    }
}

TEST_CASE("An older file that cannot be written opens read-only only when the versions since add indexes alone")
{
    CHECK_FALSE(Migrations::readableUnmigrated(0)); // an empty file has no tables to read
    CHECK_FALSE(Migrations::readableUnmigrated(1)); // version 3 adds a column and a table
    CHECK_FALSE(Migrations::readableUnmigrated(2));
    CHECK_FALSE(Migrations::readableUnmigrated(3)); // version 4 adds a table
    CHECK_FALSE(Migrations::readableUnmigrated(4)); // version 5 adds columns and tables
    CHECK_FALSE(Migrations::readableUnmigrated(5)); // version 6 adds the search indexes (tables)
    CHECK(Migrations::readableUnmigrated(Migrations::currentVersion()));

    for (const QString& name : {QStringLiteral("v1.waymark"), QStringLiteral("v2.waymark"), QStringLiteral("v3.waymark"),
                               QStringLiteral("v4.waymark"), QStringLiteral("v5.waymark")}) {
        INFO(name.toStdString());
        test::TempDir dir;
        const QString copy = dir.path(name);
        REQUIRE(QFile::copy(test::fixturePath(QStringLiteral("schema/") + name), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        test::ReadOnlyGuard guard(copy);
        if (!guard.ok())
            WAYMARK_SKIP("cannot make a read-only file on this file system");
        const QByteArray before = test::sha256Of(copy);
        try {
            Database::open(copy);
            FAIL("an older file that needs updating was opened read-only, unmigrated");
        } catch (const StorageError& e) {
            CHECK(e.kind() == StorageError::Kind::ReadOnly);
            CHECK(e.message().contains(QStringLiteral("needs updating")));
            CHECK(e.message().contains(QStringLiteral("Copy it to a folder you can write to")));
        }
        CHECK(test::sha256Of(copy) == before);
    }
}

TEST_CASE("Older files are read through an updated private copy by the read-only commands, and left as they were")
{
    for (const QString& name : {QStringLiteral("v1.waymark"), QStringLiteral("v2.waymark"), QStringLiteral("v3.waymark"),
                               QStringLiteral("v4.waymark"), QStringLiteral("v5.waymark")}) {
        INFO(name.toStdString());
        test::TempDir dir;
        const QString copy = dir.path(name);
        REQUIRE(QFile::copy(test::fixturePath(QStringLiteral("schema/") + name), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        const QByteArray before = test::sha256Of(copy);
        {
            ReadOnlyVisit visit(copy);
            CHECK(visit.db().schemaVersion() == Migrations::currentVersion());
            CHECK(scalar(visit.db(), "SELECT count(*) FROM pupil") > 0);
            CHECK(visit.notice().contains(QStringLiteral("older version")));
        }
        CHECK(test::sha256Of(copy) == before);
        CHECK_FALSE(QFileInfo::exists(copy + QStringLiteral("-wal")));
    }
}
