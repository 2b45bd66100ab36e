#include "browse/screenshotrunner.h"
#include "browse/settings.h"
#include "browse/theme.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Passlane"));
    QApplication::setOrganizationName(QStringLiteral("Passlane"));
    QApplication::setApplicationVersion(QStringLiteral(PASSLANE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.passlane.Passlane"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/passlane.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Migration planner and upgrade simulator. Opens a *.passlane project, or release "
                "archives/folders and oobmigrations.yaml registries; the bundled sample when given nothing."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("paths"), QApplication::translate("main", "Project, sources or registries."),
                                 QStringLiteral("[paths...]"));
    QCommandLineOption screenshots(QStringLiteral("screenshots"), QStringLiteral("Save a PNG of each view to DIR, then quit."),
                                   QStringLiteral("DIR"));
    screenshots.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshots);
    parser.process(app);

    Theme::captureSystemPalette();
    Theme::apply(Settings::theme.value());

    MainWindow window;
    ScreenshotRunner *runner = nullptr;
    if (parser.isSet(screenshots)) {
        window.setProperty("quietErrors", true);
        window.resize(1600, 1000);
        runner = new ScreenshotRunner(&window, parser.value(screenshots), &window);
    }
    window.show();
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        window.openBundledSample();
    else
        window.openPaths(paths);
    Q_UNUSED(runner);
    return app.exec();
}
