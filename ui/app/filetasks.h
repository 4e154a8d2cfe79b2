#pragma once

#include <QDate>
#include <QString>

class QWidget;

namespace waymark {

class Database;
struct DemoOptions;

// The file-level jobs behind the File menu and the welcome dialog: making a new school, building the
// demo school and backing up. Long jobs show a cancellable progress dialog; all throw StorageError
// with a sentence for the teacher, and none leaves a half-written file behind.
namespace filetasks {

// <AppData>/school.waymark and <AppData>/demo-school.waymark; the folder is created if missing.
QString defaultSchoolPath();
QString demoSchoolPath();

// A school's name made safe for any file system: runs of \ / : * ? " < > | (and the spaces around
// them) become one "-", and leading or trailing dashes go. Empty if nothing usable is left.
QString safeFileBaseName(const QString& name);

// "<school name>-backup-YYYY-MM-DD.waymark", with the name made safe as above.
QString suggestedBackupName(const QString& schoolName, QDate today);

// A new school file at path (which must not exist) holding the school's name and nothing else.
void createSchool(const QString& path, const QString& schoolName);

// Generates the demo school into path. False if the teacher cancelled (nothing is left at path).
bool generateDemoSchool(QWidget* parent, const QString& path, DemoOptions options);

// Copies the open school to dest with SQLite's backup API. False if the teacher cancelled. An existing
// dest is replaced only if replaceExisting (the teacher already agreed in the save dialog).
bool backUp(QWidget* parent, Database& source, const QString& dest, bool replaceExisting = false);

} // namespace filetasks

} // namespace waymark
