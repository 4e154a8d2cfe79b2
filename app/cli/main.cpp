// waymark-cli entry point: a QCoreApplication and the arguments, handed to runCli(). `report`
// draws with Qt Gui, which would slow every other command's start if waymark-cli loaded it, so
// it is handed whole (arguments, output, exit status) to waymark-cli-report beside this program;
// the command list and `help report` are waymark-cli's own.
#include "cli/cli.h"
#include "reports/cmd_report.h"
#include "text/englishplurals.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>
#include <cstring>

#ifdef Q_OS_WIN
#include <QProcess>
#else
#include <unistd.h>
#endif

namespace {
// Runs waymark-cli-report with these arguments in place of this program; returns only if it could
// not be started.
int handOverReport(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QString helper = QDir(QCoreApplication::applicationDirPath())
                               .filePath(QStringLiteral("waymark-cli-report")
#ifdef Q_OS_WIN
                                         + QStringLiteral(".exe")
#endif
                               );
    QTextStream err(stderr);
    if (!QFileInfo(helper).isExecutable()) {
        err << "waymark-cli: "
            << QCoreApplication::translate("WaymarkCli", "report needs “%1”, which is missing; install Waymark again.")
                   .arg(QDir::toNativeSeparators(helper))
            << Qt::endl;
        return 1;
    }
#ifdef Q_OS_WIN
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.setInputChannelMode(QProcess::ForwardedInputChannel);
    process.start(helper, QCoreApplication::arguments().mid(1));
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit)
        return 1;
    return process.exitCode();
#else
    const QByteArray program = QFile::encodeName(helper);
    argv[0] = const_cast<char*>(program.constData());
    execv(program.constData(), argv);
    err << "waymark-cli: "
        << QCoreApplication::translate("WaymarkCli", "“%1” could not be started.").arg(QDir::toNativeSeparators(helper))
        << Qt::endl;
    return 1;
#endif
}
} // namespace

int main(int argc, char* argv[])
{
    if (argc > 1 && std::strcmp(argv[1], "report") == 0)
        return handOverReport(argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("waymark-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WAYMARK_VERSION));
    waymark::installEnglishPlurals(app);
    waymark::quietenQtMessages();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return waymark::runCli(QCoreApplication::arguments(), out, err, {waymark::cli::reportCommandHelp()});
}
