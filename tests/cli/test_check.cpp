// checkFile(), checkDatabase() and statistics() on real files made for each case.
#include "maintenance/maintenance.h"
#include "qtstringmaker.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <catch2/catch.hpp>

#include <map>

using namespace waymark;

namespace {
void addAttachment(Database& db, const QByteArray& data, const QByteArray& claimedSha = {})
{
    const QString sha = QString::fromLatin1(
        claimedSha.isEmpty() ? QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex() : claimedSha);
    db.prepare("INSERT INTO attachment(sha256, size, media_type, data) VALUES (?1, ?2, 'image/png', ?3)")
        .bindAll(sha, qint64(data.size()), data)
        .run();
}

std::map<QString, qint64> asMap(const std::vector<std::pair<QString, qint64>>& counts)
{
    return {counts.begin(), counts.end()};
}
} // namespace

TEST_CASE("A new school file checks sound at the current schema version")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    Database::create(path);
    const QByteArray before = test::sha256Of(path);
    const CheckReport report = checkFile(path);
    CHECK(report.ok());
    CHECK(report.problems.isEmpty());
    CHECK(report.warnings.isEmpty());
    CHECK(report.schemaVersion == Migrations::currentVersion());
    CHECK(test::sha256Of(path) == before);
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("school.waymark")});
}

TEST_CASE("checkFile leaves the -wal and -shm of a file that is open elsewhere alone")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    auto app = Database::create(path); // as if Waymark had it open
    app->exec("INSERT INTO subject(uuid, hlc, origin, name) VALUES ('s', 1, 'd', 'Art')");
    REQUIRE(QFile::exists(path + QStringLiteral("-wal")));
    CHECK(checkFile(path).ok());
    CHECK(QFile::exists(path + QStringLiteral("-wal")));
    CHECK(QFile::exists(path + QStringLiteral("-shm")));
    app->exec("INSERT INTO subject(uuid, hlc, origin, name) VALUES ('t', 1, 'd', 'Music')"); // still works
    CHECK(asMap(statistics(*app))[QStringLiteral("subjects")] == 2);
}

TEST_CASE("checkDatabase reports broken links, one line per kind")
{
    auto db = Database::openInMemory();
    db->exec("PRAGMA foreign_keys = OFF");
    db->exec("INSERT INTO group_member(uuid, hlc, origin, group_id, pupil_id) VALUES ('m1', 1, 'd', 41, 42), "
             "('m2', 1, 'd', 43, 44)");
    db->exec("PRAGMA foreign_keys = ON");
    const CheckReport report = checkDatabase(*db);
    CHECK_FALSE(report.ok());
    // Each row breaks two links (its group and its pupil): two lines, each counting both rows.
    REQUIRE(report.problems.size() == 2);
    CHECK(report.problems.contains(
        QStringLiteral("Records in “group_member” point to a missing record in “pupil” (2 of them).")));
    CHECK(report.problems.contains(
        QStringLiteral("Records in “group_member” point to a missing record in “pupil_group” (2 of them).")));
}

TEST_CASE("checkDatabase finds an attachment whose contents no longer match their SHA-256")
{
    auto db = Database::openInMemory();
    const QByteArray big(300 * 1024, 'x'); // several read chunks
    addAttachment(*db, big);
    addAttachment(*db, "a photo of the work");
    CHECK(checkDatabase(*db).ok());
    addAttachment(*db, "tampered", QByteArray(64, 'a'));
    const CheckReport report = checkDatabase(*db);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems.first().contains(QStringLiteral("aaaaaaaaaaaa is damaged")));
}

TEST_CASE("An invalid UPN is a warning, not a problem, and deleted pupils are not checked")
{
    auto db = Database::openInMemory();
    db->exec("INSERT INTO pupil(uuid, hlc, origin, upn, legal_given_name, legal_family_name, deleted) VALUES "
             "('p1', 1, 'd', 'A801200005001', 'Ada', 'Lovelace', 0), "
             "('p2', 1, 'd', 'B80120000500', 'Alan', 'Turing', 1)");
    const CheckReport report = checkDatabase(*db);
    CHECK(report.ok());
    REQUIRE(report.warnings.size() == 1);
    CHECK(
        report.warnings.first().startsWith(QStringLiteral("Ada Lovelace has a UPN that is not valid (A801200005001)")));
}

TEST_CASE("checkFile turns a file that cannot be opened into one problem")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("notes.waymark"));
    test::writeAll(path, QByteArray("not a database").repeated(100));
    const CheckReport report = checkFile(path);
    CHECK_FALSE(report.ok());
    CHECK(report.problems.size() == 1);
    CHECK(report.schemaVersion == 0);
    CHECK(report.problems.first().contains(QStringLiteral("not a database")));
}

TEST_CASE("statistics counts live rows under stable keys, in a fixed order")
{
    auto db = Database::openInMemory();
    {
        Transaction tx(*db);
        db->exec("INSERT INTO subject(uuid, hlc, origin, name) VALUES ('s1', 1, 'd', 'Maths'), ('s2', 1, 'd', 'Art')");
        db->exec("INSERT INTO pupil(uuid, hlc, origin, legal_given_name, legal_family_name) VALUES "
                 "('p1', 1, 'd', 'Ada', 'L'), ('p2', 1, 'd', 'Alan', 'T'), ('p3', 1, 'd', 'Grace', 'H')");
        db->exec("UPDATE pupil SET deleted = 1, hlc = 2 WHERE uuid = 'p3'");
        db->exec("UPDATE subject SET name = 'Mathematics', hlc = 2 WHERE uuid = 's1'");
        addAttachment(*db, "one");
        addAttachment(*db, "two");
        tx.commit();
    }
    const auto counts = statistics(*db);
    QStringList keys;
    for (const auto& [key, count] : counts)
        keys << key;
    CHECK(keys == QStringList({QStringLiteral("school"),
                               QStringLiteral("staff"),
                               QStringLiteral("subjects"),
                               QStringLiteral("pupils"),
                               QStringLiteral("groups"),
                               QStringLiteral("group_members"),
                               QStringLiteral("learning_plans"),
                               QStringLiteral("targets"),
                               QStringLiteral("reviews"),
                               QStringLiteral("review_outcomes"),
                               QStringLiteral("scales"),
                               QStringLiteral("rungs"),
                               QStringLiteral("tasks"),
                               QStringLiteral("success_criteria"),
                               QStringLiteral("evidence"),
                               QStringLiteral("criterion_judgements"),
                               QStringLiteral("feedback"),
                               QStringLiteral("attachments"),
                               QStringLiteral("evidence_attachments"),
                               QStringLiteral("comment_bank"),
                               QStringLiteral("calendar_half_terms"),
                               QStringLiteral("calendar_closures"),
                               QStringLiteral("mis_identities"),
                               QStringLiteral("pupil_periods"),
                               QStringLiteral("criterion_assessments"),
                               QStringLiteral("task_feedback"),
                               QStringLiteral("history")}));
    auto map = asMap(counts);
    CHECK(map[QStringLiteral("pupils")] == 2);
    CHECK(map[QStringLiteral("subjects")] == 2);
    CHECK(map[QStringLiteral("attachments")] == 2);
    CHECK(map[QStringLiteral("history")] == 2); // the deleted pupil's and the renamed subject's old rows
    CHECK(map[QStringLiteral("staff")] == 0);
}
