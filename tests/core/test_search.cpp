// Full-text search (schema version 6): the indexes follow every insert, edit, tombstone and undelete
// in the same commit, accents are ignored, words match as prefixes, and no teacher's words can make
// an FTS5 syntax error. Real school files, written through the repositories and services.
#include "domain/entities.h"
#include "queries/search.h"
#include "repo/repository.h"
#include "services/pupilsetup.h"
#include "services/schoolsetup.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>

#include <sqlite3.h>

#include <catch2/catch.hpp>

using namespace waymark;

namespace {

const QDate kToday(2026, 11, 23);

struct SearchSchool
{
    test::TempDir dir;
    QString path = dir.path(QStringLiteral("school.waymark"));
    std::unique_ptr<Database> db;
    RowId emre = 0;
    RowId jo = 0;

    SearchSchool()
    {
        setup::createSchoolFile(path, QStringLiteral("Oakfield"));
        db = Database::open(path);
        emre = addPupil(QStringLiteral("Emre"), QStringLiteral("Aydın"), QStringLiteral("Em"),
                        QStringLiteral("B801200005001"));
        jo = addPupil(QStringLiteral("Josephine"), QStringLiteral("Patel"), QString(), QStringLiteral("Q801200005002"));
    }
    RowId addPupil(const QString& given, const QString& family, const QString& preferred, const QString& upn)
    {
        setup::NewPupil p;
        p.legalGivenName = given;
        p.legalFamilyName = family;
        p.preferredGivenName = preferred;
        p.upn = upn;
        p.dateOfBirth = QDate(2014, 9, 2);
        p.yearGroup = 7;
        return setup::addPupil(*db, p, kToday);
    }
    // A piece of evidence with a note, and feedback on it when any feedback is given.
    RowId addEvidence(RowId pupil, QDate on, const QString& note, const QString& nextStep = {},
                      const QString& wentWell = {})
    {
        Transaction tx(*db);
        Evidence e;
        e.pupilId = pupil;
        e.kind = EvidenceKind::WorkSample;
        e.recordedOn = on;
        e.note = note;
        const RowId id = Repository<Evidence>(*db).insert(e);
        if (!nextStep.isEmpty() || !wentWell.isEmpty()) {
            Feedback f;
            f.evidenceId = id;
            f.nextStep = nextStep;
            f.whatWentWell = wentWell;
            Repository<Feedback>(*db).insert(f);
        }
        tx.commit();
        return id;
    }
    RowId feedbackOf(RowId evidence) { return Repository<Feedback>(*db).first("evidence_id = ?1", evidence)->id; }
    std::vector<SearchHit> search(const QString& words, int limit = 20) { return searchRecords(*db, words, limit); }
};

// Every (term, row, column, position) an index holds, against what a fresh index of the live rows
// holds: the same, if the index was kept in step.
QStringList instances(Database& db, const std::string& index)
{
    db.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, " + index + ", instance)");
    QStringList out;
    {
        auto s = db.prepare("SELECT term || '|' || doc || '|' || col || '|' || offset FROM temp.vocab ORDER BY 1");
        while (s.step())
            out << s.text(0);
    }
    db.exec("DROP TABLE temp.vocab");
    return out;
}

QStringList freshInstances(Database& db, const std::string& columns, const std::string& table, const std::string& live)
{
    db.exec("CREATE VIRTUAL TABLE temp.fresh USING fts5(" + columns + ", tokenize='unicode61 remove_diacritics 2')");
    db.exec("INSERT INTO temp.fresh(rowid, " + columns + ") SELECT id, " + columns + " FROM " + table + " WHERE " +
            live);
    db.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(temp, fresh, instance)");
    QStringList out;
    {
        auto s = db.prepare("SELECT term || '|' || doc || '|' || col || '|' || offset FROM temp.vocab ORDER BY 1");
        while (s.step())
            out << s.text(0);
    }
    db.exec("DROP TABLE temp.vocab");
    db.exec("DROP TABLE temp.fresh");
    return out;
}

