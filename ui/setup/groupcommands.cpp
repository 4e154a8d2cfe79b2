#include "setup/groupcommands.h"

#include "storage/storageerror.h"

#include <QCoreApplication>

namespace waymark {

namespace {
setup::GroupDetails tidied(setup::GroupDetails details)
{
    // As the service stores it, so that undo finds what it expects.
    details.name = details.name.simplified();
    return details;
}

QString changeText(const setup::GroupDetails& before, const setup::GroupDetails& after)
{
    setup::GroupDetails renamed = before;
    renamed.name = after.name;
    if (after.name != before.name && renamed == after)
        return QCoreApplication::translate("waymark::ChangeGroupCommand", "Rename %1 to %2")
            .arg(before.name, after.name);
    return QCoreApplication::translate("waymark::ChangeGroupCommand", "Change %1").arg(after.name);
}

QString membersText(ChangeMembersCommand::Kind kind, const QString& groupName, const QStringList& pupilNames)
{
    const char* const context = "waymark::ChangeMembersCommand";
    const int n = int(pupilNames.size());
    switch (kind) {
    case ChangeMembersCommand::Kind::Add:
        return n == 1 ? QCoreApplication::translate(context, "Add %1 to %2").arg(pupilNames.front(), groupName)
                      : QCoreApplication::translate(context, "Add %n pupils to %1", nullptr, n).arg(groupName);
    case ChangeMembersCommand::Kind::Remove:
        return n == 1 ? QCoreApplication::translate(context, "Remove %1 from %2").arg(pupilNames.front(), groupName)
                      : QCoreApplication::translate(context, "Remove %n pupils from %1", nullptr, n).arg(groupName);
    case ChangeMembersCommand::Kind::MoveToTutorGroup:
        return n == 1 ? QCoreApplication::translate(context, "Move %1 to %2").arg(pupilNames.front(), groupName)
                      : QCoreApplication::translate(context, "Move %n pupils to %1", nullptr, n).arg(groupName);
    }
    return {};
}
} // namespace

AddGroupCommand::AddGroupCommand(Database& db, setup::GroupDetails details, std::function<void(const QString&)> problem)
    : QUndoCommand(QCoreApplication::translate("waymark::AddGroupCommand", "Add %1").arg(details.name.simplified())),
      db_(db), details_(tidied(std::move(details))), problem_(std::move(problem))
{}

void AddGroupCommand::redo()
{
    try {
        if (groupId_ == 0) {
            groupId_ = setup::addGroup(db_, details_);
            if (added_)
                added_(groupId_);
        } else
            setup::setGroupRemoved(db_, groupId_, false);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        if (groupId_ == 0)
            setObsolete(true); // nothing was added: nothing to undo
    }
}

void AddGroupCommand::undo()
{
    try {
        setup::setGroupRemoved(db_, groupId_, true);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
    }
}

ChangeGroupCommand::ChangeGroupCommand(Database& db, RowId groupId, setup::GroupDetails before,
                                       setup::GroupDetails after, std::function<void(const QString&)> problem)
    : QUndoCommand(changeText(before, tidied(after))), db_(db), groupId_(groupId), before_(std::move(before)),
      after_(tidied(std::move(after))), problem_(std::move(problem))
{}

void ChangeGroupCommand::redo()
{
    try {
        setup::changeGroup(db_, groupId_, after_, &before_);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        if (!done_)
            setObsolete(true); // the first write failed: nothing to undo
    }
    done_ = true;
}

void ChangeGroupCommand::undo()
{
    // Back to exactly what was stored, checked or not (a name from an import longer than typing allows).
    try {
        setup::changeGroup(db_, groupId_, before_, &after_, setup::Check::None);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
    }
}

RemoveGroupCommand::RemoveGroupCommand(Database& db, RowId groupId, const QString& groupName,
                                       std::function<void(const QString&)> problem)
    : QUndoCommand(QCoreApplication::translate("waymark::RemoveGroupCommand", "Remove %1").arg(groupName)), db_(db),
      groupId_(groupId), problem_(std::move(problem))
{}

void RemoveGroupCommand::redo()
{
    try {
        setup::setGroupRemoved(db_, groupId_, true);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        if (!done_)
            setObsolete(true); // refused (tasks were set for it): nothing to undo
    }
    done_ = true;
}

void RemoveGroupCommand::undo()
{
    try {
        setup::setGroupRemoved(db_, groupId_, false);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
    }
}

ChangeMembersCommand::ChangeMembersCommand(Database& db, Kind kind, RowId groupId, const QString& groupName,
                                           std::vector<RowId> pupilIds, const QStringList& pupilNames,
                                           std::function<void(const QString&)> problem)
    : QUndoCommand(membersText(kind, groupName, pupilNames)), db_(db), kind_(kind), groupId_(groupId),
      pupilIds_(std::move(pupilIds)), problem_(std::move(problem))
{}

void ChangeMembersCommand::redo()
{
    try {
        if (done_) {
            setup::revertMembershipChange(db_, change_, true);
            return;
        }
        done_ = true;
        switch (kind_) {
        case Kind::Add:
            change_ = setup::addMembers(db_, groupId_, pupilIds_);
            break;
        case Kind::Remove:
            change_ = setup::removeMembers(db_, groupId_, pupilIds_);
            break;
        case Kind::MoveToTutorGroup:
            for (const RowId pupilId : pupilIds_)
                change_.append(setup::moveToTutorGroup(db_, pupilId, groupId_));
            break;
        }
        pupilIds_.clear(); // the change holds what undo needs
        if (!change_.changed())
            setObsolete(true); // they were already where they were put: nothing to undo
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
        if (!change_.changed())
            setObsolete(true); // nothing was written: nothing to undo
    }
}

void ChangeMembersCommand::undo()
{
    try {
        setup::revertMembershipChange(db_, change_, false);
    } catch (const StorageError& e) {
        if (problem_)
            problem_(e.message());
    }
}

} // namespace waymark
