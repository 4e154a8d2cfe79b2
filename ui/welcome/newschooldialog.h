#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace waymark {

// Asks for a new school's name and, unless the place is already decided (the first start), where to
// keep its file. OK stays disabled until both make sense.
class NewSchoolDialog final : public QDialog
{
    Q_OBJECT

public:
    // fixedPath empty: the teacher chooses the file; otherwise it is shown but not editable.
    explicit NewSchoolDialog(const QString& suggestedFolder, const QString& fixedPath = {}, QWidget* parent = nullptr);

    QString schoolName() const;
    QString filePath() const;

    QLineEdit* nameField() const { return name_; }
    QLineEdit* pathField() const { return path_; }

private:
    void browse();
    void validate();

    QLineEdit* name_;
    QLineEdit* path_;
    QPushButton* browse_ = nullptr;
    QLabel* problem_;
    QPushButton* ok_ = nullptr;
    QString folder_;
    bool pathEdited_ = false;
};

} // namespace waymark
