#include "services/subjectsetup.h"

#include "domain/entities.h"
#include "domain/fieldlimits.h"
#include "repo/repository.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>

namespace waymark::setup {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SubjectSetup", text);
}

SubjectDetails tidied(const SubjectDetails& typed)
{
    return {typed.name.simplified(), typed.code.simplified()};
}
} // namespace

const std::vector<SubjectDetails>& usualSubjects()
{
    // Names are the National Curriculum's; codes the ones SIMS, Arbor and Bromcom exports use most.
    static const std::vector<SubjectDetails> subjects = [] {
        const char* const list[][2] = {
            {QT_TRANSLATE_NOOP("SubjectSetup", "English"), "EN"},
            {QT_TRANSLATE_NOOP("SubjectSetup", "Mathematics"), "MA"},
            {QT_TRANSLATE_NOOP("SubjectSetup", "Science"), "SC"},
            {QT_TRANSLATE_NOOP("SubjectSetup", "Art and design"), "AR"},
            {QT_TRANSLATE_NOOP("SubjectSetup", "Citizenship"), "CI"},
            {QT_TRANSLATE_NOOP("SubjectSetup", "Computing"), "CO"},
            {QT_TRANSLATE_NOOP("SubjectSetup", "Design and technology"), "DT"},
            {QT_TRANSLATE_NOOP("SubjectSetup", "Drama"), "DR"},
            {QT_TRANSLATE_NOOP("SubjectSetup", "Geography"), "GG"},
            {QT_TRANSLATE_NOOP("SubjectSetup", "History"), "HI"},
            {QT_TRANSLATE_NOOP("SubjectSetup", "Languages"), "ML"},
            {QT_TRANSLATE_NOOP("SubjectSetup", "Music"), "MU"},
            {QT_TRANSLATE_NOOP("SubjectSetup", "Physical education"), "PE"},
            {QT_TRANSLATE_NOOP("SubjectSetup", "PSHE and RSE"), "PS"},
            {QT_TRANSLATE_NOOP("SubjectSetup", "Religious education"), "RE"},
            {QT_TRANSLATE_NOOP("SubjectSetup", "Phonics and early reading"), "PH"},
        };
        std::vector<SubjectDetails> out;
        for (const auto& [name, code] : list)
            out.push_back({QCoreApplication::translate("SubjectSetup", name), QString::fromLatin1(code)});
        return out;
    }();
    return subjects;
}

std::vector<SubjectEntry> subjectList(Database& db)
{
    std::vector<SubjectEntry> out;
    auto s = db.prepare("SELECT s.id, s.name, s.code, (SELECT count(*) FROM pupil_group g WHERE g.subject_id = s.id "
                        "AND g.deleted = 0) FROM subject s WHERE s.deleted = 0 ORDER BY s.name COLLATE NOCASE, s.id");
    while (s.step())
        out.push_back({s.int64(0), {s.text(1), s.text(2)}, int(s.int64(3))});
    return out;
}

std::optional<RowId> findSubject(Database& db, const QString& name)
{
    auto s = db.prepare("SELECT id FROM subject WHERE deleted = 0 AND name = ?1 COLLATE NOCASE ORDER BY id LIMIT 1");
    s.bindAll(name.simplified());
    if (!s.step())
        return std::nullopt;
    return s.int64(0);
}

QStringList problemsWithSubject(Database& db, const SubjectDetails& typed, std::optional<RowId> except)
{
    const SubjectDetails d = tidied(typed);
    QStringList problems;
    if (d.name.isEmpty())
        problems << tr("Type the subject's name.");
    if (d.name.size() > limits::kName || d.code.size() > limits::kName)
        problems << tr("A subject's name or code can have at most %1 characters.").arg(limits::kName);
    if (!d.name.isEmpty()) {
        const std::optional<RowId> same = findSubject(db, d.name);
        if (same && same != except)
            problems << tr("The school already has a subject called “%1”.").arg(limits::shortened(d.name));
    }
    return problems;
}

RowId addSubject(Database& db, const SubjectDetails& typed)
{
    Transaction transaction(db);
    if (const QStringList problems = problemsWithSubject(db, typed); !problems.isEmpty())
        throw StorageError(StorageError::Kind::Invalid, problems.join(QLatin1Char(' ')));
    const SubjectDetails d = tidied(typed);
    Subject subject;
    subject.name = d.name;
    subject.code = d.code;
    const RowId id = Repository<Subject>(db).insert(subject);
    transaction.commit();
    return id;
}

std::vector<RowId> addUsualSubjects(Database& db)
{
    Transaction transaction(db);
    std::vector<RowId> added;
    for (const SubjectDetails& d : usualSubjects()) {
        if (findSubject(db, d.name))
            continue;
        Subject subject;
        subject.name = d.name;
        subject.code = d.code;
        added.push_back(Repository<Subject>(db).insert(subject));
    }
    transaction.commit();
    return added;
}

void changeSubject(Database& db, RowId id, const SubjectDetails& typed, const SubjectDetails* expected, Check check)
{
    Transaction transaction(db);
    Repository<Subject> repo(db);
    std::optional<Subject> subject = repo.find(id);
    if (!subject)
        throw StorageError(StorageError::Kind::Invalid, tr("That subject is no longer in this school file."));
    const SubjectDetails stored{subject->name, subject->code};
    if (expected && stored != *expected)
        throw StorageError(StorageError::Kind::Invalid,
                           tr("The subject “%1” was changed elsewhere since you began, so your change was not saved.")
                               .arg(limits::shortened(subject->name)));
    const SubjectDetails d = check == Check::None ? typed : tidied(typed);
    if (check == Check::Values) {
        if (const QStringList problems = problemsWithSubject(db, d, id); !problems.isEmpty())
            throw StorageError(StorageError::Kind::Invalid, problems.join(QLatin1Char(' ')));
    }
    if (stored != d) {
        subject->name = d.name;
        subject->code = d.code;
        repo.update(*subject);
    }
    transaction.commit();
}

void setSubjectsRemoved(Database& db, const std::vector<RowId>& ids, bool removed)
{
    Transaction transaction(db);
    Repository<Subject> repo(db);
    for (const RowId id : ids) {
        if (removed) {
            auto s = db.prepare("SELECT (SELECT count(*) FROM pupil_group WHERE subject_id = ?1 AND deleted = 0) + "
                                "(SELECT count(*) FROM task WHERE subject_id = ?1 AND deleted = 0) + "
                                "(SELECT count(*) FROM target WHERE subject_id = ?1 AND deleted = 0) + "
                                "(SELECT count(*) FROM evidence WHERE subject_id = ?1 AND deleted = 0)");
            s.bindAll(id);
            if (s.step() && s.int64(0) > 0) {
                const std::optional<Subject> subject = repo.find(id);
                throw StorageError(StorageError::Kind::Invalid,
                                   tr("“%1” has groups, tasks, targets or evidence, so it was not removed. Rename it "
                                      "instead if it is called something else now.")
                                       .arg(limits::shortened(subject ? subject->name : QString())));
            }
        }
        repo.setDeleted(id, removed);
    }
    transaction.commit();
}

} // namespace waymark::setup
