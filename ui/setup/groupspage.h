#pragma once

#include "queries/rosterqueries.h"
#include "services/groupsetup.h"
#include "services/staffsetup.h"
#include "services/subjectsetup.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QDialog>
#include <QWidget>

#include <functional>
#include <set>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;
class QUndoCommand;
class QUndoStack;

namespace waymark {

class ColumnLayout;
class Database;

// A year group as the school says it: "N1", "N2", "Reception", "Year 7", or "Vertical" for none.
QString yearGroupText(const std::optional<int>& yearGroup);

// The groups of one academic year: name, kind, year group, subject, teacher and pupils on roll.
class SetupGroupsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, KindColumn, YearColumn, SubjectColumn, TeacherColumn, PupilsColumn, ColumnCount };
    enum Role { GroupIdRole = Qt::UserRole + 1 };

    explicit SetupGroupsModel(QObject* parent = nullptr);

    void setGroups(std::vector<setup::GroupEntry> groups);
    const std::vector<setup::GroupEntry>& groups() const { return groups_; }
    int rowOf(RowId groupId) const; // -1 if not listed

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<setup::GroupEntry> groups_;
};

// Pupils, each by their preferred name and year group. With `checkable`, each has a box to tick
// (the Add Pupils dialog keeps what was ticked while the list is filtered).
class SetupPupilsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, YearColumn, ColumnCount };
    enum Role { PupilIdRole = Qt::UserRole + 1, SearchRole };

    explicit SetupPupilsModel(bool checkable, QObject* parent = nullptr);

    void setPupils(std::vector<PupilSummary> pupils);
    const std::vector<PupilSummary>& pupils() const { return pupils_; }
    std::vector<RowId> checked() const; // in list order

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void checkedChanged();

private:
    bool checkable_;
    std::vector<PupilSummary> pupils_;
    std::set<RowId> checked_;
};

// New Group… and Edit…: name, kind, year group, subject and teacher, checked as typed (a name
// another group of the year has, a name too long). The caller writes it through an undo command.
class GroupDialog final : public QDialog
{
    Q_OBJECT

public:
    // `initial` is the group being edited, or a new group's academic year (and defaults) with
    // `editing` false. `problems` is the set-up service's check, on the open school.
    GroupDialog(const setup::GroupDetails& initial, bool editing, const std::vector<setup::SubjectEntry>& subjects,
                const std::vector<setup::StaffMember>& staff,
                std::function<QStringList(const setup::GroupDetails&)> problems, QWidget* parent = nullptr);

    setup::GroupDetails details() const;

    QLineEdit* nameField() const { return name_; }
    QComboBox* kindField() const { return kind_; }
    QComboBox* yearField() const { return year_; }
    QComboBox* subjectField() const { return subject_; }
    QComboBox* teacherField() const { return teacher_; }
    QPushButton* okButton() const { return ok_; }
    QString problemText() const;

private:
    void validate();

    setup::GroupDetails initial_;
    bool editing_;
    std::function<QStringList(const setup::GroupDetails&)> problems_;
    QLineEdit* name_;
    QComboBox* kind_;
    QComboBox* year_;
    QComboBox* subject_;
    QComboBox* teacher_;
    QLabel* problem_;
    QPushButton* ok_ = nullptr;
};

// Add Pupils…: the pupils on roll not yet in the group, filtered as a name is typed. Space ticks the
// pupil at the cursor, Ctrl+A ticks (or unticks) all those shown; Enter adds those ticked.
class AddMembersDialog final : public QDialog
{
    Q_OBJECT

public:
    // `note`, if any, is said above the buttons (a tutor group: pupils in another one move).
    AddMembersDialog(const QString& groupName, std::vector<PupilSummary> candidates, const QString& note = {},
                     QWidget* parent = nullptr);

    std::vector<RowId> chosen() const;
    QStringList chosenNames() const;

    QLineEdit* searchField() const { return search_; }
    QTreeView* view() const { return view_; }
    SetupPupilsModel* model() const { return model_; }
    QPushButton* addButton() const { return add_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateButton();

    SetupPupilsModel* model_;
    QSortFilterProxyModel* filter_;
    QLineEdit* search_;
    QTreeView* view_;
    QLabel* shown_;
    QPushButton* add_ = nullptr;
};

// Move to Tutor Group…: another tutor group of the same academic year for the chosen pupils.
class MoveToTutorGroupDialog final : public QDialog
{
    Q_OBJECT

public:
    MoveToTutorGroupDialog(const QString& who, const std::vector<setup::GroupEntry>& tutorGroups,
                           QWidget* parent = nullptr);

    RowId chosen() const;
    QString chosenName() const;
    QComboBox* groupField() const { return group_; }

private:
    QComboBox* group_;
};

// School Set-up ▸ Groups: the classes, sets and tutor groups of an academic year, and who is in
// each. Every change is a command pushed on `undo` (the group set-up service writes it); what goes
// wrong is said through `problem`. Reloads itself when the undo stack moves.
class GroupsPage final : public QWidget
{
    Q_OBJECT

public:
    GroupsPage(Database& db, QUndoStack& undo, QDate today, std::function<void(const QString&)> problem,
               QWidget* parent = nullptr);

    // Reads the file again, keeping the chosen group (by id) and academic year.
    void reload();

    int academicYear() const;
    void setAcademicYear(int academicYear);
    RowId selectedGroup() const;
    void selectGroup(RowId groupId);

    QComboBox* yearChooser() const { return year_; }
    QTreeView* groupsView() const { return groupsView_; }
    QTreeView* membersView() const { return membersView_; }
    SetupGroupsModel* groupsModel() const { return groups_; }
    SetupPupilsModel* membersModel() const { return members_; }
    QPushButton* newButton() const { return new_; }
    QPushButton* editButton() const { return edit_; }
    QPushButton* removeButton() const { return remove_; }
    QPushButton* addPupilsButton() const { return addPupils_; }
    QPushButton* removePupilsButton() const { return removePupils_; }
    QPushButton* moveButton() const { return move_; }

    // The actions behind the buttons (each opens its dialog, if any, modally).
    void newGroup();
    void editGroup();
    void removeGroup();
    void addPupils();
    void removePupils();
    void moveToTutorGroup();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    const setup::GroupEntry* current() const;
    std::vector<RowId> chosenMembers(QStringList* names = nullptr) const;
    void showMembers();
    void updateButtons();
    static void fitColumns(QTreeView* view, ColumnLayout* columns, std::initializer_list<int> fitted);
    void push(QUndoCommand* command);
    std::vector<setup::StaffMember> teachersFor(const setup::GroupDetails& details);

    Database& db_;
    QUndoStack& undo_;
    QDate today_;
    std::function<void(const QString&)> problem_;
    bool reloading_ = false;

    QComboBox* year_;
    SetupGroupsModel* groups_;
    QTreeView* groupsView_;
    QPushButton* new_;
    QPushButton* edit_;
    QPushButton* remove_;
    QLabel* membersLabel_;
    SetupPupilsModel* members_;
    QTreeView* membersView_;
    ColumnLayout* groupColumns_ = nullptr;
    ColumnLayout* memberColumns_ = nullptr;
    QPushButton* addPupils_;
    QPushButton* removePupils_;
    QPushButton* move_;
};

} // namespace waymark
