#include "marking/markingmodel.h"

#include "domain/enums.h"

#include <QCoreApplication>

namespace waymark {

using marking::MarkField;
using marking::SheetRow;

namespace {
// A criterion's judgement as the light a pupil would give it, to compare the two views.
QString judgementAsLight(const QString& judgement)
{
    if (judgement == QLatin1String("met"))
        return QStringLiteral("green");
    if (judgement == QLatin1String("partly"))
        return QStringLiteral("amber");
    if (judgement == QLatin1String("not_yet"))
        return QStringLiteral("red");
    return {};
}

template <typename Map>
QString lookup(const Map& map, RowId key)
{
    const auto it = map.find(key);
    return it == map.end() ? QString() : it->second;
}
} // namespace

MarkingModel::MarkingModel(QObject* parent) : QAbstractTableModel(parent)
{
}

// The domain's own names ("Red", "Not yet"), and nothing for no mark: an empty cell stays empty.
QString MarkingModel::lightName(const QString& light)
{
    const std::optional<TrafficLight> v = fromText<TrafficLight>(light.toStdString());
    return v && *v != TrafficLight::None ? displayName(*v) : QString();
}

QString MarkingModel::judgementName(const QString& judgement)
{
    const std::optional<Judgement> v = fromText<Judgement>(judgement.toStdString());
    return v ? displayName(*v) : QString();
}

void MarkingModel::buildColumns()
{
    columns_.clear();
    columns_.push_back({Column::Pupil});
    for (const marking::SheetCriterion& c : sheet_.criteria)
        columns_.push_back({Column::Criterion, c.id});
    columns_.push_back({Column::Light});
    if (sheet_.scaleId)
        columns_.push_back({Column::Grade});
    columns_.push_back({Column::SelfLight});
    columns_.push_back({Column::PeerLight});
    columns_.push_back({Column::WhatWentWell});
    columns_.push_back({Column::EvenBetterIf});
    columns_.push_back({Column::NextStep});
    columns_.push_back({Column::Files});
}

void MarkingModel::setSheet(marking::MarkSheet sheet)
{
    const bool sameShape = sheet.taskId == sheet_.taskId && sheet.rows.size() == sheet_.rows.size() &&
                           sheet.criteria.size() == sheet_.criteria.size() && sheet.scaleId == sheet_.scaleId &&
                           std::equal(sheet.rows.begin(), sheet.rows.end(), sheet_.rows.begin(),
                                      [](const SheetRow& a, const SheetRow& b) { return a.pupilId == b.pupilId; }) &&
                           std::equal(sheet.criteria.begin(), sheet.criteria.end(), sheet_.criteria.begin(),
                                      [](const auto& a, const auto& b) { return a.id == b.id; });
    if (sameShape) {
        // The same pupils and columns: the view keeps its place and selection.
        sheet_ = std::move(sheet);
        if (!sheet_.rows.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
        return;
    }
    beginResetModel();
    sheet_ = std::move(sheet);
    buildColumns();
    endResetModel();
}

void MarkingModel::clear()
{
    beginResetModel();
    sheet_ = {};
    columns_.clear();
    endResetModel();
}

void MarkingModel::updateRow(const SheetRow& row)
{
    const int r = rowOf(row.pupilId);
    if (r < 0)
        return;
    sheet_.rows[std::size_t(r)] = row;
    Q_EMIT dataChanged(index(r, 0), index(r, columnCount() - 1));
}

MarkingModel::Column MarkingModel::kind(int column) const
{
    return column >= 0 && column < int(columns_.size()) ? columns_[std::size_t(column)].kind : Column::Pupil;
}

RowId MarkingModel::criterionOf(int column) const
{
    return column >= 0 && column < int(columns_.size()) ? columns_[std::size_t(column)].criterionId : 0;
}

std::optional<MarkField> MarkingModel::fieldOf(int column) const
{
    switch (kind(column)) {
    case Column::Criterion:
        return MarkField::Judgement;
    case Column::Light:
        return MarkField::Light;
    case Column::Grade:
        return MarkField::Rung;
    case Column::SelfLight:
        return MarkField::SelfLight;
    case Column::PeerLight:
        return MarkField::PeerLight;
    case Column::WhatWentWell:
        return MarkField::WhatWentWell;
    case Column::EvenBetterIf:
        return MarkField::EvenBetterIf;
    case Column::NextStep:
        return MarkField::NextStep;
    case Column::Pupil:
    case Column::Files:
        break;
    }
    return std::nullopt;
}

int MarkingModel::columnOf(Column k, RowId criterionId) const
{
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i].kind == k && (k != Column::Criterion || columns_[i].criterionId == criterionId))
            return int(i);
    return -1;
}

