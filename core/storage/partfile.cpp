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
#include <fcntl.h>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <linux/fs.h> // RENAME_NOREPLACE
#include <sys/syscall.h>
#endif
#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace waymark {

namespace {
// A short, file-name-safe mark of this machine, so that a process number is only ever judged on the
// machine that it belongs to (a network folder is shared by many).
QString machineMark()
{
    // Sandboxed apps (Flatpak) share the machine but number their processes apart: the process
    // namespace is part of the mark on Linux.
    QByteArray identity = QSysInfo::machineUniqueId() + QSysInfo::machineHostName().toUtf8();
#ifdef Q_OS_LINUX
    identity += QFile::symLinkTarget(QStringLiteral("/proc/self/ns/pid")).toUtf8();
#endif
    static const QString mark =
        QString::fromLatin1(QCryptographicHash::hash(identity, QCryptographicHash::Sha256).toHex().left(6));
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
    static const QRegularExpression pattern(
        QStringLiteral("\\.part-([0-9a-f]{6})-([0-9]+)-[0-9a-f]{8}(?:-wal|-shm|-journal)?$"));
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
    const QString prefix = info.fileName() + QStringLiteral(".part-");
    const QDateTime weekAgo = QDateTime::currentDateTimeUtc().addDays(-7);
    int removed = 0;
    for (const QFileInfo& entry : info.absoluteDir().entryInfoList(QDir::Files | QDir::Hidden)) {
        const QString name = entry.fileName();
        if (!name.startsWith(prefix))
            continue;
        const auto match = partPattern().match(name);
        if (!match.hasMatch() || match.capturedStart() != info.fileName().size() || name.endsWith(QLatin1String("-wal")) ||
            name.endsWith(QLatin1String("-shm")) || name.endsWith(QLatin1String("-journal")))
            continue;
        const bool oursAndGone = match.captured(1) == machineMark() && processIsGone(match.captured(2).toLongLong());
        if (oursAndGone || entry.lastModified().toUTC() < weekAgo) {
            removeWithCompanions(entry.absoluteFilePath());
            ++removed;
        }
    }
    return removed;
}

PartFile::Move PartFile::moveInto(const QString& dest)
{
#if defined(Q_OS_LINUX)
    const QByteArray from = QFile::encodeName(path_);
    const QByteArray to = QFile::encodeName(dest);
    if (::syscall(SYS_renameat2, AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0) {
        keep_ = true;
        return Move::Done;
    }
    if (errno == EEXIST)
        return Move::DestinationExists;
    if (errno != EINVAL && errno != ENOSYS)
        return Move::Failed;
    // No atomic no-replace here (some network and FUSE file systems): reserve the name first.
    const int reserved = ::open(to.constData(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (reserved < 0)
        return errno == EEXIST ? Move::DestinationExists : Move::Failed;
    ::close(reserved);
    if (::rename(from.constData(), to.constData()) != 0) {
        ::unlink(to.constData());
        return Move::Failed;
    }
    keep_ = true;
    return Move::Done;
#elif defined(Q_OS_WIN)
    // MoveFileEx without MOVEFILE_REPLACE_EXISTING fails if the destination exists.
    if (MoveFileExW(reinterpret_cast<const wchar_t*>(QDir::toNativeSeparators(path_).utf16()),
                    reinterpret_cast<const wchar_t*>(QDir::toNativeSeparators(dest).utf16()), MOVEFILE_WRITE_THROUGH)) {
        keep_ = true;
        return Move::Done;
    }
    return GetLastError() == ERROR_ALREADY_EXISTS || GetLastError() == ERROR_FILE_EXISTS ? Move::DestinationExists
                                                                                          : Move::Failed;
#else
    if (QFileInfo::exists(dest))
        return Move::DestinationExists;
    if (!QFile::rename(path_, dest))
        return QFileInfo::exists(dest) ? Move::DestinationExists : Move::Failed;
    keep_ = true;
    return Move::Done;
#endif
}

} // namespace waymark
