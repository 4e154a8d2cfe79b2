#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <vector>

// Reading the CSV files a school's MIS exports, whatever wrote them: the text layer under every
// CSV-based reader (any MIS's roster CSV, School Data Sync, OneRoster).
namespace waymark::exchange {

// How the bytes of a text file were written.
enum class TextEncoding { Utf8, Utf8WithBom, Utf16LittleEndian, Utf16BigEndian, Windows1252 };
QString encodingName(TextEncoding encoding); // "UTF-8", "UTF-16 (Excel Unicode text)", ...

// Files larger than this are refused before they are read (a roster of 2,000 pupils is well under
// 1 MB; a file this size is almost certainly the wrong one).
inline constexpr qint64 kMaxTextBytes = qint64(32) * 1024 * 1024;

struct DecodedText
{
    QString text;
    TextEncoding encoding = TextEncoding::Utf8;
};

// Decodes a text file's bytes: a byte-order mark says UTF-8 or UTF-16; UTF-16 without one is known
// by its zero bytes; otherwise valid UTF-8, else Windows-1252 (Excel's "CSV" on an English
// Windows). Throws StorageError(Kind::Invalid) for bytes that are no text at all (a spreadsheet or
// a picture), naming where they start, and for files over kMaxTextBytes.
DecodedText decodeText(const QByteArray& bytes);

// One table read from CSV: the first non-empty record is the header. Each row keeps the line of
// the file it started on, so that a problem can name it.
struct CsvTable
{
    QStringList header;
    struct Row
    {
        int line = 0; // 1-based, in the file
        QStringList cells;
    };
    std::vector<Row> rows;
    QChar delimiter = QLatin1Char(',');
    TextEncoding encoding = TextEncoding::Utf8;
    // Rows with more or fewer cells than the header: read as far as they go (a short row's missing
    // cells are empty; a long row's extra cells are dropped), and named here for the teacher.
    struct Problem
    {
        int line = 0;
        QString reason;
    };
    std::vector<Problem> problems;

    // The column of a header, matched without regard to case, spaces and punctuation; -1 if none.
    int column(const QString& name) const;
};

// The delimiter the header uses: a comma, a semicolon (Excel in much of Europe) or a tab (Excel's
// "Unicode text"), whichever splits the first record into the most cells outside quotes.
QChar detectDelimiter(const QString& text);

// Parses CSV as RFC 4180 describes and as spreadsheets write it: quoted cells with "" for a quote
// and with line breaks inside; CRLF, LF or CR line ends; blank lines skipped; cells trimmed of the
// spaces around them. Throws StorageError(Kind::Invalid) naming the line for a quote never closed
// and for a file with no header.
CsvTable parseCsv(const QString& text, QChar delimiter);

// decodeText, detectDelimiter and parseCsv together, as a file is read.
CsvTable readCsv(const QByteArray& bytes);

// Header names compared as people write them: "Legal Surname", "legal_surname" and "LegalSurname"
// are one name ("legalsurname").
QString headerKey(const QString& name);

} // namespace waymark::exchange
