#include "reports/feedbackslips.h"

#include "reports/reportpage.h"
#include "services/classfeedback.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QTextDocument>

namespace waymark::reports {

using marking::MarkSheet;
using marking::SheetRow;

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("FeedbackSlips", text);
}

constexpr int kColumns = 2;
constexpr int kRows = 3;
constexpr double kSizes[] = {9.5, 9, 8.5, 8, 7.5}; // points: tried in turn, largest first
constexpr double kContinuedSize = 7.5;

// A page of slots, and the sizes within a slip, in device units.
struct Geometry
{
    explicit Geometry(const ReportCanvas& c)
        : slotWidth(c.page().width() / kColumns), slotHeight(c.page().height() / kRows), pad(c.mm(3.5)), disc(c.mm(8)),
          response(c.mm(15)), note(c.mm(4.5)), gap(c.mm(1.5))
    {}
    double slotWidth, slotHeight, pad, disc, response, note, gap;
    double textWidth() const { return slotWidth - 2 * pad; }
};

// Where the next slip goes: down the first column, then the second, then a new page.
class SlotCursor
{
public:
    SlotCursor(ReportCanvas& canvas, const Geometry& g) : canvas_(canvas), g_(g) {}

    QRectF take(int span)
    {
        if (row_ + span > kRows) {
            row_ = 0;
            ++column_;
        }
        if (column_ >= kColumns) {
            canvas_.newPage();
            column_ = 0;
        }
        const QRectF rect(column_ * g_.slotWidth, row_ * g_.slotHeight, g_.slotWidth, span * g_.slotHeight);
        row_ += span;
        return rect;
    }
    // Whether a slip in the next column would start a new page.
    bool nextColumnOnNewPage() const { return column_ + 1 >= kColumns; }

private:
    ReportCanvas& canvas_;
    const Geometry& g_;
    int column_ = 0;
    int row_ = 0;
};

QString paragraph(const QString& inner, int top)
{
    return QStringLiteral("<p style=\"margin-top:%1px; margin-bottom:0px\">%2</p>").arg(top).arg(inner);
}

QString labelled(const QString& label, const QString& text)
{
    return QStringLiteral("<b>%1</b> %2").arg(html(label), html(text));
}

QString rungOf(const MarkSheet& sheet, const SheetRow& row)
{
    if (!row.rungId)
        return QString();
    for (const marking::SheetRung& rung : sheet.rungs)
        if (rung.id == *row.rungId)
            return marking::rungText(rung);
    return QString();
}

QString slipHtml(const ReportCanvas& c, const MarkSheet& sheet, const SheetRow& row, double pointSize)
{
    const int space = c.css(1.2);
    QStringList about{QStringLiteral("<b>%1</b>").arg(html(sheet.title))};
    if (!sheet.group.isEmpty())
        about << html(sheet.group);
    if (sheet.setOn.isValid())
        about << html(QLocale().toString(sheet.setOn, QStringLiteral("d MMM yyyy")));
    // The name and the task beside an empty cell, where the light's disc is drawn.
    QString h = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td width=\"87%\">");
    h += paragraph(QStringLiteral("<span style=\"font-size:%1pt; font-weight:bold\">%2</span>")
                       .arg(pointSize * 1.3)
                       .arg(html(row.name)),
                   0);
    h += paragraph(about.join(QStringLiteral(" · ")), c.css(0.5));
    h += QStringLiteral("</td><td width=\"13%\"></td></tr></table>");
    if (!sheet.learningIntention.isEmpty())
        h += paragraph(
            QStringLiteral("<i>%1</i> %2").arg(html(tr("Learning intention:")), html(sheet.learningIntention)), space);
    if (!sheet.criteria.empty()) {
        h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"%1\" style=\"margin-top:%2px\">")
                 .arg(c.css(0.3))
                 .arg(space);
        for (const marking::SheetCriterion& criterion : sheet.criteria) {
            const auto it = row.judgements.find(criterion.id);
            const QString judgement = it == row.judgements.end() ? QString() : it->second;
            h += QStringLiteral("<tr><td width=\"24%\"><b>%1</b></td><td>%2</td></tr>")
                     .arg(html(judgementText(judgement)).replace(QLatin1Char(' '), QStringLiteral("&nbsp;")),
                          html(criterion.text));
        }
        h += QStringLiteral("</table>");
    }
    const QString rung = rungOf(sheet, row);
    if (!rung.isEmpty())
        h += paragraph(labelled(tr("Grade:"), rung), space);
    const std::pair<QString, QString> parts[] = {{tr("What went well:"), row.whatWentWell},
                                                 {tr("Even better if:"), row.evenBetterIf},
                                                 {tr("Next step:"), row.nextStep}};
    for (const auto& [label, text] : parts)
        if (!text.isEmpty())
            h += paragraph(labelled(label, text), space);
    if (!marking::isMarked(row))
        h += paragraph(QStringLiteral("<i>%1</i>").arg(html(tr("Not marked yet."))), space);
    if (!row.pupilResponse.isEmpty())
        h += paragraph(labelled(tr("My response:"), row.pupilResponse), space);
    return h;
}

void drawCutLines(ReportCanvas& c, const QRectF& rect)
{
    QPainter& p = c.painter();
    p.save();
    QPen pen(QColor(0x75, 0x75, 0x75), c.mm(0.25));
    pen.setDashPattern({8, 6});
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawRect(rect);
    p.restore();
}

