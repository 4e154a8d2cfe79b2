#pragma once

#include "services/newyear.h"

#include <QDialog>
#include <QUndoCommand>

#include <functional>

class QLabel;
class QListWidget;
class QPushButton;

namespace waymark {

class Database;

// File ▸ Start New Academic Year: what the new year will do (next year's dates, everyone moved
// up a year group) and the pupils in Year 6, 11 and 13, ticked where they usually leave, for the
// teacher to confirm who is leaving.
class NewYearDialog final : public QDialog
{
    Q_OBJECT

public:
    NewYearDialog(setup::NewYearPlan plan, QWidget* parent = nullptr);

    const setup::NewYearPlan& plan() const { return plan_; }
    std::vector<RowId> leavers() const; // the ticked candidates
    QListWidget* candidatesList() const { return candidates_; }
    QPushButton* startButton() const { return start_; }
    QString summaryText() const;

private:
    void update();

    setup::NewYearPlan plan_;
    QLabel* summary_;
    QListWidget* candidates_;
    QPushButton* start_;
};

// Starts the new year through the service as one undo step; undo puts every pupil and the calendar
// back exactly (refused, and said, if year groups were changed since).
class StartNewYearCommand final : public QUndoCommand
{
public:
    StartNewYearCommand(Database& db, setup::NewYearPlan plan, std::vector<RowId> leavers,
                        std::function<void(const QString&)> problem);
    void redo() override;
    void undo() override;
    const setup::NewYearResult& result() const { return result_; }
    bool started() const { return started_; }

private:
    Database& db_;
    setup::NewYearPlan plan_;
    std::vector<RowId> leavers_;
    std::function<void(const QString&)> problem_;
    setup::NewYearResult result_;
    bool started_ = false;
};

} // namespace waymark
