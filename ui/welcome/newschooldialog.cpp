#include "welcome/newschooldialog.h"

#include "app/filetasks.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace waymark {

namespace {
QString fileNameFor(const QString& schoolName)
{
    const QString base = filetasks::safeFileBaseName(schoolName);
    return (base.isEmpty() ? NewSchoolDialog::tr("school") : base) + QStringLiteral(".waymark");
}
} // namespace

NewSchoolDialog::NewSchoolDialog(const QString& suggestedFolder, const QString& fixedPath, QWidget* parent)
    : QDialog(parent), name_(new QLineEdit(this)), path_(new QLineEdit(this)), problem_(new QLabel(this)),
      folder_(suggestedFolder)
{
    setWindowTitle(tr("New School"));
    name_->setPlaceholderText(tr("For example, Oakfield Academy"));
    name_->setAccessibleName(tr("School name"));
    path_->setAccessibleName(tr("School file"));
    problem_->setWordWrap(true);
    problem_->setForegroundRole(QPalette::PlaceholderText);

    auto* form = new QFormLayout;
    form->addRow(tr("School &name:"), name_);
    if (fixedPath.isEmpty()) {
        browse_ = new QPushButton(tr("&Browse…"), this);
        browse_->setAccessibleName(tr("Choose where to save the school file"));
        auto* row = new QHBoxLayout;
        row->addWidget(path_, 1);
        row->addWidget(browse_);
        auto* label = new QLabel(tr("Save &as:"), this);
        label->setBuddy(path_); // a row that is a layout gets no buddy of its own
        form->addRow(label, row);
        connect(browse_, &QPushButton::clicked, this, &NewSchoolDialog::browse);
        connect(path_, &QLineEdit::textEdited, this, [this] { pathEdited_ = true; });
    } else {
        path_->setText(QDir::toNativeSeparators(fixedPath));
        path_->setReadOnly(true);
        form->addRow(tr("Saved in:"), path_);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(tr("&Create School"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons);

    connect(name_, &QLineEdit::textChanged, this, [this, fixed = !fixedPath.isEmpty()] {
        // Until the teacher picks a file, its name follows the school's.
        if (!fixed && !pathEdited_)
            path_->setText(QDir::toNativeSeparators(QDir(folder_).filePath(fileNameFor(name_->text()))));
        validate();
    });
    connect(path_, &QLineEdit::textChanged, this, &NewSchoolDialog::validate);
    if (fixedPath.isEmpty())
        path_->setText(QDir::toNativeSeparators(QDir(folder_).filePath(fileNameFor({}))));
    validate();
    resize(560, sizeHint().height());
    name_->setFocus();
}

QString NewSchoolDialog::schoolName() const
{
    return name_->text().simplified();
}

QString NewSchoolDialog::filePath() const
{
    return QDir::fromNativeSeparators(path_->text().trimmed());
}

void NewSchoolDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Save the New School As"), filePath(),
                                                        tr("Waymark school files (*.waymark)"));
    if (chosen.isEmpty())
        return;
    path_->setText(QDir::toNativeSeparators(chosen));
    pathEdited_ = true;
}

void NewSchoolDialog::validate()
{
    QString problem;
    const QFileInfo file(filePath());
    if (schoolName().isEmpty())
        problem = tr("Type the school's name.");
    else if (filePath().isEmpty())
        problem = tr("Choose where to keep the school file.");
    else if (file.exists())
        problem = tr("There is already a file called “%1” there. Choose another name.").arg(file.fileName());
    else if (!file.absoluteDir().exists())
        problem = tr("The folder “%1” does not exist.").arg(QDir::toNativeSeparators(file.absolutePath()));
    problem_->setText(problem);
    ok_->setEnabled(problem.isEmpty());
}

} // namespace waymark
