#include "services/schoolsession.h"

#include "services/calendarsetup.h"

#include "domain/entities.h"
#include "domain/fieldlimits.h"
#include "repo/repository.h"
#include "storage/schemacheck.h"
#include "storage/storageerror.h"

#include <map>

namespace waymark {

std::unique_ptr<SchoolSession> SchoolSession::open(const QString& path, Database::Options options)
{
    return std::make_unique<SchoolSession>(Database::open(path, options));
}

SchoolSession::SchoolSession(std::unique_ptr<Database> db, QObject* parent)
    : QObject(parent)
    , db_(std::move(db))
{
    listenerId_ = db_->addChangeListener([this](const std::vector<Database::Change>& changes) {
        QSet<QString> tables;
        for (const auto& c : changes)
            tables.insert(QString::fromStdString(c.table));
        if (tables.contains(QStringLiteral("calendar_half_term")) || tables.contains(QStringLiteral("calendar_closure")))
            reloadCalendar();
        Q_EMIT changed(tables);
    });
    reloadCalendar();
    dataVersion_ = db_->dataVersion();
    // A cheap look every two seconds while the app runs; front ends also look when it regains focus.
    outsideChanges_ = new QTimer(this);
    outsideChanges_->setInterval(2000);
    connect(outsideChanges_, &QTimer::timeout, this, [this] {
        try {
            checkForOutsideChanges();
        } catch (const StorageError&) {
            // A locked or unreadable moment: the next look tries again.
        }
    });
    outsideChanges_->start();
}

bool SchoolSession::checkForOutsideChanges()
{
    if (db_->inTransaction())
        return false;
    const qint64 version = db_->dataVersion();
    if (version == dataVersion_)
        return false;
    dataVersion_ = version;
    QSet<QString> tables;
    for (const schema::Object& o : schema::expected(db_->schemaVersion()))
        if (o.type == "table")
            tables.insert(QString::fromStdString(o.name));
    reloadCalendar();
    Q_EMIT changed(tables);
    return true;
}

SchoolSession::~SchoolSession()
{
    db_->removeChangeListener(listenerId_);
}

void SchoolSession::reloadCalendar()
{
    calendar_ = setup::loadCalendar(*db_);
}

QString SchoolSession::schoolName() const
{
    const auto school = Repository<School>(*db_).first("1 ORDER BY id");
    // A file may hold a longer name than Waymark writes; every place that shows it gets it cut short.
    return school ? limits::shortened(school->name) : QString();
}

} // namespace waymark
