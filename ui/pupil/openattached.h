#pragma once

#include "attachments/evidencefiles.h"

#include <QString>

#include <functional>

namespace waymark {

// Opens an attached file in the program the computer uses for its kind: a private, read-only copy
// (removed when Waymark closes) is written by `save` and handed to the desktop. Only kinds that
// are read, not run, are opened. Returns an empty string on success, or what to tell the teacher.
QString openAttachedCopy(const AttachedFile& file, const std::function<void(const QString& path)>& save);

} // namespace waymark
