#pragma once

#include "domain/entity.h"

#include <QDate>
#include <QWidget>

class QLabel;
class QLineEdit;
class QModelIndex;
class QTreeView;

namespace waymark {

class SchoolSession;
class SidebarFilter;
class SidebarModel;

// The left-hand pane: a search box over a tree of groups and their pupils. Typing filters in memory;
// Enter or Down moves into the results; activating a pupil or group asks for its page.
class Sidebar final : public QWidget
{
    Q_OBJECT

public:
    explicit Sidebar(QWidget* parent = nullptr);

    // Shows the pupils and groups of the school (nullptr empties the tree).
    void setSession(SchoolSession* session, QDate today);
    void reload();

    void focusSearch();
    void setSearchText(const QString& text);
    // Selects the pupil under "All pupils" (or the group) without asking for its page again.
    // Marks the pupil or group shown on the page as current. One hidden by the search is revealed
    // (the search is cleared), so the sidebar never marks someone other than who is on show.
    void selectPupil(RowId pupilId);
    void selectGroup(RowId groupId);
    // Marks nothing (the dashboard is on show).
    void clearChoice();

    QLineEdit* searchField() const { return search_; }
    QTreeView* tree() const { return tree_; }
    SidebarModel* model() const { return model_; }
    SidebarFilter* filter() const { return filter_; }

Q_SIGNALS:
    void pupilActivated(RowId pupilId);
    void groupActivated(RowId groupId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void onSearchChanged(const QString& text);
    void updateNoMatch();
    void activate(const QModelIndex& index);
    enum class Hidden { Reveal, Leave };
    void select(const QModelIndex& sourceIndex, Hidden hidden = Hidden::Reveal);
    void activateFirstMatch();
    QModelIndex firstMatch() const; // while searching: the first pupil found, else the first group

    QLineEdit* search_;
    QTreeView* tree_;
    SidebarModel* model_;
    SidebarFilter* filter_;
    QLabel* noMatch_; // "No pupil or group matches …", shown instead of an empty list
    SchoolSession* session_ = nullptr;
    QDate today_;
    bool centreWhenShown_ = false; // a selection made while hidden is scrolled to once laid out
};

} // namespace waymark
