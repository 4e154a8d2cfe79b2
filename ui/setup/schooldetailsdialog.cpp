#include "setup/schooldetailsdialog.h"

#include "domain/enums.h"
#include "domain/fieldlimits.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace waymark {

SchoolDetailsDialog::SchoolDetailsDialog(const setup::SchoolDetails& current, QWidget* parent)
    : QDialog(parent), current_(current), name_(new QLineEdit(current.name, this)),
      urn_(new QLineEdit(current.urn, this)), la_(new QLineEdit(current.laCode, this)),
      estab_(new QLineEdit(current.estab, this)), phase_(new QComboBox(this)), problem_(new QLabel(this))
{
    setWindowTitle(tr("School Details"));
    if (current.name.size() > limits::kName) {
        // A file from elsewhere may hold a longer name than Waymark writes: shown whole, not
        // edited (a cut copy would replace it), and kept as it is when the rest is saved.
        name_->setReadOnly(true);
        name_->setToolTip(
            tr("This name is longer than Waymark allows (%1 characters), so it is kept as it is.").arg(limits::kName));
    } else {
        name_->setMaxLength(limits::kName);
    }
    name_->setPlaceholderText(tr("For example, Oakfield Academy"));
    name_->setAccessibleName(tr("School name"));
    urn_->setAccessibleName(tr("Unique reference number"));
    urn_->setPlaceholderText(tr("6 digits"));
    la_->setAccessibleName(tr("Local-authority number"));
    la_->setPlaceholderText(tr("3 digits"));
    estab_->setAccessibleName(tr("Establishment number"));
    estab_->setPlaceholderText(tr("4 digits"));
    // Digits only (spaces are let through and dropped), so a slip of the finger shows at once.
    auto* digits = new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ]*")), this);
    for (QLineEdit* number : {urn_, la_, estab_})
        number->setValidator(digits);
    urn_->setMaxLength(8);
    la_->setMaxLength(4);
    estab_->setMaxLength(5);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    urn_->setMinimumWidth(digit * 10);
    for (SchoolPhase phase : allValues<SchoolPhase>())
        phase_->addItem(displayName(phase), int(phase));
    phase_->setCurrentIndex(phase_->findData(int(current.phase)));
    phase_->setAccessibleName(tr("Phase"));
    problem_->setWordWrap(true);
    problem_->setAccessibleName(tr("Problem"));
    // Room for two lines of it is kept from the start, so the fields never jump when it appears.
    problem_->setMinimumHeight(fontMetrics().lineSpacing() * 2);
    problem_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QFont bold = problem_->font();
    bold.setBold(true);
    problem_->setFont(bold);

    // The DfE number is written LA/establishment ("873/4001"): the two boxes sit on one row.
    auto* dfe = new QHBoxLayout;
    dfe->addWidget(la_);
    dfe->addWidget(new QLabel(QStringLiteral("/"), this));
    dfe->addWidget(estab_);
    dfe->addStretch();
    auto* dfeLabel = new QLabel(tr("&DfE number:"), this);
    dfeLabel->setBuddy(la_);

    auto* form = new QFormLayout;
    form->addRow(tr("School &name:"), name_);
    form->addRow(tr("&URN:"), urn_);
    form->addRow(dfeLabel, dfe);
    form->addRow(tr("&Phase:"), phase_);

    auto* note = new QLabel(tr("The URN and DfE number are on Get Information about Schools and on the school's "
                               "census returns. They may be left empty."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    save_ = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grows for a longer message, never squashes
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(problem_);
    layout->addWidget(buttons);

    for (QLineEdit* field : {name_, urn_, la_, estab_})
        connect(field, &QLineEdit::textChanged, this, &SchoolDetailsDialog::validate);
    connect(phase_, &QComboBox::currentIndexChanged, this, &SchoolDetailsDialog::validate);
    validate();
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 70), sizeHint().height());
    name_->setFocus();
    name_->selectAll();
}

void SchoolDetailsDialog::setTyped(const setup::SchoolDetails& typed)
{
    if (!name_->isReadOnly())
        name_->setText(typed.name);
    urn_->setText(typed.urn);
    la_->setText(typed.laCode);
    estab_->setText(typed.estab);
    phase_->setCurrentIndex(phase_->findData(int(typed.phase)));
    validate();
}

setup::SchoolDetails SchoolDetailsDialog::details() const
{
    setup::SchoolDetails out;
    out.name = name_->isReadOnly() ? current_.name : name_->text().simplified();
    out.urn = urn_->text().remove(QLatin1Char(' '));
    out.laCode = la_->text().remove(QLatin1Char(' '));
    out.estab = estab_->text().remove(QLatin1Char(' '));
    out.phase = static_cast<SchoolPhase>(phase_->currentData().toInt());
    return out;
}

QString SchoolDetailsDialog::problemText() const
{
    return problem_->text();
}

void SchoolDetailsDialog::validate()
{
    const setup::SchoolDetails now = details();
    const QStringList problems = setup::problemsWith(now, &current_);
    problem_->setText(problems.join(QLatin1Char('\n')));
    save_->setEnabled(problems.isEmpty() && now != current_);
}

} // namespace waymark
