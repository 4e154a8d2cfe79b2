#include "marking/classfeedbackmodels.h"

namespace waymark {

void CriterionCountsModel::setCounts(std::vector<marking::CriterionCounts> counts)
{
    beginResetModel();
    counts_ = std::move(counts);
    endResetModel();
}

int CriterionCountsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(counts_.size());
}

int CriterionCountsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CriterionCountsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const marking::CriterionCounts& c = counts_[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(index.column() == Criterion ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter)
                                                               : Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Criterion:
        return c.text;
    case Met:
        return c.met;
    case Partly:
        return c.partly;
    case NotYet:
        return c.notYet;
    case NotJudged:
        return c.none;
    default:
        return {};
    }
}

QVariant CriterionCountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Criterion:
        return tr("Success criterion");
    case Met:
        return tr("✓ Met");
    case Partly:
        return tr("~ Partly");
    case NotYet:
        return tr("✗ Not yet");
    case NotJudged:
        return tr("– Not judged");
    default:
        return {};
    }
}

void PupilNotesModel::setPupils(std::vector<marking::PupilNote> pupils)
{
    beginResetModel();
    pupils_ = std::move(pupils);
    endResetModel();
}

int PupilNotesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(pupils_.size());
}

int PupilNotesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PupilNotesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const marking::PupilNote& p = pupils_[std::size_t(index.row())];
    if (role == PupilIdRole)
        return qint64(p.pupilId);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (index.column() == Pupil)
        return p.left ? tr("%1 (has left)").arg(p.name) : p.name;
    return p.reasons.join(QStringLiteral("; "));
}

QVariant PupilNotesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == Pupil ? tr("Pupil") : section == Why ? tr("Why") : QVariant();
}

} // namespace waymark
