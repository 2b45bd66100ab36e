#include "mainwindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Passlane"));
    QApplication::setOrganizationName(QStringLiteral("Passlane"));
    MainWindow window;
    window.show();
    return app.exec();
}
