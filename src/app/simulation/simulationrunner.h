#pragma once

#include "simulator/simulation.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class Document;

namespace passlane { class ReportWriter; }

/// Where a run starts.
struct SimulationStart {
    enum class Kind { Release, ExportFile, LiveInstance };
    Kind kind = Kind::Release;
    std::optional<passlane::Version> release; ///< Kind::Release
    QString exportFile;                       ///< Kind::ExportFile
    QString dsn;                              ///< Kind::LiveInstance (read-only)
};

/// What one run produced.
struct SimulationOutcome {
    std::optional<passlane::SimulationResult> result;
    std::optional<passlane::UpgradePlan> plan; ///< the plan that was run
    QString error;
    qint64 elapsedMs = 0;
};

/// Runs simulations of the document's plan on a worker thread (QtConcurrent::run with a
/// QPromise, watched by a QFutureWatcher) and keeps the last result for the views and the
/// report export. One per document (forDocument()).
class SimulationRunner : public QObject {
    Q_OBJECT
public:
    static SimulationRunner *forDocument(Document *doc);

    /// Starts a run from `start` to `target` with the document's effective registry.
    /// Returns false (and emits nothing) when a run is already going.
    bool start(const SimulationStart &start, const passlane::Version &target, passlane::SimulationRequest request);
    /// Asks the running simulation to stop between two migrations; its partial result is kept.
    void cancel();
    bool isRunning() const { return m_running; }
    /// Blocks (processing events) until the run is over; for tests.
    bool waitForFinished(int timeoutMs = 120000);

    const std::optional<passlane::SimulationResult> &lastResult() const { return m_outcome.result; }
    const SimulationOutcome &lastOutcome() const { return m_outcome; }
    /// Adds the last result to a report (nothing when there is none), through the simulator's writer.
    void addToReport(passlane::ReportWriter &writer) const;

Q_SIGNALS:
    void started();
    void progress(int done, int total, const QString &what);
    void finished();

private:
    explicit SimulationRunner(Document *doc);

    Document *m_doc;
    QFutureWatcher<SimulationOutcome> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    SimulationOutcome m_outcome;
    bool m_running = false; ///< until finished() is delivered, not just until the thread ends
};
