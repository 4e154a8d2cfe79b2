#pragma once

#include "services/pupilsetup.h"
#include "services/rosterimport.h"
#include "services/schoolsetup.h"

#include <QUndoCommand>

#include <functional>

namespace waymark {

class Database;

// Changes the school's details through the set-up service, as one undo step. Undo and redo write
// only where the stored details are still what this command left (or found): a change made since
// in another window is never overwritten, and `problem` says so.
class ChangeSchoolDetails final : public QUndoCommand
{
public:
    ChangeSchoolDetails(Database& db, setup::SchoolDetails before, setup::SchoolDetails after,
                        std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;

private:
    bool write(const setup::SchoolDetails& to, const setup::SchoolDetails& from,
               setup::Check check = setup::Check::Values);

    Database& db_;
    setup::SchoolDetails before_;
    setup::SchoolDetails after_;
    std::function<void(const QString&)> problem_;
    bool done_ = false;
};

// Adds a pupil through the set-up service. Undo takes the pupil back (tombstoned, and only while
// nothing else has been recorded for them); redo brings the same row back.
class AddPupilCommand final : public QUndoCommand
{
public:
    AddPupilCommand(Database& db, setup::NewPupil pupil, QDate today, std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;
    RowId pupilId() const { return pupilId_; }
    // Called once, when the pupil is first added.
    void onAdded(std::function<void(RowId)> added) { added_ = std::move(added); }

private:
    Database& db_;
    std::function<void(RowId)> added_;
    setup::NewPupil pupil_;
    QDate today_;
    std::function<void(const QString&)> problem_;
    RowId pupilId_ = 0;
};

// Marks a pupil as left on a date, or re-admits them (an invalid date), through the set-up service;
// undo puts back the date they had.
class SetPupilLeftCommand final : public QUndoCommand
{
public:
    SetPupilLeftCommand(Database& db, RowId pupilId, const QString& name, QDate before, QDate after,
                        std::function<void(const QString&)> problem);
    void redo() override;
    void undo() override;

private:
    bool write(QDate leftOn);

    Database& db_;
    RowId pupilId_;
    QDate before_;
    QDate after_;
    std::function<void(const QString&)> problem_;
    bool done_ = false;
};

// An import from the MIS as one undo step ("Undo Import of 212 pupils"). The first redo applies the
// plan (with `progress`, which may cancel: then nothing was written and the command is obsolete);
// undo and redo after it take back and bring again exactly what it wrote, refused (and said) if any
// of it was changed since.
class ImportCommand final : public QUndoCommand
{
public:
    ImportCommand(Database& db, importing::ImportPlan plan, QDate today, importing::Leavers leavers,
                  std::function<bool(int, int)> progress, std::function<void(const QString&)> problem);

    void redo() override;
    void undo() override;
    bool applied() const { return applied_; }
    const importing::ImportResult& result() const { return result_; }

private:
    Database& db_;
    importing::ImportPlan plan_;
    QDate today_;
    importing::Leavers leavers_;
    std::function<bool(int, int)> progress_;
    std::function<void(const QString&)> problem_;
    importing::ImportResult result_;
    bool applied_ = false;
};

} // namespace waymark
