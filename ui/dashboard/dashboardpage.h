#pragma once

#include "domain/entity.h"
#include "shell/lazypage.h"

#include <QDate>

class QHBoxLayout;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace waymark {

class ReviewDueModel;
class SchoolSession;

// The school at a glance: name, academic year and half-term, headline counts, and whose reviews are
// overdue or due this half-term (two queries in all, however large the school). Read only while on
// show (LazyPage).
class DashboardPage final : public LazyPage
{
    Q_OBJECT

public:
    explicit DashboardPage(QWidget* parent = nullptr);

    // Refreshes now if on show, else when next shown.
    void setSession(SchoolSession* session, QDate today);

    ReviewDueModel* overdueModel() const { return overdue_; }
    ReviewDueModel* dueModel() const { return due_; }
    QTreeView* overdueView() const { return overdueView_; }
    QTreeView* dueView() const { return dueView_; }
    QLabel* nameSchoolLink() const { return nameIt_; }

Q_SIGNALS:
    void pupilActivated(RowId pupilId);
    // The school has no name yet and the teacher chose to give it one.
    void schoolDetailsRequested();
    void importRequested(); // a school with nobody on roll: File ▸ Import from MIS

protected:
    void changeEvent(QEvent* event) override;
    void reload() override;

private:
    struct Card
    {
        QLabel* number;
        QLabel* caption;
    };
    Card addCard(QHBoxLayout* row);
    QTreeView* makeList(ReviewDueModel* model, const QString& accessibleName);
    void updateFonts();

    SchoolSession* session_ = nullptr;
    QDate today_;
    QLabel* title_;
    QLabel* subtitle_;
    QLabel* nameIt_;
    QLabel* importIt_ = nullptr;
    Card pupils_{};
    Card groups_{};
    Card targets_{};
    Card evidence_{};
    QLabel* overdueLabel_;
    QLabel* dueLabel_;
    ReviewDueModel* overdue_;
    ReviewDueModel* due_;
    QTreeView* overdueView_;
    QTreeView* dueView_;
    QStackedWidget* overdueStack_;
    QStackedWidget* dueStack_;
};

} // namespace waymark
