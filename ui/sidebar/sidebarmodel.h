#pragma once

#include "domain/entity.h"
#include "queries/rosterqueries.h"

#include <QAbstractItemModel>
#include <QDate>
#include <QIcon>

#include <vector>

namespace waymark {

class Database;

// The sidebar tree: "All pupils" with every pupil on roll, then headings for tutor groups, classes
// and sets of the academic year, each group holding its pupils. Loaded with four queries whatever the
// size of the school; nothing is fetched per pupil.
class SidebarModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class NodeKind { AllPupils, Heading, Group, Pupil };
    enum Role {
        NodeKindRole = Qt::UserRole + 1, // NodeKind as int
        RowIdRole,                       // pupil or group id (0 for headings)
        UpnRole,                         // pupils only
        SearchTextRole,                  // lower-case names and UPN, for filtering
        GroupNameRole,                   // groups only
    };

    explicit SidebarModel(QObject* parent = nullptr);

    // Reloads everything from the file for the given date (which picks the academic year).
    void load(Database& db, QDate today);
    void clear();

    int academicYear() const { return academicYear_; }
    int pupilCount() const { return int(pupils_.size()); }
    QModelIndex allPupilsIndex() const;
    QModelIndex pupilIndex(RowId pupilId) const; // under "All pupils"
    QModelIndex groupIndex(RowId groupId) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Node
    {
        NodeKind kind = NodeKind::Heading;
        int parent = -1; // node index, -1 at the top
        int row = 0;     // position under the parent
        int item = -1;   // index into pupils_ or groups_; heading: GroupKind as int
        std::vector<int> children;
    };

    int addNode(NodeKind kind, int parent, int item);
    const Node* nodeOf(const QModelIndex& index) const;
    QVariant pupilData(const PupilSummary& pupil, const QString& distinction, int role) const;
    void markNamesakes();
    QVariant groupData(const GroupSummary& group, int role) const;
    QVariant headingData(const Node& node, int role) const;

    std::vector<Node> nodes_;
    std::vector<int> top_;
    std::vector<PupilSummary> pupils_;
    // Parallel to pupils_: for a pupil whose name another on roll shares, what tells them apart (their
    // year, or their UPN when the year is shared too); empty for everyone else.
    std::vector<QString> distinction_;
    const QString& searchText(std::size_t pupil) const;
    mutable std::vector<QString> searchText_; // parallel to pupils_ once the first search asks
    std::vector<GroupSummary> groups_;
    int academicYear_ = 0;
    QIcon groupIcon_, allPupilsIcon_, tutorIcon_, classesIcon_;
};

} // namespace waymark
