#pragma once

#include <QString>

namespace waymark {

// The version of this build ("0.1.0"), from the CMake project.
QString appVersion();

} // namespace waymark
