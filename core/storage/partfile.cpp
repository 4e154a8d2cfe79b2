#include "storage/partfile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSysInfo>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <windows.h>
#endif

namespace waymark {

namespace {
// A short, file-name-safe mark of this machine, so that a process number is only ever judged on the
// machine that it belongs to (a network folder is shared by many).
QString machineMark()
{
    static const QString mark = QString::fromLatin1(
        QCryptographicHash::hash(QByteArray(QSysInfo::machineUniqueId() + QSysInfo::machineHostName().toUtf8()),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(6));
    return mark;
}

qint64 processId()
{
    return QCoreApplication::applicationPid();
}

bool processIsGone(qint64 pid)
{
#ifdef Q_OS_UNIX
    return pid > 0 && ::kill(pid_t(pid), 0) == -1 && errno == ESRCH;
#elif defined(Q_OS_WIN)
    HANDLE process = OpenProcess(SYNCHRONIZE, FALSE, DWORD(pid));
    if (!process)
        return GetLastError() == ERROR_INVALID_PARAMETER;
    const bool gone = WaitForSingleObject(process, 0) == WAIT_OBJECT_0;
    CloseHandle(process);
    return gone;
#else
    Q_UNUSED(pid)
    return false;
#endif
}

const QRegularExpression& partPattern()
{
    // The current form, and the older ".part-<8 hex>" one without machine or process.
    static const QRegularExpression pattern(
        QStringLiteral("\\.part-(?:([0-9a-f]{6})-([0-9]+)-)?[0-9a-f]{8}(?:-wal|-shm|-journal)?$"));
    return pattern;
}

void removeWithCompanions(const QString& path)
{
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}
} // namespace

PartFile::PartFile(const QString& dest)
    : path_(dest + QStringLiteral(".part-%1-%2-%3")
                       .arg(machineMark())
                       .arg(processId())
                       .arg(QUuid::createUuid().toString(QUuid::Id128).left(8)))
{
    removeAbandoned(dest);
}

PartFile::~PartFile()
{
    if (!keep_)
        remove();
}

void PartFile::remove() const
{
    removeWithCompanions(path_);
}

bool PartFile::isPartFile(const QString& path)
{
    return partPattern().match(QFileInfo(path).fileName()).hasMatch();
}

int PartFile::removeAbandoned(const QString& dest)
{
    const QFileInfo info(dest);
    const QDir folder = info.absoluteDir();
    const QString prefix = info.fileName() + QStringLiteral(".part-");
    const QDateTime dayAgo = QDateTime::currentDateTimeUtc().addDays(-1);
    int removed = 0;
    for (const QFileInfo& entry : folder.entryInfoList({prefix + QLatin1Char('*')}, QDir::Files | QDir::Hidden)) {
        const QString name = entry.fileName();
        const auto match = partPattern().match(name);
        if (!match.hasMatch() || match.capturedStart() != info.fileName().size() ||
            name.endsWith(QLatin1String("-wal")) || name.endsWith(QLatin1String("-shm")) ||
            name.endsWith(QLatin1String("-journal")))
            continue;
        const bool oursAndGone = match.captured(1) == machineMark() && processIsGone(match.captured(2).toLongLong());
        if (oursAndGone || entry.lastModified().toUTC() < dayAgo) {
            removeWithCompanions(entry.absoluteFilePath());
            ++removed;
        }
    }
    return removed;
}

} // namespace waymark
