#pragma once

#include "services/tasksetup.h"

#include <QDate>
#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace waymark {

class Database;
class DateField;

// New Task: for a group, a title, the date it is set, the learning intention, the success criteria
// (one a line), and what it is graded on (traffic lights only, marks out of N, or a scale such as
// GCSE 9–1). An earlier task's intention and criteria can be reused. Problems are shown as typed
// and OK waits for none. With `copyOf`, the dialog copies that task for a group and date instead.
class TaskDialog final : public QDialog
{
    Q_OBJECT

public:
    TaskDialog(Database& db, RowId groupId, QDate today, QWidget* parent = nullptr, RowId copyOf = 0);

    marking::TaskDetails details() const;
    RowId copyOf() const { return copyOf_; }

    QLineEdit* titleEdit() const { return title_; }
    QComboBox* groupBox() const { return group_; }
    QComboBox* scaleBox() const { return scale_; }
    QComboBox* reuseBox() const { return reuse_; }
    QPlainTextEdit* criteriaEdit() const { return criteria_; }
    QSpinBox* marksBox() const { return marks_; }

private:
    void check();
    void reuse(int index);

    Database& db_;
    RowId copyOf_;
    QComboBox* group_;
    QLineEdit* title_ = nullptr;
    DateField* setOn_;
    QPlainTextEdit* intention_ = nullptr;
    QPlainTextEdit* criteria_ = nullptr;
    QComboBox* scale_ = nullptr;
    QSpinBox* marks_ = nullptr;
    QComboBox* reuse_ = nullptr;
    QLabel* problems_;
    QDialogButtonBox* buttons_;
};

} // namespace waymark
