// waymark [FILE] [--show PLACE] [--screenshot PNG]: the desktop app's entry point. Wiring only.
#include "app/appcontroller.h"
#include "app/commandline.h"
#include "app/version.h"
#include "palette.h"
#include "settings.h"
#include "text/englishplurals.h"

#include <QApplication>

#include <cstdio>

namespace {
void nameApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Waymark"));
    QCoreApplication::setApplicationName(QStringLiteral("Waymark"));
    QCoreApplication::setApplicationVersion(waymark::appVersion());
}
} // namespace

int main(int argc, char* argv[])
{
    {
        // --help, --version and mistakes on the command line are answered before any window system
        // is touched, so they work over ssh and in scripts with no display.
        QCoreApplication bare(argc, argv);
        nameApplication();
        waymark::installEnglishPlurals(bare);
        const waymark::ParsedCommandLine parsed = waymark::parseCommandLine(QCoreApplication::arguments());
        if (parsed.action == waymark::ParsedCommandLine::Action::Exit) {
            std::fputs(parsed.text.toLocal8Bit().constData(), parsed.textIsError ? stderr : stdout);
            return parsed.exitCode;
        }
    }

    QApplication app(argc, argv);
    nameApplication();
    QApplication::setDesktopFileName(QStringLiteral("waymark"));
    waymark::installEnglishPlurals(app);
    const waymark::ParsedCommandLine parsed = waymark::parseCommandLine(QApplication::arguments());

    waymark::Settings settings;
    waymark::applyAppearance(waymark::appearanceFromEnvironment().value_or(
        waymark::appearanceFromText(settings.appearance())));
    waymark::AppController controller(settings);
    if (const auto exitCode = controller.start(parsed.options))
        return *exitCode;
    return QApplication::exec();
}
