#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <stdexcept>

namespace waymark::test {

TempDir::TempDir()
{
    if (!dir_.isValid())
        throw std::runtime_error("cannot create a temporary directory");
}

QString TempDir::path(const QString& name) const
{
    return dir_.filePath(name);
}

QString TempDir::path() const
{
    return dir_.path();
}

QString fixturePath(const QString& relative)
{
    return QDir(QStringLiteral(WAYMARK_FIXTURES_DIR)).filePath(relative);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    return f.readAll();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        throw std::runtime_error("cannot write " + path.toStdString());
}

QByteArray sha256Of(const QString& path)
{
    return QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256).toHex();
}

} // namespace waymark::test

#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <unistd.h>

namespace waymark::test {

ReadOnlyGuard::ReadOnlyGuard(const QString& path)
    : path_(path)
{
    if (geteuid() == 0) {
        immutable_ = QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), path}) == 0;
    } else {
        QFile::setPermissions(path, QFileInfo(path).isDir()
                                        ? QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                        : QFile::ReadOwner | QFile::ReadGroup);
    }
    ok_ = !QFileInfo(path).isWritable();
}

ReadOnlyGuard::~ReadOnlyGuard()
{
    if (immutable_)
        QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), path_});
    else
        QFile::setPermissions(path_, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup);
}

struct ForeignLock::Impl
{
    QProcess shell;
};

ForeignLock::ForeignLock(const QString& path)
    : impl_(new Impl)
{
    impl_->shell.start(QStringLiteral("sqlite3"), {path});
    if (!impl_->shell.waitForStarted(5000))
        return;
    // An exclusive lock held open: the shell keeps the transaction until we close its input.
    impl_->shell.write("PRAGMA locking_mode=EXCLUSIVE;\nBEGIN EXCLUSIVE;\nSELECT 'locked';\n");
    for (int i = 0; i < 100 && !impl_->shell.readAllStandardOutput().contains("locked"); ++i)
        impl_->shell.waitForReadyRead(100);
    ok_ = impl_->shell.state() == QProcess::Running;
}

ForeignLock::~ForeignLock()
{
    impl_->shell.write("ROLLBACK;\n.quit\n");
    impl_->shell.closeWriteChannel();
    if (!impl_->shell.waitForFinished(5000))
        impl_->shell.kill();
    delete impl_;
}

} // namespace waymark::test

#include "storage/database.h"

namespace waymark::test {
QString liveContent(Database& db)
{
    QStringList tables;
    {
        auto s = db.prepare("SELECT m.name FROM sqlite_schema m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM "
                            "pragma_table_info(m.name) WHERE name = 'uuid') ORDER BY m.name");
        while (s.step())
            tables << s.text(0);
    }
    QString out;
    for (const QString& table : tables) {
        QStringList columns;
        auto c = db.prepare("SELECT name FROM pragma_table_info(?1) WHERE name NOT IN ('hlc', 'origin') ORDER BY cid");
        c.bindAll(table);
        while (c.step())
            columns << QStringLiteral("quote(\"") + c.text(0) + QStringLiteral("\")");
        auto rows = db.prepare(QString(QStringLiteral("SELECT ") + columns.join(QStringLiteral(" || '|' || ")) +
                                QStringLiteral(" FROM \"") + table + QStringLiteral("\" WHERE deleted = 0 ORDER BY uuid"))
                                   .toStdString());
        out += table + QLatin1Char('\n');
        while (rows.step())
            out += QStringLiteral("  ") + rows.text(0) + QLatin1Char('\n');
    }
    return out;
}
} // namespace waymark::test
