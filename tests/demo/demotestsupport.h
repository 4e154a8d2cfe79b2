#pragma once

#include "demo/demogenerator.h"
#include "storage/database.h"

#include <QByteArray>
#include <QDate>
#include <QString>

#include <memory>

namespace waymark::test {

// A mid-year "today" so every kind of record exists: final reviews behind, planned ones ahead.
inline const QDate kDemoToday(2025, 3, 12);

DemoOptions demoOptions(int pupils, int years = 1, quint64 seed = 7);
// A new school file at path, filled by the generator.
std::unique_ptr<Database> generatedSchool(const QString& path, const DemoOptions& options);

// SHA-256 over every row of every table, in id order, each value quoted by SQLite so that types
// count too. The only values left out are the two that name the file rather than its content:
// meta.device_id (every file is its own device) and meta.created_at (wall-clock time of creation).
QByteArray contentDigest(Database& db);

qint64 scalar(Database& db, const std::string& sql);

} // namespace waymark::test
