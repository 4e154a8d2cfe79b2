#pragma once

#include "services/classfeedback.h"

#include <QAbstractTableModel>

#include <vector>

namespace waymark {

// The counts per success criterion of a class summary: the criterion, then how many pupils met
// it, partly met it, have not yet met it, and were not judged on it.
class CriterionCountsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Criterion, Met, Partly, NotYet, NotJudged, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;
    void setCounts(std::vector<marking::CriterionCounts> counts);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<marking::CriterionCounts> counts_;
};

// Pupils in a list of a class summary (to revisit, to praise): the pupil, and why.
class PupilNotesModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Pupil, Why, ColumnCount };
    static constexpr int PupilIdRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;
    void setPupils(std::vector<marking::PupilNote> pupils);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<marking::PupilNote> pupils_;
};

} // namespace waymark
