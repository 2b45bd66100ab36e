#pragma once

#include "mainwindow.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

namespace passlane::test {

/// Settings and recent files go to a throwaway location, never the user's.
inline void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PasslaneTest"));
    QCoreApplication::setApplicationName(QStringLiteral("PasslaneGuiTest"));
}

/// Waits for the window's background load; false on failure or timeout.
inline bool waitForLoad(MainWindow &window, QSignalSpy &loaded, int timeoutMs = 60000)
{
    if (loaded.isEmpty() && !loaded.wait(timeoutMs))
        return false;
    return !window.isLoading();
}

/// A shown main window with the bundled sample loaded (load errors only signalled); null when
/// the load failed or timed out.
inline std::unique_ptr<MainWindow> windowWithSample()
{
    auto window = std::make_unique<MainWindow>();
    window->setProperty("quietErrors", true);
    window->resize(1400, 900);
    window->show();
    QSignalSpy loaded(window.get(), &MainWindow::catalogLoaded);
    window->openBundledSample();
    if (!waitForLoad(*window, loaded))
        return nullptr;
    return window;
}

} // namespace passlane::test