void drawResponseBox(ReportCanvas& c, const Geometry& g, const QRectF& slot)
{
    QPainter& p = c.painter();
    const QRectF box(slot.left() + g.pad, slot.bottom() - g.pad - g.response, g.textWidth(), g.response);
    p.save();
    p.setPen(QPen(QColor(0x61, 0x61, 0x61), c.mm(0.2)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(box);
    QFont font = reportFont(7.5);
    font.setItalic(true);
    p.setFont(font);
    p.setPen(Qt::black);
    p.drawText(box.adjusted(c.mm(1.2), c.mm(0.8), 0, 0), Qt::AlignLeft | Qt::AlignTop, tr("My response:"));
    p.setPen(QPen(QColor(0xbd, 0xbd, 0xbd), c.mm(0.15)));
    for (const double y : {box.top() + box.height() * 0.55, box.top() + box.height() * 0.85})
        p.drawLine(QPointF(box.left() + c.mm(1.2), y), QPointF(box.right() - c.mm(1.2), y));
    p.restore();
}

void drawNote(ReportCanvas& c, const QRectF& rect, const QString& text, Qt::Alignment align)
{
    QPainter& p = c.painter();
    p.save();
    QFont font = reportFont(7);
    font.setItalic(true);
    p.setFont(font);
    p.setPen(Qt::black);
    p.drawText(rect, align | Qt::AlignVCenter, text);
    p.restore();
}

// A slip's text, at the largest size that fits `span` slots, or nothing.
std::unique_ptr<QTextDocument> fitted(const ReportCanvas& c, const Geometry& g, const MarkSheet& sheet,
                                      const SheetRow& row, int span)
{
    const bool box = row.pupilResponse.isEmpty();
    const double room = span * g.slotHeight - 2 * g.pad - (box ? g.response + g.gap : 0);
    for (const double size : kSizes) {
        auto doc = c.document(slipHtml(c, sheet, row, size), size, g.textWidth());
        if (doc->size().height() <= room)
            return doc;
    }
    return nullptr;
}

void drawSlip(ReportCanvas& c, const Geometry& g, const QRectF& slot, QTextDocument& doc, double top, double height,
              const SheetRow& row, bool first, bool last)
{
    drawCutLines(c, slot);
    // Drawn in reading order (the PDF's text follows it): the light, the text, the response box.
    if (first)
        drawLightDisc(c.painter(), QPointF(slot.right() - g.pad - g.disc / 2, slot.top() + g.pad + g.disc / 2), g.disc,
                      row.light);
    const QPointF at(slot.left() + g.pad, slot.top() + g.pad + (first ? 0 : g.note));
    c.draw(doc, at, top, height);
    if (last && row.pupilResponse.isEmpty())
        drawResponseBox(c, g, slot);
}
} // namespace

std::vector<const SheetRow*> slipRows(const MarkSheet& sheet, const SlipOptions& options)
{
    std::vector<const SheetRow*> out;
    for (const SheetRow& row : sheet.rows)
        if (marking::isMarked(row) || (options.everyone && !row.left))
            out.push_back(&row);
    return out;
}

PrintedReport paintFeedbackSlips(QPagedPaintDevice& device, const MarkSheet& sheet, const SlipOptions& options)
{
    const std::vector<const SheetRow*> rows = slipRows(sheet, options);
    ReportCanvas canvas(device);
    const Geometry g(canvas);
    SlotCursor cursor(canvas, g);
    for (const SheetRow* row : rows) {
        std::unique_ptr<QTextDocument> doc;
        for (int span = 1; span <= kRows && !doc; ++span) {
            doc = fitted(canvas, g, sheet, *row, span);
            if (doc) {
                const QRectF slot = cursor.take(span);
                drawSlip(canvas, g, slot, *doc, 0, slot.height(), *row, true, true);
            }
        }
        if (doc)
            continue;
        // Longer than a whole column even when small: it goes on in the next column, each part saying so.
        const double part = kRows * g.slotHeight - 2 * g.pad - 2 * g.note - g.response - g.gap;
        doc = canvas.document(slipHtml(canvas, sheet, *row, kContinuedSize), kContinuedSize, g.textWidth());
        const int parts = canvas.paginate(*doc, part);
        for (int i = 0; i < parts; ++i) {
            const QRectF slot = cursor.take(kRows);
            const bool nextPage = cursor.nextColumnOnNewPage();
            const QRectF note(slot.left() + g.pad, slot.top() + g.pad, g.textWidth(), g.note);
            if (i > 0)
                drawNote(canvas, note, tr("%1 (continued)").arg(row->name), Qt::AlignLeft);
            drawSlip(canvas, g, slot, *doc, i * part, part, *row, i == 0, i == parts - 1);
            if (i < parts - 1)
                drawNote(canvas,
                         note.translated(0, slot.height() - 2 * g.pad - g.note -
                                                (row->pupilResponse.isEmpty() ? g.response + g.gap : 0)),
                         nextPage ? tr("continued on the next page →") : tr("continued in the next column →"),
                         Qt::AlignRight);
        }
    }
    return {canvas.pages(), int(rows.size())};
}

} // namespace waymark::reports
