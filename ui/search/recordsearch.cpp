#include "search/recordsearch.h"

#include "icons.h"
#include "search/searchresultdelegate.h"
#include "search/searchresultsmodel.h"
#include "services/schoolsession.h"
#include "storage/storageerror.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

namespace waymark {

namespace {
// The tables whose changes can change what a search finds, or what a result shows.
bool touchesResults(const QSet<QString>& tables)
{
    for (const char* table : {"feedback", "evidence", "target", "learning_plan", "pupil"}) {
        if (tables.contains(QLatin1String(table)))
            return true;
    }
    return false;
}
} // namespace

RecordSearch::RecordSearch(QWidget* parent)
    : QWidget(parent), field_(new QLineEdit(this)), popup_(new QFrame(this)), message_(new QLabel(popup_)),
      list_(new QListView(popup_)), model_(new SearchResultsModel(this))
{
    const QString shortcut = QKeySequence(Qt::CTRL | Qt::Key_K).toString(QKeySequence::NativeText);
    field_->setPlaceholderText(tr("Search feedback, notes, targets and plans"));
    field_->setAccessibleName(tr("Search records"));
    field_->setAccessibleDescription(tr("Finds words in the feedback, evidence notes, targets and plans of the whole "
                                        "school. Down moves through the results, Enter opens one, Escape clears."));
    field_->setToolTip(tr("Search feedback, evidence notes, targets and plans across the school (%1)").arg(shortcut));
    field_->setClearButtonEnabled(true);
    field_->addAction(icons::themed(QStringLiteral("search")), QLineEdit::LeadingPosition);
    // Wide enough to read what it searches, however narrow the menu bar it sits in.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    field_->setMinimumWidth(std::min(fontMetrics().horizontalAdvance(field_->placeholderText()) + em * 3, em * 26));
    field_->installEventFilter(this);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field_);

    // The results are drawn over the page below the field (a child of the window, not a window of
    // their own), so the keyboard never leaves the field and nothing depends on a window manager.
    popup_->setFrameShape(QFrame::StyledPanel);
    popup_->setAutoFillBackground(true);
    popup_->setBackgroundRole(QPalette::Base);
    popup_->hide();
    auto* popupLayout = new QVBoxLayout(popup_);
    popupLayout->setContentsMargins(1, 1, 1, 1);
    popupLayout->setSpacing(0);
    popupLayout->addWidget(message_);
    popupLayout->addWidget(list_, 1);
    message_->setWordWrap(true);
    message_->setMargin(fontMetrics().height() / 2);
    message_->setTextFormat(Qt::PlainText);
    message_->hide();
    list_->setModel(model_);
    list_->setItemDelegate(new SearchResultDelegate(list_));
    list_->setAccessibleName(tr("Search results"));
    list_->setFocusPolicy(Qt::NoFocus);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list_->setResizeMode(QListView::Adjust);
    list_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list_->setFrameShape(QFrame::NoFrame);
    connect(list_, &QListView::clicked, this, [this](const QModelIndex& index) { choose(index.row()); });

    delay_.setSingleShot(true);
    delay_.setInterval(kDelayMs);
    connect(&delay_, &QTimer::timeout, this, &RecordSearch::runSearch);
    connect(field_, &QLineEdit::textChanged, this, [this] { delay_.start(); });
    setSession(nullptr);
}

RecordSearch::~RecordSearch()
{
    // The results live in the window; they go with the field.
    if (popup_ && popup_->parentWidget() != this)
        delete popup_;
}

void RecordSearch::setSession(SchoolSession* session)
{
    if (session_)
        disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    field_->clear();
    delay_.stop();
    model_->clear();
    setMessage({});
    hideResults();
    field_->setEnabled(session != nullptr);
    if (session)
        connect(session, &SchoolSession::changed, this, &RecordSearch::onSessionChanged);
}

void RecordSearch::focusField()
{
    field_->setFocus(Qt::ShortcutFocusReason);
    field_->selectAll();
    if (model_->rowCount() > 0 || !message_->isHidden())
        showResults();
}

bool RecordSearch::resultsShown() const
{
    return popup_ && popup_->isVisible();
}

QString RecordSearch::message() const
{
    return message_->isHidden() ? QString() : message_->text();
}

