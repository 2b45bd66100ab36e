#pragma once

#include "scenario/evaluate.h"
#include "scenario/evaluation.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class Document;

/// Keeps the document's answer: the Evaluation of the document's current Scenario, computed on a
/// worker thread by the same evaluate() the CLI calls. Plan, window analysis and simulation come
/// from one evaluation, so every view and report shows one question's answer. A newer question
/// supersedes a running one; a simulation belongs to the evaluation it ran in and disappears
/// with it when the question changes. Owned by the Document (Document::runner()).
class ScenarioRunner : public QObject {
    Q_OBJECT
public:
    explicit ScenarioRunner(Document *doc);
    ~ScenarioRunner() override;

    /// The latest answer; null before the first one or after a question that could not be asked.
    std::shared_ptr<const passlane::Evaluation> evaluation() const { return m_evaluation; }
    /// Why the latest question could not be asked (an unreadable export, an unknown release...).
    QString error() const { return m_error; }
    qint64 lastElapsedMs() const { return m_elapsedMs; }
    bool isBusy() const { return m_running || m_pending; }
    bool isSimulating() const { return m_running && m_simulating; }

    /// Answers the current question again with a rehearsal of its plan. Returns false when a
    /// simulation is already running.
    bool simulate(const passlane::SimulationRequest &request);
    /// Asks a running simulation to stop between two migrations; its partial result is kept.
    void cancel();

    /// Blocks (processing events) until nothing runs or is pending; for tests and exports.
    bool waitForIdle(int timeoutMs = 120000);

public Q_SLOTS:
    /// Answers the current question again soon (coalesces bursts of document signals).
    void schedule();

Q_SIGNALS:
    void busyChanged(bool busy);
    /// A new answer (or an error) is available.
    void evaluationChanged();
    void simulationStarted();
    void simulationProgress(int done, int total, const QString &what);
    /// Timeline events of the running simulation, in the order they were recorded, as they
    /// happen (batched); the finished evaluation's timeline replaces them.
    void simulationEvents(const QList<passlane::TimelineEvent> &events);
    /// A simulation ended (completed, failed, canceled, or dropped because the question changed).
    void simulationFinished();

private:
    struct Outcome {
        quint64 generation = 0;
        std::optional<passlane::Evaluation> evaluation;
        std::optional<passlane::ScenarioInputs> inputs; ///< what was prepared, for the next run
        QString error;
        qint64 elapsedMs = 0;
    };
    struct LiveEvents;
    void start();
    void finished();
    void takeLiveEvents(const std::shared_ptr<LiveEvents> &live, quint64 generation);

    Document *m_doc;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<const passlane::Evaluation> m_evaluation;
    QString m_error;
    qint64 m_elapsedMs = 0;
    /// Inputs read from disk or a live instance for the last question, reused while the
    /// catalog, the customers CSV and the start stay the same (every drag asks again).
    std::optional<passlane::ScenarioInputs> m_inputs;
    passlane::Scenario m_inputsScenario;
    std::optional<passlane::SimulationRequest> m_simulationRequest; ///< the next run is a simulation
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_pending = false;
    bool m_simulating = false;
};
