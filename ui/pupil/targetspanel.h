#pragma once

#include "domain/entities.h"

#include <QTimer>
#include <QWidget>

#include <functional>

class QAction;
class QPushButton;
class QTableView;
class QToolButton;

namespace waymark {

class ColumnLayout;
class PupilEditor;
class TargetModel;

// The learning plan's targets as an editable table, with Add (Insert) and Remove (Delete). New
// targets start with today's date and the pupil's next review date, and open for typing. Targets
// from earlier years sit behind a "Show earlier targets (N)" toggle.
class TargetsPanel final : public QWidget
{
    Q_OBJECT

public:
    TargetsPanel(PupilEditor& editor, TargetModel& model, QWidget* parent = nullptr);

    // What a new target starts with (the page knows the pupil, today and the next review).
    void setNewTargetDefaults(std::function<Target()> defaults) { defaults_ = std::move(defaults); }
    void setReadOnly(bool readOnly);

    QTableView* view() const { return view_; }
    QAction* addTargetAction() const { return add_; }
    QAction* removeTargetAction() const { return remove_; }
    QToolButton* earlierToggle() const { return earlier_; }
    const ColumnLayout& columns() const { return *columns_; }

    // Adds a target and starts editing its text; returns its id, or 0.
    RowId addTarget();
    // Removes the chosen target (undoable); false if no row is marked as chosen.
    bool removeCurrentTarget();

private:
    void updateActions();
    int chosenRow() const; // the current row if it is marked as chosen, else -1
    void updateEarlierToggle();
    void fitAreaColumn();
    int cellPadding() const;
    int headerWidth(int column) const;
    int readableTextWidth() const;
    void fitRows();
    void fitRowsNow();

    PupilEditor& editor_;
    TargetModel& model_;
    QTableView* view_;
    QAction* add_;
    QAction* remove_;
    QPushButton* addButton_;
    QPushButton* removeButton_;
    QToolButton* earlier_;
    QTimer fitTimer_;
    ColumnLayout* columns_ = nullptr;
    int areaWidth_ = 0;
    std::function<Target()> defaults_;
    bool readOnly_ = false;
};

} // namespace waymark
