#include "app/version.h"

namespace waymark {

QString appVersion()
{
    return QStringLiteral(WAYMARK_VERSION);
}

} // namespace waymark
