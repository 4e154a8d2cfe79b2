#include "group/groupmembersmodel.h"

namespace waymark {

GroupMembersModel::GroupMembersModel(QObject* parent) : QAbstractTableModel(parent) {}

void GroupMembersModel::setPupils(std::vector<PupilSummary> pupils)
{
    beginResetModel();
    pupils_ = std::move(pupils);
    endResetModel();
}

int GroupMembersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(pupils_.size());
}

int GroupMembersModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupMembersModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(pupils_.size()))
        return {};
    const PupilSummary& p = pupils_[std::size_t(index.row())];
    if (role == PupilIdRole)
        return p.id;
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return p.sortName();
        if (role == Qt::AccessibleTextRole || role == Qt::ToolTipRole)
            return p.displayName();
        if (role == SortRole)
            return p.sortName().toCaseFolded();
        break;
    case UpnColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return p.upn;
        if (role == Qt::AccessibleTextRole)
            return p.upn.isEmpty() ? tr("No UPN") : p.upn;
        break;
    case YearColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
            if (!p.yearGroup)
                return QString();
            return *p.yearGroup == 0 ? tr("Reception") : tr("Year %1").arg(*p.yearGroup);
        }
        if (role == SortRole)
            return p.yearGroup.value_or(-1);
        break;
    default:
        break;
    }
    return {};
}

QVariant GroupMembersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Pupil");
    case UpnColumn:
        return tr("UPN");
    case YearColumn:
        return tr("Year");
    default:
        return {};
    }
}

} // namespace waymark
