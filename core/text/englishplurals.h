#pragma once

class QCoreApplication;

namespace waymark {

// Source strings say "%n pupil(s)"; until an English .ts spells out each plural, this translator
// turns "(s)" into "" or "s" by the count, so the teacher reads "1 pupil" and "24 pupils".
// Installed first, so any real translation installed later takes precedence.
void installEnglishPlurals(QCoreApplication& app);

} // namespace waymark
