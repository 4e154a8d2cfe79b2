#pragma once

#include "queries/search.h"

#include <QAbstractListModel>

#include <vector>

namespace waymark {

class Database;

// The hits of one search across the school (feedback, evidence notes, targets and plans), best
// first: one row each, with who, what, when and the words around the match.
class SearchResultsModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    static constexpr int kLimit = 20;
    enum Role {
        KindRole = Qt::UserRole + 1, // int(SearchKind)
        PupilIdRole,                 // qint64
        RowIdRole,                   // qint64: the feedback, evidence, target or plan row
        EvidenceIdRole,              // qint64: the piece of evidence to open, or 0
        DateRole,                    // QDate
        PupilNameRole,               // QString
        HeadingRole,                 // QString: "Feedback, next step · 2 Nov 2026"
        SnippetHtmlRole,             // QString: the snippet as HTML, each match in <b>
    };

    explicit SearchResultsModel(QObject* parent = nullptr);

    // True if the words are worth searching for: at least two letters or digits, in some word.
    static bool worthSearching(const QString& words);
    // Searches db and shows the hits (none when the words are not worth searching for). Throws
    // StorageError, leaving the model empty.
    void search(Database& db, const QString& words);
    void clear();
    // The words of the hits shown (empty when none were searched for).
    const QString& words() const { return words_; }
    const SearchHit* hitAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    void setHits(std::vector<SearchHit> hits, const QString& words);

    std::vector<SearchHit> hits_;
    QString words_;
};

} // namespace waymark
