#pragma once

#include "attachments/evidencefiles.h"

#include <QWidget>

#include <vector>

class QLabel;
class QSplitter;
class QTableView;
class QTextBrowser;
class QUrl;

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

    // The chosen piece's files, as listed in the pane (each with Open and Save a copy links).
    const std::vector<AttachedFile>& files() const { return files_; }
    // Opens a file in the program the computer uses for its kind (a private copy, removed when
    // Waymark closes); false, with a message, if none would.
    bool openFile(int index);
    // Saves a copy where the teacher chooses (asked for unless `path` is given).
    bool saveFileCopy(int index, QString path = {});

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void showCurrent();
    void onLink(const QUrl& link);
    void tell(const QString& message, bool problem);

    EvidenceTimelineModel& model_;
    QLabel* summary_;
    QTableView* view_;
    QTextBrowser* detail_;
    QSplitter* splitter_ = nullptr;
    qint64 keepEvidenceId_ = 0;
    qint64 shownEvidenceId_ = 0;
    std::vector<AttachedFile> files_;
    QLabel* note_;
};

} // namespace waymark
