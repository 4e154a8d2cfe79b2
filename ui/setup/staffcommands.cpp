#include "setup/staffcommands.h"

#include "storage/storageerror.h"

#include <QCoreApplication>

#include <algorithm>

namespace waymark {

namespace {
// How a member of staff is named in an undo text: as they are shown, or as that would be made.
QString shownName(const setup::StaffDetails& d)
{
    const QString shown = d.displayName.simplified();
    return shown.isEmpty() ? setup::composeDisplayName(d.title, d.givenName, d.familyName) : shown;
}

// Runs a write; a refusal is said through `problem` and gives false.
template <typename Write> bool attempt(const std::function<void(const QString&)>& problem, Write&& write)
{
    try {
        write();
        return true;
    } catch (const StorageError& e) {
        if (problem)
            problem(e.message());
        return false;
    }
}
} // namespace

AddStaffCommand::AddStaffCommand(Database& db, setup::StaffDetails details, std::function<void(const QString&)> problem)
    : QUndoCommand(QCoreApplication::translate("waymark::AddStaffCommand", "Add %1").arg(shownName(details))), db_(db),
      details_(std::move(details)), problem_(std::move(problem))
{}

void AddStaffCommand::redo()
{
    const bool first = staffId_ == 0;
    const bool ok = attempt(problem_, [&] {
        if (first)
            staffId_ = setup::addStaff(db_, details_);
        else
            setup::setAddedStaffWithdrawn(db_, staffId_, false);
    });
    if (first && !ok)
        setObsolete(true); // nothing was added: nothing to undo
    else if (first && added_)
        added_(staffId_);
}

void AddStaffCommand::undo()
{
    attempt(problem_, [&] { setup::setAddedStaffWithdrawn(db_, staffId_, true); });
}

ChangeStaffCommand::ChangeStaffCommand(Database& db, RowId staffId, setup::StaffDetails before,
                                       setup::StaffDetails after, std::function<void(const QString&)> problem)
    : QUndoCommand(
          QCoreApplication::translate("waymark::ChangeStaffCommand", "Change %1's details").arg(shownName(before))),
      db_(db), staffId_(staffId), before_(std::move(before)), after_(std::move(after)), problem_(std::move(problem))
{}

void ChangeStaffCommand::redo()
{
    if (!done_) {
        done_ = true;
        if (!attempt(problem_, [&] { setup::changeStaff(db_, staffId_, after_, &before_); })) {
            setObsolete(true);
            return;
        }
        // The service tidies what was typed (spaces, a display name made): undo expects what it stored.
        if (const std::optional<setup::StaffMember> stored = setup::staffMember(db_, staffId_))
            after_ = stored->details;
        return;
    }
    attempt(problem_, [&] { setup::changeStaff(db_, staffId_, after_, &before_, setup::Check::None); });
}

void ChangeStaffCommand::undo()
{
    attempt(problem_, [&] { setup::changeStaff(db_, staffId_, before_, &after_, setup::Check::None); });
}

SetStaffLeftCommand::SetStaffLeftCommand(Database& db, RowId staffId, const QString& name, QDate before, QDate after,
                                         std::function<void(const QString&)> problem)
    : QUndoCommand(
          after.isValid()
              ? QCoreApplication::translate("waymark::SetStaffLeftCommand", "Mark %1 as left").arg(name)
              : QCoreApplication::translate("waymark::SetStaffLeftCommand", "Bring %1 back on the staff").arg(name)),
      db_(db), staffId_(staffId), before_(before), after_(after), problem_(std::move(problem))
{}

void SetStaffLeftCommand::redo()
{
    if (!write(after_) && !done_)
        setObsolete(true);
    done_ = true;
}

void SetStaffLeftCommand::undo()
{
    write(before_);
}

bool SetStaffLeftCommand::write(QDate leftOn)
{
    return attempt(problem_, [&] { setup::setStaffLeftOn(db_, staffId_, leftOn); });
}

SetWhoIAmCommand::SetWhoIAmCommand(Database& db, std::optional<RowId> before, std::optional<RowId> after,
                                   const QString& name, std::function<void(const QString&)> problem)
    : QUndoCommand(after ? QCoreApplication::translate("waymark::SetWhoIAmCommand", "This is me: %1").arg(name)
                         : QCoreApplication::translate("waymark::SetWhoIAmCommand", "This is not me: %1").arg(name)),
      db_(db), before_(before), after_(after), problem_(std::move(problem))
{}

void SetWhoIAmCommand::redo()
{
    if (!write(after_) && !done_)
        setObsolete(true);
    done_ = true;
}

void SetWhoIAmCommand::undo()
{
    write(before_);
}

bool SetWhoIAmCommand::write(std::optional<RowId> staffId)
{
    return attempt(problem_, [&] { setup::setWhoIAm(db_, staffId); });
}

AddSubjectCommand::AddSubjectCommand(Database& db, setup::SubjectDetails details,
                                     std::function<void(const QString&)> problem)
    : QUndoCommand(QCoreApplication::translate("waymark::AddSubjectCommand", "Add the subject %1")
                       .arg(details.name.simplified())),
      db_(db), details_(std::move(details)), problem_(std::move(problem))
{}

void AddSubjectCommand::redo()
{
    const bool first = subjectId_ == 0;
    const bool ok = attempt(problem_, [&] {
        if (first)
            subjectId_ = setup::addSubject(db_, details_);
        else
            setup::setSubjectsRemoved(db_, {subjectId_}, false);
    });
    if (first && !ok)
        setObsolete(true);
    else if (first && added_)
        added_(subjectId_);
}

void AddSubjectCommand::undo()
{
    attempt(problem_, [&] { setup::setSubjectsRemoved(db_, {subjectId_}, true); });
}

AddUsualSubjectsCommand::AddUsualSubjectsCommand(Database& db, std::function<void(const QString&)> problem)
    : QUndoCommand(QCoreApplication::translate("waymark::AddUsualSubjectsCommand", "Add the usual subjects")), db_(db),
      problem_(std::move(problem))
{}

void AddUsualSubjectsCommand::redo()
{
    if (!done_) {
        done_ = true;
        const bool ok = attempt(problem_, [&] { subjectIds_ = setup::addUsualSubjects(db_); });
        if (!ok || subjectIds_.empty())
            setObsolete(true); // the school had them all already: nothing to undo
        return;
    }
    attempt(problem_, [&] { setup::setSubjectsRemoved(db_, subjectIds_, false); });
}

void AddUsualSubjectsCommand::undo()
{
    attempt(problem_, [&] { setup::setSubjectsRemoved(db_, subjectIds_, true); });
}

namespace {
QString changeSubjectText(const setup::SubjectDetails& before, const setup::SubjectDetails& after)
{
    if (after.name.simplified() != before.name)
        return QCoreApplication::translate("waymark::ChangeSubjectCommand", "Rename %1 to %2")
            .arg(before.name, after.name.simplified());
    return QCoreApplication::translate("waymark::ChangeSubjectCommand", "Change the code of %1").arg(before.name);
}
} // namespace

ChangeSubjectCommand::ChangeSubjectCommand(Database& db, RowId subjectId, setup::SubjectDetails before,
                                           setup::SubjectDetails after, std::function<void(const QString&)> problem)
    : QUndoCommand(changeSubjectText(before, after)), db_(db), subjectId_(subjectId), before_(std::move(before)),
      after_(std::move(after)), problem_(std::move(problem))
{}

void ChangeSubjectCommand::redo()
{
    if (!done_) {
        done_ = true;
        if (!attempt(problem_, [&] { setup::changeSubject(db_, subjectId_, after_, &before_); })) {
            setObsolete(true);
            return;
        }
        // Undo expects the subject as the service stored it (tidied).
        const std::vector<setup::SubjectEntry> subjects = setup::subjectList(db_);
        const auto stored = std::find_if(subjects.begin(), subjects.end(),
                                         [&](const setup::SubjectEntry& s) { return s.id == subjectId_; });
        if (stored != subjects.end())
            after_ = stored->details;
        return;
    }
    attempt(problem_, [&] { setup::changeSubject(db_, subjectId_, after_, &before_, setup::Check::None); });
}

void ChangeSubjectCommand::undo()
{
    attempt(problem_, [&] { setup::changeSubject(db_, subjectId_, before_, &after_, setup::Check::None); });
}

RemoveSubjectCommand::RemoveSubjectCommand(Database& db, RowId subjectId, const QString& name,
                                           std::function<void(const QString&)> problem)
    : QUndoCommand(QCoreApplication::translate("waymark::RemoveSubjectCommand", "Remove the subject %1").arg(name)),
      db_(db), subjectId_(subjectId), problem_(std::move(problem))
{}

void RemoveSubjectCommand::redo()
{
    if (!write(true) && !done_)
        setObsolete(true); // in use: nothing was removed
    done_ = true;
}

void RemoveSubjectCommand::undo()
{
    write(false);
}

bool RemoveSubjectCommand::write(bool removed)
{
    return attempt(problem_, [&] { setup::setSubjectsRemoved(db_, {subjectId_}, removed); });
}

} // namespace waymark
