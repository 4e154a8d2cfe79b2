#pragma once

#include <QString>

namespace waymark {

// The set-up workflow's core service, used alike by the app and waymark-cli.
namespace setup {

// Makes a new school file at path (which must not exist yet), named `name` (trimmed; may be empty
// for "Untitled school"). Built aside and moved into place whole. Throws StorageError; a name
// longer than a name may be is refused before anything is written.
void createSchoolFile(const QString& path, const QString& name);

} // namespace setup
} // namespace waymark
