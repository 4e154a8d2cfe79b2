// The comment bank: listed most used first and searched as typed, added without duplicates,
// changed, removed and brought back, its starter set, and its CSV shared between schools (merged,
// all or nothing, whatever the file holds).
#include "../cli/qtstringmaker.h"
#include "demo/democurriculum.h"
#include "demo/demophrases.h"
#include "domain/entities.h"
#include "repo/repository.h"
#include "services/commentbank.h"
#include "services/schoolsetup.h"
#include "services/subjectsetup.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "testsupport.h"
#include "text/placeholders.h"

#include <QMap>
#include <QSet>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace waymark;
using commentbank::CommentDetails;

namespace {
const CommentCategory WWW = CommentCategory::WhatWentWell;
const CommentCategory EBI = CommentCategory::EvenBetterIf;
const CommentCategory NS = CommentCategory::NextStep;

std::unique_ptr<Database> newSchool(const test::TempDir& dir, const QString& file = QStringLiteral("school.waymark"))
{
    const QString path = dir.path(file);
    setup::createSchoolFile(path, QStringLiteral("Oakfield"));
    return Database::open(path);
}

QStringList texts(const std::vector<commentbank::Comment>& comments)
{
    QStringList out;
    for (const commentbank::Comment& c : comments)
        out << c.text;
    return out;
}

qint64 scalar(Database& db, const char* sql)
{
    auto s = db.prepare(sql);
    s.step();
    return s.int64(0);
}
} // namespace

TEST_CASE("The bank lists a subject's comments and the general ones, most used first, searched as typed",
          "[commentbank]")
{
    test::TempDir dir;
    auto db = newSchool(dir);
    const RowId maths = setup::addSubject(*db, {QStringLiteral("Mathematics"), QStringLiteral("MA")});
    const RowId art = setup::addSubject(*db, {QStringLiteral("Art"), QStringLiteral("AR")});
    const RowId general1 = commentbank::add(*db, {WWW, std::nullopt, QStringLiteral("  Careful,   accurate work. ")});
    const RowId general2 =
        commentbank::add(*db, {WWW, std::nullopt, QStringLiteral("Your graph's axes are labelled.")});
    const RowId mathsOwn = commentbank::add(*db, {WWW, maths, QStringLiteral("Accurate method; metres converted.")});
    const RowId artOwn = commentbank::add(*db, {WWW, art, QStringLiteral("Careful shading with a range of tone.")});
    commentbank::add(*db, {NS, std::nullopt, QStringLiteral("Correct the questions marked with a dot.")});

    CHECK(commentbank::find(*db, general1)->text == QStringLiteral("Careful, accurate work.")); // tidied
    // A subject's own first, then the general ones, each in the bank's order.
    CHECK(texts(commentbank::list(*db, WWW, maths)) ==
          QStringList({QStringLiteral("Accurate method; metres converted."), QStringLiteral("Careful, accurate work."),
                       QStringLiteral("Your graph's axes are labelled.")}));
    CHECK(commentbank::list(*db, WWW, maths).front().subject == QStringLiteral("Mathematics"));
    CHECK(commentbank::list(*db, WWW).size() == 4);          // no subject: every one
    CHECK(commentbank::list(*db, std::nullopt).size() == 5); // every category

    // Most used first: a use moves a comment up.
    commentbank::noteUse(*db, general2);
    commentbank::noteUse(*db, general2);
    commentbank::noteUse(*db, general1);
    CHECK(texts(commentbank::list(*db, WWW, maths)).first() == QStringLiteral("Your graph's axes are labelled."));
    CHECK(commentbank::find(*db, general2)->uses == 2);
    CHECK(commentbank::list(*db, WWW, maths).at(1).id == general1);

    // Search: every word, anywhere, without regard to case, accents or punctuation.
    CHECK(texts(commentbank::list(*db, WWW, std::nullopt, QStringLiteral("CAREFUL"))).size() == 2);
    CHECK(texts(commentbank::list(*db, WWW, std::nullopt, QStringLiteral("careful tone"))) ==
          QStringList({QStringLiteral("Careful shading with a range of tone.")}));
    CHECK(commentbank::list(*db, WWW, std::nullopt, QStringLiteral("mètres"))[0].id == mathsOwn);
    CHECK(commentbank::list(*db, WWW, std::nullopt, QStringLiteral("graphs axes"))[0].id == general2);
    CHECK(commentbank::list(*db, WWW, maths, QStringLiteral("shading")).empty()); // art's, not maths'
    CHECK(commentbank::list(*db, WWW, std::nullopt, QStringLiteral("  ")).size() == 4);
    CHECK(commentbank::list(*db, WWW, art, QStringLiteral("shad"))[0].id == artOwn);
}

