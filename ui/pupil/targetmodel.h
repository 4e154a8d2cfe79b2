#pragma once

#include "domain/entities.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <unordered_set>
#include <vector>

namespace waymark {

class PupilEditor;

// The targets of one pupil's learning plan, one row each, in plan order. Editing a cell never writes
// directly: setData() asks the PupilEditor, which pushes an undo command; the model then reloads
// when the session reports that the target table changed.
//
// This year's targets (isCurrentTarget) are listed; earlier ones are counted and folded away unless
// setShowEarlier(true), when they follow, newest first. A target once listed stays listed while the
// same pupil is open, so marking last year's target achieved does not whisk it out of sight.
class TargetModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        AreaColumn,
        TextColumn,
        SuccessColumn,
        SupportColumn,
        SetOnColumn,
        ReviewByColumn,
        StatusColumn,
        AgreedWithColumn,
        ColumnCount
    };
    enum Role {
        TargetIdRole = Qt::UserRole + 1, // qint64
        StatusRole,                      // int(TargetStatus)
        OverdueRole,                     // bool: still being worked on and past its review-by date
    };

    explicit TargetModel(PupilEditor& editor, QObject* parent = nullptr);

    void setPupil(RowId pupilId);
    RowId pupilId() const { return pupilId_; }
    // Re-reads the targets; rows whose targets are unchanged keep their open editors.
    void reload();
    void setReadOnly(bool readOnly);
    void setToday(QDate today);

    void setShowEarlier(bool show);
    bool showsEarlier() const { return showEarlier_; }
    // Earlier targets of this pupil that are not in the current list (shown or folded).
    int earlierCount() const { return earlierCount_; }

    int rowOf(RowId targetId) const; // -1 if not shown
    RowId targetIdAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // setData() for an edit that started from `base` (what the cell showed when its editor
    // opened): if the file holds something else by now, the teacher is told their version replaced
    // a change made elsewhere (kept in history).
    bool setDataFrom(const QModelIndex& index, const QVariant& value, const QVariant& base);
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void earlierCountChanged(int count);
    // Something typed in a cell was not taken, in a sentence saying why (a date it cannot read).
    void problem(const QString& message);

private:
    static bool sameContent(const Target& a, const Target& b);
    std::vector<Target> load();
    // The rows to show, in order, from all of the pupil's targets; counts the earlier ones.
    std::vector<Target> arrange(std::vector<Target> all);
    void applyRows(std::vector<Target> fresh);
    void publishEarlierCount();

    PupilEditor& editor_;
    RowId pupilId_ = 0;
    std::vector<Target> targets_;
    bool readOnly_ = false;
    QVariant editBase_; // set only during setDataFrom()
    bool showEarlier_ = false;
    int earlierCount_ = 0;
    int arrangedEarlier_ = 0; // counted by arrange(), published once the rows are in place
    std::unordered_set<RowId> listed_; // current targets listed since this pupil was opened
    QDate today_;
    std::vector<QIcon> statusIcons_; // by TargetStatus; drawn from the palette when painted
};

} // namespace waymark
