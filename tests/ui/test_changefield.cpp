// ChangeField, the undo step of one field: consecutive edits of a typing session merge, but an edit
// whose write failed is never merged into the step before it.
#include "domain/entities.h"
#include "pupil/commands/changefield.h"
#include "repo/repository.h"
#include "services/pupilsetup.h"
#include "services/schoolsetup.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace waymark;

TEST_CASE("An edit whose write failed is dropped, not merged into the typing step before it")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("school.waymark"));
    setup::createSchoolFile(path, QStringLiteral("Oakfield"));
    auto db = Database::open(path);
    setup::NewPupil p;
    p.legalGivenName = QStringLiteral("Emre");
    p.legalFamilyName = QStringLiteral("Aydın");
    const RowId id = setup::addPupil(*db, p, QDate(2026, 11, 30));
    const auto pronouns = [&] { return Repository<Pupil>(*db).find(id)->pronouns; };

    QUndoStack stack;
    QStringList problems;
    const auto sink = [&](const QString& message) { problems << message; };
    using Change = ChangeField<Pupil, QString>;
    const quint64 session = 7;
    stack.push(new Change(*db, id, &Pupil::pronouns, QString(), QStringLiteral("he"), QStringLiteral("Pronouns"),
                          session, sink));
    REQUIRE(pronouns() == QStringLiteral("he"));
    // The next keystroke's write fails (a value longer than a pronoun may be): nothing is written.
    const QString tooLong(500, QLatin1Char('x'));
    stack.push(new Change(*db, id, &Pupil::pronouns, QStringLiteral("he"), tooLong, QStringLiteral("Pronouns"), session,
                          sink));
    CHECK_FALSE(problems.isEmpty());
    CHECK(pronouns() == QStringLiteral("he"));
    CHECK(stack.count() == 1);
    problems.clear();
    stack.undo(); // the step is still "he": undone to nothing, with no complaint of a change elsewhere
    CHECK(pronouns().isEmpty());
    CHECK(problems.isEmpty());
    stack.redo();
    CHECK(pronouns() == QStringLiteral("he"));
    CHECK(problems.isEmpty());
    // Then the typing goes on and is merged into the first step as usual.
    stack.push(new Change(*db, id, &Pupil::pronouns, QStringLiteral("he"), QStringLiteral("he/him"),
                          QStringLiteral("Pronouns"), session, sink));
    CHECK(stack.count() == 1);
    CHECK(pronouns() == QStringLiteral("he/him"));
    problems.clear();
    stack.undo(); // back to where the typing began, with no complaint of a change made elsewhere
    CHECK(pronouns().isEmpty());
    CHECK(problems.isEmpty());
    stack.redo();
    CHECK(pronouns() == QStringLiteral("he/him"));
}
