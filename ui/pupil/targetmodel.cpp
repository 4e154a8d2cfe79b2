#include "pupil/targetmodel.h"

#include "calendar/typeddate.h"
#include "domain/fieldlimits.h"
#include "pupil/pupileditor.h"
#include "pupil/shapes.h"
#include "records/pupilrecord.h"

#include <QLocale>

#include <algorithm>
#include <iterator>

namespace waymark {

namespace {
// The longest text a cell shows or edits (a target's own limit is limits::kText).
constexpr int kCellText = 2000;

QVariant shownText(const QString& text, int limit, int role)
{
    return limits::shortened(text, role == Qt::ToolTipRole ? 4 * limit : limit);
}
} // namespace

TargetModel::TargetModel(PupilEditor& editor, QObject* parent)
    : QAbstractTableModel(parent)
    , editor_(editor)
    , today_(QDate::currentDate())
{
    for (TargetStatus status : allValues<TargetStatus>())
        statusIcons_.push_back(shapes::targetStatusIcon(status));
}

std::vector<Target> TargetModel::load()
{
    return pupilId_ != 0 ? loadTargets(editor_.db(), pupilId_) : std::vector<Target>{};
}

std::vector<Target> TargetModel::arrange(std::vector<Target> all)
{
    std::vector<Target> rows;
    std::vector<Target> earlier;
    for (Target& t : all) {
        if (listed_.count(t.id) != 0 || isCurrentTarget(t, today_)) {
            listed_.insert(t.id);
            rows.push_back(std::move(t));
        } else {
            earlier.push_back(std::move(t));
        }
    }
    arrangedEarlier_ = static_cast<int>(earlier.size());
    if (showEarlier_) {
        std::stable_sort(earlier.begin(), earlier.end(),
                         [](const Target& a, const Target& b) { return a.setOn > b.setOn; });
        std::move(earlier.begin(), earlier.end(), std::back_inserter(rows));
    }
    return rows;
}

void TargetModel::publishEarlierCount()
{
    // Told once the rows are in place, never from inside a reset.
    if (arrangedEarlier_ != earlierCount_) {
        earlierCount_ = arrangedEarlier_;
        Q_EMIT earlierCountChanged(earlierCount_);
    }
}

void TargetModel::setPupil(RowId pupilId)
{
    beginResetModel();
    pupilId_ = pupilId;
    targets_.clear();
    listed_.clear();
    try {
        targets_ = arrange(load());
    } catch (const StorageError& e) {
        arrangedEarlier_ = 0;
        Q_EMIT editor_.problem(e.message());
    }
    endResetModel();
    publishEarlierCount();
}

void TargetModel::setShowEarlier(bool show)
{
    if (showEarlier_ == show)
        return;
    showEarlier_ = show;
    reload();
}

void TargetModel::reload()
{
    std::vector<Target> fresh;
    try {
        fresh = arrange(load());
    } catch (const StorageError& e) {
        Q_EMIT editor_.problem(e.message());
        return;
    }
    applyRows(std::move(fresh));
    publishEarlierCount();
}

void TargetModel::applyRows(std::vector<Target> fresh)
{
    const auto sameId = [](const Target& a, const Target& b) { return a.id == b.id; };
    const std::size_t common = std::min(fresh.size(), targets_.size());
    if (!std::equal(fresh.begin(), fresh.begin() + std::ptrdiff_t(common), targets_.begin(), sameId)) {
        beginResetModel();
        targets_ = std::move(fresh);
        endResetModel();
        return;
    }
    // Rows added or taken away at the end (earlier targets unfolded or folded): the rows above keep
    // their selection and any open editor.
    if (fresh.size() < targets_.size()) {
        beginRemoveRows({}, int(common), int(targets_.size()) - 1);
        targets_.resize(common);
        endRemoveRows();
    } else if (fresh.size() > targets_.size()) {
        beginInsertRows({}, int(common), int(fresh.size()) - 1);
        std::move(fresh.begin() + std::ptrdiff_t(common), fresh.end(), std::back_inserter(targets_));
        endInsertRows();
    }
    for (std::size_t i = 0; i < common; ++i) {
        if (sameContent(fresh[i], targets_[i]))
            continue;
        targets_[i] = std::move(fresh[i]);
        const int row = static_cast<int>(i);
        // A whole-row range: an editor open in another cell of this row is left alone.
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

bool TargetModel::sameContent(const Target& a, const Target& b)
{
    return a.stamp == b.stamp && a.area == b.area && a.text == b.text && a.successMeasure == b.successMeasure &&
           a.support == b.support && a.setOn == b.setOn && a.reviewBy == b.reviewBy && a.status == b.status &&
           a.agreedWith == b.agreedWith && a.subjectId == b.subjectId;
}

void TargetModel::setReadOnly(bool readOnly)
{
    if (readOnly_ == readOnly)
        return;
    readOnly_ = readOnly;
    if (!targets_.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void TargetModel::setToday(QDate today)
{
    if (today == today_)
        return;
    today_ = today;
    listed_.clear(); // which targets are this year's depends on the date: arranged afresh
    if (pupilId_ != 0)
        reload();
    if (!targets_.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int TargetModel::rowOf(RowId targetId) const
{
    for (std::size_t i = 0; i < targets_.size(); ++i)
        if (targets_[i].id == targetId)
            return static_cast<int>(i);
    return -1;
}

RowId TargetModel::targetIdAt(int row) const
{
    return row >= 0 && row < rowCount() ? targets_[static_cast<std::size_t>(row)].id : 0;
}

int TargetModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(targets_.size());
}

int TargetModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TargetModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Target& t = targets_[static_cast<std::size_t>(index.row())];
    const bool overdue = t.status == TargetStatus::Active && t.reviewBy.isValid() && t.reviewBy < today_;
    switch (role) {
    case TargetIdRole:
        return t.id;
    case StatusRole:
        return static_cast<int>(t.status);
    case OverdueRole:
        return overdue;
    case Qt::DisplayRole:
    case Qt::EditRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        // A file may hold more than Waymark writes: that is shown cut short (a million characters
        // in one cell would take the table minutes to lay out).
        case AreaColumn:
            return shownText(t.area, limits::kName, role);
        case TextColumn:
            return shownText(t.text, kCellText, role);
        case SuccessColumn:
            return shownText(t.successMeasure, kCellText, role);
        case SupportColumn:
            return shownText(t.support, kCellText, role);
        case SetOnColumn:
            if (role == Qt::EditRole)
                return t.setOn;
            return t.setOn.isValid() ? typedDateText(t.setOn) : QString();
        case ReviewByColumn:
            if (role == Qt::EditRole)
                return t.reviewBy;
            if (!t.reviewBy.isValid())
                return QString();
            // Overdue is said in words, not only shown in colour.
            return overdue ? tr("%1 (overdue)").arg(typedDateText(t.reviewBy))
                           : typedDateText(t.reviewBy);
        case StatusColumn:
            return role == Qt::EditRole ? QVariant(static_cast<int>(t.status)) : QVariant(displayName(t.status));
        case AgreedWithColumn:
            return t.agreedWith;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return statusIcons_.at(static_cast<std::size_t>(t.status));
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == StatusColumn)
            return displayName(t.status);
        return {};
    }
    return {};
}

QVariant TargetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AreaColumn:
        return tr("Area");
    case TextColumn:
        return tr("Target");
    case SuccessColumn:
        return tr("Success looks like");
    case SupportColumn:
        return tr("Support");
    case SetOnColumn:
        return tr("Set on");
    case ReviewByColumn:
        return tr("Review by");
    case StatusColumn:
        return tr("Status");
    case AgreedWithColumn:
        return tr("Agreed with");
    }
    return {};
}

Qt::ItemFlags TargetModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid() || readOnly_)
        return f;
    // A cell shown cut short (a file may hold more than Waymark writes) is not edited here: saving
    // the cut text would lose the rest.
    const Target& t = targets_[static_cast<std::size_t>(index.row())];
    const QString* text = nullptr;
    int limit = kCellText;
    switch (index.column()) {
    case AreaColumn:
        text = &t.area;
        limit = limits::kName;
        break;
    case TextColumn:
        text = &t.text;
        break;
    case SuccessColumn:
        text = &t.successMeasure;
        break;
    case SupportColumn:
        text = &t.support;
        break;
    default:
        break;
    }
    if (!text || text->size() <= limit)
        f |= Qt::ItemIsEditable;
    return f;
}

