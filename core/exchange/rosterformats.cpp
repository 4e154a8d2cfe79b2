#include "exchange/rosterformats.h"

#include "exchange/csvtable.h"
#include "exchange/ctfreader.h"
#include "exchange/onerosterreader.h"
#include "exchange/sdsreader.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace waymark::exchange {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("RosterFormats", text);
}

bool hasFile(const QDir& dir, const char* name)
{
    // Exports made on Windows may have any case.
    const QStringList entries = dir.entryList(QDir::Files);
    return std::any_of(entries.begin(), entries.end(), [&](const QString& entry) {
        return entry.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
    });
}

QByteArray readLimited(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw StorageError(StorageError::Kind::NotFound,
                           tr("“%1” could not be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    if (file.size() > kMaxTextBytes)
        throw StorageError(StorageError::Kind::Invalid,
                           tr("“%1” is larger than a school roster could need (%2 MB at most); it is probably not "
                              "the export you meant.")
                               .arg(QDir::toNativeSeparators(path))
                               .arg(kMaxTextBytes / (1024 * 1024)));
    return file.readAll();
}
} // namespace

std::optional<RosterFormat> detectRosterFormat(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return std::nullopt;
    if (info.isDir()) {
        const QDir dir(path);
        if (hasFile(dir, "Student.csv") && hasFile(dir, "Section.csv"))
            return RosterFormat::SdsUk;
        if (hasFile(dir, "Student.csv"))
            return RosterFormat::SdsUk;
        if (hasFile(dir, "roles.csv") && hasFile(dir, "users.csv") && !hasFile(dir, "manifest.csv"))
            return RosterFormat::SdsV21;
        if (hasFile(dir, "users.csv"))
            return RosterFormat::OneRoster;
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray head = file.read(4096);
    if (head.startsWith("PK\x03\x04"))
        return RosterFormat::OneRoster;
    // XML, perhaps after a byte-order mark: a CTF is the only XML roster.
    QByteArray text = head;
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.mid(3);
    if (text.trimmed().startsWith('<') || info.suffix().compare(QLatin1String("xml"), Qt::CaseInsensitive) == 0)
        return RosterFormat::Ctf;
    return RosterFormat::Csv;
}

QString formatName(RosterFormat format)
{
    switch (format) {
    case RosterFormat::Csv:
        return QStringLiteral("csv");
    case RosterFormat::SdsUk:
    case RosterFormat::SdsV21:
        return QStringLiteral("sds");
    case RosterFormat::OneRoster:
        return QStringLiteral("oneroster");
    case RosterFormat::Ctf:
        return QStringLiteral("ctf");
    }
    return {};
}

std::optional<RosterFormat> formatFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("csv"))
        return RosterFormat::Csv;
    if (n == QLatin1String("sds"))
        return RosterFormat::SdsUk;
    if (n == QLatin1String("oneroster"))
        return RosterFormat::OneRoster;
    if (n == QLatin1String("ctf"))
        return RosterFormat::Ctf;
    return std::nullopt;
}

QString formatDisplayName(RosterFormat format)
{
    switch (format) {
    case RosterFormat::Csv:
        return tr("CSV from an MIS");
    case RosterFormat::SdsUk:
        return tr("School Data Sync (UK)");
    case RosterFormat::SdsV21:
        return tr("School Data Sync (v2.1)");
    case RosterFormat::OneRoster:
        return tr("OneRoster");
    case RosterFormat::Ctf:
        return tr("Common Transfer File");
    }
    return {};
}

Roster readRoster(const QString& path, RosterFormat format, QDate today, const std::vector<RosterField>* columns,
                  DateOrder usualOrder)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw StorageError(StorageError::Kind::NotFound,
                           tr("“%1” does not exist.").arg(QDir::toNativeSeparators(path)));
    switch (format) {
    case RosterFormat::SdsUk:
    case RosterFormat::SdsV21:
        if (!info.isDir())
            throw StorageError(StorageError::Kind::Invalid,
                               tr("School Data Sync files come as a folder of CSV files; choose the folder that "
                                  "holds Student.csv or users.csv, not a file."));
        return readSdsFolder(path, today);
    case RosterFormat::OneRoster:
        return readOneRoster(path, today);
    case RosterFormat::Ctf:
        if (info.isDir())
            throw StorageError(StorageError::Kind::Invalid,
                               tr("A Common Transfer File is one XML file; choose the file, not a folder."));
        return readCtf(readLimited(path), today);
    case RosterFormat::Csv:
        break;
    }
    if (info.isDir())
        throw StorageError(StorageError::Kind::Invalid,
                           tr("“%1” is a folder, but it holds no School Data Sync or OneRoster files. Choose the "
                              "roster file itself.")
                               .arg(QDir::toNativeSeparators(path)));
    Roster roster = readCsvRoster(readLimited(path), today, columns, usualOrder);
    roster.format = RosterFormat::Csv;
    return roster;
}

} // namespace waymark::exchange
