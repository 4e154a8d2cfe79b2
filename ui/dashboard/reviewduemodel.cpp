#include "dashboard/reviewduemodel.h"

#include "icons.h"

#include <QLocale>

namespace waymark {

ReviewDueModel::ReviewDueModel(QObject* parent)
    : QAbstractTableModel(parent), overdueIcon_(icons::themed(QStringLiteral("warning")))
{}

void ReviewDueModel::setEntries(std::vector<ReviewDueEntry> entries)
{
    beginResetModel();
    entries_ = std::move(entries);
    // Formatted once here: views and sorting ask for these many times over.
    const QLocale locale;
    dueText_.clear();
    dueText_.reserve(entries_.size());
    for (const ReviewDueEntry& e : entries_)
        dueText_.push_back(locale.toString(e.due.due, QStringLiteral("ddd d MMM")));
    endResetModel();
}

int ReviewDueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(entries_.size());
}

int ReviewDueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewDueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(entries_.size()))
        return {};
    const ReviewDueEntry& e = entries_[std::size_t(index.row())];
    switch (role) {
    case PupilIdRole:
        return e.pupil.pupilId;
    case DueDateRole:
        return e.due.due;
    case OverdueRole:
        return e.overdue;
    default:
        break;
    }

    const QString& dueText = dueText_[std::size_t(index.row())];
    switch (index.column()) {
    case PupilColumn:
        if (role == Qt::DisplayRole)
            return e.pupil.sortName;
        if (role == SortRole)
            return e.pupil.sortName.toCaseFolded();
        if (role == Qt::ToolTipRole)
            return e.pupil.upn.isEmpty() ? e.pupil.name : tr("%1 · UPN %2").arg(e.pupil.name, e.pupil.upn);
        if (role == Qt::AccessibleTextRole)
            return e.pupil.name;
        break;
    case TutorGroupColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return e.pupil.tutorGroup;
        if (role == SortRole)
            return e.pupil.tutorGroup.toCaseFolded();
        break;
    case GuideColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return e.pupil.learningGuide;
        if (role == SortRole)
            return e.pupil.learningGuide.toCaseFolded();
        break;
    case DueColumn:
        // "Overdue" is spelt out and marked with an icon: never colour alone.
        if (role == Qt::DisplayRole)
            return e.overdue ? tr("%1 (overdue)").arg(dueText) : dueText;
        if (role == Qt::AccessibleTextRole)
            return e.overdue ? tr("Overdue since %1").arg(dueText) : tr("Due by %1").arg(dueText);
        if (role == Qt::DecorationRole && e.overdue)
            return overdueIcon_;
        if (role == SortRole)
            return e.due.due;
        break;
    case ReasonColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
            return e.due.reason;
        if (role == SortRole)
            return e.due.reason;
        break;
    default:
        break;
    }
    return {};
}

QVariant ReviewDueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PupilColumn:
        return tr("Pupil");
    case TutorGroupColumn:
        return tr("Tutor group");
    case GuideColumn:
        return tr("Learning guide");
    case DueColumn:
        return tr("Due by");
    case ReasonColumn:
        return tr("Why");
    default:
        return {};
    }
}

} // namespace waymark
