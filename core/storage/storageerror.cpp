#include "storage/storageerror.h"

#include <sqlite3.h>

namespace waymark {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(StorageError)
};
} // namespace

StorageError::StorageError(Kind kind, QString message, int sqliteCode)
    : std::runtime_error(message.toStdString())
    , kind_(kind)
    , message_(std::move(message))
    , sqliteCode_(sqliteCode)
{
}

StorageError StorageError::fromSqlite(int code, const QString& detail, const QString& path)
{
    const QString where = path.isEmpty() ? QString() : Tr::tr(" (%1)").arg(path);
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {Kind::Locked,
                Tr::tr("The school file is in use by another program%1. Close it there, then try again.").arg(where),
                code};
    case SQLITE_FULL:
        return {Kind::DiskFull,
                Tr::tr("The disk is full%1. Nothing was saved from the last change; free some space and try "
                       "again.")
                    .arg(where),
                code};
    case SQLITE_READONLY:
        if (code == SQLITE_READONLY_ROLLBACK)
            return {Kind::ReadOnly,
                    Tr::tr("The school file%1 holds a change that a program stopped part-way through (a “hot "
                           "journal”), which can only be undone where the file can be written. Copy the file and "
                           "its “-journal” file to a folder you can write to and open it there; nothing that was "
                           "saved is lost.")
                        .arg(where),
                    code};
        return {Kind::ReadOnly,
                Tr::tr("The school file is read-only%1, so changes cannot be saved.").arg(where), code};
    case SQLITE_CORRUPT:
        return {Kind::Damaged,
                Tr::tr("The school file is damaged%1. Restore it from a backup.").arg(where), code};
    case SQLITE_NOTADB:
        return {Kind::NotSqlite, Tr::tr("This is not a Waymark school file%1.").arg(where), code};
    case SQLITE_CANTOPEN:
        return {Kind::NotFound, Tr::tr("The school file cannot be opened%1.").arg(where), code};
    case SQLITE_IOERR:
        return {Kind::Io,
                Tr::tr("The computer could not read or write the school file%1 (%2).").arg(where, detail), code};
    case SQLITE_CONSTRAINT:
        return {Kind::Constraint, Tr::tr("That change breaks a rule of the school data: %1").arg(detail), code};
    default:
        return {Kind::Other, Tr::tr("The school file reported a problem%1: %2").arg(where, detail), code};
    }
}

} // namespace waymark
