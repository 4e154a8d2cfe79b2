// Baseline for the start-up benchmark: the least a Qt Widgets app can do — a main window with a
// menu bar and a label — shown, painted, grabbed to a PNG the same way `waymark --screenshot` does.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QPixmap>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int at = int(args.indexOf(QStringLiteral("--screenshot")));
    const QString out = at >= 0 ? args.value(at + 1) : QString();

    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("&File"));
    window.setCentralWidget(new QLabel(QStringLiteral("Hello"), &window));
    window.resize(1366, 768); // the size of waymark --screenshot's window
    window.show();
    QTimer::singleShot(0, &window, [&] {
        const bool saved = out.isEmpty() || window.grab().save(out, "PNG");
        app.exit(saved ? 0 : 1);
    });
    return app.exec();
}
