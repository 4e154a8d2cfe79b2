#include "sidebar/sidebarmodel.h"

#include "text/searchkey.h"

#include "calendar/schoolcalendar.h"
#include "icons.h"
#include "storage/database.h"
#include "storage/transaction.h"

#include <QLocale>

#include <algorithm>
#include <unordered_map>

namespace waymark {

namespace {
QString yearText(const std::optional<int>& year)
{
    if (!year)
        return {};
    return *year == 0 ? SidebarModel::tr("Reception") : SidebarModel::tr("Year %1").arg(*year);
}
} // namespace

SidebarModel::SidebarModel(QObject* parent)
    : QAbstractItemModel(parent), groupIcon_(icons::themed(QStringLiteral("group"))),
      allPupilsIcon_(icons::themed(QStringLiteral("pupils"))), tutorIcon_(icons::themed(QStringLiteral("tutor"))),
      classesIcon_(icons::themed(QStringLiteral("classes")))
{}

int SidebarModel::addNode(NodeKind kind, int parent, int item)
{
    Node node;
    node.kind = kind;
    node.parent = parent;
    node.item = item;
    const int index = int(nodes_.size());
    if (parent < 0) {
        node.row = int(top_.size());
        top_.push_back(index);
    } else {
        node.row = int(nodes_[std::size_t(parent)].children.size());
        nodes_[std::size_t(parent)].children.push_back(index);
    }
    nodes_.push_back(std::move(node));
    return index;
}

void SidebarModel::load(Database& db, QDate today)
{
    beginResetModel();
    nodes_.clear();
    top_.clear();
    {
        // One read transaction: the four queries see the same moment of the file.
        Transaction read(db, Transaction::Kind::Read);
        academicYear_ = rosterYear(db, today);
        pupils_ = pupilsOnRoll(db, today);
        groups_ = groupsOfYear(db, academicYear_, MemberCounts::Skip); // counted below
        const std::vector<Membership> memberships = membershipsOfYear(db, academicYear_);
        read.commit();

        searchText_.clear(); // built on the first search, not at start-up
        std::unordered_map<RowId, int> pupilById;
        pupilById.reserve(pupils_.size());
        for (std::size_t i = 0; i < pupils_.size(); ++i)
            pupilById.emplace(pupils_[i].id, int(i));
        markNamesakes();

        nodes_.reserve(1 + pupils_.size() + groups_.size() + memberships.size() + 3);
        const int all = addNode(NodeKind::AllPupils, -1, -1);
        for (std::size_t i = 0; i < pupils_.size(); ++i)
            addNode(NodeKind::Pupil, all, int(i));

        std::unordered_map<RowId, int> groupNode;
        int heading = -1;
        std::optional<GroupKind> headingKind;
        for (std::size_t g = 0; g < groups_.size(); ++g) {
            if (headingKind != groups_[g].kind) {
                headingKind = groups_[g].kind;
                heading = addNode(NodeKind::Heading, -1, int(*headingKind));
            }
            groupNode.emplace(groups_[g].id, addNode(NodeKind::Group, heading, int(g)));
            groups_[g].memberCount = 0; // recounted below: pupils on roll only, as listed
        }
        // Each group's pupils in name order: the order of pupils_.
        std::vector<std::pair<int, int>> members; // (group node, pupil)
        members.reserve(memberships.size());
        for (const Membership& m : memberships) {
            const auto group = groupNode.find(m.groupId);
            const auto pupil = pupilById.find(m.pupilId);
            if (group == groupNode.end() || pupil == pupilById.end())
                continue; // a pupil who has left stays out of this year's lists
            members.emplace_back(group->second, pupil->second);
        }
        std::sort(members.begin(), members.end());
        for (const auto& [group, pupil] : members) {
            addNode(NodeKind::Pupil, group, pupil);
            ++groups_[std::size_t(nodes_[std::size_t(group)].item)].memberCount;
        }
    }
    endResetModel();
}

const QString& SidebarModel::searchText(std::size_t pupil) const
{
    if (searchText_.size() != pupils_.size()) {
        searchText_.clear();
        searchText_.reserve(pupils_.size());
        for (const PupilSummary& p : pupils_) {
            searchText_.push_back(text::searchKey(
                QStringList{p.givenName, p.familyName, p.legalGivenName, p.legalFamilyName, p.upn}.join(
                    QLatin1Char(' '))));
        }
    }
    return searchText_[pupil];
}

void SidebarModel::clear()
{
    beginResetModel();
    nodes_.clear();
    top_.clear();
    pupils_.clear();
    searchText_.clear();
    distinction_.clear();
    groups_.clear();
    academicYear_ = 0;
    endResetModel();
}

const SidebarModel::Node* SidebarModel::nodeOf(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() >= nodes_.size())
        return nullptr;
    return &nodes_[index.internalId()];
}

QModelIndex SidebarModel::allPupilsIndex() const
{
    return top_.empty() ? QModelIndex() : createIndex(0, 0, quintptr(top_.front()));
}

QModelIndex SidebarModel::pupilIndex(RowId pupilId) const
{
    if (top_.empty())
        return {};
    for (int child : nodes_[std::size_t(top_.front())].children) {
        const Node& n = nodes_[std::size_t(child)];
        if (pupils_[std::size_t(n.item)].id == pupilId)
            return createIndex(n.row, 0, quintptr(child));
    }
    return {};
}

QModelIndex SidebarModel::groupIndex(RowId groupId) const
{
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const Node& n = nodes_[i];
        if (n.kind == NodeKind::Group && groups_[std::size_t(n.item)].id == groupId)
            return createIndex(n.row, 0, quintptr(i));
    }
    return {};
}