TEST_CASE("A comment is added once, changed, removed and brought back", "[commentbank]")
{
    test::TempDir dir;
    auto db = newSchool(dir);
    const RowId maths = setup::addSubject(*db, {QStringLiteral("Mathematics"), QStringLiteral("MA")});
    const RowId general = commentbank::add(*db, {EBI, std::nullopt, QStringLiteral("you checked your units.")});

    // Exact duplicates are refused: the same text and category, for the same subject or for any.
    const QString before = test::liveContent(*db);
    CHECK_THROWS_AS(commentbank::add(*db, {EBI, std::nullopt, QStringLiteral("you  checked your units. ")}),
                    StorageError);
    CHECK_THROWS_AS(commentbank::add(*db, {EBI, maths, QStringLiteral("you checked your units.")}), StorageError);
    CHECK_THROWS_AS(commentbank::add(*db, {EBI, std::nullopt, QStringLiteral(" \n\t ")}), StorageError);
    CHECK_THROWS_AS(commentbank::add(*db, {EBI, RowId(999), QStringLiteral("New.")}), StorageError);
    CHECK(test::liveContent(*db) == before);
    CHECK(commentbank::problemsWithComment(*db, {EBI, std::nullopt, QStringLiteral("you checked your units.")})
              .join(QLatin1Char(' '))
              .contains(QStringLiteral("already in the bank")));
    // In another category it is another comment.
    CHECK(commentbank::add(*db, {NS, std::nullopt, QStringLiteral("you checked your units.")}) > 0);
    const RowId mathsOwn = commentbank::add(*db, {EBI, maths, QStringLiteral("you showed every step.")});
    // A general comment beside a subject's own is not a duplicate of it.
    CHECK(commentbank::add(*db, {EBI, std::nullopt, QStringLiteral("you showed every step.")}) > 0);

    SECTION("changed, over what the teacher saw")
    {
        const CommentDetails seen{EBI, std::nullopt, QStringLiteral("you checked your units.")};
        const CommentDetails wanted{EBI, maths, QStringLiteral("you checked your units and rounding.")};
        commentbank::change(*db, general, wanted, &seen);
        CHECK(commentbank::find(*db, general)->text == QStringLiteral("you checked your units and rounding."));
        CHECK(commentbank::find(*db, general)->subjectId == maths);
        // Seen otherwise: refused.
        CHECK_THROWS_AS(commentbank::change(*db, general, seen, &seen), StorageError);
        commentbank::change(*db, general, seen, &wanted); // the undo
        CHECK(commentbank::find(*db, general)->text == QStringLiteral("you checked your units."));
        // Not into a duplicate.
        CHECK_THROWS_AS(commentbank::change(*db, mathsOwn, seen), StorageError);
    }

    SECTION("removed and brought back, kept in the file")
    {
        const QString withIt = test::liveContent(*db);
        commentbank::remove(*db, general);
        CHECK_FALSE(commentbank::find(*db, general));
        CHECK(commentbank::list(*db, EBI).size() == 2);
        CHECK(scalar(*db, "SELECT count(*) FROM comment_bank WHERE deleted = 1") == 1);
        CHECK_THROWS_AS(commentbank::noteUse(*db, general), StorageError);
        // Once removed, the same text can be added again.
        CHECK(commentbank::problemsWithComment(*db, {EBI, std::nullopt, QStringLiteral("you checked your units.")})
                  .isEmpty());
        commentbank::restore(*db, general);
        CHECK(test::liveContent(*db) == withIt);
        CHECK_THROWS_AS(commentbank::setRemoved(*db, {general, RowId(12345)}, true), StorageError);
        CHECK(commentbank::find(*db, general)); // all or nothing
    }
}

