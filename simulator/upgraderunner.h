#pragma once

#include "catalog/catalog.h"
#include "common/progress.h"
#include "executionbackend.h"
#include "oobprogress.h"
#include "simulation.h"

#include <QMap>
#include <QSet>

#include <optional>

namespace passlane {

/// One move of the instance, as the runner sees it (built from a PlanStep or from a bare version).
struct RunStep {
    Version release;
    bool down = false;
    bool isTarget = false;
    /// Per schema, the migrations to run in order; unset: everything the release has applied
    /// that the state lacks, in topological order (what the product's `up` does).
    std::optional<QMap<QString, QList<qint64>>> migrations;
    QMap<QString, QSet<qint64>> outsideTransaction;
    QList<int> oob; ///< OOB ids the plan requires at this step (the runner adds any it finds missing)
};

/// Drives the steps of an upgrade through an ExecutionBackend: schema migrations in order,
/// OOB progress in simulated time, waits at stops, the start-up rule at every version reached,
/// failure injection, cancellation. Produces the timeline and totals.
class UpgradeRunner {
public:
    UpgradeRunner(const Catalog &catalog, const SimulationRequest &request, ExecutionBackend &backend,
                  const Progress &progress);

    Result<SimulationResult> run(const Version &from, const QList<RunStep> &steps);

private:
    struct Outcome { bool stop = false; };
    Outcome runSchemas(int stopIndex, const RunStep &step, StopTotals &totals);
    Outcome arriveAt(int stopIndex, const RunStep &step);
    Outcome waitForOob(int stopIndex, const RunStep &step, const RunStep *next, StopTotals &totals);
    void backgroundOob();
    QList<qint64> pendingIn(const QString &schema, const RunStep &step) const;
    bool injected(const QString &schema, qint64 id);
    void event(TimelineEvent e);
    void finalize();
    QString lastGoodVersion(int stopIndex) const;
    QStringList stopsFrom(int stopIndex) const;

    const Catalog &m_catalog;
    const SimulationRequest &m_request;
    ExecutionBackend &m_backend;
    const Progress &m_progress;
    OobProgress m_oobModel;

    SimulationResult m_result;
    Version m_from;
    std::optional<MinorVersion> m_startMinor;
    QList<RunStep> m_steps;
    QStringList m_schemas;
    QMap<QString, QSet<qint64>> m_applied;
    QMap<QString, QSet<qint64>> m_manual; ///< privileged migrations left to the operator
    QMap<int, OobRow> m_oob;
    QSet<QPair<QString, qint64>> m_linted;
    QSet<int> m_triggered; ///< indexes into request.failures that fired
    qint64 m_clockMs = 0;
    qint64 m_done = 0;
    qint64 m_total = 0;
};

} // namespace passlane
