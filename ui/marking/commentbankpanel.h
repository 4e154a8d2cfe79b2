#pragma once

#include "domain/entity.h"
#include "domain/enums.h"
#include "text/placeholders.h"

#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QUndoStack;

namespace waymark {

class CommentBankModel;
class SchoolSession;

// The comment bank beside the feedback editor: a category (What went well, Even better if, Next
// step: the editor sets it to the part being written), a search box that narrows the list as it is
// typed, and the list, most used first, each comment filled in for the pupil being marked and a
// subject's own marked with its name. Enter (in the search box or the list) or a double-click
// asks for the comment to be inserted (insertRequested) and counts the use; Up and Down in the
// search box move in the list. "Add to bank" (the editor's selected text, the pupil's name made
// {name}), Delete, F2 (change), Import… and Export… (a department's CSV) and Add Starter Comments
// are undo steps on `undo`. Problems and outcomes are said in the panel, never in a dialog of
// their own. Follows SchoolSession::changed, so another window's changes show.
class CommentBankPanel final : public QWidget
{
    Q_OBJECT

public:
    CommentBankPanel(SchoolSession& session, QUndoStack& undo, QWidget* parent = nullptr);
    ~CommentBankPanel() override;

    // Who comments are filled in for; an empty name leaves {name} as written.
    void setPupil(const text::PupilWords& pupil);
    void setPupil(const QString& name, const QString& pronouns, const QString& legalName = {});
    // The subject being marked: its own comments and the general ones. None (or 0): every comment.
    void setSubject(std::optional<RowId> subjectId);
    std::optional<RowId> subject() const { return subjectId_; }
    void setCategory(CommentCategory category);
    CommentCategory category() const;

    // "Add to bank": the text selected in the editor, the pupil's first names made {name}, added
    // to the current category for the current subject (or any subject when none is set). One undo
    // step; the new comment is chosen in the list. Returns whether it was added.
    bool addToBank(const QString& selectedText);
    // The chosen comment's new text (F2 asks for it): one undo step.
    bool changeComment(RowId commentId, const QString& text);
    // Asks for the chosen comment to be inserted; false when none is chosen.
    bool insertCurrent();
    // Merges a bank CSV (one undo step) or writes the bank as one; the outcome is said in the panel.
    bool importFrom(const QString& path);
    bool exportTo(const QString& path);

    void reload();

    QLineEdit* searchField() const { return search_; }
    QComboBox* categoryBox() const { return category_; }
    QListView* view() const { return view_; }
    CommentBankModel* model() const { return model_; }
    QPushButton* importButton() const { return import_; }
    QPushButton* exportButton() const { return export_; }
    QPushButton* starterButton() const { return starter_; }
    QString message() const;
    std::optional<RowId> currentId() const;

Q_SIGNALS:
    // The comment filled in for the pupil, to go into the feedback being written.
    void insertRequested(const QString& filledText, RowId entryId);
    void categoryChanged(CommentCategory category);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void say(const QString& text, bool problem = false);
    std::function<void(const QString&)> problemReporter();
    void choose(RowId id);
    void removeCurrent();
    void editCurrent();
    void addStarter();
    void chooseImportFile();
    void chooseExportFile();
    void updateState();
    void refreshSoon();

    SchoolSession& session_;
    QUndoStack& undo_;
    text::PupilWords pupil_;
    std::optional<RowId> subjectId_;
    QComboBox* category_;
    QLineEdit* search_;
    QListView* view_;
    CommentBankModel* model_;
    QLabel* empty_;
    QLabel* message_;
    QPushButton* import_;
    QPushButton* export_;
    QPushButton* starter_;
    bool bankEmpty_ = false;
    bool stale_ = false;
};

} // namespace waymark
