#pragma once

#include "queries/dashboardqueries.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <vector>

namespace waymark {

// A list of pupils whose half-termly review is due (or overdue): who, their tutor group and learning
// guide, the date it is due by and why. Read-only; activating a row opens the pupil.
class ReviewDueModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { PupilColumn, TutorGroupColumn, GuideColumn, DueColumn, ReasonColumn, ColumnCount };
    enum Role {
        PupilIdRole = Qt::UserRole + 1,
        DueDateRole, // QDate
        OverdueRole, // bool
        SortRole,    // what the column sorts by
    };

    explicit ReviewDueModel(QObject* parent = nullptr);

    void setEntries(std::vector<ReviewDueEntry> entries);
    const std::vector<ReviewDueEntry>& entries() const { return entries_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ReviewDueEntry> entries_;
    std::vector<QString> dueText_; // parallel to entries_
    QIcon overdueIcon_;
};

} // namespace waymark
