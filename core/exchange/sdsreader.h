#pragma once

#include "exchange/roster.h"

#include <QDate>
#include <QString>

// Microsoft School Data Sync exports: the UK CSV format (School.csv, Student.csv, Teacher.csv,
// Section.csv, StudentEnrollment.csv, TeacherRoster.csv) and the v2.1 format (orgs.csv, users.csv,
// roles.csv, classes.csv, courses.csv, enrollments.csv, academicSessions.csv, demographics.csv,
// userFlags.csv, relationships.csv).
namespace waymark::exchange {

// Reads an SDS export folder, UK or v2.1 as its files show (Roster::format says which): pupils as
// records (misId the SDS id), teachers as staff, sections or classes as groups with their pupils
// and teachers. What a file says that cannot be taken (an enrolment in a class that is not there,
// a file SDS needs that is missing) is a problem naming the file and line; the rest still reads.
// Throws StorageError for a folder that is no SDS export, or lacks a file without which nothing can
// be read (Student.csv; users.csv and roles.csv), naming what is missing, and for a file that
// cannot be read at all.
Roster readSdsFolder(const QString& folder, QDate today);

} // namespace waymark::exchange
