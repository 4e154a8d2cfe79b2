// waymark-cli-report: waymark-cli's report command, which draws PDFs with Qt Gui, in a program of
// its own so that waymark-cli itself never loads Qt Gui. waymark-cli hands it its arguments
// unchanged ("report FILE --kind ..."). A QGuiApplication for fonts, on the offscreen platform
// unless another is asked for, so it runs with no display.
#include "cli/cli.h"
#include "reports/cmd_report.h"
#include "text/englishplurals.h"

#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    waymark::quietenQtMessages(); // before Qt starts, which may warn about the desktop it finds
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("waymark-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WAYMARK_VERSION));
    waymark::installEnglishPlurals(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return waymark::runCli(QCoreApplication::arguments(), out, err, {waymark::cli::reportCommand()});
}
