#include "sidebar/sidebar.h"

#include "icons.h"
#include "services/schoolsession.h"
#include "sidebar/sidebarfilter.h"
#include "sidebar/sidebarmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

namespace waymark {

Sidebar::Sidebar(QWidget* parent)
    : QWidget(parent), search_(new QLineEdit(this)), tree_(new QTreeView(this)), model_(new SidebarModel(this)),
      filter_(new SidebarFilter(this)), noMatch_(new QLabel(this))
{
    search_->setPlaceholderText(tr("Find a pupil or group (Ctrl+F)"));
    search_->setClearButtonEnabled(true);
    search_->addAction(icons::themed(QStringLiteral("search")), QLineEdit::LeadingPosition);
    search_->setAccessibleName(tr("Find a pupil or group"));
    search_->setAccessibleDescription(tr("Type part of a name or a UPN; press Enter to open the first pupil found."));
    search_->installEventFilter(this);

    filter_->setSourceModel(model_);
    tree_->setModel(filter_);
    tree_->setHeaderHidden(true);
    tree_->setUniformRowHeights(true); // keeps a tree of thousands of rows quick to lay out
    tree_->setAccessibleName(tr("Groups and pupils"));
    tree_->setExpandsOnDoubleClick(true);
    tree_->setEditTriggers(QAbstractItemView::NoEditTriggers);

    noMatch_->setWordWrap(true);
    noMatch_->setTextFormat(Qt::PlainText);
    noMatch_->setAccessibleName(tr("Search result"));
    noMatch_->setContentsMargins(6, 4, 6, 4);
    noMatch_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(search_);
    layout->addWidget(noMatch_);
    layout->addWidget(tree_, 1);
    setTabOrder(search_, tree_);

    connect(search_, &QLineEdit::textChanged, this, &Sidebar::onSearchChanged);
    // The list can change under a search (a change from elsewhere): say again whether anything matches.
    connect(filter_, &QAbstractItemModel::modelReset, this, &Sidebar::updateNoMatch);
    connect(filter_, &QAbstractItemModel::layoutChanged, this, &Sidebar::updateNoMatch);
    connect(filter_, &QAbstractItemModel::rowsInserted, this, &Sidebar::updateNoMatch);
    connect(filter_, &QAbstractItemModel::rowsRemoved, this, &Sidebar::updateNoMatch);
    connect(search_, &QLineEdit::returnPressed, this, &Sidebar::activateFirstMatch);
    connect(tree_, &QTreeView::activated, this, &Sidebar::activate);
    connect(tree_, &QTreeView::clicked, this, &Sidebar::activate);
}

void Sidebar::setSession(SchoolSession* session, QDate today)
{
    session_ = session;
    today_ = today;
    reload();
}

void Sidebar::reload()
{
    // Keep the reader's place: what was current and which groups were open.
    const QModelIndex current = filter_->mapToSource(tree_->currentIndex());
    const auto currentKind = current.data(SidebarModel::NodeKindRole).toInt();
    const RowId currentId = current.data(SidebarModel::RowIdRole).toLongLong();

    if (session_)
        model_->load(session_->db(), today_);
    else
        model_->clear();

    if (filter_->isFiltering())
        tree_->expandAll();
    if (currentId != 0) {
        // The search the teacher is typing stays as it is.
        if (currentKind == int(SidebarModel::NodeKind::Pupil))
            select(model_->pupilIndex(currentId), Hidden::Leave);
        else if (currentKind == int(SidebarModel::NodeKind::Group))
            select(model_->groupIndex(currentId), Hidden::Leave);
    }
}

void Sidebar::focusSearch()
{
    search_->setFocus(Qt::ShortcutFocusReason);
    search_->selectAll();
}

void Sidebar::setSearchText(const QString& text)
{
    search_->setText(text);
}

void Sidebar::updateNoMatch()
{
    const bool none = filter_->isFiltering() && filter_->rowCount() == 0;
    if (none)
        noMatch_->setText(tr("No pupil or group matches “%1”.").arg(search_->text().simplified()));
    noMatch_->setVisible(none);
}

void Sidebar::onSearchChanged(const QString& text)
{
    filter_->setSearchText(text);
    updateNoMatch();
    if (filter_->isFiltering()) {
        tree_->expandAll();
        // What Enter will open is marked: the first pupil found (else the first group).
        const QModelIndex first = firstMatch();
        if (first.isValid())
            tree_->setCurrentIndex(first);
        tree_->scrollTo(first.isValid() ? first : filter_->index(0, 0));
    } else {
        tree_->collapseAll();
        if (tree_->currentIndex().isValid())
            tree_->scrollTo(tree_->currentIndex());
    }
}

void Sidebar::select(const QModelIndex& sourceIndex, Hidden hidden)
{
    QModelIndex proxy = filter_->mapFromSource(sourceIndex);
    if (!proxy.isValid() && sourceIndex.isValid() && filter_->isFiltering() && hidden == Hidden::Reveal) {
        search_->clear();
        proxy = filter_->mapFromSource(sourceIndex);
    }
    if (!proxy.isValid()) {
        tree_->selectionModel()->clear(); // never leave another pupil marked
        return;
    }
    tree_->setCurrentIndex(proxy);
    if (isVisible())
        tree_->scrollTo(proxy, QAbstractItemView::PositionAtCenter);
    else
        centreWhenShown_ = true; // the view has no size yet to centre in
}

void Sidebar::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!std::exchange(centreWhenShown_, false))
        return;
    // After the window's layout has given the tree its height (posted layout requests run first).
    QTimer::singleShot(0, tree_, [tree = tree_] {
        if (tree->currentIndex().isValid())
            tree->scrollTo(tree->currentIndex(), QAbstractItemView::PositionAtCenter);
    });
}