bool TargetModel::setDataFrom(const QModelIndex& index, const QVariant& value, const QVariant& base)
{
    editBase_ = base;
    const bool done = setData(index, value, Qt::EditRole);
    editBase_ = QVariant();
    return done;
}

bool TargetModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    const QVariant base = std::exchange(editBase_, QVariant());
    const auto text = [&]() -> std::optional<QString> {
        return base.isValid() ? std::optional<QString>(base.toString()) : std::nullopt;
    };
    const auto date = [&]() -> std::optional<QDate> {
        return base.isValid() ? std::optional<QDate>(base.toDate()) : std::nullopt;
    };
    if (role != Qt::EditRole || readOnly_ ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    // Copy the id: the push below reloads this model before it returns.
    const RowId id = targets_[static_cast<std::size_t>(index.row())].id;
    switch (index.column()) {
    case AreaColumn:
        return editor_.changeTarget(id, &Target::area, value.toString().trimmed(), tr("Change a target's area"), text());
    case TextColumn:
        return editor_.changeTarget(id, &Target::text, value.toString().trimmed(), tr("Change a target"), text());
    case SuccessColumn:
        return editor_.changeTarget(id, &Target::successMeasure, value.toString().trimmed(),
                                    tr("Change what success looks like"), text());
    case SupportColumn:
        return editor_.changeTarget(id, &Target::support, value.toString().trimmed(), tr("Change a target's support"),
                                    text());
    case SetOnColumn:
        return editor_.changeTarget(id, &Target::setOn, value.toDate(), tr("Change when a target was set"), date());
    case ReviewByColumn:
        return editor_.changeTarget(id, &Target::reviewBy, value.toDate(), tr("Change a target's review date"),
                                    date());
    case StatusColumn: {
        bool ok = false;
        const int v = value.toInt(&ok);
        const auto all = allValues<TargetStatus>();
        if (!ok || v < 0 || v >= static_cast<int>(all.size()))
            return false;
        std::optional<TargetStatus> from;
        if (base.isValid() && base.toInt() >= 0 && base.toInt() < static_cast<int>(all.size()))
            from = static_cast<TargetStatus>(base.toInt());
        return editor_.changeTarget(id, &Target::status, static_cast<TargetStatus>(v), tr("Change a target's status"),
                                    from);
    }
    case AgreedWithColumn:
        return editor_.changeTarget(id, &Target::agreedWith, value.toString().trimmed(),
                                    tr("Change who a target was agreed with"), text());
    }
    return false;
}

} // namespace waymark
