#pragma once

#include "services/marking.h"
#include "services/marksheet.h"

#include <QAbstractTableModel>

#include <functional>
#include <vector>

namespace waymark {

// The marking grid's rows and columns: a row per pupil of the task's group, a column per success
// criterion, then the teacher's traffic light, the grade (when the task has a scale), the pupil's
// own and a peer's light, the three parts of feedback and the count of attached files. It reads a
// MarkSheet and never writes: setData hands the change to `writer` (the page, which pushes an undo
// command through the marking service) and the page reloads the rows that changed.
class MarkingModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Pupil, Criterion, Light, Grade, SelfLight, PeerLight, WhatWentWell, EvenBetterIf, NextStep, Files };
    enum Role {
        ValueRole = Qt::UserRole + 1, // the stored value, as marking::markOf gives it
        ColumnKindRole,               // int(Column)
        PupilIdRole,
        DiffersRole, // the pupil's view (self light) and the teacher's differ: a short sentence, or empty
        MarkersRole, // the pupil's markers as a list of short labels ("SEN", "EAL", "PP", "CLA")
    };

    // Writes the changes as one undo step; returns false (and says why itself) if nothing was written.
    using Writer = std::function<bool(const std::vector<marking::MarkChange>&, const QString& stepText)>;

    explicit MarkingModel(QObject* parent = nullptr);

    void setWriter(Writer writer) { writer_ = std::move(writer); }
    void setReadOnly(bool readOnly) { readOnly_ = readOnly; }

    // A new sheet: the same task keeps the current cell where the pupils are the same.
    void setSheet(marking::MarkSheet sheet);
    void clear();
    const marking::MarkSheet& sheet() const { return sheet_; }
    // A pupil's row read again after a change.
    void updateRow(const marking::SheetRow& row);

    Column kind(int column) const;
    RowId criterionOf(int column) const;
    // The marking field a column edits, if any.
    std::optional<marking::MarkField> fieldOf(int column) const;
    int columnOf(Column kind, RowId criterionId = 0) const;
    int rowOf(RowId pupilId) const;
    RowId pupilAt(int row) const;

    // The change that gives the cell `value` (what the teacher saw as `before`).
    std::optional<marking::MarkChange> changeFor(const QModelIndex& index, const QVariant& value) const;
    // The last write handed to the writer was refused (and said why).
    bool lastWriteFailed() const { return lastWriteFailed_; }
    void clearWriteFailure() { lastWriteFailed_ = false; }
    // Hands the changes to the writer as one step (a fill when there are many). Changes that would
    // leave a cell as it is are dropped first: a step that changes nothing would only cost the
    // teacher their Redo.
    bool writeCells(const std::vector<marking::MarkChange>& changes, const QString& stepText);
    // The next value Space gives a light or judgement cell: none → red → amber → green → none.
    QVariant cycled(const QModelIndex& index) const;
    // The rung whose code the teacher typed (any case), if on the task's scale.
    std::optional<RowId> rungForCode(const QString& code) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    static QString lightName(const QString& light);
    static QString judgementName(const QString& judgement);

Q_SIGNALS:
    void problem(const QString& message);

private:
    struct ColumnInfo
    {
        Column kind;
        RowId criterionId = 0;
    };
    void buildColumns();
    QVariant value(const marking::SheetRow& row, const ColumnInfo& column) const;
    QString displayText(const marking::SheetRow& row, const ColumnInfo& column) const;
    QString rungCode(const std::optional<RowId>& rungId) const;
    QStringList markers(const marking::SheetRow& row) const;
    QString differs(const marking::SheetRow& row, const ColumnInfo& column) const;

    marking::MarkSheet sheet_;
    std::vector<ColumnInfo> columns_;
    Writer writer_;
    bool readOnly_ = false;
    bool lastWriteFailed_ = false;
};

} // namespace waymark
