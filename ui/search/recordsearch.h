#pragma once

#include "queries/search.h"

#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QWidget>

class QFrame;
class QLabel;
class QLineEdit;
class QListView;

namespace waymark {

class SchoolSession;
class SearchResultsModel;

// The search across the school, above the pages: a field, and under it (over the page) the best
// matches among the feedback, evidence notes, targets and plans as the teacher types. The keyboard
// stays in the field: Down and Up move through the results, Enter (or a click) opens the one marked
// (the first if none is), Escape clears. Results follow changes to the file while on show.
class RecordSearch final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kDelayMs = 150; // after the last key, so fast typing searches once

    explicit RecordSearch(QWidget* parent = nullptr);
    ~RecordSearch() override;

    // The school to search (nullptr: none; the field is emptied).
    void setSession(SchoolSession* session);
    // Puts the keyboard in the field with its words selected (Ctrl+K), showing their results again.
    void focusField();

    QLineEdit* field() const { return field_; }
    QListView* results() const { return list_; }
    SearchResultsModel* model() const { return model_; }
    // The results (or the sentence saying there are none) are on show under the field.
    bool resultsShown() const;
    // The sentence shown instead of, or above, the results ("Nothing matches …"); empty if none.
    QString message() const;

Q_SIGNALS:
    // The teacher chose a result: the main window opens the pupil at that record.
    void hitChosen(const waymark::SearchHit& hit);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void runSearch();
    void onSessionChanged(const QSet<QString>& tables);
    void showResults();
    void hideResults();
    void placeResults();
    void moveCurrent(int by);
    void choose(int row);
    void setMessage(const QString& text);

    QPointer<SchoolSession> session_;
    QLineEdit* field_;
    QPointer<QFrame> popup_; // in the window once shown; deleted with the field
    QLabel* message_;
    QListView* list_;
    SearchResultsModel* model_;
    QTimer delay_;
    QPointer<QWidget> window_; // the window the results are drawn over, watched for moves and resizes
};

} // namespace waymark
