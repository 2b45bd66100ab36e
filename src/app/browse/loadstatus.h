#pragma once

#include <QObject>

class QLabel;
class QProgressBar;
class QPushButton;
class QStatusBar;
namespace passlane { struct Catalog; }

/// The status bar's permanent part: release, migration and finding counts, and while a load
/// runs, a progress bar with a Cancel button.
class LoadStatus : public QObject {
    Q_OBJECT
public:
    LoadStatus(QStatusBar *bar, QObject *parent = nullptr);

    void showCounts(const passlane::Catalog &catalog);
    void showProgress(int value, int maximum, const QString &what);
    void showBusy(bool busy);
    QString countsText() const;

Q_SIGNALS:
    void cancelRequested();

private:
    QStatusBar *m_bar;
    QLabel *m_releases;
    QLabel *m_migrations;
    QLabel *m_findings;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
};
