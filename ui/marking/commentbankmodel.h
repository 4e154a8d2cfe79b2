#pragma once

#include "services/commentbank.h"
#include "text/placeholders.h"

#include <QAbstractListModel>

#include <vector>

namespace waymark {

// The comment bank's list as the panel shows it: each comment filled in for the pupil being marked
// (as it would be inserted), a subject's own comments marked with the subject's name, and the
// comment as the bank keeps it, its subject and uses in a tooltip and in roles.
class CommentBankModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        CommentIdRole = Qt::UserRole + 1, // RowId
        TemplateRole,                     // the text as the bank keeps it, with its {placeholders}
        FilledTextRole,                   // the text filled in for the pupil: what is inserted
        SubjectRole,                      // the subject's name; empty for a general comment
        UsesRole,                         // int
    };

    explicit CommentBankModel(QObject* parent = nullptr);

    void setComments(std::vector<commentbank::Comment> comments);
    // Who the comments are filled for (no name and no pronouns: shown as written).
    void setPupil(const text::PupilWords& pupil);
    // "Even better if" comments continue a phrase: no capital at their start.
    void setTextStart(text::TextStart start);

    const commentbank::Comment* comment(int row) const;
    int rowOf(RowId id) const; // -1 when not listed
    QString filledText(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::vector<commentbank::Comment> comments_;
    text::PupilWords pupil_;
    text::TextStart start_ = text::TextStart::Sentence;
};

} // namespace waymark
