#pragma once

#include "mainwindow.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

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

} // namespace passlane::test
