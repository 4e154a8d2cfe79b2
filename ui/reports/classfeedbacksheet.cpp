#include "reports/classfeedbacksheet.h"

#include "reports/reportpage.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QTextDocument>

namespace waymark::reports {

using marking::ClassNotes;
using marking::ClassSummary;
using marking::MarkSheet;

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ClassFeedbackSheet", text);
}

QString trn(const char* text, int n)
{
    return QCoreApplication::translate("ClassFeedbackSheet", text, nullptr, n);
}

constexpr double kPointSize = 10;

QString heading(const QString& text, int top)
{
    return QStringLiteral("<p style=\"margin-top:%1px; margin-bottom:0px\"><span style=\"font-size:%2pt; "
                          "font-weight:bold\">%3</span></p>")
        .arg(top)
        .arg(kPointSize * 1.25)
        .arg(html(text));
}

QString paragraph(const QString& inner, int top)
{
    return QStringLiteral("<p style=\"margin-top:%1px; margin-bottom:0px\">%2</p>").arg(top).arg(inner);
}

// A bar `percent` of its cell wide, of one colour, or of several side by side.
QString bar(const std::vector<std::pair<double, QColor>>& parts)
{
    QString cells;
    for (const auto& [percent, colour] : parts)
        if (percent > 0)
            cells +=
                QStringLiteral("<td width=\"%1%\" bgcolor=\"%2\">&nbsp;</td>").arg(qRound(percent)).arg(colour.name());
    if (cells.isEmpty())
        return QString();
    double total = 0;
    for (const auto& part : parts)
        total += part.first;
    return QStringLiteral("<table width=\"%1%\" cellspacing=\"0\" cellpadding=\"0\"><tr>%2</tr></table>")
        .arg(qMax(1, qRound(total)))
        .arg(cells);
}

QString lightsTable(const ReportCanvas& c, const ClassSummary& s)
{
    const int most = qMax(1, s.pupils);
    QString h = QStringLiteral("<table width=\"100%\" cellspacing=\"%1\" cellpadding=\"%2\" style=\"margin-top:%3px; "
                               "margin-bottom:%3px\">")
                    .arg(c.css(0.6))
                    .arg(c.css(0.6))
                    .arg(c.css(1.5));
    const std::pair<QString, int> lights[] = {{QStringLiteral("red"), s.red},
                                              {QStringLiteral("amber"), s.amber},
                                              {QStringLiteral("green"), s.green},
                                              {QString(), s.noLight}};
    for (const auto& [light, count] : lights) {
        const QString letter = light.isEmpty() ? QStringLiteral("–") : lightLetter(light);
        const QString ink = light == QLatin1String("red") || light == QLatin1String("green")
                                ? QStringLiteral("#ffffff")
                                : QStringLiteral("#000000");
        // Weights are counts in the sheet's whole: the bars share one scale.
        h += QStringLiteral("<tr><td width=\"5%\" align=\"center\" bgcolor=\"%1\"><span style=\"color:%2; "
                            "font-weight:bold\">%3</span></td><td width=\"16%\">%4</td><td width=\"7%\" "
                            "align=\"right\"><b>%5</b></td><td width=\"72%\">%6</td></tr>")
                 .arg(lightColour(light).name(), ink, letter, html(lightName(light)), QString::number(count),
                      bar({{100.0 * count / most, lightColour(light)}}));
    }
    return h + QStringLiteral("</table>");
}

QString criteriaTable(const ReportCanvas& c, const ClassSummary& s)
{
    const int border = c.css(0.2);
    QString h =
        QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"%1\" border=\"%2\" "
                       "style=\"border-collapse:collapse; border-color:#9e9e9e; margin-top:%3px; margin-bottom:%3px\">")
            .arg(c.css(0.8))
            .arg(border)
            .arg(c.css(1.5));
    h += QStringLiteral("<tr><th align=\"left\" width=\"52%\">%1</th><th width=\"12%\">%2</th><th width=\"12%\">%3</th>"
                        "<th width=\"12%\">%4</th><th width=\"12%\">%5</th></tr>")
             .arg(html(tr("Success criterion")), html(judgementText(QStringLiteral("met"))),
                  html(judgementText(QStringLiteral("partly"))), html(judgementText(QStringLiteral("not_yet"))),
                  html(judgementText(QString())));
    const int most = qMax(1, s.pupils);
    for (const marking::CriterionCounts& k : s.criteria)
        h += QStringLiteral("<tr><td>%1%2</td><td align=\"center\">%3</td><td align=\"center\">%4</td>"
                            "<td align=\"center\">%5</td><td align=\"center\">%6</td></tr>")
                 .arg(html(k.text),
                      bar({{100.0 * k.met / most, lightColour(QStringLiteral("green"))},
                           {100.0 * k.partly / most, lightColour(QStringLiteral("amber"))},
                           {100.0 * k.notYet / most, lightColour(QStringLiteral("red"))}}),
                      QString::number(k.met), QString::number(k.partly), QString::number(k.notYet),
                      QString::number(k.none));
    return h + QStringLiteral("</table>");
}

