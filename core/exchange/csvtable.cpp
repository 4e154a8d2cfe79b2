#include "exchange/csvtable.h"

#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringDecoder>

#include <array>
#include <optional>

namespace waymark::exchange {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CsvTable", text);
}

StorageError invalid(const QString& message)
{
    return StorageError(StorageError::Kind::Invalid, message);
}

// Windows-1252's characters for bytes 0x80-0x9F (the rest is Latin-1); 0 where it has none.
constexpr std::array<char16_t, 32> kWindows1252High{0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                                    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// A byte no text file holds: controls other than tab, line feed, form feed and carriage return.
bool isBinaryByte(unsigned char c)
{
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
}

// Zero bytes mostly at odd (LE) or even (BE) offsets: UTF-16 without a byte-order mark.
std::optional<TextEncoding> utf16ByZeros(const QByteArray& bytes)
{
    const qsizetype n = std::min<qsizetype>(bytes.size(), 4096) & ~qsizetype(1);
    if (n < 4)
        return std::nullopt;
    int zeroEven = 0;
    int zeroOdd = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        zeroEven += bytes[i] == 0;
        zeroOdd += bytes[i + 1] == 0;
    }
    const int pairs = int(n / 2);
    if (zeroOdd > pairs * 6 / 10 && zeroEven < pairs / 10)
        return TextEncoding::Utf16LittleEndian;
    if (zeroEven > pairs * 6 / 10 && zeroOdd < pairs / 10)
        return TextEncoding::Utf16BigEndian;
    return std::nullopt;
}

void refuseBinary(const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < 0x20 && isBinaryByte(static_cast<unsigned char>(c))) {
            const int line = int(text.left(i).count(QLatin1Char('\n'))) + 1;
            throw invalid(tr("This is not a text file (it holds binary data from line %1). Export the roster from "
                             "your MIS as CSV, then choose that file.")
                              .arg(line));
        }
    }
}
} // namespace

QString encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case TextEncoding::Utf8WithBom:
        return tr("UTF-8 with a byte-order mark");
    case TextEncoding::Utf16LittleEndian:
    case TextEncoding::Utf16BigEndian:
        return tr("UTF-16 (Excel's Unicode text)");
    case TextEncoding::Windows1252:
        return QStringLiteral("Windows-1252");
    }
    return {};
}

DecodedText decodeText(const QByteArray& bytes)
{
    if (bytes.size() > kMaxTextBytes)
        throw invalid(tr("This file is %1, more than the %2 a school roster could need. It is probably not the "
                         "export you meant; check the file and try again.")
                          .arg(QLocale().formattedDataSize(bytes.size()), QLocale().formattedDataSize(kMaxTextBytes)));
    DecodedText out;
    QByteArray body = bytes;
    std::optional<QStringConverter::Encoding> utf;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        out.encoding = TextEncoding::Utf8WithBom;
        body = bytes.mid(3);
        utf = QStringConverter::Utf8;
    } else if (bytes.startsWith("\xFF\xFE")) {
        out.encoding = TextEncoding::Utf16LittleEndian;
        body = bytes.mid(2);
        utf = QStringConverter::Utf16LE;
    } else if (bytes.startsWith("\xFE\xFF")) {
        out.encoding = TextEncoding::Utf16BigEndian;
        body = bytes.mid(2);
        utf = QStringConverter::Utf16BE;
    } else if (const auto wide = utf16ByZeros(bytes)) {
        out.encoding = *wide;
        utf = *wide == TextEncoding::Utf16LittleEndian ? QStringConverter::Utf16LE : QStringConverter::Utf16BE;
    }
    if (utf) {
        QStringDecoder decoder(*utf);
        out.text = decoder.decode(body);
        if (decoder.hasError())
            throw invalid(tr("This file says it is %1 but is not: it may be damaged. Export it from your MIS again.")
                              .arg(encodingName(out.encoding)));
        refuseBinary(out.text);
        return out;
    }
    // No mark: UTF-8 if every byte sequence is valid UTF-8, else Windows-1252.
    for (const char c : bytes)
        if (isBinaryByte(static_cast<unsigned char>(c)))
            refuseBinary(QString::fromLatin1(bytes)); // throws, naming the line
    QStringDecoder utf8(QStringConverter::Utf8);
    out.text = utf8.decode(bytes);
    out.encoding = TextEncoding::Utf8;
    if (!utf8.hasError())
        return out;
    out.encoding = TextEncoding::Windows1252;
    out.text.clear();
    out.text.reserve(bytes.size());
    for (const char byte : bytes) {
        const auto c = static_cast<unsigned char>(byte);
        const char16_t high = c >= 0x80 && c < 0xA0 ? kWindows1252High[c - 0x80] : 0;
        out.text += QChar(high != 0 ? high : (c >= 0x80 && c < 0xA0 ? char16_t(0xFFFD) : char16_t(c)));
    }
    return out;
}