TEST_CASE("Subject names from elsewhere find the school's subjects", "[commentbank]")
{
    test::TempDir dir;
    auto db = newSchool(dir);
    const RowId maths = setup::addSubject(*db, {QStringLiteral("Maths"), QStringLiteral("MA")});
    const RowId french = setup::addSubject(*db, {QStringLiteral("French"), QStringLiteral("FR")});
    const RowId spanish = setup::addSubject(*db, {QStringLiteral("Spanish"), QStringLiteral("SP")});
    const RowId pe = setup::addSubject(*db, {QStringLiteral("P.E."), QString()});
    const RowId dt = setup::addSubject(*db, {QStringLiteral("D&T"), QStringLiteral("DT")});
    const RowId science = setup::addSubject(*db, {QStringLiteral("Science"), QStringLiteral("SC")});
    using V = std::vector<RowId>;
    CHECK(commentbank::subjectsNamed(*db, QStringLiteral("Mathematics")) == V{maths});
    CHECK(commentbank::subjectsNamed(*db, QStringLiteral("maths")) == V{maths});
    CHECK(commentbank::subjectsNamed(*db, QStringLiteral("MA")) == V{maths});
    CHECK(commentbank::subjectsNamed(*db, QStringLiteral("French")) == V{french});
    CHECK(commentbank::subjectsNamed(*db, QStringLiteral("Languages")) == V{french, spanish});
    CHECK(commentbank::subjectsNamed(*db, QStringLiteral("Physical education")) == V{pe});
    CHECK(commentbank::subjectsNamed(*db, QStringLiteral("Design and technology")) == V{dt});
    CHECK(commentbank::subjectsNamed(*db, QStringLiteral("Biology")) == V{science});
    CHECK(commentbank::subjectsNamed(*db, QStringLiteral("Latin")).empty());
    CHECK(commentbank::subjectsNamed(*db, QStringLiteral("")).empty());
}

TEST_CASE("The starter set is large, plain, in every category and free of misspelt placeholders", "[commentbank]")
{
    const std::vector<commentbank::StarterComment>& starter = commentbank::starterComments();
    REQUIRE(starter.size() >= 100);
    QSet<QString> seen;
    QSet<QString> subjects;
    QMap<CommentCategory, int> perCategory;
    const std::vector<text::PupilWords> pupils = {{QStringLiteral("Sam"), {}, QStringLiteral("he/him")},
                                                  {QStringLiteral("Priya"), {}, QStringLiteral("she/her")},
                                                  {QStringLiteral("Alex"), {}, QStringLiteral("they/them")},
                                                  {QStringLiteral("Kit"), {}, QStringLiteral("xe/xem")}};
    for (const commentbank::StarterComment& c : starter) {
        INFO(c.text.toStdString());
        const QString key = QString::number(int(c.category)) + c.subject + QLatin1Char('|') + c.text;
        CHECK_FALSE(seen.contains(key));
        seen.insert(key);
        subjects.insert(c.subject);
        ++perCategory[c.category];
        CHECK(c.text == commentbank::tidiedText(c.text));
        CHECK(text::unknownPlaceholders(c.text).isEmpty());
        CHECK((c.text.endsWith(QLatin1Char('.')) || c.text.endsWith(QLatin1Char('!'))));
        // "Even better if" comments continue that phrase; the others are sentences.
        const QString start = c.text.left(1);
        CHECK((c.category == EBI ? start == start.toLower() : start == start.toUpper()));
        for (const text::PupilWords& p : pupils) {
            const QString filled = text::fillPlaceholders(
                c.text, p, c.category == EBI ? text::TextStart::Continuation : text::TextStart::Sentence);
            CHECK_FALSE(filled.contains(QLatin1Char('{')));
        }
        // American spellings a British teacher would not write.
        for (const char* us :
             {"color", "behavior", "organiz", "analyz", "center", "practicing", "recogniz", "favorite"})
            CHECK_FALSE(c.text.contains(QString::fromLatin1(us), Qt::CaseInsensitive));
    }
    CHECK(perCategory.value(WWW) >= 30);
    CHECK(perCategory.value(EBI) >= 30);
    CHECK(perCategory.value(NS) >= 30);
    for (const char* s :
         {"", "English", "Mathematics", "Science", "History", "Geography", "Art and design", "Music",
          "Physical education", "Computing", "Languages", "Religious education", "Design and technology"})
        CHECK(subjects.contains(QString::fromLatin1(s)));
    // Some are written for a pupil by name and pronoun.
    CHECK(std::count_if(starter.begin(), starter.end(),
                        [](const commentbank::StarterComment& c) { return c.text.contains(QLatin1Char('{')); }) >= 5);
}