QModelIndex SidebarModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0)
        return {};
    const std::vector<int>* children = &top_;
    if (parent.isValid()) {
        const Node* p = nodeOf(parent);
        if (!p)
            return {};
        children = &p->children;
    }
    if (row >= int(children->size()))
        return {};
    return createIndex(row, 0, quintptr((*children)[std::size_t(row)]));
}

QModelIndex SidebarModel::parent(const QModelIndex& child) const
{
    const Node* n = nodeOf(child);
    if (!n || n->parent < 0)
        return {};
    return createIndex(nodes_[std::size_t(n->parent)].row, 0, quintptr(n->parent));
}

int SidebarModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(top_.size());
    if (parent.column() != 0)
        return 0;
    const Node* n = nodeOf(parent);
    return n ? int(n->children.size()) : 0;
}

int SidebarModel::columnCount(const QModelIndex& /*parent*/) const
{
    return 1;
}

Qt::ItemFlags SidebarModel::flags(const QModelIndex& index) const
{
    const Node* n = nodeOf(index);
    if (!n)
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (n->children.empty())
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant SidebarModel::data(const QModelIndex& index, int role) const
{
    const Node* n = nodeOf(index);
    if (!n)
        return {};
    if (role == NodeKindRole)
        return int(n->kind);
    switch (n->kind) {
    case NodeKind::Pupil:
        if (role == SearchTextRole)
            return searchText(std::size_t(n->item));
        return pupilData(pupils_[std::size_t(n->item)], distinction_[std::size_t(n->item)], role);
    case NodeKind::Group:
        return groupData(groups_[std::size_t(n->item)], role);
    case NodeKind::Heading:
    case NodeKind::AllPupils:
        return headingData(*n, role);
    }
    return {};
}

void SidebarModel::markNamesakes()
{
    // Namesakes sit next to each other: pupils_ is in name order.
    distinction_.assign(pupils_.size(), QString());
    const auto sameName = [this](std::size_t a, std::size_t b) {
        return pupils_[a].sortName().compare(pupils_[b].sortName(), Qt::CaseInsensitive) == 0;
    };
    for (std::size_t first = 0; first < pupils_.size();) {
        std::size_t end = first + 1;
        while (end < pupils_.size() && sameName(first, end))
            ++end;
        for (std::size_t i = first; end - first > 1 && i < end; ++i) {
            const bool yearShared =
                std::any_of(pupils_.begin() + std::ptrdiff_t(first), pupils_.begin() + std::ptrdiff_t(end),
                            [&](const PupilSummary& other) {
                                return &other != &pupils_[i] && other.yearGroup == pupils_[i].yearGroup;
                            });
            distinction_[i] = !yearShared && pupils_[i].yearGroup ? yearText(pupils_[i].yearGroup)
                              : pupils_[i].upn.isEmpty()          ? tr("no UPN")
                                                                  : pupils_[i].upn;
        }
        first = end;
    }
}

QVariant SidebarModel::pupilData(const PupilSummary& pupil, const QString& distinction, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (!distinction.isEmpty()) // two pupils of the same name: say which is which
            return tr("%1 (%2)").arg(pupil.sortName(), distinction);
        return pupil.sortName();
    case Qt::ToolTipRole: {
        QStringList parts{pupil.displayName()};
        if (!pupil.upn.isEmpty())
            parts << tr("UPN %1").arg(pupil.upn);
        if (pupil.yearGroup)
            parts << yearText(pupil.yearGroup);
        return parts.join(QStringLiteral(" · "));
    }
    case Qt::AccessibleTextRole:
        return pupil.yearGroup ? tr("%1, %2").arg(pupil.displayName(), yearText(pupil.yearGroup)) : pupil.displayName();
    case RowIdRole:
        return pupil.id;
    case UpnRole:
        return pupil.upn;
    default:
        return {};
    }
}

QVariant SidebarModel::groupData(const GroupSummary& group, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 (%2)").arg(group.name, QLocale().toString(group.memberCount));
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: {
        QStringList parts{group.name, displayName(group.kind)};
        if (!group.subjectName.isEmpty())
            parts << group.subjectName;
        if (group.yearGroup)
            parts << yearText(group.yearGroup);
        if (!group.teacherName.isEmpty())
            parts << group.teacherName;
        parts << tr("%n pupil(s)", nullptr, group.memberCount);
        return parts.join(QStringLiteral(" · "));
    }
    case Qt::DecorationRole:
        return groupIcon_;
    case RowIdRole:
        return group.id;
    case GroupNameRole:
        return group.name;
    default:
        return {};
    }
}

QVariant SidebarModel::headingData(const Node& node, int role) const
{
    if (node.kind == NodeKind::AllPupils) {
        switch (role) {
        case Qt::DisplayRole:
            return tr("All pupils (%1)").arg(QLocale().toString(qlonglong(pupils_.size())));
        case Qt::ToolTipRole:
        case Qt::AccessibleTextRole:
            return tr("All pupils on roll: %n", nullptr, int(pupils_.size()));
        case Qt::DecorationRole:
            return allPupilsIcon_;
        case RowIdRole:
            return RowId(0);
        default:
            return {};
        }
    }
    const auto kind = GroupKind(node.item);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (kind) {
        case GroupKind::Tutor:
            return tr("Tutor groups %1").arg(SchoolCalendar::academicYearLabel(academicYear_));
        case GroupKind::Class:
            return tr("Classes %1").arg(SchoolCalendar::academicYearLabel(academicYear_));
        case GroupKind::Set:
            return tr("Sets %1").arg(SchoolCalendar::academicYearLabel(academicYear_));
        }
        return {};
    case Qt::DecorationRole:
        return kind == GroupKind::Tutor ? tutorIcon_ : classesIcon_;
    case RowIdRole:
        return RowId(0);
    default:
        return {};
    }
}

} // namespace waymark