void checkIndexesInStep(Database& db)
{
    CHECK(instances(db, "search_feedback") ==
          freshInstances(db, "what_went_well, even_better_if, next_step, pupil_response", "feedback", "deleted = 0"));
    CHECK(instances(db, "search_evidence") == freshInstances(db, "note", "evidence", "deleted = 0 AND note <> ''"));
    CHECK(instances(db, "search_target") ==
          freshInstances(db, "text, success_measure, support", "target", "deleted = 0"));
    CHECK(instances(db, "search_plan") ==
          freshInstances(db, "strengths, needs, strategies, provision", "learning_plan", "deleted = 0"));
    auto queued = db.prepare("SELECT count(*) FROM search_queue");
    queued.step();
    CHECK(queued.integer(0) == 0);
}

} // namespace

TEST_CASE("Search finds feedback, notes, targets and plans, with who, when and where the words are", "[search]")
{
    SearchSchool s;
    const RowId evidence = s.addEvidence(s.emre, QDate(2026, 11, 2), QStringLiteral("Worked with a partner."),
                                         QStringLiteral("Simplify your fractions before adding them."));
    {
        Transaction tx(*s.db);
        Target t;
        t.pupilId = s.jo;
        t.text = QStringLiteral("Add fractions with different denominators.");
        t.setOn = QDate(2026, 9, 14);
        Repository<Target>(*s.db).insert(t);
        LearningPlan plan;
        plan.pupilId = s.jo;
        plan.strategies = QStringLiteral("Fraction walls on the desk.");
        Repository<LearningPlan>(*s.db).insert(plan);
        tx.commit();
    }

    const std::vector<SearchHit> hits = s.search(QStringLiteral("fraction"));
    REQUIRE(hits.size() == 3);
    const auto feedback =
        std::find_if(hits.begin(), hits.end(), [](const SearchHit& h) { return h.kind == SearchKind::Feedback; });
    REQUIRE(feedback != hits.end());
    CHECK(feedback->pupilId == s.emre);
    CHECK(feedback->pupilName == QStringLiteral("Em Aydın")); // the name they go by
    CHECK(feedback->upn == QStringLiteral("B801200005001"));
    CHECK(feedback->date == QDate(2026, 11, 2));
    CHECK(feedback->evidenceId == evidence);
    CHECK(feedback->rowId == s.feedbackOf(evidence));
    CHECK(feedback->uuid == Repository<Feedback>(*s.db).find(feedback->rowId)->uuid);
    CHECK(searchFieldName(feedback->kind, feedback->field) == QStringLiteral("Next step"));
    CHECK(feedback->snippet == QStringLiteral("Simplify your fractions before adding them."));
    CHECK(feedback->marks == std::vector<SearchMark>{{14, 9}});
    CHECK(feedback->markedSnippet(QStringLiteral("<b>"), QStringLiteral("</b>")) ==
          QStringLiteral("Simplify your <b>fractions</b> before adding them."));

    const auto target =
        std::find_if(hits.begin(), hits.end(), [](const SearchHit& h) { return h.kind == SearchKind::Target; });
    REQUIRE(target != hits.end());
    CHECK(target->pupilName == QStringLiteral("Josephine Patel"));
    CHECK(target->date == QDate(2026, 9, 14));
    CHECK(target->evidenceId == 0);
    const auto plan =
        std::find_if(hits.begin(), hits.end(), [](const SearchHit& h) { return h.kind == SearchKind::Plan; });
    REQUIRE(plan != hits.end());
    CHECK(searchFieldName(plan->kind, plan->field) == QStringLiteral("Strategies that help"));
    CHECK(plan->date.isValid()); // when it was last changed

    const std::vector<SearchHit> note = s.search(QStringLiteral("partner"));
    REQUIRE(note.size() == 1);
    CHECK(note[0].kind == SearchKind::Evidence);
    CHECK(note[0].evidenceId == evidence);
    CHECK(searchFieldName(note[0].kind, note[0].field) == QStringLiteral("Note"));

    // Every word must be found, in any of the record's texts.
    CHECK(s.search(QStringLiteral("fractions denominators")).size() == 1);
    CHECK(s.search(QStringLiteral("fractions partner")).empty());
    CHECK(s.search(QStringLiteral("nothing like this")).empty());
    CHECK(s.search(QStringLiteral("   ")).empty());
    checkIndexesInStep(*s.db);
}

