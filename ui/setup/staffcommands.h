#pragma once

#include "services/staffsetup.h"
#include "services/subjectsetup.h"

#include <QDate>
#include <QUndoCommand>

#include <functional>
#include <optional>
#include <vector>

namespace waymark {

class Database;

// School Set-up ▸ Staff and Subjects as undo steps. Each calls the set-up services; a change that is
// refused is said through `problem`, and a first write that fails leaves the command obsolete (the
// stack drops it: there is nothing to undo).

// Adds a member of staff ("Add Mrs J Patel"). Undo takes them back (tombstoned, and only while
// nothing refers to them); redo brings the same row back.
class AddStaffCommand final : public QUndoCommand
{
public:
    AddStaffCommand(Database& db, setup::StaffDetails details, std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;
    RowId staffId() const { return staffId_; }
    // Called once, when the member of staff is first added.
    void onAdded(std::function<void(RowId)> added) { added_ = std::move(added); }

private:
    Database& db_;
    setup::StaffDetails details_;
    std::function<void(const QString&)> problem_;
    std::function<void(RowId)> added_;
    RowId staffId_ = 0;
};

// Changes a member of staff's details. Redo writes only over the details this command found, undo
// only over those it left: a change made since elsewhere is kept, and `problem` says so.
class ChangeStaffCommand final : public QUndoCommand
{
public:
    ChangeStaffCommand(Database& db, RowId staffId, setup::StaffDetails before, setup::StaffDetails after,
                       std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;

private:
    Database& db_;
    RowId staffId_;
    setup::StaffDetails before_;
    setup::StaffDetails after_;
    std::function<void(const QString&)> problem_;
    bool done_ = false;
};

// Marks a member of staff as having left ("Mark Mr T Khan as left"), or, with an invalid `after`,
// back on the staff; undo puts back `before`.
class SetStaffLeftCommand final : public QUndoCommand
{
public:
    SetStaffLeftCommand(Database& db, RowId staffId, const QString& name, QDate before, QDate after,
                        std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;

private:
    bool write(QDate leftOn);

    Database& db_;
    RowId staffId_;
    QDate before_;
    QDate after_;
    std::function<void(const QString&)> problem_;
    bool done_ = false;
};

// Who uses Waymark on this computer ("This is me"): `after` chosen, or nobody; undo puts back
// `before`. `name` is the member of staff chosen (or no longer chosen), for the undo text.
class SetWhoIAmCommand final : public QUndoCommand
{
public:
    SetWhoIAmCommand(Database& db, std::optional<RowId> before, std::optional<RowId> after, const QString& name,
                     std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;

private:
    bool write(std::optional<RowId> staffId);

    Database& db_;
    std::optional<RowId> before_;
    std::optional<RowId> after_;
    std::function<void(const QString&)> problem_;
    bool done_ = false;
};

// Adds a subject ("Add the subject Latin"). Undo removes it again; redo brings the same row back.
class AddSubjectCommand final : public QUndoCommand
{
public:
    AddSubjectCommand(Database& db, setup::SubjectDetails details, std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;
    RowId subjectId() const { return subjectId_; }
    void onAdded(std::function<void(RowId)> added) { added_ = std::move(added); }

private:
    Database& db_;
    setup::SubjectDetails details_;
    std::function<void(const QString&)> problem_;
    std::function<void(RowId)> added_;
    RowId subjectId_ = 0;
};

// Adds those of the usual subjects the school does not have yet ("Add the usual subjects"). Undo
// removes exactly those it added; redo brings them back. Obsolete if there were none to add.
class AddUsualSubjectsCommand final : public QUndoCommand
{
public:
    AddUsualSubjectsCommand(Database& db, std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;
    const std::vector<RowId>& subjectIds() const { return subjectIds_; }

private:
    Database& db_;
    std::function<void(const QString&)> problem_;
    std::vector<RowId> subjectIds_;
    bool done_ = false;
};

// Renames a subject or changes its code ("Rename Maths to Mathematics"), written only over what
// this command found (redo) or left (undo).
class ChangeSubjectCommand final : public QUndoCommand
{
public:
    ChangeSubjectCommand(Database& db, RowId subjectId, setup::SubjectDetails before, setup::SubjectDetails after,
                         std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;

private:
    Database& db_;
    RowId subjectId_;
    setup::SubjectDetails before_;
    setup::SubjectDetails after_;
    std::function<void(const QString&)> problem_;
    bool done_ = false;
};

// Removes a subject ("Remove the subject Latin"): refused, and said, while anything uses it. Undo
// brings it back.
class RemoveSubjectCommand final : public QUndoCommand
{
public:
    RemoveSubjectCommand(Database& db, RowId subjectId, const QString& name,
                         std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;

private:
    bool write(bool removed);

    Database& db_;
    RowId subjectId_;
    std::function<void(const QString&)> problem_;
    bool done_ = false;
};

} // namespace waymark
