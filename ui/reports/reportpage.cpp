#include "reports/reportpage.h"

#include "domain/enums.h"
#include "storage/storageerror.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPalette>
#include <QScreen>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextOption>

#include <algorithm>

namespace waymark::reports {

namespace {
QString tr(const char* text, const char* comment = nullptr)
{
    return QCoreApplication::translate("Reports", text, comment);
}

// A long document is laid out a part at a time, as it is looked at; its size and page count are
// only right once the last paragraph has been placed.
void finishLayout(QTextDocument& doc)
{
    doc.documentLayout()->blockBoundingRect(doc.lastBlock());
}
} // namespace

ReportCanvas::ReportCanvas(QPagedPaintDevice& device) : device_(device)
{
    if (!painter_.begin(&device_))
        throw StorageError(StorageError::Kind::Io, tr("The report could not be started: the printer or file refused."));
    dotsPerMm_ = device_.logicalDpiX() / 25.4;
    // A document laid out for a device scales its HTML lengths by the device's dots per inch over
    // Qt's default (the primary screen's logical dots per inch; 100 without a screen).
    double defaultDpi = 100;
    if (QCoreApplication::testAttribute(Qt::AA_Use96Dpi))
        defaultDpi = 96;
    else if (const QScreen* screen = QGuiApplication::primaryScreen())
        defaultDpi = qRound(screen->logicalDotsPerInchY());
    cssPerMm_ = defaultDpi / 25.4;
    page_ = QRectF(0, 0, device_.width(), device_.height());
    painter_.setRenderHint(QPainter::Antialiasing);
    painter_.setRenderHint(QPainter::TextAntialiasing);
}

ReportCanvas::~ReportCanvas()
{
    if (painter_.isActive())
        painter_.end();
}

void ReportCanvas::newPage()
{
    device_.newPage();
    ++pages_;
}

std::unique_ptr<QTextDocument> ReportCanvas::document(const QString& text, double pointSize, double width) const
{
    auto doc = std::make_unique<QTextDocument>();
    doc->documentLayout()->setPaintDevice(&device_);
    doc->setDefaultFont(reportFont(pointSize));
    doc->setDocumentMargin(0);
    QTextOption option = doc->defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    doc->setDefaultTextOption(option);
    doc->setTextWidth(width);
    doc->setHtml(text);
    finishLayout(*doc);
    return doc;
}

int ReportCanvas::paginate(QTextDocument& doc, double pageHeight)
{
    doc.setPageSize(QSizeF(doc.textWidth(), pageHeight));
    finishLayout(doc);
    // A paragraph that runs over a page break becomes two paragraphs, the second starting the new
    // page with no space above it: each page is then drawn from whole paragraphs (see draw()).
    const auto pageOf = [&](double y) { return int(y / pageHeight); };
    for (int splits = 0; splits < 10000; ++splits) {
        bool split = false;
        for (QTextBlock block = doc.begin(); block.isValid() && !split; block = block.next()) {
            const QTextLayout* layout = block.layout();
            if (!layout || layout->lineCount() < 2)
                continue;
            const double y = doc.documentLayout()->blockBoundingRect(block).top();
            for (int i = 1; i < layout->lineCount() && !split; ++i) {
                if (pageOf(y + layout->lineAt(i).y() + 0.5) == pageOf(y + layout->lineAt(i - 1).y() + 0.5))
                    continue;
                QTextCursor cursor(&doc);
                cursor.setPosition(block.position() + layout->lineAt(i).textStart());
                QTextBlockFormat format = block.blockFormat();
                format.setTopMargin(0);
                format.setTextIndent(0); // no hanging bullet's indent: it goes on an item
                cursor.insertBlock(format, cursor.charFormat());
                split = true;
            }
        }
        if (!split)
            break;
    }
    finishLayout(doc);
    return doc.pageCount();
}

void ReportCanvas::draw(QTextDocument& doc, const QPointF& at, double top, double height)
{
    // QTextLayout draws a line touching the clip, and the line before a paragraph's first one in
    // it, and a PDF keeps the text a clip hides: a neighbouring page's lines would be in it twice.
    // So paragraphs never straddle a page (paginate()), and the clip is drawn in to the lines
    // within the band.
    double first = top + height;
    double last = top;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        const QTextLayout* layout = block.layout();
        if (!layout)
            continue;
        const double y = doc.documentLayout()->blockBoundingRect(block).top();
        for (int i = 0; i < layout->lineCount(); ++i) {
            const QTextLine line = layout->lineAt(i);
            const double lineTop = y + line.y();
            const double lineBottom = lineTop + line.height();
            if (lineTop >= top - 0.5 && lineBottom <= top + height + 0.5) {
                first = std::min(first, lineTop);
                last = std::max(last, lineBottom);
            }
        }
    }
    if (last <= first)
        return; // no line in the band
    painter_.save();
    painter_.translate(at.x(), at.y() - top);
    painter_.setClipRect(QRectF(0, top, doc.textWidth(), height));
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, Qt::black); // paper is white, even under a dark desktop theme
    context.clip = QRectF(0, first + 0.5, doc.textWidth(), last - first - 1);
    doc.documentLayout()->draw(&painter_, context);
    painter_.restore();
}