TEST_CASE("The search follows an edit, a tombstone and an undelete, in the same commit", "[search]")
{
    SearchSchool s;
    const RowId evidence = s.addEvidence(s.emre, QDate(2026, 11, 2), QStringLiteral("Quiet in the plenary."),
                                         QStringLiteral("Label the axes of every graph."));
    const RowId feedbackId = s.feedbackOf(evidence);
    Repository<Feedback> feedback(*s.db);
    Repository<Evidence> evidenceRepo(*s.db);
    REQUIRE(s.search(QStringLiteral("axes")).size() == 1);

    SECTION("an edit: the old words are gone and the new ones found")
    {
        Feedback f = *feedback.find(feedbackId);
        f.nextStep = QStringLiteral("Use a ruler for the bar chart.");
        feedback.update(f);
        CHECK(s.search(QStringLiteral("axes")).empty());
        CHECK(s.search(QStringLiteral("ruler")).size() == 1);
        Evidence e = *evidenceRepo.find(evidence);
        e.note = QStringLiteral("Chatty in the starter.");
        evidenceRepo.update(e);
        CHECK(s.search(QStringLiteral("plenary")).empty());
        CHECK(s.search(QStringLiteral("chatty")).size() == 1);
        e.note.clear(); // an empty note is not indexed at all
        evidenceRepo.update(e);
        CHECK(s.search(QStringLiteral("chatty")).empty());
        checkIndexesInStep(*s.db);
    }
    SECTION("a tombstone: gone; taken back: found again")
    {
        feedback.setDeleted(feedbackId, true);
        CHECK(s.search(QStringLiteral("axes")).empty());
        checkIndexesInStep(*s.db);
        feedback.setDeleted(feedbackId, false);
        CHECK(s.search(QStringLiteral("axes")).size() == 1);
        checkIndexesInStep(*s.db);
    }
    SECTION("the evidence or the pupil tombstoned: their feedback is not found either")
    {
        evidenceRepo.setDeleted(evidence, true);
        CHECK(s.search(QStringLiteral("axes")).empty());
        CHECK(s.search(QStringLiteral("plenary")).empty());
        evidenceRepo.setDeleted(evidence, false);
        CHECK(s.search(QStringLiteral("axes")).size() == 1);
        Repository<Pupil>(*s.db).setDeleted(s.emre, true);
        CHECK(s.search(QStringLiteral("axes")).empty());
        checkIndexesInStep(*s.db);
    }
    SECTION("a change rolled back leaves the index as it was")
    {
        {
            Transaction tx(*s.db);
            Feedback f = *feedback.find(feedbackId);
            f.nextStep = QStringLiteral("Something else entirely.");
            feedback.update(f);
        } // not committed
        CHECK(s.search(QStringLiteral("axes")).size() == 1);
        CHECK(s.search(QStringLiteral("entirely")).empty());
        checkIndexesInStep(*s.db);
    }
    SECTION("several edits of one row in one transaction")
    {
        Transaction tx(*s.db);
        for (const char* text : {"First go.", "Second go.", "Third go with a protractor."}) {
            Feedback f = *feedback.find(feedbackId);
            f.nextStep = QString::fromUtf8(text);
            feedback.update(f);
        }
        feedback.setDeleted(feedbackId, true);
        feedback.setDeleted(feedbackId, false);
        tx.commit();
        CHECK(s.search(QStringLiteral("protractor")).size() == 1);
        CHECK(s.search(QStringLiteral("second")).empty());
        CHECK(s.search(QStringLiteral("axes")).empty());
        checkIndexesInStep(*s.db);
    }
}

