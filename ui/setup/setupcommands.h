#pragma once

#include "services/pupilsetup.h"
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

} // namespace waymark