int MarkingModel::rowOf(RowId pupilId) const
{
    for (std::size_t i = 0; i < sheet_.rows.size(); ++i)
        if (sheet_.rows[i].pupilId == pupilId)
            return int(i);
    return -1;
}

RowId MarkingModel::pupilAt(int row) const
{
    return row >= 0 && row < rowCount() ? sheet_.rows[std::size_t(row)].pupilId : 0;
}

int MarkingModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(sheet_.rows.size());
}

int MarkingModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(columns_.size());
}

QString MarkingModel::rungCode(const std::optional<RowId>& rungId) const
{
    if (!rungId)
        return {};
    for (const marking::SheetRung& r : sheet_.rungs)
        if (r.id == *rungId)
            return r.code;
    return {};
}

std::optional<RowId> MarkingModel::rungForCode(const QString& code) const
{
    const QString wanted = code.trimmed();
    for (const marking::SheetRung& r : sheet_.rungs)
        if (r.code.compare(wanted, Qt::CaseInsensitive) == 0)
            return r.id;
    for (const marking::SheetRung& r : sheet_.rungs)
        if (!r.label.isEmpty() && r.label.compare(wanted, Qt::CaseInsensitive) == 0)
            return r.id;
    return std::nullopt;
}

QVariant MarkingModel::value(const SheetRow& row, const ColumnInfo& column) const
{
    switch (column.kind) {
    case Column::Criterion:
        return lookup(row.judgements, column.criterionId);
    case Column::Light:
        return row.light;
    case Column::Grade:
        return row.rungId ? QVariant(*row.rungId) : QVariant();
    case Column::SelfLight:
        return row.selfLight;
    case Column::PeerLight:
        return row.peerLight;
    case Column::WhatWentWell:
        return row.whatWentWell;
    case Column::EvenBetterIf:
        return row.evenBetterIf;
    case Column::NextStep:
        return row.nextStep;
    case Column::Files:
        return row.attachments;
    case Column::Pupil:
        return row.name;
    }
    return {};
}

QString MarkingModel::displayText(const SheetRow& row, const ColumnInfo& column) const
{
    switch (column.kind) {
    case Column::Criterion:
        return judgementName(lookup(row.judgements, column.criterionId));
    case Column::Light:
        return lightName(row.light);
    case Column::SelfLight:
        return lightName(row.selfLight);
    case Column::PeerLight:
        return lightName(row.peerLight);
    case Column::Grade:
        return rungCode(row.rungId);
    case Column::Files:
        return row.attachments ? QString::number(row.attachments) : QString();
    case Column::WhatWentWell:
    case Column::EvenBetterIf:
    case Column::NextStep:
        return value(row, column).toString().simplified(); // one line in the grid
    case Column::Pupil:
        return row.left ? tr("%1 (left)").arg(row.name) : row.name;
    }
    return {};
}

QStringList MarkingModel::markers(const SheetRow& row) const
{
    QStringList out;
    if (row.sen == QLatin1String("ehc_plan"))
        out << tr("EHCP");
    else if (row.sen == QLatin1String("sen_support"))
        out << tr("SEN");
    if (row.eal)
        out << tr("EAL");
    if (row.pupilPremium)
        out << tr("PP");
    if (row.lookedAfter)
        out << tr("CLA");
    return out;
}