TEST_CASE("The demo school's comments are all in the starter set", "[commentbank]")
{
    // The demo writes its own bank; the starter set holds every one of its comments, so that adding
    // the starter set to the demo school repeats none of them.
    const auto inStarter = [](CommentCategory category, const char* text) {
        const QString t = QString::fromUtf8(text);
        const auto& starter = commentbank::starterComments();
        return std::any_of(starter.begin(), starter.end(),
                           [&](const commentbank::StarterComment& c) { return c.category == category && c.text == t; });
    };
    const auto check = [&](const demo::CommentSet& set) {
        for (const char* t : set.wentWell)
            CHECK(inStarter(WWW, t));
        for (const char* t : set.evenBetterIf)
            CHECK(inStarter(EBI, t));
        for (const char* t : set.nextStep)
            CHECK(inStarter(NS, t));
    };
    check(demo::genericComments());
    for (int s = 0; s < int(demo::subjects().size()); ++s)
        check(demo::subjectComments(s));
}

TEST_CASE("The starter set goes to the school's subjects, once", "[commentbank]")
{
    test::TempDir dir;
    auto db = newSchool(dir);
    const RowId maths = setup::addSubject(*db, {QStringLiteral("Maths"), QStringLiteral("MA")});
    const RowId french = setup::addSubject(*db, {QStringLiteral("French"), QStringLiteral("FR")});
    const RowId spanish = setup::addSubject(*db, {QStringLiteral("Spanish"), QStringLiteral("SP")});
    const std::vector<commentbank::StarterComment>& starter = commentbank::starterComments();
    const auto countFor = [&](const char* subject) {
        return int(std::count_if(starter.begin(), starter.end(), [&](const commentbank::StarterComment& c) {
            return c.subject == QString::fromLatin1(subject);
        }));
    };
    const int general = countFor("");
    const int mathsCount = countFor("Mathematics");
    const int languages = countFor("Languages");

    const std::vector<RowId> added = commentbank::ensureStarterBank(*db);
    CHECK(int(added.size()) == general + mathsCount + 2 * languages); // languages for French and Spanish
    CHECK(int(commentbank::list(*db, std::nullopt, maths).size()) == general + mathsCount);
    CHECK(int(commentbank::list(*db, std::nullopt, french).size()) == general + languages);
    CHECK(int(commentbank::list(*db, std::nullopt, spanish).size()) == general + languages);

    // Again: nothing more. A teacher's removal of them all is respected by ensure, not by add.
    CHECK(commentbank::ensureStarterBank(*db).empty());
    commentbank::StarterResult again = commentbank::addStarterBank(*db);
    CHECK(again.added.empty());
    CHECK(again.alreadyThere == int(added.size()));
    CHECK(again.withoutSubject == int(starter.size()) - general - mathsCount - languages);
    commentbank::setRemoved(*db, added, true);
    CHECK(commentbank::ensureStarterBank(*db).empty());
    CHECK(commentbank::addStarterBank(*db).added.size() == added.size());

    // A subject added later gets its starter comments on the next call.
    const RowId music = setup::addSubject(*db, {QStringLiteral("Music"), QStringLiteral("MU")});
    CHECK(int(commentbank::addStarterBank(*db).added.size()) == countFor("Music"));
    CHECK(int(commentbank::list(*db, std::nullopt, music).size()) == general + countFor("Music"));
}