TEST_CASE("Rows written without Waymark's commit (another program) are searched as they are now", "[search]")
{
    SearchSchool s;
    const RowId evidence = s.addEvidence(s.emre, QDate(2026, 11, 2), QString(), QStringLiteral("Label the axes."));
    const RowId feedbackId = s.feedbackOf(evidence);
    // A write outside any Waymark transaction, as the sqlite3 shell makes: the triggers queue it.
    s.db->exec("UPDATE feedback SET next_step = 'Measure the angles.', hlc = hlc + 1 WHERE id = " +
               std::to_string(feedbackId));
    auto queued = s.db->prepare("SELECT count(*) FROM search_queue");
    queued.step();
    CHECK(queued.integer(0) == 1);
    queued.reset();
    CHECK(s.search(QStringLiteral("axes")).empty());
    REQUIRE(s.search(QStringLiteral("angles")).size() == 1);
    CHECK(s.search(QStringLiteral("angles"))[0].markedSnippet(QStringLiteral("["), QStringLiteral("]")) ==
          QStringLiteral("Measure the [angles]."));

    // A read-only look does the same without writing.
    {
        auto look = Database::open(s.path, Database::Options{.readOnly = true});
        CHECK(searchRecords(*look, QStringLiteral("axes"), 20).empty());
        CHECK(searchRecords(*look, QStringLiteral("angles"), 20).size() == 1);
    }
    // The next write by Waymark brings the index up to date.
    s.addEvidence(s.jo, QDate(2026, 11, 3), QStringLiteral("Absent."));
    queued.step();
    CHECK(queued.integer(0) == 0);
    queued.reset();
    checkIndexesInStep(*s.db);
    CHECK(s.search(QStringLiteral("angles")).size() == 1);
}

TEST_CASE("A damaged search index never stops a record being saved", "[search]")
{
    SearchSchool s;
    const RowId evidence = s.addEvidence(s.emre, QDate(2026, 11, 2), QString(), QStringLiteral("Label the axes."));
    // Another program damages the index's structure (the C API, without Waymark's defences) while
    // the school is closed.
    s.db.reset();
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open_v2(QFile::encodeName(s.path).constData(), &raw, SQLITE_OPEN_READWRITE, nullptr) ==
                SQLITE_OK);
        CHECK(sqlite3_exec(raw, "UPDATE search_feedback_data SET block = x'ffffffffff' WHERE id = 10", nullptr,
                           nullptr, nullptr) == SQLITE_OK);
        sqlite3_close_v2(raw);
    }
    s.db = Database::open(s.path);
    Repository<Feedback> feedback(*s.db);
    Feedback f = *feedback.find(s.feedbackOf(evidence));
    f.nextStep = QStringLiteral("Measure the angles.");
    CHECK_NOTHROW(feedback.update(f));
    CHECK(feedback.find(f.id)->nextStep == QStringLiteral("Measure the angles."));
    auto queued = s.db->prepare("SELECT count(*) FROM search_queue");
    queued.step();
    CHECK(queued.integer(0) == 1); // still to be indexed
    queued.reset();
    // Searching says the index is damaged; it never crashes or finds the old words.
    try {
        for (const SearchHit& h : s.search(QStringLiteral("axes")))
            CHECK(h.rowId != f.id);
    } catch (const StorageError& e) {
        CHECK_FALSE(e.message().isEmpty());
    }
}

