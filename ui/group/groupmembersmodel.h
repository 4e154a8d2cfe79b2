#pragma once

#include "queries/rosterqueries.h"

#include <QAbstractTableModel>

#include <vector>

namespace waymark {

// The pupils of one group: name, UPN and year. Read-only; activating a row opens the pupil.
class GroupMembersModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, UpnColumn, YearColumn, ColumnCount };
    enum Role {
        PupilIdRole = Qt::UserRole + 1,
        SortRole,
    };

    explicit GroupMembersModel(QObject* parent = nullptr);

    void setPupils(std::vector<PupilSummary> pupils);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<PupilSummary> pupils_;
};

} // namespace waymark
