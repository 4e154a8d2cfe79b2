#include "pupil/detailsform.h"

#include "domain/fieldlimits.h"
#include "widgets/datefield.h"
#include "domain/upn.h"
#include "pupil/fieldvalues.h"
#include "pupil/shapes.h"
#include "storage/storageerror.h"
#include "widgets/whenresized.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

namespace waymark {

DateField* makeOptionalDateEdit(QWidget* parent)
{
    auto* edit = new DateField(parent);
    edit->setPlaceholderText(DetailsForm::tr("Not recorded"));
    return edit;
}

DetailsForm::DetailsForm(PupilEditor& editor, QWidget* parent)
    : QWidget(parent)
    , editor_(editor)
    , preferredGiven_(new QLineEdit(this))
    , preferredFamily_(new QLineEdit(this))
    , legalName_(new QLabel(this))
    , pronouns_(new QLineEdit(this))
    , upn_(new QLineEdit(this))
    , upnHint_(new QLabel(this))
    , guide_(new QComboBox(this))
    , dateOfBirth_(makeOptionalDateEdit(this))
    , startedOn_(makeOptionalDateEdit(this))
    , leftOn_(makeOptionalDateEdit(this))
    , yearGroup_(new QLabel(this))
    , groups_(new QLabel(this))
{
    upn_->setMaxLength(20);
    for (QLineEdit* name : {preferredGiven_, preferredFamily_, pronouns_})
        name->setMaxLength(limits::kName);
    upnHint_->setWordWrap(true);
    upnHint_->setTextFormat(Qt::PlainText);
    legalName_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    groups_->setWordWrap(true);
    guide_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    guide_->setMinimumContentsLength(18);

    // Two columns, so everything fits beside the sidebar on a 1366 x 768 screen; one on a narrower
    // tab (followWidthOf).
    auto* left = left_ = new QFormLayout;
    left->addRow(tr("Preferred fi&rst name:"), preferredGiven_);
    left->addRow(tr("Preferred surna&me:"), preferredFamily_);
    left->addRow(tr("Legal name:"), legalName_);
    left->addRow(tr("Pron&ouns:"), pronouns_);
    left->addRow(tr("&UPN:"), upn_);
    left->addRow(QString(), upnHint_);

    auto* right = right_ = new QFormLayout;
    right->addRow(tr("&Learning guide:"), guide_);
    right->addRow(tr("Date of &birth:"), dateOfBirth_);
    right->addRow(tr("Star&ted at the school:"), startedOn_);
    right->addRow(tr("Left the school o&n:"), leftOn_);
    right->addRow(tr("Year group:"), yearGroup_);
    right->addRow(tr("Groups this year:"), groups_);

    columns_ = new QBoxLayout(QBoxLayout::LeftToRight, this);
    columns_->addLayout(left, 1);
    columns_->addSpacing(fontMetrics().averageCharWidth() * 4);
    columns_->addLayout(right, 1);

    preferredGiven_->setAccessibleName(tr("Preferred first name"));
    preferredFamily_->setAccessibleName(tr("Preferred surname"));
    pronouns_->setAccessibleName(tr("Pronouns"));
    upn_->setAccessibleName(tr("Unique pupil number"));
    upnHint_->setAccessibleName(tr("UPN check"));
    guide_->setAccessibleName(tr("Learning guide"));
    dateOfBirth_->setAccessibleName(tr("Date of birth"));
    startedOn_->setAccessibleName(tr("Started at the school"));
    leftOn_->setAccessibleName(tr("Left the school"));
    pronouns_->setPlaceholderText(tr("For example: she/her, he/him, they/them"));

    using fieldvalues::bindPupil;
    auto pupil = [this] { return pupilId_; };
    upnBinding_ = new FieldBinding(
        upn_, [this](const QVariant& v, const QVariant& base, quint64 session) { return commitUpn(v, base, session); },
        this);
    bindings_ = {
        bindPupil(editor_, pupil, preferredGiven_, &Pupil::preferredGivenName, tr("Change preferred first name"), this),
        bindPupil(editor_, pupil, preferredFamily_, &Pupil::preferredFamilyName, tr("Change preferred surname"), this),
        bindPupil(editor_, pupil, pronouns_, &Pupil::pronouns, tr("Change pronouns"), this),
        upnBinding_,
        bindPupil(editor_, pupil, dateOfBirth_, &Pupil::dateOfBirth, tr("Change date of birth"), this),
        bindPupil(editor_, pupil, startedOn_, &Pupil::startedOn, tr("Change start date"), this),
        bindPupil(editor_, pupil, leftOn_, &Pupil::leftOn, tr("Change leaving date"), this),
    };
    guideBinding_ = bindPupil(editor_, pupil, guide_, &Pupil::learningGuideId, tr("Change learning guide"), this);
    bindings_.push_back(guideBinding_);

    // Say what is wrong with a UPN while it is typed, but only refuse it when it is written.
    connect(upnBinding_, &FieldBinding::edited, this, [this](const QVariant& v) {
        const QString normal = upn::normalise(v.toString());
        if (normal.isEmpty())
            showUpnHint(QString());
        else if (const auto problem = upn::validate(normal); problem != upn::Problem::None)
            showUpnHint(upn::describe(problem, normal));
        else
            showUpnHint(QString());
    });
}

void DetailsForm::showUpnHint(const QString& text)
{
    upnHint_->setText(text);
    upnHint_->setVisible(!text.isEmpty());
}

bool DetailsForm::commitUpn(const QVariant& value, const QVariant& base, quint64 typingSession)
{
    const QString normal = upn::normalise(value.toString());
    if (!normal.isEmpty()) {
        if (const auto problem = upn::validate(normal); problem != upn::Problem::None) {
            showUpnHint(tr("This UPN has not been saved. %1").arg(upn::describe(problem, normal)));
            return false;
        }
        try {
            if (const auto other = pupilWithUpn(editor_.db(), normal, pupilId_)) {
                showUpnHint(tr("This UPN has not been saved: %1 already has it. Each pupil's UPN is their own.")
                                .arg(other->displayName()));
                return false;
            }
        } catch (const StorageError& e) {
            showUpnHint(e.message());
            return false;
        }
    }
    showUpnHint(QString());
    return editor_.changePupil(pupilId_, &Pupil::upn, normal, tr("Change UPN"), typingSession, base.toString());
}

void DetailsForm::setStaff(const std::vector<StaffChoice>& staff)
{
    const QVariant current = guide_->currentData();
    guide_->clear();
    guide_->addItem(tr("No learning guide yet"), QVariant());
    for (const StaffChoice& s : staff)
        guide_->addItem(s.role.isEmpty() ? s.displayName : tr("%1 (%2)").arg(s.displayName, s.role), s.id);
    guide_->setCurrentIndex(std::max(0, guide_->findData(current)));
}

void DetailsForm::showRecord(const PupilRecord& record, bool newPupil)
{
    const Pupil& p = record.pupil;
    pupilId_ = p.id;
    using fieldvalues::toVariant;
    preferredGiven_->setPlaceholderText(tr("Same as legal: %1").arg(limits::shortened(p.legalGivenName)));
    preferredFamily_->setPlaceholderText(tr("Same as legal: %1").arg(limits::shortened(p.legalFamilyName)));
    QStringList legalParts{p.legalGivenName, p.legalMiddleNames, p.legalFamilyName};
    legalParts.removeAll(QString());
    legalName_->setText(limits::shortened(legalParts.join(QLatin1Char(' ')), 3 * limits::kName));

    const QVariant values[] = {toVariant(p.preferredGivenName),
                               toVariant(p.preferredFamilyName),
                               toVariant(p.pronouns),
                               toVariant(p.upn),
                               toVariant(p.dateOfBirth),
                               toVariant(p.startedOn),
                               toVariant(p.leftOn),
                               toVariant(p.learningGuideId)};
    for (std::size_t i = 0; i < bindings_.size(); ++i)
        bindings_[i]->showStored(values[i], newPupil);
    if (newPupil)
        showUpnHint(p.upn.isEmpty() || upn::isValid(p.upn) ? QString() : upn::describe(upn::validate(p.upn), p.upn));

    yearGroup_->setText(!p.yearGroup        ? tr("Not recorded")
                        : *p.yearGroup == 0 ? tr("Reception")
                                            : tr("Year %1").arg(*p.yearGroup));
    QStringList groupNames;
    const int latestYear = record.groups.empty() ? 0 : record.groups.front().academicYear;
    for (const PupilGroupInfo& g : record.groups) {
        if (g.academicYear != latestYear)
            break;
        groupNames << (g.subjectName.isEmpty() ? g.name : tr("%1 (%2)").arg(g.name, g.subjectName));
    }
    groups_->setText(groupNames.isEmpty() ? tr("None") : groupNames.join(QStringLiteral(", ")));
}

void DetailsForm::commitPending()
{
    for (FieldBinding* b : bindings_)
        b->commitPending();
}

void DetailsForm::setReadOnly(bool readOnly)
{
    for (FieldBinding* b : bindings_)
        b->setReadOnly(readOnly);
}

void DetailsForm::followWidthOf(QWidget* area)
{
    area_ = area;
    whenResized(area_, this, [this] { fitColumns(); });
    fitColumns();
}

void DetailsForm::fitColumns()
{
    if (!area_)
        return;
    const QMargins margins = columns_->contentsMargins();
    const int both = left_->sizeHint().width() + right_->sizeHint().width() + fontMetrics().averageCharWidth() * 4 +
                     margins.left() + margins.right();
    const auto wanted = area_->width() >= both ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (columns_->direction() != wanted)
        columns_->setDirection(wanted);
}

} // namespace waymark
