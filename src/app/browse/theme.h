#pragma once

#include <QString>

/// Fusion style with a light or dark palette. "system" follows the desktop: Qt 6.4 has no
/// colour-scheme hint, so dark is detected from the platform palette's window lightness.
namespace Theme {
/// Call once after QApplication exists, before any palette change: remembers the system palette.
void captureSystemPalette();
/// Applies "system", "light" or "dark"; returns whether the result is dark.
bool apply(const QString &mode);
bool isDark();
} // namespace Theme