TEST_CASE("Accents are ignored and every word matches as the start of a word", "[search]")
{
    SearchSchool s;
    s.addEvidence(s.emre, QDate(2026, 11, 2), QStringLiteral("Ran the café stall at the fair."));
    s.addEvidence(s.jo, QDate(2026, 11, 3), QStringLiteral("Wrote a cafe menu in French."));
    s.addEvidence(s.jo, QDate(2026, 11, 4), QStringLiteral("Fractions of amounts; naïve methods."));

    CHECK(s.search(QStringLiteral("cafe")).size() == 2);
    CHECK(s.search(QStringLiteral("café")).size() == 2);
    CHECK(s.search(QStringLiteral("CAFÉ")).size() == 2);
    CHECK(s.search(QStringLiteral("naive")).size() == 1);
    CHECK(s.search(QStringLiteral("frac")).size() == 1);
    CHECK(s.search(QStringLiteral("fr")).size() == 2);   // fractions, French
    CHECK(s.search(QStringLiteral("ractions")).empty()); // the start of a word, not any part
    const std::vector<SearchHit> hit = s.search(QStringLiteral("caf stall"));
    REQUIRE(hit.size() == 1);
    CHECK(hit[0].markedSnippet(QStringLiteral("["), QStringLiteral("]")) ==
          QStringLiteral("Ran the [café] [stall] at the fair."));
    // One letter is a whole word, not every word that starts with it.
    CHECK(s.search(QStringLiteral("a")).size() == 1);
}

TEST_CASE("No words a teacher types make an FTS5 error or reach SQL as anything but words", "[search]")
{
    CHECK(searchQueryFor(QStringLiteral("frac")) == QStringLiteral("\"frac\"*"));
    CHECK(searchQueryFor(QStringLiteral("  next   step ")) == QStringLiteral("\"next\"* \"step\"*"));
    CHECK(searchQueryFor(QStringLiteral("say \"hi\"")) == QStringLiteral("\"say\"* \"\"\"hi\"\"\"*"));
    CHECK(searchQueryFor(QStringLiteral("note: (a OR b)")) == QStringLiteral("\"note:\"* \"(a\"* \"OR\"* \"b)\"*"));
    CHECK(searchQueryFor(QStringLiteral("* - ( ) \" ^ :")).isEmpty());
    CHECK(searchQueryFor(QStringLiteral("x")) == QStringLiteral("\"x\""));
    CHECK(searchQueryFor(QStringLiteral("word ").repeated(40)).count(QLatin1Char('*')) == 16); // 16 words at most

    SearchSchool s;
    s.addEvidence(s.emre, QDate(2026, 11, 2), QStringLiteral("Note: fractions AND decimals, or NEAR enough."),
                  QStringLiteral("Check (carefully) the \"units\"."));
    const QStringList hostile = {
        QStringLiteral("\""),
        QStringLiteral("\"\""),
        QStringLiteral("\"fractions"),
        QStringLiteral("fractions\""),
        QStringLiteral("fractions AND"),
        QStringLiteral("AND OR NOT"),
        QStringLiteral("fractions OR decimals"),
        QStringLiteral("NOT fractions"),
        QStringLiteral("NEAR(fractions decimals)"),
        QStringLiteral("NEAR/2"),
        QStringLiteral("*"),
        QStringLiteral("fractions*"),
        QStringLiteral("frac* *"),
        QStringLiteral("("),
        QStringLiteral(")"),
        QStringLiteral("(fractions"),
        QStringLiteral("note:"),
        QStringLiteral("note: fractions"),
        QStringLiteral("note:fractions"),
        QStringLiteral("{note next_step}: units"),
        QStringLiteral("- fractions"),
        QStringLiteral("^fractions"),
        QStringLiteral("+ units"),
        QStringLiteral("'; DROP TABLE feedback; --"),
        QStringLiteral("fractions\u0000decimals"),
        QStringLiteral("\u200Bfractions\u00ADdecimals\u2028"),
        QStringLiteral("😀 fractions"),
        QString(5000, QLatin1Char('"')),
        QString(20000, QLatin1Char('x')),
        QStringLiteral("a b c d e f g h i j k l m n o p q r s t u v w x y z"),
    };
    for (const QString& words : hostile) {
        INFO(words.left(80).toStdString());
        CHECK_NOTHROW(s.search(words));
    }
    // Quotes, brackets and operators are words or nothing, never syntax.
    CHECK(s.search(QStringLiteral("fractions\"")).size() == 1);
    CHECK(s.search(QStringLiteral("\"units\"")).size() == 1);
    CHECK(s.search(QStringLiteral("(carefully)")).size() == 1);
    CHECK(s.search(QStringLiteral("NEAR enough")).size() == 1);
    CHECK(s.search(QStringLiteral("fractions OR nothing")).empty()); // OR is a word that must be found too
    CHECK(s.search(QStringLiteral("note: fractions")).size() == 1);  // "note" is a word, not a column
    CHECK(s.search(QStringLiteral("next_step: units")).empty());     // nor is next_step
    CHECK(s.db->prepare("SELECT count(*) FROM feedback").step());
}

