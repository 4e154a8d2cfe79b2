#include "pupil/evidencepanel.h"

#include "pupil/openattached.h"

#include "calendar/typeddate.h"
#include "pupil/evidencetimelinemodel.h"
#include "storage/storageerror.h"
#include "pupil/trafficlightdelegate.h"
#include "widgets/columnlayout.h"
#include "widgets/listkeys.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace waymark {

EvidencePanel::EvidencePanel(EvidenceTimelineModel& model, QWidget* parent)
    : QWidget(parent)
    , model_(model)
    , summary_(new QLabel(this))
    , view_(new QTableView(this))
    , detail_(new QTextBrowser(this))
    , note_(new QLabel(this))
{
    view_->setModel(&model_);
    chooseFirstRowOnFirstMove(view_);
    auto* lights = new TrafficLightDelegate(view_);
    for (int c : {EvidenceTimelineModel::TeacherLightColumn, EvidenceTimelineModel::SelfLightColumn,
                  EvidenceTimelineModel::PeerLightColumn})
        view_->setItemDelegateForColumn(c, lights);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setTabKeyNavigation(false);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->verticalHeader()->setVisible(false);
    // Uniform rows: the view never measures rows it has not shown, so long timelines stay quick.
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    view_->setAccessibleName(tr("Evidence timeline"));
    // Short values fit their content; the task's title and the feedback share the rest, never
    // under a readable width (the whole piece is in the pane beside).
    QHeaderView* header = view_->horizontalHeader();
    const QFontMetrics fm = fontMetrics();
    const int em = fm.horizontalAdvance(QLatin1Char('M'));
    const int pad = em * 2;
    auto titleWidth = [&](int column) {
        return header->fontMetrics().horizontalAdvance(model_.headerData(column, Qt::Horizontal).toString()) + pad;
    };
    auto* columns = new ColumnLayout(view_, header);
    columns->setFitted(EvidenceTimelineModel::DateColumn,
                       fm.horizontalAdvance(typedDateText(QDate(2026, 12, 28))) + pad);
    columns->setFitted(EvidenceTimelineModel::SubjectColumn, em * 10, em * 8);
    const int badge = view_->verticalHeader()->defaultSectionSize();
    for (int c : {EvidenceTimelineModel::TeacherLightColumn, EvidenceTimelineModel::SelfLightColumn,
                  EvidenceTimelineModel::PeerLightColumn})
        columns->setFitted(c, std::max(badge + 4, em + pad));
    columns->setFitted(EvidenceTimelineModel::RungColumn,
                       std::max(titleWidth(EvidenceTimelineModel::RungColumn), em * 3 + pad));
    columns->setFitted(EvidenceTimelineModel::FilesColumn, titleWidth(EvidenceTimelineModel::FilesColumn));
    const int words = fm.averageCharWidth() * 16 + pad;
    columns->setShared(EvidenceTimelineModel::TaskColumn, words, 2);
    columns->setShared(EvidenceTimelineModel::FeedbackColumn, words, 3);

    detail_->setAccessibleName(tr("Evidence details"));
    detail_->setOpenLinks(false);
    detail_->setPlaceholderText(tr("Choose a piece of evidence to read it in full."));

    // The piece in full sits beside the list, or below it when the tab is narrow (a small or
    // scaled screen): see resizeEvent.
    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->addWidget(view_);
    splitter_->addWidget(detail_);
    splitter_->setStretchFactor(0, 2);
    splitter_->setStretchFactor(1, 1);
    splitter_->setSizes({680, 340});
    splitter_->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(summary_);
    layout->addWidget(splitter_, 1);
    layout->addWidget(note_);
    note_->setWordWrap(true);
    note_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    note_->setAccessibleName(tr("What happened to the file"));
    note_->hide();
    connect(detail_, &QTextBrowser::anchorClicked, this, &EvidencePanel::onLink);

    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EvidencePanel::showCurrent);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &EvidencePanel::showCurrent);
    // A refresh (after an edit anywhere) keeps the piece the teacher was reading, if it is still there.
    connect(&model_, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const TimelineEntry* e = model_.entryAt(view_->currentIndex().row());
        keepEvidenceId_ = e ? e->evidenceId : 0;
    });
    connect(&model_, &QAbstractItemModel::modelReset, this, [this] {
        if (keepEvidenceId_ != 0 && model_.pupilId() != 0) {
            for (int row = 0; row < model_.rowCount(); ++row) {
                if (model_.entryAt(row)->evidenceId == keepEvidenceId_) {
                    view_->setCurrentIndex(model_.index(row, 0));
                    view_->scrollTo(model_.index(row, 0));
                    break;
                }
            }
        }
        keepEvidenceId_ = 0;
        showCurrent();
    });
}

void EvidencePanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const Qt::Orientation wanted = width() < em * 70 ? Qt::Vertical : Qt::Horizontal;
    if (splitter_->orientation() != wanted) {
        splitter_->setOrientation(wanted);
        const int whole = wanted == Qt::Vertical ? splitter_->height() : splitter_->width();
        splitter_->setSizes({whole * 2 / 3, whole - whole * 2 / 3});
    }
}

void EvidencePanel::setTotal(int total)
{
    summary_->setText(total == 0 ? tr("No evidence has been recorded for this pupil yet.")
                                 : tr("%n piece(s) of evidence, newest first.", nullptr, total));
}

