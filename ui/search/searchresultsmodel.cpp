#include "search/searchresultsmodel.h"

#include "calendar/typeddate.h"

#include <QLocale>

namespace waymark {

SearchResultsModel::SearchResultsModel(QObject* parent) : QAbstractListModel(parent) {}

bool SearchResultsModel::worthSearching(const QString& words)
{
    if (searchQueryFor(words).isEmpty())
        return false;
    int letters = 0;
    for (const QChar c : words)
        letters += c.isLetterOrNumber() ? 1 : 0;
    return letters >= 2;
}

void SearchResultsModel::search(Database& db, const QString& words)
{
    if (!worthSearching(words)) {
        clear();
        return;
    }
    try {
        setHits(searchRecords(db, words, kLimit), words);
    } catch (...) {
        clear();
        throw;
    }
}

void SearchResultsModel::clear()
{
    setHits({}, {});
}

void SearchResultsModel::setHits(std::vector<SearchHit> hits, const QString& words)
{
    beginResetModel();
    hits_ = std::move(hits);
    words_ = words;
    endResetModel();
}

const SearchHit* SearchResultsModel::hitAt(int row) const
{
    return row >= 0 && row < int(hits_.size()) ? &hits_[std::size_t(row)] : nullptr;
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(hits_.size());
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const
{
    const SearchHit* hit = checkIndex(index, CheckIndexOption::IndexIsValid) ? hitAt(index.row()) : nullptr;
    if (!hit)
        return {};
    const QString field = searchFieldName(hit->kind, hit->field);
    // "Feedback, next step"; "Target" or "Evidence note" where the text is the record itself.
    QString what = searchKindName(hit->kind);
    if (!field.isEmpty() && field != what && hit->kind != SearchKind::Evidence)
        what = tr("%1, %2").arg(what, QLocale().toLower(field));
    const QString when = hit->date.isValid() ? typedDateText(hit->date) : QString();
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1: %2").arg(hit->pupilName, hit->snippet);
    case Qt::ToolTipRole:
        return tr("%1 — %2, %3\n%4").arg(hit->pupilName, what, when, hit->snippet);
    case Qt::AccessibleTextRole:
        return when.isEmpty() ? tr("%1 for %2: %3").arg(what, hit->pupilName, hit->snippet)
                              : tr("%1 for %2, %3: %4").arg(what, hit->pupilName, when, hit->snippet);
    case KindRole:
        return int(hit->kind);
    case PupilIdRole:
        return qint64(hit->pupilId);
    case RowIdRole:
        return qint64(hit->rowId);
    case EvidenceIdRole:
        return qint64(hit->evidenceId);
    case DateRole:
        return hit->date;
    case PupilNameRole:
        return hit->pupilName;
    case HeadingRole:
        return when.isEmpty() ? what : tr("%1 · %2").arg(what, when);
    case SnippetHtmlRole: {
        // The teacher's words are text, never markup: escaped before the marks go round them.
        QString html;
        int at = 0;
        for (const SearchMark& m : hit->marks) {
            if (m.start < at || m.start + m.length > hit->snippet.size())
                continue;
            html += hit->snippet.mid(at, m.start - at).toHtmlEscaped() + QStringLiteral("<b>") +
                    hit->snippet.mid(m.start, m.length).toHtmlEscaped() + QStringLiteral("</b>");
            at = m.start + m.length;
        }
        return QString(html + hit->snippet.mid(at).toHtmlEscaped());
    }
    default:
        return {};
    }
}

} // namespace waymark
