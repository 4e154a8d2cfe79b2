// The comment bank's starter set and its CSV files (export and merging import).
#include "domain/fieldlimits.h"
#include "exchange/csvexport.h"
#include "exchange/csvtable.h"
#include "services/commentbank.h"
#include "services/commentbankinternal.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"
#include "text/placeholders.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QMap>
#include <QSaveFile>

#include <array>

namespace waymark::commentbank {

using detail::tr;

namespace {

constexpr std::array kCategories = {CommentCategory::WhatWentWell, CommentCategory::EvenBetterIf,
                                    CommentCategory::NextStep};

// A bank file of more rows than this is not a bank (the starter set has under 200).
constexpr int kMaxRows = 20000;
// Problems and notes listed one by one, before "and 12 more".
constexpr int kMaxListed = 20;

const QString kStarterResource = QStringLiteral(":/waymark/commentbank_starter.csv");

// A cell as a spreadsheet was kept from reading it as a formula (exchange::csvCell) is read back as
// it was written: "'=A1" is "=A1".
QString unguarded(const QString& cell)
{
    if (cell.size() >= 2 && cell.at(0) == QLatin1Char('\'')) {
        const QChar next = cell.at(1);
        if (next == QLatin1Char('=') || next == QLatin1Char('+') || next == QLatin1Char('-') ||
            next == QLatin1Char('@') || next == QLatin1Char('\t') || next == QLatin1Char('\r'))
            return cell.mid(1);
    }
    return cell;
}

void addListed(QStringList& list, int& unlisted, const QString& item)
{
    if (list.size() < kMaxListed)
        list << item;
    else
        ++unlisted;
}

QString more(int unlisted)
{
    return tr("… and %n more.", nullptr, unlisted);
}

// One row of a bank file, read and checked.
struct ReadRow
{
    int line = 0;
    CommentCategory category = CommentCategory::WhatWentWell;
    QString subject; // as written, simplified
    QString text;    // tidied
};

} // namespace

QString categoryCsvName(CommentCategory category)
{
    // In English whatever the app's language: the file travels between schools.
    switch (category) {
    case CommentCategory::WhatWentWell:
        return QStringLiteral("What went well");
    case CommentCategory::EvenBetterIf:
        return QStringLiteral("Even better if");
    case CommentCategory::NextStep:
        return QStringLiteral("Next step");
    }
    return {};
}

std::optional<CommentCategory> categoryFromCsv(const QString& text)
{
    const QString key = exchange::headerKey(text);
    if (key.isEmpty())
        return std::nullopt;
    for (const CommentCategory c : kCategories) {
        if (key == exchange::headerKey(categoryCsvName(c)) || key == exchange::headerKey(displayName(c)) ||
            key == exchange::headerKey(QString::fromLatin1(toText(c).data(), qsizetype(toText(c).size()))))
            return c;
    }
    if (key == QLatin1String("www") || key == QLatin1String("wentwell"))
        return CommentCategory::WhatWentWell;
    if (key == QLatin1String("ebi") || key == QLatin1String("betterif"))
        return CommentCategory::EvenBetterIf;
    if (key == QLatin1String("ns") || key == QLatin1String("nextsteps"))
        return CommentCategory::NextStep;
    return std::nullopt;
}

const std::vector<StarterComment>& starterComments()
{
    static const std::vector<StarterComment> comments = [] {
        std::vector<StarterComment> out;
        QFile file(kStarterResource);
        if (!file.open(QIODevice::ReadOnly))
            return out;
        const exchange::CsvTable table = exchange::readCsv(file.readAll());
        const int category = table.column(QStringLiteral("Category"));
        const int subject = table.column(QStringLiteral("Subject"));
        const int comment = table.column(QStringLiteral("Comment"));
        for (const exchange::CsvTable::Row& row : table.rows)
            if (const std::optional<CommentCategory> c = categoryFromCsv(row.cells.value(category)))
                out.push_back({*c, row.cells.value(subject).simplified(), tidiedText(row.cells.value(comment))});
        return out;
    }();
    return comments;
}

StarterResult addStarterBank(Database& db)
{
    Transaction transaction(db);
    StarterResult result;
    QMap<QString, std::vector<RowId>> subjects; // by name, looked up once
    for (const StarterComment& c : starterComments()) {
        std::vector<std::optional<RowId>> targets;
        if (c.subject.isEmpty()) {
            targets.push_back(std::nullopt);
        } else {
            if (!subjects.contains(c.subject))
                subjects.insert(c.subject, subjectsNamed(db, c.subject));
            for (const RowId id : subjects.value(c.subject))
                targets.push_back(id);
        }
        if (targets.empty())
            ++result.withoutSubject;
        for (const std::optional<RowId>& subjectId : targets) {
            if (detail::isDuplicate(db, c.category, subjectId, c.text))
                ++result.alreadyThere;
            else
                result.added.push_back(detail::insert(db, {c.category, subjectId, c.text}));
        }
    }
    transaction.commit();
    return result;
}

std::vector<RowId> ensureStarterBank(Database& db)
{
    Transaction transaction(db);
    auto s = db.prepare("SELECT count(*) FROM comment_bank");
    s.step();
    std::vector<RowId> added;
    if (s.int64(0) == 0)
        added = addStarterBank(db).added;
    transaction.commit();
    return added;
}

namespace {
QByteArray csvOf(Database& db, int& rows)
{
    Transaction read(db, Transaction::Kind::Read);
    QByteArray bytes = "\xEF\xBB\xBF";
    bytes += "Category,Subject,Comment\r\n";
    rows = 0;
    for (const CommentCategory category : kCategories)
        for (const Comment& c : list(db, category)) {
            const QStringList cells = {exchange::csvCell(categoryCsvName(c.category)), exchange::csvCell(c.subject),
                                       exchange::csvCell(c.text)};
            bytes += cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
            ++rows;
        }
    return bytes;
}
} // namespace

QByteArray exportCsv(Database& db)
{
    int rows = 0;
    return csvOf(db, rows);
}

int exportCsvFile(Database& db, const QString& path)
{
    int rows = 0;
    const QByteArray bytes = csvOf(db, rows);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        throw StorageError(out.error() == QFileDevice::ResourceError ? StorageError::Kind::DiskFull
                                                                     : StorageError::Kind::Io,
                           tr("“%1” could not be written: %2").arg(QDir::toNativeSeparators(path), out.errorString()));
    return rows;
}

ImportSummary importCsv(Database& db, const QByteArray& bytes)
{
    const exchange::CsvTable table = exchange::readCsv(bytes); // throws for what is no text at all
    ImportSummary summary;
    int unlistedProblems = 0;
    int unlistedNotes = 0;
    const auto problem = [&](const QString& p) { addListed(summary.problems, unlistedProblems, p); };
    const auto note = [&](const QString& n) { addListed(summary.notes, unlistedNotes, n); };

    const int categoryColumn = table.column(QStringLiteral("Category"));
    const int subjectColumn = table.column(QStringLiteral("Subject"));
    int commentColumn = table.column(QStringLiteral("Comment"));
    if (commentColumn < 0)
        commentColumn = table.column(QStringLiteral("Text"));
    if (categoryColumn < 0 || commentColumn < 0) {
        summary.problems << tr("The file has no “Category” and “Comment” columns: a bank file starts with the "
                               "line Category,Subject,Comment.");
        return summary;
    }
    if (int(table.rows.size()) > kMaxRows) {
        summary.problems << tr("The file has %1 rows, more than a comment bank has (at most %2).")
                                .arg(QLocale().toString(qlonglong(table.rows.size())), QLocale().toString(kMaxRows));
        return summary;
    }
    for (const exchange::CsvTable::Problem& p : table.problems)
        problem(tr("Line %1: %2").arg(p.line).arg(p.reason));

    std::vector<ReadRow> rows;
    for (const exchange::CsvTable::Row& row : table.rows) {
        ReadRow r;
        r.line = row.line;
        const QString categoryText = row.cells.value(categoryColumn).simplified();
        const std::optional<CommentCategory> category = categoryFromCsv(categoryText);
        r.text = tidiedText(unguarded(row.cells.value(commentColumn)));
        r.subject = subjectColumn < 0 ? QString() : tidiedText(row.cells.value(subjectColumn));
        if (!category) {
            problem(tr("Line %1: “%2” is not a category; write What went well, Even better if or Next step.")
                        .arg(row.line)
                        .arg(limits::shortened(categoryText, 40)));
            continue;
        }
        r.category = *category;
        if (r.text.isEmpty()) {
            problem(tr("Line %1 has no comment.").arg(row.line));
            continue;
        }
        if (r.text.size() > limits::kText) {
            problem(tr("Line %1: the comment has %2 characters, more than the %3 a comment can have.")
                        .arg(row.line)
                        .arg(r.text.size())
                        .arg(limits::kText));
            continue;
        }
        if (r.subject.size() > limits::kName) {
            problem(tr("Line %1: the subject has %2 characters, more than a subject's name can have (%3).")
                        .arg(row.line)
                        .arg(r.subject.size())
                        .arg(limits::kName));
            continue;
        }
        if (const QStringList unknown = text::unknownPlaceholders(r.text); !unknown.isEmpty())
            note(tr("Line %1: %2 is not a placeholder Waymark fills in (%3 are).")
                     .arg(row.line)
                     .arg(limits::shortened(unknown.join(QStringLiteral(", ")), 60),
                          text::knownPlaceholders().join(QStringLiteral(" "))));
        rows.push_back(r);
    }
    if (unlistedProblems > 0)
        summary.problems << more(unlistedProblems);
    if (!summary.problems.isEmpty()) {
        summary.notes.clear();
        return summary;
    }

    Transaction transaction(db);
    QMap<QString, std::vector<RowId>> subjects; // by the name written, looked up once
    QMap<QString, int> unknownSubjects;         // comments made general, by the subject written
    for (const ReadRow& r : rows) {
        std::vector<std::optional<RowId>> targets;
        if (!r.subject.isEmpty()) {
            if (!subjects.contains(r.subject))
                subjects.insert(r.subject, subjectsNamed(db, r.subject));
            for (const RowId id : subjects.value(r.subject))
                targets.push_back(id);
            if (targets.empty())
                ++unknownSubjects[r.subject];
        }
        if (targets.empty())
            targets.push_back(std::nullopt);
        for (const std::optional<RowId>& subjectId : targets) {
            if (detail::isDuplicate(db, r.category, subjectId, r.text))
                ++summary.duplicates;
            else
                summary.added.push_back(detail::insert(db, {r.category, subjectId, r.text}));
        }
    }
    transaction.commit();
    for (auto it = unknownSubjects.cbegin(); it != unknownSubjects.cend(); ++it)
        note(
            tr("This school has no subject “%1”: its %n comment(s) are offered for every subject.", nullptr, it.value())
                .arg(limits::shortened(it.key(), 40)));
    if (unlistedNotes > 0)
        summary.notes << more(unlistedNotes);
    return summary;
}

ImportSummary importCsvFile(Database& db, const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw StorageError(StorageError::Kind::Io,
                           tr("“%1” could not be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    if (file.size() > exchange::kMaxTextBytes)
        throw StorageError(StorageError::Kind::Invalid,
                           tr("“%1” is %2, far larger than a comment bank; choose the bank's CSV file.")
                               .arg(QDir::toNativeSeparators(path), QLocale().formattedDataSize(file.size())));
    return importCsv(db, file.read(exchange::kMaxTextBytes + 1));
}

} // namespace waymark::commentbank
