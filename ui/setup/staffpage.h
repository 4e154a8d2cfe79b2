#pragma once

#include "services/staffsetup.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QDialog>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QUndoStack;

namespace waymark {

class Database;
class DateField;

// The staff list as School Set-up shows it: name, role, e-mail, the day they left (those who have
// left greyed, at the end) and who uses Waymark on this computer. Read-only.
class StaffTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, RoleColumn, EmailColumn, LeftColumn, MeColumn, ColumnCount };
    enum Role { StaffIdRole = Qt::UserRole + 1 };

    explicit StaffTableModel(QObject* parent = nullptr);

    void setStaff(std::vector<setup::StaffMember> staff, std::optional<RowId> me);
    const setup::StaffMember* member(int row) const;
    int rowOf(RowId id) const; // -1 when not listed
    std::optional<RowId> me() const { return me_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<setup::StaffMember> staff_;
    std::optional<RowId> me_;
};

// School Set-up ▸ Staff ▸ Add or Edit: a member of staff's title, names, the name shown where space
// is short (made from the others unless typed), e-mail and role. What is wrong is said as it is
// typed; the button is offered once all is well (and, editing, something changed).
class StaffDialog final : public QDialog
{
    Q_OBJECT

public:
    // Adding when `current` is empty (no surname); editing otherwise.
    explicit StaffDialog(const setup::StaffDetails& current, QWidget* parent = nullptr);

    setup::StaffDetails details() const; // as typed; an empty display name is made by the service

    QLineEdit* titleField() const { return title_; }
    QLineEdit* forenameField() const { return forename_; }
    QLineEdit* surnameField() const { return surname_; }
    QLineEdit* displayNameField() const { return display_; }
    QLineEdit* emailField() const { return email_; }
    QLineEdit* roleField() const { return role_; }
    QPushButton* okButton() const { return ok_; }
    QString problemText() const;

private:
    void validate();

    setup::StaffDetails current_;
    bool adding_;
    QLineEdit* title_;
    QLineEdit* forename_;
    QLineEdit* surname_;
    QLineEdit* display_;
    QLineEdit* email_;
    QLineEdit* role_;
    QLabel* problem_;
    QPushButton* ok_ = nullptr;
};

// School Set-up ▸ Staff ▸ Mark as Left: the day a member of staff left (today unless changed).
class LeftOnDialog final : public QDialog
{
    Q_OBJECT

public:
    LeftOnDialog(const QString& name, QDate today, QWidget* parent = nullptr);

    QDate date() const;
    DateField* dateField() const { return date_; }
    QPushButton* okButton() const { return ok_; }

private:
    DateField* date_;
    QLabel* problem_;
    QPushButton* ok_ = nullptr;
};

// School Set-up ▸ Staff: everyone on the staff list; add, edit, mark as left (or back on the staff)
// and "This is me", each as one undo step on `undo`. Refusals are said through `problem`. The page
// reads again whenever the undo stack moves.
class StaffPage final : public QWidget
{
    Q_OBJECT

public:
    StaffPage(Database& db, QUndoStack& undo, QDate today, std::function<void(const QString&)> problem,
              QWidget* parent = nullptr);

    // Reads the staff list again, keeping the chosen member of staff chosen.
    void reload();

    std::optional<RowId> selectedId() const;
    void selectStaff(RowId id);

    QTableView* view() const { return view_; }
    StaffTableModel* model() const { return model_; }
    QPushButton* addButton() const { return add_; }
    QPushButton* editButton() const { return edit_; }
    QPushButton* leftButton() const { return left_; }
    QPushButton* meButton() const { return me_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void addStaff();
    void editSelected();
    void leftOrBack();
    void toggleMe();
    void updateButtons();
    const setup::StaffMember* selected() const;

    Database& db_;
    QUndoStack& undo_;
    QDate today_;
    std::function<void(const QString&)> problem_;
    StaffTableModel* model_;
    QTableView* view_;
    QPushButton* add_;
    QPushButton* edit_;
    QPushButton* left_;
    QPushButton* me_;
};

} // namespace waymark
