#include "recentfiles.h"

#include "settings.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>

namespace {
// Several paths opened together are stored as one entry, joined by a separator no path uses.
const QChar separator = QChar(0x1f);
} // namespace

RecentFiles::RecentFiles(QMenu *menu, QObject *parent) : QObject(parent), m_menu(menu)
{
    rebuild();
}

QStringList RecentFiles::entries() const
{
    return Settings::recentFiles.value();
}

void RecentFiles::add(const QStringList &paths)
{
    // Resource paths (the bundled sample) are not files a user can reopen by name.
    if (paths.isEmpty() || paths.first().startsWith(QLatin1Char(':')))
        return;
    const QString entry = paths.join(separator);
    QStringList list = entries();
    list.removeAll(entry);
    list.prepend(entry);
    while (list.size() > Settings::maxRecentFiles)
        list.removeLast();
    Settings::recentFiles.setValue(list);
    rebuild();
}

void RecentFiles::rebuild()
{
    m_menu->clear();
    const QStringList list = entries();
    int n = 0;
    for (const QString &entry : list) {
        const QStringList paths = entry.split(separator);
        QString text = QFileInfo(paths.first()).fileName();
        if (paths.size() > 1)
            text = tr("%1 and %n more", nullptr, int(paths.size() - 1)).arg(text);
        QAction *action = m_menu->addAction(QStringLiteral("&%1 %2").arg(++n % 10).arg(text));
        action->setToolTip(QDir::toNativeSeparators(paths.join(QLatin1Char('\n'))));
        action->setStatusTip(QDir::toNativeSeparators(paths.first()));
        connect(action, &QAction::triggered, this, [this, paths] { Q_EMIT openRequested(paths); });
    }
    m_menu->setToolTipsVisible(true);
    if (list.isEmpty()) {
        m_menu->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    m_menu->addSeparator();
    m_menu->addAction(tr("Clear Menu"), this, [this] {
        Settings::recentFiles.reset();
        rebuild();
    });
}