void Sidebar::selectPupil(RowId pupilId)
{
    select(model_->pupilIndex(pupilId));
}

void Sidebar::clearChoice()
{
    tree_->selectionModel()->clear();
}

void Sidebar::selectGroup(RowId groupId)
{
    select(model_->groupIndex(groupId));
}

void Sidebar::activate(const QModelIndex& index)
{
    const auto kind = SidebarModel::NodeKind(index.data(SidebarModel::NodeKindRole).toInt());
    const RowId id = index.data(SidebarModel::RowIdRole).toLongLong();
    if (kind == SidebarModel::NodeKind::Pupil && id != 0)
        Q_EMIT pupilActivated(id);
    else if (kind == SidebarModel::NodeKind::Group && id != 0)
        Q_EMIT groupActivated(id);
}

// The first pupil (or else group) in the filtered tree, depth first.
QModelIndex Sidebar::firstMatch() const
{
    if (!filter_->isFiltering())
        return {};
    QModelIndex firstGroup;
    for (int top = 0; top < filter_->rowCount(); ++top) {
        const QModelIndex heading = filter_->index(top, 0);
        for (int row = 0; row < filter_->rowCount(heading); ++row) {
            const QModelIndex child = filter_->index(row, 0, heading);
            const auto kind = SidebarModel::NodeKind(child.data(SidebarModel::NodeKindRole).toInt());
            if (kind == SidebarModel::NodeKind::Pupil)
                return child;
            if (kind == SidebarModel::NodeKind::Group && !firstGroup.isValid())
                firstGroup = child;
        }
    }
    return firstGroup;
}

void Sidebar::activateFirstMatch()
{
    const QModelIndex first = firstMatch();
    if (!first.isValid())
        return;
    tree_->setCurrentIndex(first);
    tree_->setFocus(Qt::OtherFocusReason);
    activate(first);
}

bool Sidebar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == search_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down) {
            // From the search box straight into the results, as in a file dialog.
            QModelIndex first = filter_->index(0, 0);
            if (filter_->isFiltering() && filter_->rowCount(first) > 0)
                first = filter_->index(0, 0, first); // the first match rather than its heading
            if (first.isValid()) {
                if (!tree_->currentIndex().isValid() || filter_->isFiltering())
                    tree_->setCurrentIndex(first);
                tree_->setFocus(Qt::TabFocusReason);
                return true;
            }
        } else if (key->key() == Qt::Key_Escape && !search_->text().isEmpty()) {
            search_->clear();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace waymark
