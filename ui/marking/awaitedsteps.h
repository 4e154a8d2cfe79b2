#pragma once

#include "domain/entity.h"

#include <QWidget>

#include <optional>

class QLabel;
class QStandardItemModel;
class QTreeView;

namespace waymark {

class Database;

// Closing the loop: the next steps still awaiting a pupil's response, for a class (the group page)
// or for one pupil (their Evidence tab), oldest first. Enter or a double-click asks to open the task
// at that pupil's response.
class AwaitedStepsView final : public QWidget
{
    Q_OBJECT

public:
    explicit AwaitedStepsView(QWidget* parent = nullptr);

    // Reads the list again: one group's tasks, or one pupil's next steps.
    void showFor(Database& db, std::optional<RowId> groupId, std::optional<RowId> pupilId);
    void clear();

    QTreeView* view() const { return view_; }
    int count() const;

    enum { TaskIdRole = Qt::UserRole + 1, PupilIdRole };

Q_SIGNALS:
    void stepActivated(RowId taskId, RowId pupilId);

private:
    QLabel* title_;
    QStandardItemModel* model_;
    QTreeView* view_;
    bool forPupil_ = false;
};

} // namespace waymark
