#include "marking/commentbankmodel.h"

#include "domain/fieldlimits.h"

namespace waymark {

CommentBankModel::CommentBankModel(QObject* parent) : QAbstractListModel(parent) {}

void CommentBankModel::setComments(std::vector<commentbank::Comment> comments)
{
    beginResetModel();
    comments_ = std::move(comments);
    endResetModel();
}

void CommentBankModel::setPupil(const text::PupilWords& pupil)
{
    pupil_ = pupil;
    if (!comments_.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

void CommentBankModel::setTextStart(text::TextStart start)
{
    start_ = start;
    if (!comments_.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

const commentbank::Comment* CommentBankModel::comment(int row) const
{
    return row >= 0 && row < rowCount() ? &comments_[std::size_t(row)] : nullptr;
}

int CommentBankModel::rowOf(RowId id) const
{
    for (std::size_t i = 0; i < comments_.size(); ++i)
        if (comments_[i].id == id)
            return int(i);
    return -1;
}

QString CommentBankModel::filledText(int row) const
{
    const commentbank::Comment* c = comment(row);
    return c ? text::fillPlaceholders(c->text, pupil_, start_) : QString();
}

int CommentBankModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(comments_.size());
}

QVariant CommentBankModel::data(const QModelIndex& index, int role) const
{
    const commentbank::Comment* c = index.isValid() ? comment(index.row()) : nullptr;
    if (!c)
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        // A long comment (from an older or foreign file) is shortened for the list, never inserted so.
        const QString shown = limits::shortened(filledText(index.row()), 300);
        return c->subject.isEmpty() ? shown
                                    : tr("%1 (%2)", "a comment and the only subject it is for")
                                          .arg(shown, limits::shortened(c->subject, 40));
    }
    case Qt::ToolTipRole: {
        // Plain text made safe: a tooltip would read "<b>" in a comment as markup.
        QString tip = c->subject.isEmpty() ? tr("For any subject.") : tr("For %1 only.").arg(c->subject);
        tip += QLatin1Char(' ') + tr("Used %n time(s).", nullptr, c->uses);
        if (c->text.contains(QLatin1Char('{')))
            tip += QLatin1Char('\n') + tr("In the bank: %1").arg(limits::shortened(c->text, 300));
        return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(tip.toHtmlEscaped());
    }
    case Qt::AccessibleDescriptionRole:
        return c->subject.isEmpty() ? tr("For any subject") : tr("For %1 only").arg(c->subject);
    case CommentIdRole:
        return qint64(c->id);
    case TemplateRole:
        return c->text;
    case FilledTextRole:
        return filledText(index.row());
    case SubjectRole:
        return c->subject;
    case UsesRole:
        return c->uses;
    default:
        return {};
    }
}

} // namespace waymark