void RecordSearch::setMessage(const QString& text)
{
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

void RecordSearch::runSearch()
{
    delay_.stop();
    const QString words = field_->text();
    if (!session_ || !SearchResultsModel::worthSearching(words)) {
        model_->clear();
        setMessage({});
        hideResults();
        return;
    }
    try {
        model_->search(session_->db(), words);
        setMessage(model_->rowCount() == 0
                       ? tr("No feedback, notes, targets or plans match “%1”.").arg(words.simplified())
                       : QString());
    } catch (const StorageError& e) {
        setMessage(tr("Could not search the school file: %1").arg(e.message()));
    }
    if (field_->hasFocus())
        showResults();
    else if (resultsShown())
        placeResults();
}

void RecordSearch::onSessionChanged(const QSet<QString>& tables)
{
    // What is on show is searched again, as the rest of the window refreshes.
    if (resultsShown() && touchesResults(tables))
        delay_.start();
}

void RecordSearch::showResults()
{
    placeResults();
    popup_->show();
    popup_->raise();
}

void RecordSearch::hideResults()
{
    if (popup_)
        popup_->hide();
}

void RecordSearch::placeResults()
{
    QWidget* window = this->window();
    if (!popup_ || !window)
        return;
    if (popup_->parentWidget() != window)
        popup_->setParent(window); // hidden until shown again
    if (window_ != window) {
        if (window_)
            window_->removeEventFilter(this);
        window_ = window;
        window->installEventFilter(this);
    }
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const QPoint below = field_->mapTo(window, QPoint(0, field_->height() + 2));
    const int width = std::min(std::max(field_->width(), em * 36), window->width() - em);
    const int x = std::max(0, std::min(below.x(), window->width() - width - em / 2));
    const int room = std::max(em * 4, window->height() - below.y() - em);
    popup_->resize(width, room);
    popup_->layout()->activate();
    const QMargins margins = popup_->layout()->contentsMargins();
    int wanted = 2 * popup_->frameWidth() + margins.top() + margins.bottom() + 2 * list_->frameWidth() +
                 (message_->isHidden() ? 0 : message_->heightForWidth(list_->width()));
    for (int row = 0; row < model_->rowCount(); ++row)
        wanted += list_->sizeHintForRow(row);
    popup_->setGeometry(x, below.y(), width, std::min(wanted, room));
}

void RecordSearch::moveCurrent(int by)
{
    const int rows = model_->rowCount();
    if (rows == 0)
        return;
    const int current = list_->currentIndex().row();
    // The first Down marks the first result, not the second.
    const int next = current < 0 ? (by > 0 ? 0 : rows - 1) : std::clamp(current + by, 0, rows - 1);
    list_->setCurrentIndex(model_->index(next));
    list_->scrollTo(model_->index(next));
}

void RecordSearch::choose(int row)
{
    const SearchHit* hit = model_->hitAt(row);
    if (!hit)
        return;
    const SearchHit chosen = *hit; // the model may be searched again while the pupil opens
    hideResults();
    Q_EMIT hitChosen(chosen);
}

bool RecordSearch::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == window_ && (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest)) {
        if (resultsShown())
            placeResults();
        return false;
    }
    if (watched != field_)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::FocusOut:
        hideResults();
        break;
    case QEvent::FocusIn:
        if (!field_->text().isEmpty() && (model_->rowCount() > 0 || !message_->isHidden()))
            showResults();
        break;
    case QEvent::Resize:
        if (resultsShown())
            placeResults();
        break;
    case QEvent::KeyPress: {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
            break;
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_PageDown:
            if (delay_.isActive())
                runSearch();
            if (!resultsShown() && (model_->rowCount() > 0 || !message_->isHidden()))
                showResults();
            moveCurrent(key->key() == Qt::Key_Down ? 1 : 5);
            return true;
        case Qt::Key_Up:
        case Qt::Key_PageUp:
            moveCurrent(key->key() == Qt::Key_Up ? -1 : -5);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (delay_.isActive())
                runSearch();
            if (model_->rowCount() > 0)
                choose(list_->currentIndex().isValid() ? list_->currentIndex().row() : 0);
            return true;
        case Qt::Key_Escape:
            if (field_->text().isEmpty() && !resultsShown())
                break;
            field_->clear();
            runSearch(); // nothing to search for: empties and hides the results
            return true;
        default:
            break;
        }
        break;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace waymark
