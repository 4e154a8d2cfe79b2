#pragma once

#include "domain/entity.h"

#include <QDate>
#include <QWidget>

class QLabel;
class QTreeView;

namespace waymark {

class GroupMembersModel;
class SchoolSession;

// One group's page: what the group is and who is in it. Activating a pupil opens their page.
class GroupPage final : public QWidget
{
    Q_OBJECT

public:
    explicit GroupPage(QWidget* parent = nullptr);

    void setSession(SchoolSession* session, QDate today);
    // False (and an empty page) if there is no such live group.
    bool showGroup(RowId groupId);
    RowId groupId() const { return groupId_; }
    void refresh();

    GroupMembersModel* model() const { return model_; }
    QTreeView* view() const { return view_; }

Q_SIGNALS:
    void pupilActivated(RowId pupilId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateFonts();

    SchoolSession* session_ = nullptr;
    QDate today_;
    RowId groupId_ = 0;
    QLabel* title_;
    QLabel* details_;
    GroupMembersModel* model_;
    QTreeView* view_;
};

} // namespace waymark
