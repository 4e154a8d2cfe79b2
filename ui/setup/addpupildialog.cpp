#include "setup/addpupildialog.h"

#include "domain/fieldlimits.h"
#include "widgets/datefield.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace waymark {

AddPupilDialog::AddPupilDialog(std::function<QStringList(const setup::NewPupil&)> problems, QDate today,
                               QWidget* parent)
    : QDialog(parent), problems_(std::move(problems)), upn_(new QLineEdit(this)), forename_(new QLineEdit(this)),
      surname_(new QLineEdit(this)), born_(new DateField(this)), year_(new QSpinBox(this)), problem_(new QLabel(this))
{
    setWindowTitle(tr("Add Pupil"));
    upn_->setPlaceholderText(tr("13 characters, for example B801200005001 (may be left empty)"));
    upn_->setMaxLength(20);
    upn_->setAccessibleName(tr("Unique pupil number"));
    for (QLineEdit* name : {forename_, surname_})
        name->setMaxLength(limits::kName);
    forename_->setAccessibleName(tr("Legal first name"));
    surname_->setAccessibleName(tr("Legal surname"));
    born_->setToday(today);
    born_->setAccessibleName(tr("Date of birth"));
    // Year groups as the school says them: Nursery, Reception, then 1 to 14.
    year_->setRange(-3, 14);
    year_->setSpecialValueText(tr("Not known"));
    year_->setValue(-3);
    year_->setAccessibleName(tr("Year group"));
    problem_->setWordWrap(true);
    problem_->setAccessibleName(tr("Problem"));
    problem_->setMinimumHeight(fontMetrics().lineSpacing() * 5); // room for every message at once
    problem_->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* form = new QFormLayout;
    form->addRow(tr("&UPN:"), upn_);
    form->addRow(tr("Legal &first name:"), forename_);
    form->addRow(tr("Legal &surname:"), surname_);
    form->addRow(tr("Date of &birth:"), born_);
    form->addRow(tr("&Year group:"), year_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    add_ = buttons->button(QDialogButtonBox::Ok);
    add_->setText(tr("&Add Pupil"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grows for a longer message, never squashes
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons);

    for (QLineEdit* field : {upn_, forename_, surname_})
        connect(field, &QLineEdit::textChanged, this, &AddPupilDialog::validate);
    connect(born_, &DateField::dateEdited, this, &AddPupilDialog::validate);
    connect(year_, &QSpinBox::valueChanged, this, &AddPupilDialog::validate);
    validate();
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 72), sizeHint().height());
    upn_->setFocus();
}

setup::NewPupil AddPupilDialog::pupil() const
{
    setup::NewPupil p;
    p.upn = upn_->text();
    p.legalGivenName = forename_->text();
    p.legalFamilyName = surname_->text();
    p.dateOfBirth = born_->date();
    if (year_->value() > -3)
        p.yearGroup = year_->value();
    return p;
}

QString AddPupilDialog::problemText() const
{
    return problem_->text();
}

void AddPupilDialog::validate()
{
    // What is wrong is said as it is typed; a form not yet begun is not scolded (Add stays off).
    const setup::NewPupil p = pupil();
    const QStringList problems = problems_(p);
    const bool begun = !forename_->text().isEmpty() || !surname_->text().isEmpty() || !upn_->text().isEmpty();
    problem_->setText(begun ? problems.join(QLatin1Char('\n')) : QString());
    add_->setEnabled(problems.isEmpty());
}

} // namespace waymark
