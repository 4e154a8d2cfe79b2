#include "dashboard/dashboardpage.h"

#include "calendar/schoolcalendar.h"
#include "dashboard/reviewduemodel.h"
#include "queries/dashboardqueries.h"
#include "queries/rosterqueries.h"
#include "services/schoolsession.h"
#include "storage/transaction.h"
#include "widgets/columnlayout.h"
#include "widgets/listkeys.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace waymark {

namespace {
QLabel* emptyNote(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}
} // namespace

DashboardPage::DashboardPage(QWidget* parent)
    : LazyPage(parent), title_(new QLabel(this)), subtitle_(new QLabel(this)), nameIt_(new QLabel(this)), overdueLabel_(new QLabel(this)),
      dueLabel_(new QLabel(this)), overdue_(new ReviewDueModel(this)), due_(new ReviewDueModel(this)),
      overdueStack_(new QStackedWidget(this)), dueStack_(new QStackedWidget(this))
{
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    title_->setWordWrap(true);
    subtitle_->setWordWrap(true);
    // A new school with no name yet: one step to give it one (and its URN and DfE number).
    nameIt_->setText(QStringLiteral("<a href=\"details\">%1</a>").arg(tr("Give the school its name and numbers…").toHtmlEscaped()));
    nameIt_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    nameIt_->setFocusPolicy(Qt::StrongFocus);
    nameIt_->setAccessibleName(tr("Give the school its name and numbers"));
    nameIt_->hide();
    connect(nameIt_, &QLabel::linkActivated, this, &DashboardPage::schoolDetailsRequested);
    // A school with nobody on roll yet: the way in is the MIS's export.
    importIt_ = new QLabel(this);
    importIt_->setText(QStringLiteral("<a href=\"import\">%1</a>")
                           .arg(tr("Bring in your pupils, staff and groups from the MIS…").toHtmlEscaped()));
    importIt_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    importIt_->setFocusPolicy(Qt::StrongFocus);
    importIt_->setAccessibleName(tr("Bring in your pupils, staff and groups from the MIS"));
    importIt_->hide();
    connect(importIt_, &QLabel::linkActivated, this, &DashboardPage::importRequested);

    auto* cards = new QHBoxLayout;
    pupils_ = addCard(cards);
    groups_ = addCard(cards);
    targets_ = addCard(cards);
    evidence_ = addCard(cards);

    overdueView_ = makeList(overdue_, tr("Overdue reviews"));
    dueView_ = makeList(due_, tr("Reviews due this half-term"));
    overdueStack_->addWidget(overdueView_);
    overdueStack_->addWidget(emptyNote(tr("No reviews are overdue."), this));
    dueStack_->addWidget(dueView_);
    dueStack_->addWidget(emptyNote(tr("No other reviews are due before the end of this half-term."), this));
    overdueLabel_->setBuddy(overdueView_);
    dueLabel_->setBuddy(dueView_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(nameIt_);
    layout->addWidget(importIt_);
    layout->addWidget(subtitle_);
    layout->addSpacing(6);
    layout->addLayout(cards);
    layout->addSpacing(6);
    layout->addWidget(overdueLabel_);
    layout->addWidget(overdueStack_, 2);
    layout->addWidget(dueLabel_);
    layout->addWidget(dueStack_, 3);
    setTabOrder(overdueView_, dueView_);
    updateFonts();
}

DashboardPage::Card DashboardPage::addCard(QHBoxLayout* row)
{
    auto* frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setBackgroundRole(QPalette::Base);
    frame->setAutoFillBackground(true);
    auto* number = new QLabel(frame);
    auto* caption = new QLabel(frame);
    caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(frame);
    layout->addWidget(number);
    layout->addWidget(caption);
    row->addWidget(frame, 1);
    return {number, caption};
}

QTreeView* DashboardPage::makeList(ReviewDueModel* model, const QString& accessibleName)
{
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(ReviewDueModel::SortRole);
    auto* view = new QTreeView(this);
    view->setModel(proxy);
    chooseFirstRowOnFirstMove(view);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->sortByColumn(ReviewDueModel::DueColumn, Qt::AscendingOrder);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAccessibleName(accessibleName);
    view->header()->setResizeContentsPrecision(100); // sizing columns from 100 rows is plenty
    // Names, groups and dates fit their content; "Why" takes the rest, never under a readable
    // width (its whole text is in the tooltip).
    auto* columns = new ColumnLayout(view, view->header());
    columns->setObjectName(QStringLiteral("columns"));
    columns->setShared(ReviewDueModel::ReasonColumn, view->fontMetrics().averageCharWidth() * 24);
    connect(view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (const RowId id = index.data(ReviewDueModel::PupilIdRole).toLongLong(); id != 0)
            Q_EMIT pupilActivated(id);
    });
    return view;
}

