#pragma once

#include <QWidget>

class QLabel;
class QSplitter;
class QTableView;
class QTextBrowser;

namespace waymark {

class EvidenceTimelineModel;

// The evidence timeline: a table of evidence, newest first and paged as it scrolls, beside a pane
// that shows the chosen piece in full (feedback, rung, lights in words, linked target).
class EvidencePanel final : public QWidget
{
    Q_OBJECT

public:
    EvidencePanel(EvidenceTimelineModel& model, QWidget* parent = nullptr);

    QTableView* view() const { return view_; }
    QTextBrowser* detail() const { return detail_; }
    void setTotal(int total);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void showCurrent();

    EvidenceTimelineModel& model_;
    QLabel* summary_;
    QTableView* view_;
    QTextBrowser* detail_;
    QSplitter* splitter_ = nullptr;
    qint64 keepEvidenceId_ = 0;
};

} // namespace waymark
