#include "planner/planrunner.h"

#include "document/document.h"
#include "plan/planner.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTimer>
#include <QtConcurrent>

using namespace passlane;

PlanRunner *PlanRunner::forDocument(Document *doc)
{
    if (auto *existing = doc->findChild<PlanRunner *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new PlanRunner(doc);
}

PlanRunner::PlanRunner(Document *doc) : QObject(doc), m_doc(doc)
{
    connect(&m_watcher, &QFutureWatcher<PlanOutcome>::finished, this, &PlanRunner::finished);
    connect(doc, &Document::catalogChanged, this, &PlanRunner::schedule);
    connect(doc, &Document::proposalsChanged, this, &PlanRunner::schedule);
    connect(doc, &Document::planRequestChanged, this, &PlanRunner::schedule);
    schedule();
}

void PlanRunner::schedule()
{
    if (m_pending)
        return;
    const bool wasBusy = isBusy();
    m_pending = true;
    if (!wasBusy)
        Q_EMIT busyChanged(true);
    if (!m_running)
        QTimer::singleShot(0, this, &PlanRunner::start);
}

void PlanRunner::start()
{
    if (m_running || !m_pending)
        return;
    m_pending = false;
    const quint64 generation = ++m_generation;
    std::shared_ptr<const Catalog> catalog = m_doc->catalog();
    if (!m_doc->hasPlanRequest() || !m_doc->hasCatalog()) {
        m_outcome = PlanOutcome{generation, std::nullopt, QString(), 0};
        m_planCatalog = catalog;
        m_doc->setCurrentPlan(nullptr);
        Q_EMIT busyChanged(false);
        Q_EMIT planChanged();
        return;
    }
    m_running = true;
    m_runningCatalog = catalog;
    const OobRegistry registry = m_doc->effectiveRegistry();
    const Version from = *m_doc->planFrom();
    const Version to = *m_doc->planTo();
    // The catalog is shared and immutable: the worker keeps its own reference.
    m_watcher.setFuture(QtConcurrent::run([catalog, registry, from, to, generation]() {
        QElapsedTimer timer;
        timer.start();
        PlanOutcome out;
        out.generation = generation;
        const Planner planner(catalog->graph, registry);
        Result<UpgradePlan> plan = planner.plan(from, to);
        if (plan)
            out.plan = std::move(plan).value();
        else
            out.error = plan.error().toString();
        out.elapsedMs = timer.elapsed();
        return out;
    }));
}

void PlanRunner::finished()
{
    m_running = false;
    const PlanOutcome outcome = m_watcher.result();
    const std::shared_ptr<const Catalog> catalog = std::move(m_runningCatalog);
    if (m_pending) {
        // Superseded while it ran: drop it and plan the newer request.
        start();
        return;
    }
    m_outcome = outcome;
    m_planCatalog = catalog;
    // The graph view (and anyone else) follows the document's current plan.
    m_doc->setCurrentPlan(m_outcome.plan ? std::make_shared<const UpgradePlan>(*m_outcome.plan) : nullptr);
    Q_EMIT busyChanged(false);
    Q_EMIT planChanged();
}

bool PlanRunner::waitForIdle(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (isBusy() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !isBusy();
}
