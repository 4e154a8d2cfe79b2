#include "exchange/csvexport.h"

#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

#include <sqlite3.h>

namespace waymark::exchange {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CsvExport", text);
}

// The files, from Waymark's own table names (never from the file being exported).
struct Table
{
    const char* table;
    const char* file;
};
constexpr Table kTables[] = {
    {"school", "school.csv"},       {"staff", "staff.csv"},        {"subject", "subjects.csv"},
    {"pupil", "pupils.csv"},        {"pupil_group", "groups.csv"}, {"group_member", "group_members.csv"},
    {"learning_plan", "plans.csv"}, {"target", "targets.csv"},     {"review", "reviews.csv"},
    {"evidence", "evidence.csv"},   {"feedback", "feedback.csv"},
};

// Internal columns a spreadsheet reader has no use for.
bool skipped(const QString& column)
{
    return column == QLatin1String("hlc") || column == QLatin1String("origin") || column == QLatin1String("deleted");
}
} // namespace

QString csvCell(const QString& value)
{
    QString cell = value;
    if (!cell.isEmpty()) {
        const QChar first = cell.at(0);
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
            first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            cell.prepend(QLatin1Char('\''));
    }
    if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n')) ||
        cell.contains(QLatin1Char('\r')))
        cell = QLatin1Char('"') + cell.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return cell;
}

std::vector<ExportedFile> exportCsv(Database& db, const QString& folder)
{
    if (!QDir().mkpath(folder))
        throw StorageError(
            StorageError::Kind::Io,
            tr("The folder “%1” could not be made. Choose another.").arg(QDir::toNativeSeparators(folder)));
    Transaction read(db, Transaction::Kind::Read); // one consistent moment for every file
    std::vector<ExportedFile> files;
    for (const Table& t : kTables) {
        const QString path = QDir(folder).filePath(QString::fromLatin1(t.file));
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            throw StorageError(
                StorageError::Kind::Io,
                tr("“%1” could not be written: %2").arg(QDir::toNativeSeparators(path), out.errorString()));
        const std::string sql = std::string("SELECT * FROM ") + t.table + " WHERE deleted = 0 ORDER BY id";
        auto s = db.prepare(sql);
        QStringList names;
        std::vector<int> shown;
        for (int c = 0; c < s.columnCount(); ++c) {
            const QString name = QString::fromUtf8(sqlite3_column_name(s.handle(), c));
            if (!skipped(name)) {
                names << csvCell(name);
                shown.push_back(c);
            }
        }
        QByteArray bytes = "\xEF\xBB\xBF" + names.join(QLatin1Char(',')).toUtf8() + "\r\n";
        int rows = 0;
        while (s.step()) {
            QStringList cells;
            for (int c : shown)
                cells << (s.isNull(c) ? QString() : csvCell(s.text(c)));
            bytes += cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
            ++rows;
        }
        if (out.write(bytes) != bytes.size() || !out.commit())
            throw StorageError(
                out.error() == QFileDevice::ResourceError ? StorageError::Kind::DiskFull : StorageError::Kind::Io,
                tr("“%1” could not be written: %2").arg(QDir::toNativeSeparators(path), out.errorString()));
        files.push_back({path, rows});
    }
    return files;
}

} // namespace waymark::exchange