namespace {

QString section(const QString& heading, const QString& text)
{
    if (text.trimmed().isEmpty())
        return {};
    return QStringLiteral("<p><b>%1</b><br>%2</p>")
        .arg(heading.toHtmlEscaped(), text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
}

} // namespace

void EvidencePanel::showCurrent()
{
    // The piece whose row is marked as chosen: never one the list does not show as chosen.
    const QModelIndex current = view_->currentIndex();
    const bool chosen = current.isValid() && view_->selectionModel()->isRowSelected(current.row(), {});
    const TimelineEntry* e = chosen ? model_.entryAt(current.row()) : nullptr;
    const qint64 shown = e ? e->evidenceId : 0;
    if (shown != shownEvidenceId_) {
        shownEvidenceId_ = shown;
        note_->hide(); // what happened to another piece's file is not news here
    }
    if (!e) {
        files_.clear();
        detail_->clear();
        return;
    }
    QString html;
    const QString title = e->taskTitle.isEmpty() ? displayName(e->kind) : e->taskTitle;
    html += QStringLiteral("<h3>%1</h3>").arg(title.toHtmlEscaped());
    QStringList facts{QLocale().toString(e->recordedOn, QLocale::LongFormat), displayName(e->kind)};
    if (!e->subjectName.isEmpty())
        facts << e->subjectName;
    if (!e->recordedBy.isEmpty())
        facts << tr("recorded by %1").arg(e->recordedBy);
    html += QStringLiteral("<p>%1</p>").arg(facts.join(QStringLiteral(" · ")).toHtmlEscaped());
    html += section(tr("Learning intention"), e->learningIntention);
    QStringList lights;
    lights << describeLight(tr("Teacher"), e->light) << describeLight(tr("Self"), e->selfLight)
           << describeLight(tr("Peer"), e->peerLight);
    html += section(tr("Traffic lights"), lights.join(QStringLiteral("; ")));
    if (!e->rungCode.isEmpty()) {
        QString rung = e->rungLabel.isEmpty() ? e->rungCode : tr("%1: %2").arg(e->rungCode, e->rungLabel);
        if (!e->scaleName.isEmpty())
            rung = tr("%1 (%2)").arg(rung, e->scaleName);
        html += section(tr("Ladder"), rung);
    }
    html += section(tr("What went well"), e->whatWentWell);
    html += section(tr("Even better if"), e->evenBetterIf);
    html += section(tr("Next step"), e->nextStep);
    html += section(tr("Pupil's response"), e->pupilResponse);
    html += section(tr("Note"), e->note);
    html += section(tr("Linked target"), e->targetText);
    // The files, each with Open and Save a copy (links: Tab reaches them, Enter follows them).
    files_ = e->attachmentCount > 0 ? model_.filesOf(e->evidenceId) : std::vector<AttachedFile>{};
    if (!files_.empty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Files").toHtmlEscaped());
        for (std::size_t i = 0; i < files_.size(); ++i) {
            const AttachedFile& file = files_[i];
            // One arg() call: a name holding "%1" must not take the others' places. A kind of
            // file that could be a program is not offered to open, only to save.
            const QString open = isSafeToOpen(file) ? QStringLiteral("<a href=\"open:%1\">%2</a> · ")
                                                          .arg(QString::number(i), tr("Open").toHtmlEscaped())
                                                    : QString();
            html += QStringLiteral("<li>%1 (%2) — %3<a href=\"save:%4\">%5</a></li>")
                        .arg(safeFileName(file).toHtmlEscaped(), QLocale().formattedDataSize(file.size), open,
                             QString::number(i), tr("Save a copy…").toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;")));
        }
        html += QStringLiteral("</ul>");
    }
    detail_->setHtml(html);
}

namespace {
// Files opened from the school are private copies in a folder only this user can read, removed
// when Waymark closes.
QString& lastSaveFolder()
{
    static QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return folder;
}
} // namespace

void EvidencePanel::onLink(const QUrl& link)
{
    bool ok = false;
    const int index = link.path().toInt(&ok);
    if (!ok)
        return;
    if (link.scheme() == QLatin1String("open"))
        openFile(index);
    else if (link.scheme() == QLatin1String("save"))
        saveFileCopy(index);
}

bool EvidencePanel::openFile(int index)
{
    if (index < 0 || index >= int(files_.size()))
        return false;
    // A copy: a refresh while a dialog is open replaces the list.
    const AttachedFile file = files_[std::size_t(index)];
    const QString problem = openAttachedCopy(file, [this, &file](const QString& path) { model_.saveFile(file, path); });
    if (!problem.isEmpty()) {
        tell(problem, true);
        return false;
    }
    tell(tr("Opened “%1” in its own program (a copy: changes made there are not saved in Waymark).")
             .arg(safeFileName(file)),
         false);
    return true;
}

bool EvidencePanel::saveFileCopy(int index, QString path)
{
    if (index < 0 || index >= int(files_.size()))
        return false;
    // A copy: a refresh while a dialog is open replaces the list.
    const AttachedFile file = files_[std::size_t(index)];
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Save a Copy of “%1”").arg(safeFileName(file)),
                                            QDir(lastSaveFolder()).filePath(safeFileName(file)));
        if (path.isEmpty())
            return false;
    }
    try {
        model_.saveFile(file, path);
    } catch (const StorageError& e) {
        tell(e.message(), true);
        return false;
    }
    lastSaveFolder() = QFileInfo(path).absolutePath();
    tell(tr("Saved a copy as “%1”.").arg(QDir::toNativeSeparators(path)), false);
    return true;
}

void EvidencePanel::tell(const QString& message, bool problem)
{
    note_->setText(message);
    note_->setVisible(true);
    if (problem)
        QMessageBox::warning(this, tr("Waymark"), message);
}

} // namespace waymark
