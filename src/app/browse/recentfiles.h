#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

/// The "Open Recent" menu, kept in Settings::recentFiles (most recent first).
class RecentFiles : public QObject {
    Q_OBJECT
public:
    RecentFiles(QMenu *menu, QObject *parent = nullptr);

    /// Records an opened project, archive or folder (several sources count as one entry each).
    void add(const QStringList &paths);
    QStringList entries() const;

Q_SIGNALS:
    void openRequested(const QStringList &paths);

private:
    void rebuild();

    QMenu *m_menu;
};
