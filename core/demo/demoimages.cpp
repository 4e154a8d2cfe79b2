#include "demo/demoimages.h"

#include <algorithm>
#include <array>

namespace waymark::demo {

namespace {

const std::array<quint32, 256>& crcTable()
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320U ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    return table;
}

void appendBigEndian(QByteArray& out, quint32 v)
{
    out.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
}

void appendChunk(QByteArray& out, const char* type, const QByteArray& data)
{
    appendBigEndian(out, quint32(data.size()));
    const qsizetype start = out.size();
    out.append(type, 4).append(data);
    appendBigEndian(out, crc32(out.constData() + start, out.size() - start));
}

struct Rgb
{
    int r, g, b;
};

// The few colours a photo of an exercise book needs, each in eight shades so light can fall off
// towards one corner as it does in a photo taken at a desk.
enum Ink : quint8 { Desk = 0, Paper = 8, Rule = 16, Margin = 17, Pen = 18, Tick = 19 };
constexpr int kShades = 8;

class Canvas
{
public:
    Canvas(int width, int height)
        : w_(width)
        , h_(height)
        , pixels_(qsizetype(width) * height, '\0')
    {
    }

    void plot(int x, int y, quint8 colour)
    {
        if (x >= 0 && y >= 0 && x < w_ && y < h_)
            pixels_[qsizetype(y) * w_ + x] = char(colour);
    }

    // A shaded rectangle of one of the eight-shade colours.
    void fill(int x0, int y0, int x1, int y1, quint8 base)
    {
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x)
                plot(x, y, quint8(base + (x + y) * kShades / (w_ + h_ + 1)));
    }

    const QByteArray& pixels() const { return pixels_; }

private:
    int w_, h_;
    QByteArray pixels_;
};

QByteArray palette(Rgb desk, Rgb paper, Rgb ink)
{
    QByteArray out;
    auto add = [&out](Rgb c) {
        out.append(char(std::clamp(c.r, 0, 255))).append(char(std::clamp(c.g, 0, 255))).append(char(std::clamp(c.b, 0, 255)));
    };
    for (int shade = 0; shade < kShades; ++shade)
        add({desk.r - 4 * shade, desk.g - 4 * shade, desk.b - 4 * shade});
    for (int shade = 0; shade < kShades; ++shade)
        add({paper.r - 5 * shade, paper.g - 5 * shade, paper.b - 5 * shade});
    add({170, 200, 230}); // ruled lines
    add({225, 120, 120}); // margin
    add(ink);
    add({40, 150, 60}); // the teacher's green pen
    return out;
}

QByteArray zlibStream(const QByteArray& raw)
{
    // qCompress gives a zlib stream after a 4-byte length of its own: PNG wants just the stream.
    // Level 1: these pictures are tiny, and speed matters more than the last few hundred bytes.
    return qCompress(raw, 1).mid(4);
}

QByteArray header(int width, int height, char colourType)
{
    QByteArray ihdr;
    appendBigEndian(ihdr, quint32(width));
    appendBigEndian(ihdr, quint32(height));
    ihdr.append(char(8)).append(colourType).append(char(0)).append(char(0)).append(char(0));
    return ihdr;
}

QByteArray png(const QByteArray& ihdr, const QByteArray& plte, const QByteArray& idat)
{
    QByteArray out("\x89PNG\r\n\x1a\n", 8);
    appendChunk(out, "IHDR", ihdr);
    if (!plte.isEmpty())
        appendChunk(out, "PLTE", plte);
    appendChunk(out, "IDAT", idat);
    appendChunk(out, "IEND", {});
    return out;
}

} // namespace

quint32 crc32(const char* data, qsizetype size, quint32 crc)
{
    crc = ~crc;
    const auto& table = crcTable();
    for (qsizetype i = 0; i < size; ++i)
        crc = table[(crc ^ quint8(data[i])) & 0xff] ^ (crc >> 8);
    return ~crc;
}

QByteArray encodePng(int width, int height, const QByteArray& rgb)
{
    // Each row starts with its filter: "Sub" (1) stores the difference from the pixel to the left,
    // so smooth shading compresses well.
    const qsizetype stride = qsizetype(width) * 3;
    QByteArray raw((stride + 1) * height, Qt::Uninitialized);
    char* out = raw.data();
    for (int y = 0; y < height; ++y) {
        const char* row = rgb.constData() + y * stride;
        *out++ = char(1);
        for (qsizetype i = 0; i < stride; ++i)
            *out++ = char(quint8(row[i]) - (i >= 3 ? quint8(row[i - 3]) : 0));
    }
    return png(header(width, height, 2), {}, zlibStream(raw));
}

QByteArray encodeIndexedPng(int width, int height, const QByteArray& palette, const QByteArray& indices)
{
    QByteArray raw((qsizetype(width) + 1) * height, Qt::Uninitialized);
    char* out = raw.data();
    for (int y = 0; y < height; ++y) {
        *out++ = char(0); // no filter: runs of one colour compress well as they are
        out = std::copy_n(indices.constData() + qsizetype(y) * width, width, out);
    }
    return png(header(width, height, 3), palette, zlibStream(raw));
}

QByteArray workPhoto(Random& r, int width, int height)
{
    Canvas c(width, height);
    const Rgb desk{150 + r.range(-20, 20), 110 + r.range(-15, 15), 75 + r.range(-15, 15)};
    const Rgb paper{250, 247, 238 - r.range(0, 12)};
    const Rgb ink = r.chance(0.7) ? Rgb{35, 45, 120} : Rgb{30, 30, 35};
    c.fill(0, 0, width, height, Desk);

    const int left = r.range(3, 8);
    const int top = r.range(2, 6);
    const int right = width - r.range(3, 8);
    const int bottom = height - r.range(2, 6);
    c.fill(left, top, right, bottom, Paper);
    for (int y = top + 7; y < bottom - 2; y += 6)
        for (int x = left; x < right; ++x)
            c.plot(x, y, Rule);
    const int marginX = left + 10;
    for (int y = top; y < bottom; ++y)
        c.plot(marginX, y, Margin);

    // Handwriting: a wobbling pen across each line, with gaps between words.
    const int lines = r.range(3, (bottom - top - 8) / 6);
    for (int line = 0; line < lines; ++line) {
        const int baseline = top + 7 + line * 6 - 1;
        const int end = right - r.range(3, line + 1 == lines ? 40 : 10);
        int y = baseline - r.range(0, 3);
        for (int x = marginX + 3; x < end; ++x) {
            if (r.chance(0.12)) { // a space between words
                x += r.range(1, 3);
                continue;
            }
            y = std::clamp(y + r.range(-1, 1), baseline - 3, baseline);
            c.plot(x, y, Pen);
            if (r.chance(0.35))
                c.plot(x, y - 1, Pen);
        }
    }

    // The teacher's tick near the bottom right.
    const int tx = right - r.range(12, 20);
    const int ty = bottom - r.range(6, 10);
    for (int i = 0; i < 3; ++i)
        c.plot(tx + i, ty + i, Tick);
    for (int i = 0; i < 7; ++i)
        c.plot(tx + 2 + i, ty + 2 - i, Tick);

    return encodeIndexedPng(width, height, palette(desk, paper, ink), c.pixels());
}

} // namespace waymark::demo