QString MarkingModel::differs(const SheetRow& row, const ColumnInfo& column) const
{
    if (column.kind == Column::SelfLight && !row.selfLight.isEmpty() && !row.light.isEmpty() &&
        row.selfLight != row.light)
        return tr("%1 sees it differently: %2 by their own view, %3 by yours.")
            .arg(row.givenName, lightName(row.selfLight).toLower(), lightName(row.light).toLower());
    if (column.kind == Column::Criterion) {
        const QString teacher = judgementAsLight(lookup(row.judgements, column.criterionId));
        const QString self = lookup(row.selfCriteria, column.criterionId);
        if (!teacher.isEmpty() && !self.isEmpty() && teacher != self)
            return tr("%1 sees it differently: %2 by their own view.").arg(row.givenName, lightName(self).toLower());
    }
    return {};
}

QVariant MarkingModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const SheetRow& row = sheet_.rows[std::size_t(index.row())];
    const ColumnInfo& column = columns_[std::size_t(index.column())];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, column);
    case Qt::EditRole:
        if (column.kind == Column::Grade)
            return rungCode(row.rungId);
        return value(row, column);
    case ValueRole:
        return value(row, column);
    case ColumnKindRole:
        return int(column.kind);
    case PupilIdRole:
        return row.pupilId;
    case DiffersRole:
        return differs(row, column);
    case MarkersRole:
        return column.kind == Column::Pupil ? markers(row) : QStringList();
    case Qt::ToolTipRole: {
        QString tip;
        if (column.kind == Column::Pupil) {
            const QStringList m = markers(row);
            tip = m.isEmpty() ? row.name : tr("%1 — %2").arg(row.name, m.join(QStringLiteral(", ")));
        } else if (column.kind == Column::WhatWentWell || column.kind == Column::EvenBetterIf ||
                   column.kind == Column::NextStep) {
            tip = value(row, column).toString();
        }
        const QString d = differs(row, column);
        return d.isEmpty() ? tip : (tip.isEmpty() ? d : tip + QLatin1Char('\n') + d);
    }
    case Qt::AccessibleTextRole: {
        const QString text = displayText(row, column);
        const QString header = headerData(index.column(), Qt::Horizontal).toString();
        return tr("%1, %2: %3").arg(row.name, header, text.isEmpty() ? tr("none") : text);
    }
    case Qt::TextAlignmentRole:
        if (column.kind == Column::Grade || column.kind == Column::Files)
            return int(Qt::AlignCenter);
        return {};
    default:
        return {};
    }
}

QVariant MarkingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const ColumnInfo& column = columns_[std::size_t(section)];
    QString full;
    int number = 0;
    if (column.kind == Column::Criterion) {
        for (std::size_t i = 0; i < sheet_.criteria.size(); ++i)
            if (sheet_.criteria[i].id == column.criterionId) {
                number = int(i) + 1;
                full = sheet_.criteria[i].text;
            }
    }
    if (role == Qt::ToolTipRole) {
        switch (column.kind) {
        case Column::Criterion:
            return tr("Success criterion %1: %2\nKeys: 1 not yet, 2 partly, 3 met, Space to cycle, Delete to clear.")
                .arg(number)
                .arg(full);
        case Column::Light:
        case Column::SelfLight:
        case Column::PeerLight:
            return tr("Keys: R, A or G (or 1, 2, 3), Space to cycle, Delete to clear.");
        case Column::Grade:
            return tr("%1: type the grade and press Enter.").arg(sheet_.scaleName);
        case Column::WhatWentWell:
        case Column::EvenBetterIf:
        case Column::NextStep:
            return tr("Start typing, or press F2; Enter saves and moves to the next pupil.");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column.kind) {
    case Column::Pupil:
        return tr("Pupil");
    case Column::Criterion:
        return tr("SC%1").arg(number);
    case Column::Light:
        return tr("Light");
    case Column::Grade:
        return sheet_.scaleName.startsWith(QLatin1String("Marks out of")) ? tr("Mark") : tr("Grade");
    case Column::SelfLight:
        return tr("Self");
    case Column::PeerLight:
        return tr("Peer");
    case Column::WhatWentWell:
        return tr("What went well");
    case Column::EvenBetterIf:
        return tr("Even better if");
    case Column::NextStep:
        return tr("Next step");
    case Column::Files:
        return tr("Files");
    }
    return {};
}

