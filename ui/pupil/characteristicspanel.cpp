#include "pupil/characteristicspanel.h"

#include "pupil/fieldvalues.h"
#include "pupil/shapes.h"
#include "widgets/whenresized.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>

#include "calendar/typeddate.h"
#include <QPainter>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <array>

namespace waymark {

SensitiveFrame::SensitiveFrame(QWidget* parent)
    : QFrame(parent)
{
    setContentsMargins(6, 6, 6, 6);
}

void SensitiveFrame::paintEvent(QPaintEvent*)
{
    // A tinted card with a strong border, both mixed from palette roles, so the panel stands apart
    // from the rest of the page in light and dark palettes alike.
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor base = palette().color(QPalette::Base);
    const QColor accent = palette().color(QPalette::Highlight);
    auto mix = [](const QColor& a, const QColor& b, double t) {
        return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                                a.blueF() * (1 - t) + b.blueF() * t);
    };
    const QRectF r = QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5);
    p.setPen(QPen(accent, 2.0, Qt::DashLine));
    p.setBrush(mix(base, accent, 0.08));
    p.drawRoundedRect(r, 6, 6);
}

CharacteristicsPanel::CharacteristicsPanel(PupilEditor& editor, QWidget* parent)
    : QWidget(parent)
    , editor_(editor)
{
    auto* frame = new SensitiveFrame(this);
    frame->setObjectName(QStringLiteral("sensitivePanel"));
    frame->setAccessibleName(tr("Sensitive characteristics"));

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(frame);
    outer->addStretch();

    auto* layout = new QVBoxLayout(frame);
    auto* banner = new QHBoxLayout;
    auto* lock = lock_ = new QLabel(frame);
    paintLock();
    lock->setAccessibleName(tr("Sensitive"));
    auto* title = new QLabel(tr("<b>Sensitive</b> — shown with care. These details stay out of subject-teacher "
                                "exports; please think about who can see your screen."),
                             frame);
    title->setWordWrap(true);
    banner->addWidget(lock, 0, Qt::AlignTop);
    banner->addWidget(title, 1);
    layout->addLayout(banner);

    sen_ = new QComboBox(frame);
    for (SenStatus s : allValues<SenStatus>())
        sen_->addItem(displayName(s), static_cast<int>(s));
    pupilPremium_ = new QCheckBox(tr("P&upil premium"), frame);
    fsm_ = new QCheckBox(tr("Free school &meals"), frame);
    eal_ = new QCheckBox(tr("English as an &additional language"), frame);
    lookedAfter_ = new QCheckBox(tr("&Looked-after"), frame);
    gifted_ = new QCheckBox(tr("&Gifted and talented"), frame);
    youngCarer_ = new QCheckBox(tr("&Young carer"), frame);
    reviewFlagged_ = new QCheckBox(tr("&Review more often than half-termly"), frame);
    interval_ = new QSpinBox(frame);
    interval_->setRange(0, 195);
    interval_->setSpecialValueText(tr("The usual"));
    interval_->setSuffix(tr(" school days"));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("SE&N status:"), sen_);
    layout->addLayout(form);
    // What the MIS says came before (from a Common Transfer File): read-only, for context.
    periods_ = new QLabel(frame);
    periods_->setWordWrap(true);
    periods_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    periods_->setAccessibleName(tr("SEN and free school meals history"));
    periods_->hide();
    layout->addWidget(periods_);
    grid_ = new QGridLayout;
    layout->addLayout(grid_);
    fitGrid();
    auto* reviews = new QFormLayout;
    reviews->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    reviews->addRow(reviewFlagged_);
    reviews->addRow(tr("Cu&stom review interval:"), interval_);
    layout->addLayout(reviews);

    notesToggle_ = new QToolButton(frame);
    notesToggle_->setCheckable(true);
    notesToggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    notesToggle_->setArrowType(Qt::RightArrow);
    notesToggle_->setText(tr("Show no&tes"));
    notesToggle_->setAccessibleName(tr("Show the sensitive notes"));
    notesHint_ = new QLabel(frame);
    notes_ = new QPlainTextEdit(frame);
    notes_->setTabChangesFocus(true);
    notes_->setAccessibleName(tr("Sensitive notes"));
    notes_->setPlaceholderText(tr("Anything staff should know to support this pupil well."));
    notes_->setVisible(false);
    auto* notesRow = new QHBoxLayout;
    notesRow->addWidget(notesToggle_);
    notesRow->addWidget(notesHint_, 1);
    layout->addLayout(notesRow);
    layout->addWidget(notes_, 1);
    connect(notesToggle_, &QToolButton::toggled, this, &CharacteristicsPanel::setNotesShown);

    sen_->setAccessibleName(tr("SEN status"));
    interval_->setAccessibleName(tr("Custom review interval in school days"));
    interval_->setToolTip(tr("Leave at \"The usual\" for half-termly reviews (every 20 school days for "
                             "looked-after pupils, pupils with an EHC plan and pupils flagged above)."));

    using fieldvalues::bindPupil;
    auto pupil = [this] { return pupilId_; };
    bindings_ = {
        bindPupil(editor_, pupil, sen_, &Pupil::senStatus, tr("Change SEN status"), this),
        bindPupil(editor_, pupil, pupilPremium_, &Pupil::pupilPremium, tr("Change pupil premium"), this),
        bindPupil(editor_, pupil, fsm_, &Pupil::freeSchoolMeals, tr("Change free school meals"), this),
        bindPupil(editor_, pupil, eal_, &Pupil::eal, tr("Change EAL"), this),
        bindPupil(editor_, pupil, lookedAfter_, &Pupil::lookedAfter, tr("Change looked-after"), this),
        bindPupil(editor_, pupil, gifted_, &Pupil::giftedTalented, tr("Change gifted and talented"), this),
        bindPupil(editor_, pupil, youngCarer_, &Pupil::youngCarer, tr("Change young carer"), this),
        bindPupil(editor_, pupil, reviewFlagged_, &Pupil::reviewFlagged, tr("Change extra reviews"), this),
        bindPupil(editor_, pupil, interval_, &Pupil::reviewIntervalDays, tr("Change review interval"), this),
        bindPupil(editor_, pupil, notes_, &Pupil::notes, tr("Change sensitive notes"), this),
    };
}

