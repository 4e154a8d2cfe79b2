// waymark [FILE] [--show PLACE] [--screenshot PNG]: the desktop app's entry point. Wiring only.
#include "app/appcontroller.h"
#include "app/commandline.h"
#include "app/version.h"
#include "palette.h"
#include "settings.h"
#include "text/englishplurals.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Waymark"));
    QApplication::setApplicationName(QStringLiteral("Waymark"));
    QApplication::setApplicationVersion(waymark::appVersion());
    QApplication::setDesktopFileName(QStringLiteral("waymark"));
    waymark::installEnglishPlurals(app);

    const waymark::ParsedCommandLine parsed = waymark::parseCommandLine(QApplication::arguments());
    if (parsed.action == waymark::ParsedCommandLine::Action::Exit) {
        std::fputs(parsed.text.toLocal8Bit().constData(), parsed.textIsError ? stderr : stdout);
        return parsed.exitCode;
    }

    waymark::applyPaletteFromEnvironment();
    waymark::Settings settings;
    waymark::AppController controller(settings);
    if (const auto exitCode = controller.start(parsed.options))
        return *exitCode;
    return QApplication::exec();
}
