#pragma once

#include "services/subjectsetup.h"

#include <QAbstractTableModel>
#include <QDialog>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpacerItem;
class QTableView;
class QUndoStack;
class QVBoxLayout;

namespace waymark {

class Database;

// The school's subjects as School Set-up shows them: name, code and how many groups are of it.
class SubjectTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, CodeColumn, GroupsColumn, ColumnCount };
    enum Role { SubjectIdRole = Qt::UserRole + 1 };

    explicit SubjectTableModel(QObject* parent = nullptr);

    void setSubjects(std::vector<setup::SubjectEntry> subjects);
    const setup::SubjectEntry* subject(int row) const;
    int rowOf(RowId id) const; // -1 when not listed

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<setup::SubjectEntry> subjects_;
};

// School Set-up ▸ Subjects ▸ Add or Rename: a subject's name and its code as the MIS writes it.
// What is wrong (no name, one the school has already) is said as it is typed.
class SubjectDialog final : public QDialog
{
    Q_OBJECT

public:
    // `problems` says what is wrong with a subject as typed (the set-up service, on the open school).
    // Adding when `current` has no name; renaming otherwise.
    SubjectDialog(const setup::SubjectDetails& current,
                  std::function<QStringList(const setup::SubjectDetails&)> problems, QWidget* parent = nullptr);

    setup::SubjectDetails details() const;

    QLineEdit* nameField() const { return name_; }
    QLineEdit* codeField() const { return code_; }
    QPushButton* okButton() const { return ok_; }
    QString problemText() const;

private:
    void validate();

    setup::SubjectDetails current_;
    std::function<QStringList(const setup::SubjectDetails&)> problems_;
    bool adding_;
    QLineEdit* name_;
    QLineEdit* code_;
    QLabel* problem_;
    QPushButton* ok_ = nullptr;
};

// School Set-up ▸ Subjects: the school's subjects; add, rename (F2), remove (Delete) and add the
// usual subjects of an English school, each as one undo step on `undo`. Refusals (a subject in use
// is not removed) are said through `problem`. The page reads again whenever the undo stack moves.
class SubjectsPage final : public QWidget
{
    Q_OBJECT

public:
    SubjectsPage(Database& db, QUndoStack& undo, std::function<void(const QString&)> problem,
                 QWidget* parent = nullptr);

    // Reads the subjects again, keeping the chosen subject chosen.
    void reload();

    std::optional<RowId> selectedId() const;
    void selectSubject(RowId id);

    QTableView* view() const { return view_; }
    SubjectTableModel* model() const { return model_; }
    QLabel* emptyNote() const { return empty_; }
    QPushButton* addButton() const { return add_; }
    QPushButton* renameButton() const { return rename_; }
    QPushButton* removeButton() const { return remove_; }
    QPushButton* usualButton() const { return usual_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void addSubject();
    void renameSelected();
    void removeSelected();
    void addUsual();
    void updateButtons();
    void placeUsualButton(bool noSubjects);
    const setup::SubjectEntry* selected() const;

    Database& db_;
    QUndoStack& undo_;
    std::function<void(const QString&)> problem_;
    SubjectTableModel* model_;
    QTableView* view_;
    QLabel* empty_;
    QPushButton* add_;
    QPushButton* rename_;
    QPushButton* remove_;
    QPushButton* usual_;
    QHBoxLayout* top_ = nullptr;
    QVBoxLayout* buttons_ = nullptr;
    QSpacerItem* usualGap_ = nullptr;
    std::optional<bool> usualOnTop_;
    int usualMissing_ = 0;
};

} // namespace waymark
