#pragma once

#include "services/groupsetup.h"

#include <QStringList>
#include <QUndoCommand>

#include <functional>

namespace waymark {

class Database;

// School Set-up ▸ Groups, as undo steps. Each command changes the file only through the group
// set-up service; what goes wrong is said through `problem`, and a first change that fails leaves
// nothing to undo (the command is obsolete and the stack drops it).

// Adds a group ("Add 9X/Ma1"). Undo removes it (tombstoned); redo brings the same row back.
class AddGroupCommand final : public QUndoCommand
{
public:
    AddGroupCommand(Database& db, setup::GroupDetails details, std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;
    RowId groupId() const { return groupId_; }
    // Called once, when the group is first added.
    void onAdded(std::function<void(RowId)> added) { added_ = std::move(added); }

private:
    Database& db_;
    std::function<void(RowId)> added_;
    setup::GroupDetails details_;
    std::function<void(const QString&)> problem_;
    RowId groupId_ = 0;
};

// Changes a group's details ("Change 9X/Ma1"). Redo and undo write only while the stored details
// are what this command expects: a change made since in another window is never overwritten.
class ChangeGroupCommand final : public QUndoCommand
{
public:
    ChangeGroupCommand(Database& db, RowId groupId, setup::GroupDetails before, setup::GroupDetails after,
                       std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;

private:
    Database& db_;
    RowId groupId_;
    setup::GroupDetails before_;
    setup::GroupDetails after_;
    std::function<void(const QString&)> problem_;
    bool done_ = false;
};

// Removes a group ("Remove 9X/Ma1"); refused (and said) while tasks were set for it. Undo brings it
// back with its members.
class RemoveGroupCommand final : public QUndoCommand
{
public:
    RemoveGroupCommand(Database& db, RowId groupId, const QString& groupName,
                       std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;

private:
    Database& db_;
    RowId groupId_;
    std::function<void(const QString&)> problem_;
    bool done_ = false;
};

// Puts pupils in a group, takes them out, or moves them to another tutor group, as one step:
// "Add 3 pupils to 7R", "Remove Emre Aydın from 7R", "Move Emre Aydın to 7S". The first redo makes
// the change and keeps the memberships it made and ended; undo and redo put back exactly those. A
// change that alters nothing (the pupils were already there) is obsolete.
class ChangeMembersCommand final : public QUndoCommand
{
public:
    enum class Kind {
        Add,             // into `groupId`
        Remove,          // out of `groupId`
        MoveToTutorGroup // into the tutor group `groupId`, out of their other tutor group that year
    };

    // `pupilNames` name the pupils for the command's text (in the same order as `pupilIds`).
    ChangeMembersCommand(Database& db, Kind kind, RowId groupId, const QString& groupName, std::vector<RowId> pupilIds,
                         const QStringList& pupilNames, std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;
    const setup::MembershipChange& change() const { return change_; }

private:
    Database& db_;
    Kind kind_;
    RowId groupId_;
    std::vector<RowId> pupilIds_;
    std::function<void(const QString&)> problem_;
    setup::MembershipChange change_;
    bool done_ = false;
};

} // namespace waymark
