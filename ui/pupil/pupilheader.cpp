#include "pupil/pupilheader.h"

#include "calendar/typeddate.h"
#include "domain/fieldlimits.h"
#include "domain/upn.h"
#include "pupil/shapes.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QVBoxLayout>

namespace waymark {

QString ageText(QDate dateOfBirth, QDate today)
{
    if (!dateOfBirth.isValid() || !today.isValid() || dateOfBirth > today)
        return {};
    int years = today.year() - dateOfBirth.year();
    if (today.month() < dateOfBirth.month() ||
        (today.month() == dateOfBirth.month() && today.day() < dateOfBirth.day()))
        --years;
    return QString::number(years);
}

PupilHeader::PupilHeader(QWidget* parent)
    : QWidget(parent)
    , name_(new QLabel(this))
    , legalName_(new QLabel(this))
    , facts_(new QLabel(this))
    , reviewIcon_(new QLabel(this))
    , review_(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(name_);
    nameRow->addWidget(legalName_, 1, Qt::AlignBottom);
    layout->addLayout(nameRow);

    facts_->setWordWrap(true);
    facts_->setTextFormat(Qt::RichText);
    facts_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(facts_);

    auto* reviewRow = new QHBoxLayout;
    reviewRow->setSpacing(6);
    reviewRow->addWidget(reviewIcon_);
    reviewRow->addWidget(review_, 1);
    layout->addLayout(reviewRow);

    // However long a name or fact, it never makes the window wider than the screen: the labels may
    // be narrower than their text, which is then clipped at the window's edge.
    for (QLabel* label : {name_, legalName_, facts_, review_})
        label->setMinimumWidth(1);
    name_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    name_->setAccessibleName(tr("Pupil's name"));
    facts_->setAccessibleName(tr("Key facts"));
    review_->setAccessibleName(tr("Next review"));
    updateFonts();
}

void PupilHeader::updateFonts()
{
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    name_->setFont(big);
}

void PupilHeader::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        updateFonts();
    QWidget::changeEvent(event);
}

void PupilHeader::clear()
{
    name_->clear();
    legalName_->clear();
    facts_->clear();
    review_->clear();
    reviewIcon_->clear();
    overdue_ = false;
}

namespace {

QString fact(const QString& label, const QString& value)
{
    return QStringLiteral("<span style=\"white-space:nowrap\">%1&nbsp;<b>%2</b></span>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString upnFact(const QString& stored)
{
    if (stored.isEmpty())
        return fact(PupilHeader::tr("UPN"), PupilHeader::tr("not recorded"));
    const upn::Problem problem = upn::validate(stored);
    QString check;
    if (problem != upn::Problem::None)
        check = PupilHeader::tr("(needs checking)");
    else if (upn::isTemporary(stored))
        check = PupilHeader::tr("(temporary, valid)");
    else
        check = PupilHeader::tr("(valid)");
    return fact(PupilHeader::tr("UPN"), stored) + QStringLiteral("&nbsp;") + check.toHtmlEscaped();
}

QString yearText(const std::optional<int>& year)
{
    if (!year)
        return {};
    return *year == 0 ? PupilHeader::tr("Reception") : PupilHeader::tr("Year %1").arg(*year);
}

} // namespace

void PupilHeader::showRecord(const PupilRecord& record, const ReviewDue& due, QDate today)
{
    const Pupil& p = record.pupil;
    // A file may hold names longer than Waymark would ever write: show them cut short.
    const QString shown = limits::shortened(p.displayName(), 2 * limits::kName);
    name_->setText(shown);
    QStringList legalParts{p.legalGivenName, p.legalMiddleNames, p.legalFamilyName};
    legalParts.removeAll(QString());
    const QString legal = limits::shortened(legalParts.join(QLatin1Char(' ')), 3 * limits::kName);
    legalName_->setText(legal != shown ? tr("Legal name: %1").arg(legal) : QString());

    QStringList facts;
    facts << upnFact(limits::shortened(p.upn));
    if (const QString year = yearText(p.yearGroup); !year.isEmpty())
        facts << QStringLiteral("<b>%1</b>").arg(year.toHtmlEscaped());
    if (const QString tutor = record.tutorGroupName(); !tutor.isEmpty())
        facts << fact(tr("Tutor group"), tutor);
    facts << fact(tr("Learning guide"), record.learningGuideName.isEmpty() ? tr("not set") : record.learningGuideName);
    if (p.dateOfBirth.isValid())
        facts << fact(tr("Born"),
                      tr("%1 (age %2)")
                          .arg(typedDateText(p.dateOfBirth), ageText(p.dateOfBirth, today)));
    if (!p.pronouns.isEmpty())
        facts << fact(tr("Pronouns"), limits::shortened(p.pronouns));
    facts_->setText(facts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    // What is wrong with a UPN, in words, is one hover away (and in full on the Details tab).
    const upn::Problem problem = p.upn.isEmpty() ? upn::Problem::None : upn::validate(p.upn);
    facts_->setToolTip(upn::describe(problem, p.upn));

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    overdue_ = due.due.isValid() && due.due < today;
    if (!due.due.isValid()) {
        review_->setText(tr("Next review: the school calendar does not reach far enough to say."));
        reviewIcon_->clear();
    } else if (overdue_) {
        // Overdue is said in words and marked with a warning sign, not shown by colour alone.
        review_->setText(tr("<b>Review overdue:</b> it was due by %1 (%n day(s) ago).", nullptr,
                            static_cast<int>(due.due.daysTo(today)))
                             .arg(QLocale().toString(due.due, QLocale::LongFormat).toHtmlEscaped()));
        reviewIcon_->setPixmap(shapes::warningIcon().pixmap(iconSize, iconSize));
    } else {
        review_->setText(tr("Next review due by <b>%1</b>").arg(QLocale().toString(due.due, QLocale::LongFormat)));
        reviewIcon_->clear();
    }
    // The reason can name a sensitive need (looked-after, EHC plan), so it waits in the tooltip.
    review_->setToolTip(due.reason);
    reviewIcon_->setVisible(!reviewIcon_->pixmap().isNull());
}

QString PupilHeader::reviewText() const
{
    return review_->text();
}

} // namespace waymark
