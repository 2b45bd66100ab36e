#pragma once

#include "plan/upgradeplan.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>
#include <optional>

class Document;

namespace passlane { struct Catalog; }

/// What one planning job produced, for the request it was started with.
struct PlanOutcome {
    quint64 generation = 0;
    std::optional<passlane::UpgradePlan> plan;
    QString error;   ///< the planner refused the pair (unknown version...)
    qint64 elapsedMs = 0;
};

/// Keeps "the current plan" of a Document: the plan for its from/to request with the what-if
/// proposals applied. One per document, shared by the views (forDocument()). Planning runs on a
/// worker thread (QtConcurrent); a newer request supersedes a running one, whose result is dropped.
class PlanRunner : public QObject {
    Q_OBJECT
public:
    /// The runner attached to `doc` (created on first use, owned by the document).
    static PlanRunner *forDocument(Document *doc);

    const std::optional<passlane::UpgradePlan> &plan() const { return m_outcome.plan; }
    QString error() const { return m_outcome.error; }
    qint64 lastElapsedMs() const { return m_outcome.elapsedMs; }
    bool isBusy() const { return m_running || m_pending; }
    /// The catalog the current plan was computed on (keeps it alive for name look-ups).
    std::shared_ptr<const passlane::Catalog> planCatalog() const { return m_planCatalog; }

    /// Blocks (processing events) until no job is running or pending; for tests and exports.
    bool waitForIdle(int timeoutMs = 30000);

public Q_SLOTS:
    /// Plans again soon (coalesces bursts of document signals into one job).
    void schedule();

Q_SIGNALS:
    void busyChanged(bool busy);
    /// A new plan (or none) is available.
    void planChanged();

private:
    explicit PlanRunner(Document *doc);
    void start();
    void finished();

    Document *m_doc;
    QFutureWatcher<PlanOutcome> m_watcher;
    PlanOutcome m_outcome;
    std::shared_ptr<const passlane::Catalog> m_planCatalog;
    std::shared_ptr<const passlane::Catalog> m_runningCatalog;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_pending = false;
};