void CharacteristicsPanel::setNotesShown(bool shown)
{
    if (notesToggle_->isChecked() != shown) {
        notesToggle_->setChecked(shown); // comes back here through toggled()
        return;
    }
    notes_->setVisible(shown);
    notesToggle_->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    notesToggle_->setText(shown ? tr("Hide no&tes") : tr("Show no&tes"));
    notesHint_->setText(!shown && hasNotes_ ? tr("This pupil has notes.") : QString());
    if (shown)
        notes_->setFocus(Qt::OtherFocusReason);
}

bool CharacteristicsPanel::notesShown() const
{
    return notesToggle_->isChecked();
}

void CharacteristicsPanel::showRecord(const PupilRecord& record, bool newPupil)
{
    const Pupil& p = record.pupil;
    pupilId_ = p.id;
    hasNotes_ = !p.notes.isEmpty();
    using fieldvalues::toVariant;
    const QVariant values[] = {toVariant(p.senStatus),  toVariant(p.pupilPremium),  toVariant(p.freeSchoolMeals),
                               toVariant(p.eal),        toVariant(p.lookedAfter),   toVariant(p.giftedTalented),
                               toVariant(p.youngCarer), toVariant(p.reviewFlagged), toVariant(p.reviewIntervalDays),
                               toVariant(p.notes)};
    for (std::size_t i = 0; i < bindings_.size(); ++i)
        bindings_[i]->showStored(values[i], newPupil);
    QStringList history;
    for (const PupilPeriod& period : record.periods) {
        const QString span = period.endOn.isValid()
            ? tr("%1 to %2").arg(typedDateText(period.startOn), typedDateText(period.endOn))
            : tr("since %1").arg(typedDateText(period.startOn));
        if (period.kind == QLatin1String("fsm")) {
            history << tr("Free school meals %1").arg(span);
        } else {
            const auto status = fromText<SenStatus>(period.status.toStdString());
            history << tr("%1 %2").arg(status ? displayName(*status) : period.status, span);
        }
    }
    periods_->setText(history.isEmpty() ? QString()
                                        : tr("From the MIS: %1.").arg(history.join(QStringLiteral("; "))));
    periods_->setVisible(!history.isEmpty());
    // A new pupil's notes start folded away again: they are shown only when asked for.
    if (newPupil)
        setNotesShown(false);
    else
        notesHint_->setText(!notesShown() && hasNotes_ ? tr("This pupil has notes.") : QString());
}

void CharacteristicsPanel::commitPending()
{
    for (FieldBinding* b : bindings_)
        b->commitPending();
}

void CharacteristicsPanel::setReadOnly(bool readOnly)
{
    for (FieldBinding* b : bindings_)
        b->setReadOnly(readOnly);
}

void CharacteristicsPanel::followWidthOf(QWidget* area)
{
    area_ = area;
    whenResized(area_, this, [this] { fitGrid(); });
    fitGrid();
}

void CharacteristicsPanel::fitGrid()
{
    const std::array<QCheckBox*, 6> boxes{pupilPremium_, fsm_, eal_, lookedAfter_, gifted_, youngCarer_};
    int widest = 0;
    for (QCheckBox* box : boxes)
        widest = std::max(widest, box->sizeHint().width());
    // The card's frame and margins, and the gaps between the columns.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int around = grid_->geometry().width() > 0 ? width() - grid_->geometry().width() + em : em * 6;
    int columns = 3;
    if (area_) {
        const int room = area_->width() - std::max(around, 0);
        while (columns > 1 && columns * (widest + grid_->horizontalSpacing()) > room)
            --columns;
    }
    if (columns == gridColumns_ && grid_->count() == int(boxes.size()))
        return;
    gridColumns_ = columns;
    for (QCheckBox* box : boxes)
        grid_->removeWidget(box);
    for (std::size_t i = 0; i < boxes.size(); ++i)
        grid_->addWidget(boxes[i], int(i) / columns, int(i) % columns);
}

void CharacteristicsPanel::paintLock()
{
    // Drawn in the text colour of the moment: light on a dark appearance, dark on a light one.
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this);
    lock_->setPixmap(shapes::lockIcon().pixmap(iconSize, iconSize));
}

void CharacteristicsPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (lock_ && (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange))
        paintLock();
}

} // namespace waymark
