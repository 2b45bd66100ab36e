#include "document/scenariorunner.h"

#include "document/document.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QMutex>
#include <QPromise>
#include <QTimer>
#include <QtConcurrent>

using namespace passlane;

ScenarioRunner::ScenarioRunner(Document *doc) : QObject(doc), m_doc(doc)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::progressValueChanged, this, [this](int value) {
        if (m_simulating)
            Q_EMIT simulationProgress(value, m_watcher.progressMaximum(), m_watcher.progressText());
    });
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &ScenarioRunner::finished);
    // Every change of the question asks it again; the old answer goes with the old question.
    connect(doc, &Document::catalogChanged, this, &ScenarioRunner::schedule);
    connect(doc, &Document::proposalsChanged, this, &ScenarioRunner::schedule);
    connect(doc, &Document::planRequestChanged, this, &ScenarioRunner::schedule);
    connect(doc, &Document::projectChanged, this, &ScenarioRunner::schedule);
}

ScenarioRunner::~ScenarioRunner()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void ScenarioRunner::schedule()
{
    if (m_pending)
        return;
    const bool wasBusy = isBusy();
    m_pending = true;
    if (!wasBusy)
        Q_EMIT busyChanged(true);
    if (!m_running)
        QTimer::singleShot(0, this, &ScenarioRunner::start);
}

bool ScenarioRunner::simulate(const SimulationRequest &request)
{
    if (isSimulating() || m_simulationRequest)
        return false;
    m_simulationRequest = request;
    schedule();
    return true;
}

/// Events recorded on the worker thread, waiting for the GUI thread to take them.
struct ScenarioRunner::LiveEvents {
    QMutex mutex;
    QList<TimelineEvent> events;
};

void ScenarioRunner::takeLiveEvents(const std::shared_ptr<LiveEvents> &live, quint64 generation)
{
    QList<TimelineEvent> events;
    {
        QMutexLocker lock(&live->mutex);
        events.swap(live->events);
    }
    if (generation == m_generation && m_running && m_simulating && !events.isEmpty())
        Q_EMIT simulationEvents(events);
}

void ScenarioRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

namespace {
/// The inputs of `before` serve `after` when everything they were read from is the same.
bool sameInputs(const Scenario &before, const Scenario &after)
{
    return before.project.customersCsv == after.project.customersCsv && before.start == after.start
        && before.from == after.from && after.start.kind != ScenarioStart::Kind::Customer;
}
} // namespace

void ScenarioRunner::start()
{
    if (m_running || !m_pending)
        return;
    m_pending = false;
    const quint64 generation = ++m_generation;
    const std::shared_ptr<const Catalog> catalog = m_doc->catalog();
    Scenario scenario = m_doc->scenario();
    if (!m_doc->hasCatalog()) {
        m_evaluation.reset();
        m_error.clear();
        m_doc->setCurrentPlan(nullptr);
        const bool dropped = m_simulationRequest.has_value();
        m_simulationRequest.reset();
        Q_EMIT busyChanged(false);
        Q_EMIT evaluationChanged();
        if (dropped)
            Q_EMIT simulationFinished();
        return;
    }
    m_simulating = m_simulationRequest.has_value();
    if (m_simulating) {
        scenario.simulation = *m_simulationRequest;
        m_simulationRequest.reset();
    }
    std::optional<ScenarioInputs> inputs;
    if (m_inputs && m_inputs->catalog == catalog && sameInputs(m_inputsScenario, scenario))
        inputs = m_inputs;
    m_inputsScenario = scenario;
    m_running = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const auto cancel = m_cancel;
    if (m_simulating) {
        // Each event goes to the GUI thread as it happens; a burst travels as one batch.
        auto live = std::make_shared<LiveEvents>();
        scenario.simulation->onEvent = [this, live, generation](const TimelineEvent &e) {
            QMutexLocker lock(&live->mutex);
            live->events.append(e);
            if (live->events.size() == 1)
                QMetaObject::invokeMethod(this, [this, live, generation] { takeLiveEvents(live, generation); },
                                          Qt::QueuedConnection);
        };
        Q_EMIT simulationStarted();
    }
    // The catalog is shared and immutable; the worker keeps its own reference.
    m_watcher.setFuture(QtConcurrent::run([scenario, catalog, inputs, generation, cancel](QPromise<Outcome> &promise) {
        QElapsedTimer timer;
        timer.start();
        Outcome out;
        out.generation = generation;
        Result<ScenarioInputs> prepared = inputs ? Result<ScenarioInputs>(*inputs) : prepareInputs(scenario, catalog);
        if (!prepared) {
            out.error = prepared.error().toString();
            promise.addResult(out);
            return;
        }
        out.inputs = prepared.value();
        qint64 lastTotal = -1;
        Progress progress;
        progress.report = [&promise, &lastTotal](qint64 done, qint64 total, const QString &what) {
            if (total != lastTotal) {
                promise.setProgressRange(0, int(total));
                lastTotal = total;
            }
            promise.setProgressValueAndText(int(done), what);
        };
        // Cancel is our own flag (not QFuture::cancel) so that a canceled run still delivers its
        // partial timeline.
        progress.canceled = [&promise, cancel] { return cancel->load() || promise.isCanceled(); };
        Result<Evaluation> evaluation = evaluate(scenario, prepared.value(), progress);
        if (evaluation)
            out.evaluation = std::move(evaluation).value();
        else
            out.error = evaluation.error().toString();
        out.elapsedMs = timer.elapsed();
        promise.addResult(out);
    }));
}

void ScenarioRunner::finished()
{
    m_running = false;
    const QFuture<Outcome> future = m_watcher.future();
    Outcome outcome = future.resultCount() > 0 ? future.result() : Outcome{};
    const bool wasSimulating = std::exchange(m_simulating, false);
    if (m_pending && !wasSimulating) {
        // Superseded while it ran: ask the newer question instead.
        start();
        return;
    }
    if (m_pending && wasSimulating) {
        // The question changed during the rehearsal: its answer no longer matches what the
        // views show, so it is dropped rather than paired with another plan.
        outcome.evaluation.reset();
        outcome.error = tr("The question changed while the simulation ran; run it again.");
    }
    if (outcome.inputs)
        m_inputs = outcome.inputs;
    m_evaluation = outcome.evaluation ? std::make_shared<const Evaluation>(std::move(*outcome.evaluation)) : nullptr;
    m_error = outcome.error;
    m_elapsedMs = outcome.elapsedMs;
    m_doc->setCurrentPlan(m_evaluation && m_evaluation->plan ? std::make_shared<const UpgradePlan>(*m_evaluation->plan)
                                                              : nullptr);
    if (!isBusy())
        Q_EMIT busyChanged(false);
    Q_EMIT evaluationChanged();
    if (wasSimulating)
        Q_EMIT simulationFinished();
    if (m_pending)
        start();
}

bool ScenarioRunner::waitForIdle(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (isBusy() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !isBusy();
}
