#include "exchange/rosterfiles.h"

#include "domain/upn.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

#include <archive.h>
#include <archive_entry.h>
#include <array>
#include <memory>

namespace waymark::exchange {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Roster", text);
}

QString megabytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 0);
}

StorageError refused(const QString& zipPath, const QString& why)
{
    return StorageError(StorageError::Kind::Invalid,
                        tr("The zip file “%1” is refused: %2 A roster export never holds such a thing; ask for the "
                           "export again from the system that made it.")
                            .arg(QFileInfo(zipPath).fileName(), why));
}

StorageError damaged(const QString& zipPath, const char* detail)
{
    return StorageError(
        StorageError::Kind::Damaged,
        tr("The file “%1” is not a zip file Waymark can read, or it is damaged or cut short (%2). "
           "Download or export it again.")
            .arg(QFileInfo(zipPath).fileName(), detail ? QString::fromUtf8(detail) : tr("no further detail")));
}

// An entry's path that could be written outside wherever it was unpacked: absolute ("/etc/x",
// "\\server\x", "C:\x") or climbing out with a ".." part.
bool escapes(const QString& path)
{
    if (path.startsWith(QLatin1Char('/')) || path.startsWith(QLatin1Char('\\')))
        return true;
    static const QRegularExpression drive(QStringLiteral("^[A-Za-z]:"));
    if (drive.match(path).hasMatch())
        return true;
    static const QRegularExpression separators(QStringLiteral("[/\\\\]"));
    const QStringList parts = path.split(separators);
    return parts.contains(QStringLiteral(".."));
}

void add(RosterFiles& set, RosterFile file, const QString& origin)
{
    const QString key = file.name.toLower();
    if (set.files.count(key))
        throw StorageError(StorageError::Kind::Invalid,
                           tr("“%1” holds two files named “%2”: Waymark cannot tell which to read.")
                               .arg(QFileInfo(origin).fileName(), file.name));
    set.files.emplace(key, std::move(file));
}
} // namespace

const RosterFile* RosterFiles::find(const QString& name) const
{
    const auto it = files.find(name.toLower());
    return it == files.end() ? nullptr : &it->second;
}

QStringList RosterFiles::names() const
{
    QStringList out;
    for (const auto& [key, file] : files)
        out << file.name;
    return out;
}

RosterFiles readRosterFolder(const QString& folder)
{
    const QDir dir(folder);
    if (folder.isEmpty() || !dir.exists())
        throw StorageError(StorageError::Kind::NotFound, tr("There is no folder “%1”.").arg(folder));
    RosterFiles set;
    set.origin = folder;
    qint64 total = 0;
    for (const QFileInfo& info : dir.entryInfoList(QDir::Files | QDir::Readable, QDir::Name)) {
        if (!info.fileName().endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
            continue;
        if (info.size() > kMaxTextBytes)
            throw StorageError(StorageError::Kind::Invalid,
                               tr("“%1” is %2, more than the %3 a school roster could need. It is probably not the "
                                  "file you meant.")
                                   .arg(info.fileName(), megabytes(info.size()), megabytes(kMaxTextBytes)));
        total += info.size();
        if (total > kMaxArchiveBytes)
            throw StorageError(StorageError::Kind::Invalid,
                               tr("The CSV files in “%1” come to more than %2, more than a school roster could need. "
                                  "It is probably not the folder you meant.")
                                   .arg(folder, megabytes(kMaxArchiveBytes)));
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly))
            throw StorageError(StorageError::Kind::Io,
                               tr("“%1” cannot be read: %2").arg(info.filePath(), file.errorString()));
        add(set, RosterFile{info.fileName(), file.read(kMaxTextBytes + 1)}, folder);
    }
    return set;
}