QFont reportFont(double pointSize)
{
    QFont font;
    static const bool dejaVu = QFontDatabase::families().contains(QStringLiteral("DejaVu Sans"));
    if (dejaVu)
        font.setFamilies({QStringLiteral("DejaVu Sans")});
    // No ligatures: a PDF's text then reads (and is searched) letter for letter, "fi" as "fi".
    font.setStyleHint(QFont::SansSerif, QFont::PreferNoShaping);
    font.setPointSizeF(pointSize);
    return font;
}

QString html(const QString& text)
{
    QString out = text.toHtmlEscaped();
    out.replace(QStringLiteral("\r\n"), QStringLiteral("<br>"));
    out.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return out;
}

QColor lightColour(const QString& light)
{
    if (light == QLatin1String("red"))
        return QColor(0xc6, 0x28, 0x28);
    if (light == QLatin1String("amber"))
        return QColor(0xf5, 0xa6, 0x23);
    if (light == QLatin1String("green"))
        return QColor(0x2e, 0x7d, 0x32);
    return QColor(0xbd, 0xbd, 0xbd);
}

QString lightLetter(const QString& light)
{
    if (light == QLatin1String("red"))
        return tr("R", "red light");
    if (light == QLatin1String("amber"))
        return tr("A", "amber light");
    if (light == QLatin1String("green"))
        return tr("G", "green light");
    return QString();
}

QString lightName(const QString& light)
{
    const TrafficLight v = fromText<TrafficLight>(light.toStdString()).value_or(TrafficLight::None);
    return v == TrafficLight::None ? tr("No light") : displayName(v);
}

void drawLightDisc(QPainter& painter, const QPointF& centre, double diameter, const QString& light)
{
    const QString letter = lightLetter(light);
    if (letter.isEmpty())
        return;
    painter.save();
    painter.setPen(QPen(Qt::black, diameter / 40));
    painter.setBrush(lightColour(light));
    const QRectF disc(centre.x() - diameter / 2, centre.y() - diameter / 2, diameter, diameter);
    painter.drawEllipse(disc);
    QFont font = reportFont(10);
    font.setBold(true);
    font.setPixelSize(qMax(1, qRound(diameter * 0.55)));
    painter.setFont(font);
    painter.setPen(light == QLatin1String("amber") ? Qt::black : Qt::white);
    painter.drawText(disc, Qt::AlignCenter, letter);
    painter.restore();
}

QString judgementText(const QString& judgement)
{
    if (judgement == QLatin1String("met"))
        return tr("✓ met");
    if (judgement == QLatin1String("partly"))
        return tr("~ partly");
    if (judgement == QLatin1String("not_yet"))
        return tr("✗ not yet");
    return tr("– not judged");
}

void setA4(QPagedPaintDevice& device)
{
    device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(10, 10, 10, 10),
                                     QPageLayout::Millimeter));
}

} // namespace waymark::reports