TEST_CASE("A bank travels between schools as CSV and merges without duplicates", "[commentbank]")
{
    test::TempDir dir;
    auto from = newSchool(dir, QStringLiteral("from.waymark"));
    setup::addSubject(*from, {QStringLiteral("Mathematics"), QStringLiteral("MA")});
    setup::addSubject(*from, {QStringLiteral("Latin"), QStringLiteral("LA")});
    commentbank::addStarterBank(*from);
    const std::optional<RowId> latin = setup::findSubject(*from, QStringLiteral("Latin"));
    const std::optional<RowId> mathsFrom = setup::findSubject(*from, QStringLiteral("Mathematics"));
    commentbank::add(*from, {WWW, latin, QStringLiteral("Accurate declensions, with \"quotes\", commas; and more.")});
    commentbank::add(*from, {NS, mathsFrom, QStringLiteral("-3 is less than -2: check the sign.")});
    commentbank::add(*from, {NS, std::nullopt, QStringLiteral("=HYPERLINK(\"http://example.com\") is not a link.")});
    commentbank::add(*from, {WWW, std::nullopt, QStringLiteral("Zoë’s café — naïve élan, 😀.")});
    const RowId favourite = commentbank::add(*from, {EBI, std::nullopt, QStringLiteral("you used the word bank.")});
    commentbank::noteUse(*from, favourite);

    const QString file = dir.path(QStringLiteral("bank.csv"));
    const int rows = commentbank::exportCsvFile(*from, file);
    CHECK(rows == int(commentbank::list(*from).size()));
    const QByteArray bytes = test::readAll(file);
    CHECK(bytes.startsWith("\xEF\xBB\xBF"
                           "Category,Subject,Comment\r\n"));
    CHECK(bytes.contains("Even better if,,you used the word bank.\r\nEven better if")); // most used first
    CHECK(bytes.contains("Next step,Mathematics,'-3 is less than -2"));                 // inert in a spreadsheet
    CHECK(bytes.contains("'=HYPERLINK"));
    CHECK(bytes.contains("What went well,Latin,\"Accurate declensions, with \"\"quotes\"\""));

    auto to = newSchool(dir, QStringLiteral("to.waymark"));
    const RowId maths = setup::addSubject(*to, {QStringLiteral("Maths"), QStringLiteral("MA")});
    commentbank::add(*to, {WWW, std::nullopt, QStringLiteral("Excellent effort and presentation.")}); // in both
    const QString before = test::liveContent(*to);
    const commentbank::ImportSummary summary = commentbank::importCsvFile(*to, file);
    CHECK(summary.problems.isEmpty());
    CHECK(summary.duplicates == 1);
    CHECK(int(summary.added.size()) == rows - 1);
    // Latin is not taught here: its comment is for every subject, and the teacher is told.
    REQUIRE(summary.notes.size() == 1);
    CHECK(summary.notes.first().contains(QStringLiteral("Latin")));
    CHECK(commentbank::list(*to, WWW, std::nullopt, QStringLiteral("declensions")).at(0).subjectId == std::nullopt);
    // Mathematics is Maths here; the texts come back exactly as they were.
    const std::vector<commentbank::Comment> sign = commentbank::list(*to, NS, maths, QStringLiteral("less than"));
    REQUIRE(sign.size() == 1);
    CHECK(sign[0].text == QStringLiteral("-3 is less than -2: check the sign."));
    CHECK(sign[0].subjectId == maths);
    CHECK(commentbank::list(*to, NS, std::nullopt, QStringLiteral("hyperlink")).at(0).text ==
          QStringLiteral("=HYPERLINK(\"http://example.com\") is not a link."));
    CHECK(commentbank::list(*to, WWW, std::nullopt, QStringLiteral("zoe cafe")).at(0).text ==
          QStringLiteral("Zoë’s café — naïve élan, 😀."));
    // Use counts stay behind; order within a category follows the file.
    CHECK(commentbank::list(*to, EBI).at(0).uses == 0);

    // Importing again adds nothing; the file's export round-trips.
    const QString after = test::liveContent(*to);
    CHECK(after != before);
    const commentbank::ImportSummary again = commentbank::importCsvFile(*to, file);
    CHECK(again.added.empty());
    CHECK(again.duplicates == rows);
    CHECK(test::liveContent(*to) == after);
}

