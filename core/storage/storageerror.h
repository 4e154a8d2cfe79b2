#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <stdexcept>

namespace waymark {

// One failure of the storage layer, with a plain sentence a teacher can act on.
class StorageError : public std::runtime_error
{
public:
    enum class Kind {
        NotFound,         // no file at the path
        NotSqlite,        // some other kind of file
        NotWaymark,       // a database, but not a Waymark school file
        Damaged,          // truncated or corrupt
        NewerVersion,     // written by a newer Waymark
        UnexpectedSchema, // triggers or views that Waymark did not make (it can be opened read-only)
        ForeignSchema,    // tables or indexes that are not Waymark's (not even read-only)
        ReadOnly,         // write attempted on a read-only file
        Locked,           // another program holds a lock
        DiskFull,
        Io,
        Constraint, // a rule of the data was broken (duplicate UPN, missing link)
        Invalid,    // the caller asked for something that makes no sense
        Other,
    };

    StorageError(Kind kind, QString message, int sqliteCode = 0);

    Kind kind() const { return kind_; }
    const QString& message() const { return message_; }
    int sqliteCode() const { return sqliteCode_; }
    // Itemised findings behind the message (each difference of a school file's schema), if any.
    const QStringList& details() const { return details_; }
    StorageError& withDetails(QStringList details)
    {
        details_ = std::move(details);
        return *this;
    }

    // A StorageError for a failed SQLite call, classified by its result code.
    static StorageError fromSqlite(int code, const QString& detail, const QString& path = {});

private:
    Kind kind_;
    QString message_;
    int sqliteCode_;
    QStringList details_;
};

} // namespace waymark
