#pragma once

#include <QHash>
#include <QObject>

class QAbstractItemView;
class QHeaderView;

namespace waymark {

// Sizes a table's columns to the width it has, as a teacher would: columns of short values (dates,
// a status, a name) keep the width their content needs, and columns of words share what is left
// and wrap. When the room is short (a narrow window, 150% or 200% scaling) the short columns give
// up their slack first, down to their least; a column of words never goes below a readable least,
// and the table scrolls sideways instead of cutting every cell to "T…".
//
// The short columns can still be dragged wider or narrower, and keep the width they are dragged to;
// the shared ones follow.
class ColumnLayout final : public QObject
{
    Q_OBJECT

public:
    explicit ColumnLayout(QAbstractItemView* view, QHeaderView* header);

    // A column sized to its content: `width` wanted, `least` the narrowest it may go (same if
    // omitted).
    void setFitted(int column, int width, int least = -1);
    // A column of words sharing the width left over, never under `least`, in proportion to weight.
    void setShared(int column, int least, int weight = 1);

    int leastWidth(int column) const;
    bool isShared(int column) const { return columns_.value(column).shared; }

    // Lays the columns out again (done by itself when the table or a fitted column is resized).
    void apply();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Column
    {
        bool shared = false;
        int width = 0; // wanted (fitted) or 0
        int least = 0;
        int weight = 1;
    };
    void onSectionResized(int column, int oldSize, int newSize);

    QAbstractItemView* view_;
    QHeaderView* header_;
    QHash<int, Column> columns_;
    bool applying_ = false;
};

} // namespace waymark
