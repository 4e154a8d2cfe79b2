#pragma once

#include <QStyledItemDelegate>

namespace waymark {

// Paints the marking grid's cells so that nothing is told by colour alone: traffic lights as their
// shape with a letter, judgements as a sign and a word, the pupil's markers (SEN, EAL, PP, CLA) as
// outlined labels after the name, and a "≠" where the pupil's view differs from the teacher's.
// Grades are typed with the scale's codes offered as they are typed.
class MarkingDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace waymark