TEST_CASE("The limit is honoured, and equal matches come newest first", "[search]")
{
    SearchSchool s;
    for (int day = 1; day <= 30; ++day)
        s.addEvidence(day % 2 ? s.emre : s.jo, QDate(2026, 10, day), QString(),
                      QStringLiteral("Show your working for every step."));
    CHECK(s.search(QStringLiteral("working"), 5).size() == 5);
    CHECK(s.search(QStringLiteral("working"), 100).size() == 30);
    CHECK(s.search(QStringLiteral("working"), 0).empty());
    const std::vector<SearchHit> hits = s.search(QStringLiteral("working"), 30);
    for (std::size_t i = 1; i < hits.size(); ++i)
        CHECK(hits[i - 1].date > hits[i].date);
    CHECK(hits.front().date == QDate(2026, 10, 30));
}

TEST_CASE("An older file is given its search indexes, filled, when it is brought up to date", "[search]")
{
    // Every fixture before version 6; v5.waymark and earlier hold the demo's feedback and targets.
    const QDir fixtures(test::fixturePath(QStringLiteral("schema")));
    for (const QString& name : fixtures.entryList({QStringLiteral("v*.waymark")}, QDir::Files, QDir::Name)) {
        test::TempDir dir;
        const QString copy = dir.path(name);
        REQUIRE(QFile::copy(fixtures.filePath(name), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        INFO(name.toStdString());
        auto db = Database::open(copy);
        REQUIRE(db->schemaVersion() == Migrations::currentVersion());
        if (name == QLatin1String("v6.waymark")) {
            // Its last edit was made by the sqlite3 shell: queued, found as it is now, and brought
            // into the index by the next write.
            const std::vector<SearchHit> edited = searchRecords(*db, QStringLiteral("edited shell"), 20);
            REQUIRE(edited.size() == 1);
            CHECK(edited[0].kind == SearchKind::Evidence);
            for (const SearchHit& h : searchRecords(*db, QStringLiteral("reminder"), 1000)) // its old note
                CHECK(h.rowId != edited[0].rowId);
            Transaction write(*db);
            write.commit();
        }
        checkIndexesInStep(*db);
        // As many pieces of feedback are found as hold the word.
        auto count = db->prepare("SELECT count(*) FROM feedback f JOIN evidence e ON e.id = f.evidence_id "
                                 "JOIN pupil p ON p.id = e.pupil_id WHERE f.deleted = 0 AND e.deleted = 0 AND "
                                 "p.deleted = 0 AND (f.what_went_well || ' ' || f.even_better_if || ' ' || "
                                 "f.next_step || ' ' || f.pupil_response) LIKE '%quotation%'");
        REQUIRE(count.step());
        const int expected = count.integer(0);
        count.reset();
        CHECK(expected > 0);
        int found = 0;
        for (const SearchHit& h : searchRecords(*db, QStringLiteral("quotation"), 1000))
            found += h.kind == SearchKind::Feedback ? 1 : 0;
        CHECK(found == expected);
    }
}
