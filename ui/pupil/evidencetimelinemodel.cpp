#include "pupil/evidencetimelinemodel.h"

#include "calendar/typeddate.h"
#include "pupil/shapes.h"
#include "services/schoolsession.h"
#include "storage/storageerror.h"

#include <QLocale>
#include <QScopedValueRollback>

namespace waymark {

QString describeLight(const QString& who, TrafficLight light)
{
    if (light == TrafficLight::None)
        return EvidenceTimelineModel::tr("%1: none").arg(who);
    return EvidenceTimelineModel::tr("%1: %2 (%3)").arg(who, displayName(light), trafficLightLetter(light));
}

EvidenceTimelineModel::EvidenceTimelineModel(SchoolSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , session_(session)
{
}

std::vector<TimelineEntry> EvidenceTimelineModel::load(std::optional<TimelineCursor> after, int limit)
{
    try {
        auto rows = loadTimelinePage(session_.db(), pupilId_, after, limit);
        rowsFetched_ += static_cast<int>(rows.size());
        return rows;
    } catch (const StorageError& e) {
        Q_EMIT problem(e.message());
        return {};
    }
}

void EvidenceTimelineModel::setPupil(RowId pupilId)
{
    const QScopedValueRollback<bool> changing(changing_, true);
    beginResetModel();
    pupilId_ = pupilId;
    entries_.clear();
    rowsFetched_ = 0;
    exhausted_ = pupilId_ == 0;
    if (!exhausted_) {
        entries_ = load(std::nullopt, kPageSize);
        exhausted_ = static_cast<int>(entries_.size()) < kPageSize;
    }
    endResetModel();
}

void EvidenceTimelineModel::reload()
{
    if (pupilId_ == 0)
        return;
    const int keep = std::max(kPageSize, static_cast<int>(entries_.size()));
    const QScopedValueRollback<bool> changing(changing_, true);
    beginResetModel();
    entries_ = load(std::nullopt, keep);
    exhausted_ = static_cast<int>(entries_.size()) < keep;
    endResetModel();
}

bool EvidenceTimelineModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !exhausted_ && !changing_;
}

void EvidenceTimelineModel::fetchMore(const QModelIndex& parent)
{
    // A listener may ask for more while this model is still announcing a change; rows are never
    // inserted in the middle of another insertion or a reset.
    if (parent.isValid() || exhausted_ || changing_)
        return;
    const QScopedValueRollback<bool> changing(changing_, true);
    std::optional<TimelineCursor> after;
    if (!entries_.empty())
        after = TimelineCursor{entries_.back().recordedOn, entries_.back().evidenceId};
    auto page = load(after, kPageSize);
    exhausted_ = static_cast<int>(page.size()) < kPageSize;
    if (page.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    std::move(page.begin(), page.end(), std::back_inserter(entries_));
    endInsertRows();
}

std::vector<AttachedFile> EvidenceTimelineModel::filesOf(RowId evidenceId) const
{
    try {
        return filesOfEvidence(session_.db(), evidenceId);
    } catch (const StorageError& e) {
        Q_EMIT const_cast<EvidenceTimelineModel*>(this)->problem(e.message());
        return {};
    }
}

void EvidenceTimelineModel::saveFile(const AttachedFile& file, const QString& path) const
{
    saveAttachmentAs(session_.db(), file, path);
}

const TimelineEntry* EvidenceTimelineModel::entryAt(int row) const
{
    return row >= 0 && row < rowCount() ? &entries_[static_cast<std::size_t>(row)] : nullptr;
}

int EvidenceTimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

int EvidenceTimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

TrafficLight lightIn(const TimelineEntry& e, int column)
{
    switch (column) {
    case EvidenceTimelineModel::TeacherLightColumn:
        return e.light;
    case EvidenceTimelineModel::SelfLightColumn:
        return e.selfLight;
    case EvidenceTimelineModel::PeerLightColumn:
        return e.peerLight;
    }
    return TrafficLight::None;
}

QString lightOwner(int column)
{
    switch (column) {
    case EvidenceTimelineModel::TeacherLightColumn:
        return EvidenceTimelineModel::tr("Teacher");
    case EvidenceTimelineModel::SelfLightColumn:
        return EvidenceTimelineModel::tr("Self");
    case EvidenceTimelineModel::PeerLightColumn:
        return EvidenceTimelineModel::tr("Peer");
    }
    return {};
}

// The feedback in one line for the table; the detail pane shows it in full.
QString feedbackSummary(const TimelineEntry& e)
{
    QStringList parts;
    if (!e.whatWentWell.isEmpty())
        parts << EvidenceTimelineModel::tr("WWW: %1").arg(e.whatWentWell);
    if (!e.evenBetterIf.isEmpty())
        parts << EvidenceTimelineModel::tr("EBI: %1").arg(e.evenBetterIf);
    if (!e.nextStep.isEmpty())
        parts << EvidenceTimelineModel::tr("Next: %1").arg(e.nextStep);
    if (parts.isEmpty() && !e.note.isEmpty())
        parts << e.note;
    return parts.join(QStringLiteral("  ·  "));
}

} // namespace

QVariant EvidenceTimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelineEntry& e = entries_[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case EvidenceIdRole:
        return e.evidenceId;
    case RecordedOnRole:
        return e.recordedOn;
    case TrafficLightRole:
        if (column == TeacherLightColumn || column == SelfLightColumn || column == PeerLightColumn)
            return static_cast<int>(lightIn(e, column));
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case DateColumn:
            return typedDateText(e.recordedOn);
        case SubjectColumn:
            return e.subjectName;
        case TaskColumn:
            return e.taskTitle.isEmpty() ? displayName(e.kind) : e.taskTitle;
        case TeacherLightColumn:
        case SelfLightColumn:
        case PeerLightColumn:
            return trafficLightLetter(lightIn(e, column));
        case RungColumn:
            return e.rungCode;
        case FeedbackColumn:
            return feedbackSummary(e);
        case FilesColumn:
            return e.attachmentCount > 0 ? QVariant(e.attachmentCount) : QVariant();
        }
        return {};
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        switch (column) {
        case DateColumn:
            return QLocale().toString(e.recordedOn, QLocale::LongFormat);
        case TaskColumn:
            return e.taskTitle.isEmpty() ? displayName(e.kind) : tr("%1 (%2)").arg(e.taskTitle, displayName(e.kind));
        case TeacherLightColumn:
        case SelfLightColumn:
        case PeerLightColumn:
            return describeLight(lightOwner(column), lightIn(e, column));
        case RungColumn:
            if (e.rungCode.isEmpty())
                return {};
            return e.rungLabel.isEmpty() ? e.rungCode : tr("%1: %2").arg(e.rungCode, e.rungLabel);
        case FeedbackColumn:
            return feedbackSummary(e);
        case FilesColumn:
            return tr("%n attached file(s)", nullptr, e.attachmentCount);
        case SubjectColumn:
            return e.subjectName;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == TeacherLightColumn || column == SelfLightColumn || column == PeerLightColumn ||
            column == FilesColumn || column == RungColumn)
            return QVariant::fromValue(Qt::AlignCenter);
        return {};
    }
    return {};
}

QVariant EvidenceTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case DateColumn:
            return tr("Date");
        case SubjectColumn:
            return tr("Subject");
        case TaskColumn:
            return tr("Task or kind");
        case TeacherLightColumn:
            return tr("T", "teacher's traffic light, column header");
        case SelfLightColumn:
            return tr("S", "pupil's own traffic light, column header");
        case PeerLightColumn:
            return tr("P", "peer's traffic light, column header");
        case RungColumn:
            return tr("Rung");
        case FeedbackColumn:
            return tr("Feedback");
        case FilesColumn:
            return tr("Files");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case TeacherLightColumn:
            return tr("The teacher's traffic light");
        case SelfLightColumn:
            return tr("The pupil's own traffic light");
        case PeerLightColumn:
            return tr("A classmate's traffic light");
        case RungColumn:
            return tr("The rung on the ladder of progress");
        case FilesColumn:
            return tr("Photos and files attached");
        }
    }
    return {};
}

} // namespace waymark
