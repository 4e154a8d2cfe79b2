#include "setup/setupcommands.h"

#include "storage/storageerror.h"

#include <QCoreApplication>

namespace waymark {

namespace {
bool onlyTheName(const setup::SchoolDetails& before, const setup::SchoolDetails& after)
{
    setup::SchoolDetails renamed = before;
    renamed.name = after.name;
    return after.name != before.name && renamed == after;
}
} // namespace

ChangeSchoolDetails::ChangeSchoolDetails(Database& db, setup::SchoolDetails before, setup::SchoolDetails after,
                                         std::function<void(const QString&)> problem)
    : QUndoCommand(onlyTheName(before, after)
                       ? QCoreApplication::translate("waymark::ChangeSchoolDetails", "Rename the school")
                       : QCoreApplication::translate("waymark::ChangeSchoolDetails", "Change the school's details")),
      db_(db), before_(std::move(before)), after_(std::move(after)), problem_(std::move(problem))
{}

void ChangeSchoolDetails::redo()
{
    // A first write that fails leaves nothing to undo: the stack drops an obsolete command.
    if (!write(after_, before_) && !done_)
        setObsolete(true);
    done_ = true;
}

void ChangeSchoolDetails::undo()
{
    // Back to exactly what was stored, checked or not (a school with no name yet, a long old name).
    write(before_, after_, setup::Check::None);
}

bool ChangeSchoolDetails::write(const setup::SchoolDetails& to, const setup::SchoolDetails& from, setup::Check check)
{
    try {
        setup::changeSchoolDetails(db_, to, &from, check);
        return true;
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        return false;
    }
}

AddPupilCommand::AddPupilCommand(Database& db, setup::NewPupil pupil, QDate today,
                                 std::function<void(const QString&)> problem)
    : QUndoCommand(QCoreApplication::translate("waymark::AddPupilCommand", "Add %1 %2")
                       .arg(pupil.legalGivenName.simplified(), pupil.legalFamilyName.simplified())),
      db_(db), pupil_(std::move(pupil)), today_(today), problem_(std::move(problem))
{}

void AddPupilCommand::redo()
{
    try {
        if (pupilId_ == 0) {
            pupilId_ = setup::addPupil(db_, pupil_, today_);
            if (added_)
                added_(pupilId_);
        } else
            setup::setAddedPupilWithdrawn(db_, pupilId_, false);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        if (pupilId_ == 0)
            setObsolete(true); // nothing was added: nothing to undo
    }
}

void AddPupilCommand::undo()
{
    try {
        setup::setAddedPupilWithdrawn(db_, pupilId_, true);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
    }
}

SetPupilLeftCommand::SetPupilLeftCommand(Database& db, RowId pupilId, const QString& name, QDate before, QDate after,
                                         std::function<void(const QString&)> problem)
    : QUndoCommand(after.isValid()
                       ? QCoreApplication::translate("waymark::SetPupilLeftCommand", "Mark %1 as left").arg(name)
                       : QCoreApplication::translate("waymark::SetPupilLeftCommand", "Re-admit %1").arg(name)),
      db_(db), pupilId_(pupilId), before_(before), after_(after), problem_(std::move(problem))
{}

bool SetPupilLeftCommand::write(QDate leftOn)
{
    try {
        setup::setLeftOn(db_, pupilId_, leftOn);
        return true;
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        return false;
    }
}

void SetPupilLeftCommand::redo()
{
    if (!write(after_) && !done_)
        setObsolete(true);
    done_ = true;
}

void SetPupilLeftCommand::undo()
{
    write(before_);
}

namespace {
QString importText(const importing::ImportPlan& plan)
{
    const int pupils = plan.count(importing::PlannedRow::Kind::New) + plan.count(importing::PlannedRow::Kind::Updated);
    if (pupils > 0)
        return pupils == 1 ? QCoreApplication::translate("waymark::ImportCommand", "Import of 1 pupil")
                           : QCoreApplication::translate("waymark::ImportCommand", "Import of %1 pupils").arg(pupils);
    return QCoreApplication::translate("waymark::ImportCommand", "Import from %1").arg(plan.source);
}
} // namespace

ImportCommand::ImportCommand(Database& db, importing::ImportPlan plan, QDate today, importing::Leavers leavers,
                             std::function<bool(int, int)> progress, std::function<void(const QString&)> problem)
    : QUndoCommand(importText(plan)), db_(db), plan_(std::move(plan)), today_(today), leavers_(leavers),
      progress_(std::move(progress)), problem_(std::move(problem))
{}

void ImportCommand::redo()
{
    try {
        if (!applied_) {
            result_ = importing::applyImport(db_, plan_, today_, leavers_, progress_);
            applied_ = true;
            progress_ = {}; // it belonged to the first run's progress dialog
            plan_ = {}; // the result holds what undo needs
        } else {
            importing::revertImport(db_, result_, true);
        }
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        if (!applied_)
            setObsolete(true); // nothing was written: nothing to undo
    }
}

void ImportCommand::undo()
{
    try {
        importing::revertImport(db_, result_);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
    }
}

} // namespace waymark