QChar detectDelimiter(const QString& text)
{
    // The first record (quotes respected), and the candidate that splits it most.
    int counts[3] = {0, 0, 0};
    const QChar candidates[3] = {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t')};
    bool quoted = false;
    bool started = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (!quoted && (c == QLatin1Char('\n') || c == QLatin1Char('\r'))) {
            if (started)
                break;
            continue; // blank lines before the header
        }
        started = true;
        if (quoted)
            continue;
        for (int i = 0; i < 3; ++i)
            counts[i] += c == candidates[i];
    }
    int best = 0;
    for (int i = 1; i < 3; ++i)
        if (counts[i] > counts[best])
            best = i;
    return candidates[best];
}

CsvTable parseCsv(const QString& text, QChar delimiter)
{
    CsvTable table;
    table.delimiter = delimiter;
    QStringList record;
    QString cell;
    bool quoted = false;    // inside a quoted cell
    bool wasQuoted = false; // this cell began with a quote
    int line = 1;           // of the character being read
    int recordLine = 1;     // where the record began
    int quoteLine = 0;      // where an open quote began
    bool recordHasText = false;

    const auto endCell = [&] {
        record << (wasQuoted ? cell : cell.trimmed());
        cell.clear();
        wasQuoted = false;
    };
    const auto endRecord = [&] {
        endCell();
        const bool blank = !recordHasText;
        if (!blank) {
            if (table.header.isEmpty() && table.rows.empty()) {
                table.header = record;
                for (QString& name : table.header)
                    name = name.trimmed();
            } else {
                const qsizetype width = table.header.size();
                if (record.size() != width) {
                    table.problems.push_back(
                        {recordLine, record.size() < width
                                         ? tr("This row has %1 cells where the header has %2: the missing ones are "
                                              "read as empty.")
                                               .arg(record.size())
                                               .arg(width)
                                         : tr("This row has %1 cells where the header has %2: the extra ones are "
                                              "not read.")
                                               .arg(record.size())
                                               .arg(width)});
                    while (record.size() < width)
                        record << QString();
                    record = record.mid(0, width);
                }
                table.rows.push_back({recordLine, record});
            }
        }
        record.clear();
        recordHasText = false;
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    cell += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
                // A line break inside a cell (a note over two lines) is kept as one "\n".
                if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                    ++i;
                ++line;
                cell += QLatin1Char('\n');
            } else {
                cell += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && cell.trimmed().isEmpty() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
            quoteLine = line;
            cell.clear();
            recordHasText = true;
        } else if (c == delimiter) {
            endCell();
            recordHasText = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRecord();
            ++line;
            recordLine = line;
        } else {
            cell += c;
            if (!c.isSpace())
                recordHasText = true;
        }
    }
    if (quoted)
        throw invalid(tr("A quoted cell that begins on line %1 never ends: the file may be cut short. Export it "
                         "again from your MIS.")
                          .arg(quoteLine));
    if (recordHasText || !cell.isEmpty() || !record.isEmpty())
        endRecord();
    if (table.header.isEmpty())
        throw invalid(tr("This file is empty: it has no header row and no pupils."));
    return table;
}

CsvTable readCsv(const QByteArray& bytes)
{
    const DecodedText decoded = decodeText(bytes);
    CsvTable table = parseCsv(decoded.text, detectDelimiter(decoded.text));
    table.encoding = decoded.encoding;
    return table;
}

QString headerKey(const QString& name)
{
    QString key;
    for (const QChar c : name)
        if (c.isLetterOrNumber())
            key += c.toLower();
    return key;
}

int CsvTable::column(const QString& name) const
{
    const QString wanted = headerKey(name);
    for (int i = 0; i < header.size(); ++i)
        if (headerKey(header.at(i)) == wanted)
            return i;
    return -1;
}

} // namespace waymark::exchange
