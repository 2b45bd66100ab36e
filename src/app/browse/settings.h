#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

/// One persistent setting: its key, type and default, declared once (see Settings below).
template <typename T>
class Setting {
public:
    Setting(const char *key, T defaultValue) : m_key(QLatin1String(key)), m_default(std::move(defaultValue)) {}

    T value() const { return QSettings().value(m_key, QVariant::fromValue(m_default)).template value<T>(); }
    void setValue(const T &value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    void reset() const { QSettings().remove(m_key); }
    QString key() const { return m_key; }
    const T &defaultValue() const { return m_default; }

private:
    QString m_key;
    T m_default;
};

/// Every setting the desktop application persists.
namespace Settings {
inline const Setting<QByteArray> windowGeometry{"mainWindow/geometry", {}};
inline const Setting<QByteArray> windowState{"mainWindow/state", {}};
inline const Setting<QByteArray> graphSplitter{"graph/splitterState", {}};
/// The OOB lanes' split between the lanes and the window analysis.
inline const Setting<QByteArray> lanesSplitter{"lanes/splitterState", {}};
inline const Setting<int> currentTab{"mainWindow/currentTab", 0};
inline const Setting<QStringList> recentFiles{"files/recent", {}};
inline const Setting<QString> lastDirectory{"files/lastDirectory", {}};
/// "system" (follow the desktop), "light" or "dark". PASSLANE_THEME overrides it.
inline const Setting<QString> theme{"appearance/theme", QStringLiteral("system")};
constexpr int maxRecentFiles = 10;
} // namespace Settings
