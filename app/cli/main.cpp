// waymark-cli entry point: a QCoreApplication and the arguments, handed to runCli().
#include "cli/cli.h"
#include "text/englishplurals.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("waymark-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WAYMARK_VERSION));
    waymark::installEnglishPlurals(app);
    waymark::quietenQtMessages();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return waymark::runCli(QCoreApplication::arguments(), out, err);
}
