#include "loadstatus.h"

#include "catalog/catalog.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>

using namespace passlane;

LoadStatus::LoadStatus(QStatusBar *bar, QObject *parent)
    : QObject(parent), m_bar(bar), m_releases(new QLabel), m_migrations(new QLabel), m_findings(new QLabel),
      m_progress(new QProgressBar), m_cancel(new QPushButton(tr("Cancel")))
{
    m_progress->setMaximumWidth(240);
    m_progress->setTextVisible(true);
    m_cancel->setToolTip(tr("Stop loading (Esc)"));
    m_cancel->setShortcut(Qt::Key_Escape);
    m_releases->setToolTip(tr("Release snapshots loaded"));
    m_migrations->setToolTip(tr("Distinct migration definitions in the stitched graph, all schemas"));
    m_findings->setToolTip(tr("Validation findings (errors in brackets): see the Findings dock"));
    bar->addPermanentWidget(m_progress);
    bar->addPermanentWidget(m_cancel);
    bar->addPermanentWidget(m_releases);
    bar->addPermanentWidget(m_migrations);
    bar->addPermanentWidget(m_findings);
    connect(m_cancel, &QPushButton::clicked, this, &LoadStatus::cancelRequested);
    showBusy(false);
}

void LoadStatus::showCounts(const Catalog &catalog)
{
    // Plain English plurals: no translation catalogue is loaded to resolve %n forms.
    auto count = [](qsizetype n, const QString &one, const QString &many) {
        return (n == 1 ? one : many).arg(n);
    };
    m_releases->setText(count(catalog.releases.size(), tr("%1 release"), tr("%1 releases")));
    m_migrations->setText(count(catalog.migrationCount(), tr("%1 migration"), tr("%1 migrations")));
    const qsizetype errors = errorCount(catalog.findings);
    m_findings->setText(count(catalog.findings.size(), tr("%1 finding"), tr("%1 findings"))
                        + (errors ? count(errors, tr(" (%1 error)"), tr(" (%1 errors)")) : QString()));
}

QString LoadStatus::countsText() const
{
    return m_releases->text() + QLatin1Char(' ') + m_migrations->text() + QLatin1Char(' ') + m_findings->text();
}

void LoadStatus::showProgress(int value, int maximum, const QString &what)
{
    m_progress->setRange(0, std::max(maximum, 1));
    m_progress->setValue(value);
    if (!what.isEmpty())
        m_progress->setFormat(what);
    m_progress->setToolTip(what);
}

void LoadStatus::showBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy) {
        m_progress->setRange(0, 0); // indeterminate until the core reports totals
        m_progress->setFormat(tr("Loading…"));
    }
}
