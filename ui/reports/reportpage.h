#pragma once

#include <QColor>
#include <QFont>
#include <QPainter>
#include <QRectF>
#include <QString>

#include <memory>

class QPagedPaintDevice;
class QTextDocument;

// What every printed report shares: a painter on a paged device (a QPrinter in the app, a
// QPdfWriter in waymark-cli) measured in millimetres, the report font, HTML-safe text, and the
// traffic light drawn as a coloured disc with its letter, so that it reads in black and white too.
namespace waymark::reports {

class ReportCanvas
{
public:
    // Begins painting on device; a device that cannot be painted on (a printer that went away)
    // throws StorageError.
    explicit ReportCanvas(QPagedPaintDevice& device);
    ~ReportCanvas();
    ReportCanvas(const ReportCanvas&) = delete;
    ReportCanvas& operator=(const ReportCanvas&) = delete;

    QPainter& painter() { return painter_; }
    // Millimetres in the device's units.
    double mm(double millimetres) const { return millimetres * dotsPerMm_; }
    // Millimetres as lengths in a document's HTML ("px") that its layout scales to the device: top
    // and bottom margins and cell padding. Left and right margins and indents it takes as they are,
    // in the device's units: those are given as mm().
    int css(double millimetres) const { return qRound(millimetres * cssPerMm_); }
    // The printable area, from (0, 0), in the device's units.
    QRectF page() const { return page_; }
    void newPage();
    int pages() const { return pages_; }

    // A document laid out for this device, in the report font at pointSize, text width `width`,
    // no margin, wrapping long words anywhere rather than running off the edge.
    std::unique_ptr<QTextDocument> document(const QString& html, double pointSize, double width) const;
    // Breaks doc into pages of pageHeight (its width stays): a paragraph running over a break is
    // made two. Returns the number of pages.
    int paginate(QTextDocument& doc, double pageHeight);
    // Draws the band [top, top + height) of doc (a page of a paginated one) with its top left
    // corner at `at`, in black on white whatever the desktop's colours.
    void draw(QTextDocument& doc, const QPointF& at, double top, double height);

private:
    QPagedPaintDevice& device_;
    QPainter painter_;
    double dotsPerMm_ = 1;
    double cssPerMm_ = 1;
    QRectF page_;
    int pages_ = 1;
};

// The report font: DejaVu Sans where installed (it has ✓ and ✗), else the system's sans-serif.
QFont reportFont(double pointSize);

// Text as HTML: escaped, with its line breaks kept.
QString html(const QString& text);

// "red", "amber", "green": the colour, the letter ("R", "A", "G") and the word, for people.
QColor lightColour(const QString& light);
QString lightLetter(const QString& light);
QString lightName(const QString& light);

// A filled disc of the light's colour with its letter in the middle (nothing for no light).
void drawLightDisc(QPainter& painter, const QPointF& centre, double diameter, const QString& light);

// "✓ met", "~ partly", "✗ not yet", "– not judged": the symbol and the word, never colour alone.
QString judgementText(const QString& judgement);

// A4 portrait with 10 mm margins: what the reports are drawn for.
void setA4(QPagedPaintDevice& device);

} // namespace waymark::reports