void DashboardPage::updateFonts()
{
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title_->setFont(big);
    QFont number = font();
    number.setPointSizeF(number.pointSizeF() * 1.5);
    number.setBold(true);
    for (const Card* card : {&pupils_, &groups_, &targets_, &evidence_})
        card->number->setFont(number);
    QFont heading = font();
    heading.setBold(true);
    overdueLabel_->setFont(heading);
    dueLabel_->setFont(heading);
}

void DashboardPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        updateFonts();
    QWidget::changeEvent(event);
}

void DashboardPage::setSession(SchoolSession* session, QDate today)
{
    session_ = session;
    today_ = today;
    invalidate();
}

void DashboardPage::reload()
{
    if (!session_) {
        title_->clear();
        subtitle_->clear();
        overdue_->setEntries({});
        due_->setEntries({});
        return;
    }
    const SchoolCalendar& calendar = session_->calendar();
    const QLocale locale;
    const int year = SchoolCalendar::academicYearOf(today_);
    const HalfTerm term = calendar.halfTermAtOrAfter(today_);
    const bool inTerm = term.contains(today_);

    QString when = SchoolCalendar::academicYearLabel(year);
    if (inTerm) {
        const int week = int(term.start.daysTo(today_) / 7) + 1;
        when = tr("%1 · %2, week %3 (%4 – %5)")
                   .arg(when, term.name())
                   .arg(week)
                   .arg(locale.toString(term.start, QStringLiteral("d MMM")),
                        locale.toString(term.end, QStringLiteral("d MMM")));
    } else if (term.start.isValid()) {
        when = tr("%1 · holiday: %2 starts %3")
                   .arg(when, term.name(), locale.toString(term.start, QStringLiteral("dddd d MMMM")));
    }
    const QString schoolName = session_->schoolName();
    title_->setText(schoolName.isEmpty() ? tr("Your school") : schoolName);
    nameIt_->setVisible(schoolName.isEmpty() && !session_->isReadOnly());
    subtitle_->setText(tr("%1 · today is %2").arg(when, locale.toString(today_, QLocale::LongFormat)));

    Database& db = session_->db();
    Transaction read(db, Transaction::Kind::Read);
    const int rosterYearValue = rosterYear(db, today_);
    const QDate periodStart = inTerm ? term.start : today_;
    const SchoolCounts counts = schoolCounts(db, today_, rosterYearValue, periodStart, today_);
    ReviewsDue reviews = reviewsDue(calendar, reviewFacts(db, today_, rosterYearValue), today_);
    read.commit();

    importIt_->setVisible(counts.pupilsOnRoll == 0 && !session_->isReadOnly());
    pupils_.number->setText(locale.toString(counts.pupilsOnRoll));
    pupils_.caption->setText(tr("pupils on roll", nullptr, counts.pupilsOnRoll));
    groups_.number->setText(locale.toString(counts.groups));
    groups_.caption->setText(
        tr("groups in %1", nullptr, counts.groups).arg(SchoolCalendar::academicYearLabel(rosterYearValue)));
    targets_.number->setText(locale.toString(counts.activeTargets));
    targets_.caption->setText(tr("active targets", nullptr, counts.activeTargets));
    evidence_.number->setText(locale.toString(counts.evidenceInPeriod));
    evidence_.caption->setText(tr("pieces of evidence this half-term", nullptr, counts.evidenceInPeriod));
    for (const Card* card : {&pupils_, &groups_, &targets_, &evidence_})
        card->number->setAccessibleName(card->number->text() + QLatin1Char(' ') + card->caption->text());

    const int overdueCount = int(reviews.overdue.size());
    const int dueCount = int(reviews.thisHalfTerm.size());
    overdueLabel_->setText(tr("&Overdue reviews (%1)").arg(locale.toString(overdueCount)));
    dueLabel_->setText(tr("Reviews &due by the end of %1 (%2)").arg(term.name(), locale.toString(dueCount)));
    overdue_->setEntries(std::move(reviews.overdue));
    due_->setEntries(std::move(reviews.thisHalfTerm));
    overdueStack_->setCurrentIndex(overdueCount > 0 ? 0 : 1);
    dueStack_->setCurrentIndex(dueCount > 0 ? 0 : 1);
    for (QTreeView* view : {overdueView_, dueView_}) {
        auto* columns = view->findChild<ColumnLayout*>(QStringLiteral("columns"));
        const int air = view->fontMetrics().averageCharWidth() * 2;
        for (int c = 0; c < ReviewDueModel::ReasonColumn; ++c) {
            view->resizeColumnToContents(c);
            columns->setFitted(c, view->header()->sectionSize(c) + air);
        }
    }
}

} // namespace waymark
