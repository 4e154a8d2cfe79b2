#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace waymark::test {

// A temporary folder that is removed after the test; path(name) is a file inside it.
class TempDir
{
public:
    TempDir();
    QString path(const QString& name) const;
    QString path() const;

private:
    QTemporaryDir dir_;
};

QString fixturePath(const QString& relative); // tests/fixtures/...
QByteArray readAll(const QString& path);
void writeAll(const QString& path, const QByteArray& bytes);
QByteArray sha256Of(const QString& path);         // of the file's bytes, to prove it was not modified

} // namespace waymark::test

namespace waymark::test {

// Makes a file or folder unwritable for this process until destroyed. Root ignores permissions, so
// as root it sets the immutable attribute instead; ok() is false where neither works.
class ReadOnlyGuard
{
public:
    explicit ReadOnlyGuard(const QString& path);
    ~ReadOnlyGuard();
    ReadOnlyGuard(const ReadOnlyGuard&) = delete;
    ReadOnlyGuard& operator=(const ReadOnlyGuard&) = delete;
    bool ok() const { return ok_; }

private:
    QString path_;
    bool immutable_ = false;
    bool ok_ = false;
};

// Holds an exclusive lock on a SQLite file from another process (the sqlite3 shell) until destroyed.
class ForeignLock
{
public:
    explicit ForeignLock(const QString& path);
    ~ForeignLock();
    ForeignLock(const ForeignLock&) = delete;
    ForeignLock& operator=(const ForeignLock&) = delete;
    bool ok() const { return ok_; }

private:
    struct Impl;
    Impl* impl_;
    bool ok_ = false;
};

} // namespace waymark::test

// Catch2 v2 has no SKIP: warn (visible in the log) and end the test case.
#define WAYMARK_SKIP(why)                                                                                        \
    do {                                                                                                         \
        WARN("skipped: " << why);                                                                                \
        return;                                                                                                  \
    } while (false)

namespace waymark {
class Database;
}

namespace waymark::test {
// What a teacher would see of a school: every live row of every shared table, by UUID, without the
// stamps and origins that any write moves on. Equal before a change and after its undo.
QString liveContent(Database& db);
} // namespace waymark::test
