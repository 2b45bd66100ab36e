#pragma once

#include <QObject>
#include <QString>

class MainWindow;

/// Hidden `--screenshots DIR` mode: waits for the load and the graph layout, shows each tab
/// in turn, saves a PNG of the whole window per view, then quits the application.
class ScreenshotRunner : public QObject {
    Q_OBJECT
public:
    ScreenshotRunner(MainWindow *window, const QString &directory, QObject *parent = nullptr);

private:
    void start();
    void next();
    void grab(const QString &name);
    /// After the tabs: the Simulation tab with a progress model set, then in the dark theme.
    void simulationShots(int shot);

    MainWindow *m_window;
    QString m_directory;
    int m_step = 0;
    bool m_started = false;
};
