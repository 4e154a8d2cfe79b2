#pragma once

#include "calendar/schoolcalendar.h"
#include "storage/database.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <QString>

#include <memory>

namespace waymark {

// One open school file for a front end: owns the Database, knows the school calendar as stored in
// it, and tells listeners (item models) which tables a committed write touched.
class SchoolSession final : public QObject
{
    Q_OBJECT

public:
    // Opens an existing school file. Throws StorageError with a message for the teacher.
    static std::unique_ptr<SchoolSession> open(const QString& path, Database::Options options = {});
    explicit SchoolSession(std::unique_ptr<Database> db, QObject* parent = nullptr);
    ~SchoolSession() override;

    Database& db() { return *db_; }
    const QString& path() const { return db_->path(); }
    bool isReadOnly() const { return db_->isReadOnly(); }
    const QString& readOnlyReason() const { return db_->readOnlyReason(); }

    // The calendar as configured in the file (defaults for years it does not configure).
    const SchoolCalendar& calendar() const { return calendar_; }
    void reloadCalendar();

    QString schoolName() const;

    // Another program (a second window, waymark-cli, another computer on a shared file) may write
    // to the file. This asks SQLite whether anything else committed since the last look (PRAGMA
    // data_version, a cheap read) and, if so, announces every table as changed so that whatever is
    // on show is read again. Returns true if something had changed. Also runs on a short timer.
    bool checkForOutsideChanges();

Q_SIGNALS:
    // After each committed write: the names of the tables it changed ("pupil", "target", ...).
    void changed(const QSet<QString>& tables);

private:
    std::unique_ptr<Database> db_;
    QTimer* outsideChanges_ = nullptr;
    qint64 dataVersion_ = -1;
    SchoolCalendar calendar_;
    int listenerId_ = 0;
};

} // namespace waymark