Qt::ItemFlags MarkingModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const Column k = kind(index.column());
    if (!readOnly_ && (k == Column::Grade || k == Column::WhatWentWell || k == Column::EvenBetterIf ||
                       k == Column::NextStep))
        f |= Qt::ItemIsEditable; // typed into; lights and judgements are set by single keys
    return f;
}

std::optional<marking::MarkChange> MarkingModel::changeFor(const QModelIndex& index, const QVariant& value) const
{
    const std::optional<MarkField> field = fieldOf(index.column());
    if (!index.isValid() || !field || index.row() >= rowCount())
        return std::nullopt;
    const SheetRow& row = sheet_.rows[std::size_t(index.row())];
    marking::MarkChange change;
    change.mark = marking::Mark{row.pupilId, *field, criterionOf(index.column()), value};
    change.before = this->value(row, columns_[std::size_t(index.column())]);
    return change;
}

namespace {
bool sameValue(const QVariant& a, const QVariant& b)
{
    const bool aNone = a.isNull() || a.toString().isEmpty();
    const bool bNone = b.isNull() || b.toString().isEmpty();
    return aNone || bNone ? aNone == bNone : a.toString() == b.toString();
}
} // namespace

bool MarkingModel::writeCells(const std::vector<marking::MarkChange>& changes, const QString& stepText)
{
    if (!writer_ || readOnly_)
        return false;
    std::vector<marking::MarkChange> real;
    for (const marking::MarkChange& c : changes)
        if (!sameValue(c.before, c.mark.value))
            real.push_back(c);
    if (real.empty())
        return true; // nothing to change
    lastWriteFailed_ = !writer_(real, stepText);
    return !lastWriteFailed_;
}

QVariant MarkingModel::cycled(const QModelIndex& index) const
{
    const QString now = index.data(ValueRole).toString();
    if (kind(index.column()) == Column::Criterion) {
        static const QStringList order = {QString(), QStringLiteral("not_yet"), QStringLiteral("partly"),
                                          QStringLiteral("met")};
        return order.value((order.indexOf(now) + 1) % order.size());
    }
    static const QStringList order = {QString(), QStringLiteral("red"), QStringLiteral("amber"),
                                      QStringLiteral("green")};
    return order.value((order.indexOf(now) + 1) % order.size());
}

bool MarkingModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !writer_ || readOnly_)
        return false;
    QVariant stored = value;
    if (kind(index.column()) == Column::Grade) {
        const QString code = value.toString().trimmed();
        if (code.isEmpty()) {
            stored = QVariant();
        } else if (const std::optional<RowId> rung = rungForCode(code)) {
            stored = *rung;
        } else {
            Q_EMIT problem(tr("“%1” is not on this task's scale (%2).").arg(code, sheet_.scaleName));
            lastWriteFailed_ = true;
            return false;
        }
    }
    const std::optional<marking::MarkChange> change = changeFor(index, stored);
    if (!change)
        return false;
    const QString step = tr("Mark %1 for %2")
                             .arg(headerData(index.column(), Qt::Horizontal).toString(),
                                  sheet_.rows[std::size_t(index.row())].givenName);
    return writeCells({*change}, step);
}

} // namespace waymark
