#include "services/classfeedback.h"

#include "domain/entities.h"
#include "domain/fieldlimits.h"
#include "repo/repository.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>

namespace waymark::marking {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ClassFeedback", text);
}

QString judgementOf(const SheetRow& row, RowId criterionId)
{
    const auto it = row.judgements.find(criterionId);
    return it == row.judgements.end() ? QString() : it->second;
}

QString& noteOf(TaskFeedback& f, ClassNote note)
{
    switch (note) {
    case ClassNote::Praise:
        return f.praise;
    case ClassNote::Misconceptions:
        return f.misconceptions;
    case ClassNote::Literacy:
        return f.literacy;
    case ClassNote::Revisit:
        break;
    }
    return f.revisit;
}
} // namespace

bool isMarked(const SheetRow& row)
{
    return !row.light.isEmpty() || row.rungId || !row.judgements.empty() || !row.whatWentWell.isEmpty() ||
           !row.evenBetterIf.isEmpty() || !row.nextStep.isEmpty();
}

ClassSummary classSummary(const MarkSheet& sheet)
{
    ClassSummary out;
    for (const SheetCriterion& c : sheet.criteria)
        out.criteria.push_back({c.id, c.text, 0, 0, 0, 0});
    for (const SheetRow& row : sheet.rows) {
        ++out.pupils;
        if (isMarked(row))
            ++out.marked;
        if (row.light == QLatin1String("red"))
            ++out.red;
        else if (row.light == QLatin1String("amber"))
            ++out.amber;
        else if (row.light == QLatin1String("green"))
            ++out.green;
        else
            ++out.noLight;

        QStringList notYet;
        bool allMet = true;
        for (CriterionCounts& counts : out.criteria) {
            const QString j = judgementOf(row, counts.criterionId);
            if (j == QLatin1String("met")) {
                ++counts.met;
            } else if (j == QLatin1String("partly")) {
                ++counts.partly;
                allMet = false;
            } else if (j == QLatin1String("not_yet")) {
                ++counts.notYet;
                notYet << tr("not yet: %1").arg(counts.text);
                allMet = false;
            } else {
                ++counts.none;
                allMet = false;
            }
        }
        const bool red = row.light == QLatin1String("red");
        if (red || !notYet.isEmpty()) {
            PupilNote note{row.pupilId, row.name, {}, row.left};
            if (red)
                note.reasons << tr("red light");
            note.reasons += notYet;
            out.revisit.push_back(note);
        } else if (row.light == QLatin1String("green") && allMet) {
            out.praise.push_back({row.pupilId,
                                  row.name,
                                  {sheet.criteria.empty() ? tr("green light") : tr("green light, every criterion met")},
                                  row.left});
        }
    }
    return out;
}

const QString& ClassNotes::operator[](ClassNote note) const
{
    switch (note) {
    case ClassNote::Praise:
        return praise;
    case ClassNote::Misconceptions:
        return misconceptions;
    case ClassNote::Literacy:
        return literacy;
    case ClassNote::Revisit:
        break;
    }
    return revisit;
}

QString& ClassNotes::operator[](ClassNote note)
{
    return const_cast<QString&>(std::as_const(*this)[note]);
}

ClassNotes taskFeedback(Database& db, RowId taskId)
{
    const std::optional<TaskFeedback> f = Repository<TaskFeedback>(db).first("task_id = ?1", taskId);
    if (!f)
        return {};
    return {f->praise, f->misconceptions, f->literacy, f->revisit};
}

std::vector<ClassNoteChange> setTaskFeedback(Database& db, RowId taskId, const std::vector<ClassNoteChange>& changes)
{
    Transaction transaction(db);
    if (!Repository<Task>(db).find(taskId))
        throw StorageError(StorageError::Kind::Invalid, tr("That task is no longer in this school file."));
    Repository<TaskFeedback> notes(db);
    std::optional<TaskFeedback> stored = notes.first("task_id = ?1", taskId);
    TaskFeedback row = stored ? *stored : TaskFeedback{};
    row.taskId = taskId;
    std::vector<ClassNoteChange> made;
    for (const ClassNoteChange& change : changes) {
        QString& text = noteOf(row, change.note);
        if (text == change.value)
            continue; // already so: nothing to write, nothing to undo
        if (text != change.before)
            throw StorageError(StorageError::Kind::Invalid,
                               tr("The class feedback was changed elsewhere (perhaps in another window) since you saw "
                                  "it, so nothing was changed. Look at it again and write once more."));
        if (change.value.size() > limits::kText)
            throw StorageError(StorageError::Kind::Invalid,
                               tr("Class feedback can have at most %1 characters in each box.").arg(limits::kText));
        made.push_back({change.note, change.value, text});
        text = change.value;
    }
    if (made.empty())
        return made;
    if (stored)
        notes.update(row);
    else
        notes.insert(row);
    transaction.commit();
    return made;
}

std::vector<ClassNoteChange> inverse(const std::vector<ClassNoteChange>& changes)
{
    std::vector<ClassNoteChange> out;
    for (auto it = changes.rbegin(); it != changes.rend(); ++it)
        out.push_back({it->note, it->before, it->value});
    return out;
}

} // namespace waymark::marking
