#pragma once

#include "attachments/evidencefiles.h"
#include "records/evidencetimeline.h"

#include <QAbstractTableModel>

#include <vector>

namespace waymark {

class SchoolSession;

// One pupil's evidence, newest first, loaded a page at a time as the view scrolls (canFetchMore /
// fetchMore), so a pupil with five years of history opens as fast as a new one.
class EvidenceTimelineModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 50;

    enum Column {
        DateColumn,
        SubjectColumn,
        TaskColumn,
        TeacherLightColumn,
        SelfLightColumn,
        PeerLightColumn,
        RungColumn,
        FeedbackColumn,
        FilesColumn,
        ColumnCount
    };
    enum Role {
        EvidenceIdRole = Qt::UserRole + 1, // qint64
        TrafficLightRole,                  // int(TrafficLight) in the three light columns
        RecordedOnRole,                    // QDate
    };

    explicit EvidenceTimelineModel(SchoolSession& session, QObject* parent = nullptr);

    // Shows a pupil's timeline with only its first page loaded.
    void setPupil(RowId pupilId);
    RowId pupilId() const { return pupilId_; }
    // Re-reads the rows already shown (after a change), keeping as many as were loaded.
    void reload();

    const TimelineEntry* entryAt(int row) const;

    // A piece's attached files, and copying one out of the school file (throws StorageError).
    std::vector<AttachedFile> filesOf(RowId evidenceId) const;
    void saveFile(const AttachedFile& file, const QString& path) const;
    // How many rows have been read from the database for this pupil so far (for tests and checks).
    int rowsFetched() const { return rowsFetched_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void problem(const QString& message);

private:
    std::vector<TimelineEntry> load(std::optional<TimelineCursor> after, int limit);

    SchoolSession& session_;
    RowId pupilId_ = 0;
    std::vector<TimelineEntry> entries_;
    bool exhausted_ = true;
    bool changing_ = false; // inside a reset or an insertion
    int rowsFetched_ = 0;
};

// The words for a traffic light in a sentence: "Teacher: green (G)".
QString describeLight(const QString& who, TrafficLight light);

} // namespace waymark