RosterFiles readRosterZip(const QString& zipPath)
{
    QFile file(zipPath);
    if (!file.exists())
        throw StorageError(StorageError::Kind::NotFound, tr("There is no file “%1”.").arg(zipPath));
    if (!file.open(QIODevice::ReadOnly))
        throw StorageError(StorageError::Kind::Io, tr("“%1” cannot be read: %2").arg(zipPath, file.errorString()));
    if (file.size() > kMaxArchiveBytes)
        throw refused(zipPath, tr("it is %1, more than the %2 a roster export could need.")
                                   .arg(megabytes(file.size()), megabytes(kMaxArchiveBytes)));
    const QByteArray zip = file.readAll();

    const std::unique_ptr<archive, decltype(&archive_read_free)> owner(archive_read_new(), &archive_read_free);
    archive* a = owner.get();
    archive_read_support_format_zip(a);
    if (archive_read_open_memory(a, zip.constData(), std::size_t(zip.size())) != ARCHIVE_OK)
        throw damaged(zipPath, archive_error_string(a));

    RosterFiles set;
    set.origin = zipPath;
    int entries = 0;
    qint64 total = 0;
    std::array<char, 64 * 1024> buffer{};
    for (;;) {
        archive_entry* entry = nullptr;
        const int status = archive_read_next_header(a, &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status < ARCHIVE_WARN)
            throw damaged(zipPath, archive_error_string(a));
        const char* utf8 = archive_entry_pathname_utf8(entry);
        const char* raw = utf8 ? utf8 : archive_entry_pathname(entry);
        const QString path = utf8 ? QString::fromUtf8(utf8) : QString::fromLocal8Bit(raw ? raw : "");

        if (++entries > kMaxArchiveEntries)
            throw refused(zipPath, tr("it holds more than %1 files.").arg(kMaxArchiveEntries));
        if (escapes(path))
            throw refused(zipPath, tr("it holds “%1”, a path that would be written outside the folder it is "
                                      "unpacked into.")
                                       .arg(path));
        const auto type = archive_entry_filetype(entry);
        if (type == AE_IFLNK || archive_entry_symlink(entry) || archive_entry_hardlink(entry))
            throw refused(zipPath, tr("it holds “%1”, a link to another file.").arg(path));
        if (type == AE_IFDIR)
            continue;
        if (type != AE_IFREG)
            throw refused(zipPath, tr("it holds “%1”, which is not an ordinary file.").arg(path));
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > kMaxTextBytes)
            throw refused(zipPath, tr("“%1” in it is %2, more than the %3 a roster file could need.")
                                       .arg(path, megabytes(archive_entry_size(entry)), megabytes(kMaxTextBytes)));

        QByteArray bytes;
        for (;;) {
            const la_ssize_t got = archive_read_data(a, buffer.data(), buffer.size());
            if (got < 0)
                throw damaged(zipPath, archive_error_string(a));
            if (got == 0)
                break;
            if (bytes.size() + got > kMaxTextBytes)
                throw refused(
                    zipPath,
                    tr("“%1” in it is more than the %2 a roster file could need.").arg(path, megabytes(kMaxTextBytes)));
            total += got;
            if (total > kMaxArchiveBytes)
                throw refused(zipPath, tr("what it holds comes to more than %1.").arg(megabytes(kMaxArchiveBytes)));
            if (total > kRatioCheckFrom && total > kMaxCompressionRatio * zip.size())
                throw refused(
                    zipPath,
                    tr("it unpacks to more than %1 times its own size (a “zip bomb”).").arg(kMaxCompressionRatio));
            bytes.append(buffer.data(), qsizetype(got));
        }

        const QString name = path.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
        if (path.startsWith(QLatin1String("__MACOSX/")) || name.startsWith(QLatin1String("._")) || name.isEmpty())
            continue;
        add(set, RosterFile{name, std::move(bytes)}, zipPath);
    }
    return set;
}

RosterSheet::RosterSheet(const RosterFile& source) : file(source.name)
{
    try {
        table = readCsv(source.bytes);
    } catch (const StorageError& e) {
        throw StorageError(e.kind(), file + QStringLiteral(": ") + e.message());
    }
}

int RosterSheet::column(std::initializer_list<const char*> names) const
{
    for (const char* name : names)
        if (const int c = table.column(QString::fromLatin1(name)); c >= 0)
            return c;
    return -1;
}

QString RosterSheet::cell(const CsvTable::Row& row, int column)
{
    return column < 0 ? QString() : row.cells.value(column).trimmed();
}

QString RosterSheet::at(int line, const QString& text) const
{
    return tr("%1 line %2: %3").arg(file).arg(line).arg(text);
}

QStringList RosterSheet::rowProblems() const
{
    int named = int(table.header.size());
    while (named > 0 && table.header.at(named - 1).trimmed().isEmpty())
        --named;
    QStringList out;
    for (const CsvTable::Problem& problem : table.problems) {
        bool onlyUnnamed = named < table.header.size();
        for (const CsvTable::Row& row : table.rows)
            if (row.line == problem.line)
                for (int c = named; onlyUnnamed && c < row.cells.size(); ++c)
                    onlyUnnamed = row.cells.at(c).trimmed().isEmpty();
        if (!onlyUnnamed)
            out << at(problem.line, problem.reason);
    }
    return out;
}

QString upnFromId(const QString& value, QStringList& flags)
{
    // Shaped like a UPN: a letter, 11 digits, then a digit or a letter ("13001" and "mary.jones" are
    // not, and are no one's mistyped UPN).
    static const QRegularExpression shape(QStringLiteral("^[A-Z][0-9]{11}[0-9A-Z]$"));
    const QString upn = upn::normalise(value);
    if (!shape.match(upn).hasMatch())
        return {};
    if (const upn::Problem problem = upn::validate(upn); problem != upn::Problem::None) {
        flags << tr("UPN “%1” not taken: %2").arg(value, upn::describe(problem, upn));
        return {};
    }
    return upn;
}

std::optional<int> yearFrom(const QString& title, const QString& value, QStringList& flags)
{
    if (value.isEmpty())
        return std::nullopt;
    const std::optional<int> year = parseYearGroup(value);
    if (!year)
        flags << tr("%1 “%2” is not a year group; left empty").arg(title, value);
    return year;
}

QDate dateFrom(const QString& title, const QString& value, DateOrder order, QDate today, QStringList& flags)
{
    if (value.isEmpty())
        return {};
    if (const auto date = parseRosterDate(value, order, today))
        return *date;
    flags << tr("%1 “%2” is not a date; left empty").arg(title, value);
    return {};
}

bool isContactRole(const QString& role)
{
    static const QStringList contacts{QStringLiteral("guardian"), QStringLiteral("parent"), QStringLiteral("relative")};
    return contacts.contains(headerKey(role));
}

QString unnamedReason(const QString& givenName, const QString& familyName)
{
    if (familyName.isEmpty() && givenName.isEmpty())
        return tr("no name");
    if (familyName.isEmpty())
        return tr("no surname");
    if (givenName.isEmpty())
        return tr("no forename");
    return {};
}

} // namespace waymark::exchange
