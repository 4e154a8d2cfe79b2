#pragma once

#include "exchange/roster.h"

#include <QDate>
#include <QString>

// 1EdTech OneRoster CSV exports (version 1.1; 1.2 files are read as far as they match): a zip, or
// the folder it unpacks to, of users.csv, orgs.csv, classes.csv, courses.csv, enrollments.csv,
// demographics.csv, academicSessions.csv and manifest.csv (1.2 adds roles.csv).
namespace waymark::exchange {

// Reads a OneRoster export, a zip or a folder: users with a student role as records (misId their
// sourcedId), teachers and other staff as staff, classes as groups (homeroom classes as tutor
// groups) with their pupils and teachers from enrollments.csv, primary teachers first. Rows whose
// status is "tobedeleted" are skipped. What a file says that cannot be taken (an enrolment in a
// class that is not there) is a problem naming the file and line; the rest still reads.
// Throws StorageError for a folder or zip that is not OneRoster (naming what is missing), for a zip
// refused whole as hostile (see readRosterZip), and for a file that cannot be read at all.
Roster readOneRoster(const QString& zipOrFolder, QDate today);

} // namespace waymark::exchange