QString pupilList(const ReportCanvas& c, const std::vector<marking::PupilNote>& pupils)
{
    if (pupils.empty())
        return paragraph(QStringLiteral("<i>%1</i>").arg(html(tr("Nobody."))), c.css(1));
    // Bullets drawn as text, not an HTML list: a paragraph split at a page break stays one item.
    QString h;
    for (const marking::PupilNote& p : pupils)
        h += QStringLiteral("<p style=\"margin-top:%1px; margin-bottom:0px; margin-left:%2px; text-indent:-%3px\">"
                            "•&nbsp;&nbsp;<b>%4</b>%5: %6</p>")
                 .arg(c.css(0.6))
                 .arg(qRound(c.mm(5))) // across the page: the device's own units (see ReportCanvas::css)
                 .arg(qRound(c.mm(3)))
                 .arg(html(p.name), p.left ? html(tr(" (has left)")) : QString(),
                      html(p.reasons.join(QStringLiteral("; "))));
    return h;
}

QString notesParagraph(const ReportCanvas& c, const QString& label, const QString& text)
{
    const QString body =
        text.trimmed().isEmpty() ? QStringLiteral("<i>%1</i>").arg(html(tr("None written."))) : html(text);
    return paragraph(label.isEmpty() ? body : QStringLiteral("<b>%1</b> %2").arg(html(label), body), c.css(1.5));
}

QString sheetHtml(const ReportCanvas& c, const MarkSheet& sheet, const ClassSummary& s, const ClassNotes& notes)
{
    QString h = QStringLiteral("<p style=\"margin:0px\"><span style=\"font-size:%1pt; font-weight:bold\">%2</span></p>")
                    .arg(kPointSize * 1.6)
                    .arg(html(tr("Whole-class feedback: %1").arg(sheet.title)));
    QStringList about;
    for (const QString& part : {sheet.group, sheet.subject})
        if (!part.isEmpty())
            about << html(part);
    if (sheet.setOn.isValid())
        about << html(tr("set %1").arg(QLocale().toString(sheet.setOn, QStringLiteral("d MMMM yyyy"))));
    if (!sheet.setBy.isEmpty())
        about << html(tr("by %1").arg(sheet.setBy));
    h += paragraph(about.join(QStringLiteral(" · ")), c.css(1));
    if (!sheet.learningIntention.isEmpty())
        h += paragraph(
            QStringLiteral("<i>%1</i> %2").arg(html(tr("Learning intention:")), html(sheet.learningIntention)),
            c.css(1));
    h += paragraph(html(trn("%n pupil(s), ", s.pupils) + trn("%n marked.", s.marked)), c.css(1));

    h += heading(tr("Traffic lights"), c.css(5)) + lightsTable(c, s);
    if (!s.criteria.empty())
        h += heading(tr("Success criteria"), c.css(5)) + criteriaTable(c, s);
    h += heading(tr("Pupils to revisit (%1)").arg(s.revisit.size()), c.css(5)) + pupilList(c, s.revisit);
    if (!notes.revisit.trimmed().isEmpty())
        h += notesParagraph(c, tr("Notes:"), notes.revisit);
    h += heading(tr("Praise (%1)").arg(s.praise.size()), c.css(5)) + pupilList(c, s.praise);
    h += notesParagraph(c, tr("For the class:"), notes.praise);
    h += heading(tr("Common misconceptions"), c.css(5)) + notesParagraph(c, QString(), notes.misconceptions);
    h += heading(tr("Spelling and grammar to work on"), c.css(5)) + notesParagraph(c, QString(), notes.literacy);
    return h;
}
} // namespace

PrintedReport paintClassFeedback(QPagedPaintDevice& device, const MarkSheet& sheet, const ClassSummary& summary,
                                 const ClassNotes& notes)
{
    ReportCanvas canvas(device);
    const QRectF page = canvas.page();
    const double footer = canvas.mm(8);
    auto doc = canvas.document(sheetHtml(canvas, sheet, summary, notes), kPointSize, page.width());
    const int pages = canvas.paginate(*doc, page.height() - footer);
    QFont small = reportFont(8);
    QStringList about{tr("Whole-class feedback"), sheet.title, sheet.group};
    about.removeAll(QString());
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            canvas.newPage();
        const double height = page.height() - footer;
        canvas.draw(*doc, QPointF(0, 0), i * height, height);
        QPainter& p = canvas.painter();
        p.save();
        p.setFont(small);
        p.setPen(QColor(0x42, 0x42, 0x42));
        const QRectF foot(0, page.height() - footer * 0.6, page.width(), footer * 0.6);
        p.drawText(foot, Qt::AlignLeft | Qt::AlignBottom, about.join(QStringLiteral(" · ")));
        p.drawText(foot, Qt::AlignRight | Qt::AlignBottom, tr("Page %1 of %2").arg(i + 1).arg(pages));
        p.restore();
    }
    return {pages, 0};
}

} // namespace waymark::reports
