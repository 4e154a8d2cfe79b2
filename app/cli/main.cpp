// waymark-cli entry point: a QCoreApplication and the arguments, handed to runCli(). `report` draws
// PDFs, which needs Qt's fonts: for that command alone the application is a QGuiApplication, on the
// offscreen platform unless another is asked for, so it runs with no display.
#include "cli/cli.h"
#include "reports/cmd_report.h"
#include "text/englishplurals.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <memory>

int main(int argc, char* argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (argc > 1 && std::strcmp(argv[1], "report") == 0) {
        waymark::quietenQtMessages(); // before Qt starts, which may warn about the desktop it finds
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("waymark-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WAYMARK_VERSION));
    waymark::installEnglishPlurals(*app);
    waymark::quietenQtMessages();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return waymark::runCli(QCoreApplication::arguments(), out, err, {waymark::cli::reportCommand()});
}