TEST_CASE("A bank CSV with anything wrong in it adds nothing and says where", "[commentbank]")
{
    test::TempDir dir;
    auto db = newSchool(dir);
    commentbank::add(*db, {WWW, std::nullopt, QStringLiteral("Already here.")});
    const QString before = test::liveContent(*db);
    const auto import = [&](const QByteArray& bytes) {
        const commentbank::ImportSummary s = commentbank::importCsv(*db, bytes);
        CHECK(test::liveContent(*db) == before);
        CHECK(s.added.empty());
        return s.problems.join(QLatin1Char('\n'));
    };

    CHECK(import("Category,Subject,Comment\nWhat went well,,Fine.\nGreat work,,Not a category.\n")
              .contains(QStringLiteral("Line 3: “Great work” is not a category")));
    CHECK(import("Category,Subject,Comment\nWWW,,Fine.\nEBI,,\n").contains(QStringLiteral("Line 3 has no comment")));
    CHECK(import("Category,Subject,Comment\nNS,,Two, commas, unquoted\n").contains(QStringLiteral("Line 2")));
    CHECK(import("Name,Text\nSam,Hello\n").contains(QStringLiteral("no “Category” and “Comment” columns")));
    CHECK(import("Category,Subject,Comment\nNS,,\"" + QByteArray(30000, 'x') + "\"\n")
              .contains(QStringLiteral("30000 characters")));
    CHECK(
        import("Category,Subject,Comment\nNS," + QByteArray(200, 's') + ",Fine.\n").contains(QStringLiteral("Line 2")));
    QByteArray many = "Category,Subject,Comment\n";
    for (int i = 0; i < 20001; ++i)
        many += "NS,,Comment " + QByteArray::number(i) + "\n";
    CHECK(import(many).contains(QStringLiteral("more than a comment bank has")));
    QByteArray bad = "Category,Subject,Comment\n";
    for (int i = 0; i < 30; ++i)
        bad += "Nonsense,,Comment\n";
    const QString listed = import(bad);
    CHECK(listed.contains(QStringLiteral("Line 21:")));
    CHECK_FALSE(listed.contains(QStringLiteral("Line 22:")));
    CHECK(listed.contains(QStringLiteral("and 10 more")));
    // What is no text at all, or a quote never closed, is refused whole.
    CHECK_THROWS_AS(commentbank::importCsv(*db, QByteArray("\x00\x01\x02PK\x03\x04", 9)), StorageError);
    CHECK_THROWS_AS(commentbank::importCsv(*db, "Category,Subject,Comment\nNS,,\"never closed\n"), StorageError);
    CHECK_THROWS_AS(commentbank::importCsv(*db, ""), StorageError);
    CHECK(test::liveContent(*db) == before);

    SECTION("what is read is kept as text, tidied")
    {
        const commentbank::ImportSummary s = commentbank::importCsv(
            *db, "comment;CATEGORY;subject\r\n\"<b>bold</b>\tand\x7f[31m red\";next_step;\r\nAlready here.;www;\r\n"
                 "{nmae} did well.;What went well;\r\n");
        CHECK(s.problems.isEmpty());
        CHECK(s.added.size() == 2);
        CHECK(s.duplicates == 1);
        REQUIRE(s.notes.size() == 1);
        CHECK(s.notes.first().contains(QStringLiteral("{nmae}")));
        CHECK(commentbank::find(*db, s.added.front())->text == QStringLiteral("<b>bold</b> and [31m red"));
    }
}
