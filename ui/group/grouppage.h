#pragma once

#include "domain/entity.h"
#include "shell/lazypage.h"

#include <QDate>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTreeView;

namespace waymark {

class GroupMembersModel;
class SchoolSession;

// One group's page: what the group is and who is in it. Activating a pupil opens their page. Read
// only while on show (LazyPage).
class GroupPage final : public LazyPage
{
    Q_OBJECT

public:
    explicit GroupPage(QWidget* parent = nullptr);

    void setSession(SchoolSession* session, QDate today);
    // False (and an empty page) if there is no such live group.
    bool showGroup(RowId groupId);
    RowId groupId() const { return groupId_; }

    GroupMembersModel* model() const { return model_; }
    QTreeView* view() const { return view_; }
    QTreeView* tasksView() const { return tasksView_; }
    QTreeView* awaitedView() const;

    enum { TaskIdRole = Qt::UserRole + 1 };

Q_SIGNALS:
    void pupilActivated(RowId pupilId);
    void taskActivated(RowId taskId);
    // A next step awaiting the pupil's response: open the task at that pupil.
    void awaitedActivated(RowId taskId, RowId pupilId);
    void newTaskRequested();

protected:
    void changeEvent(QEvent* event) override;
    void reload() override;

private:
    void updateFonts();

    SchoolSession* session_ = nullptr;
    QDate today_;
    RowId groupId_ = 0;
    QLabel* title_;
    QLabel* details_;
    GroupMembersModel* model_;
    QTreeView* view_;
    QLabel* tasksTitle_;
    QPushButton* newTask_;
    QStandardItemModel* tasks_;
    QTreeView* tasksView_;
    class AwaitedStepsView* awaited_;
};

} // namespace waymark
