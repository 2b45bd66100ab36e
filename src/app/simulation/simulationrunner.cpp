#include "simulation/simulationrunner.h"

#include "simulator/customerexport.h"
#include "simulator/liveinspector.h"
#include "simulator/simulationreport.h"
#include "document/document.h"
#include "plan/planner.h"
#include "report/reportwriter.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QPromise>
#include <QtConcurrent>

using namespace passlane;

SimulationRunner *SimulationRunner::forDocument(Document *doc)
{
    if (auto *existing = doc->findChild<SimulationRunner *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new SimulationRunner(doc);
}

SimulationRunner::SimulationRunner(Document *doc) : QObject(doc), m_doc(doc)
{
    connect(&m_watcher, &QFutureWatcher<SimulationOutcome>::progressValueChanged, this, [this](int value) {
        Q_EMIT progress(value, m_watcher.progressMaximum(), m_watcher.progressText());
    });
    connect(&m_watcher, &QFutureWatcher<SimulationOutcome>::finished, this, [this] {
        const QFuture<SimulationOutcome> future = m_watcher.future();
        m_running = false;
        m_outcome = future.resultCount() > 0 ? future.result() : SimulationOutcome{{}, {}, tr("The simulation stopped without a result."), 0};
        Q_EMIT finished();
    });
    // A new catalog makes the old result meaningless for reports.
    connect(doc, &Document::catalogChanged, this, [this] {
        if (!isRunning())
            m_outcome = {};
    });
}

namespace {
/// The state a customer export or a live instance describes. Live instances are read through the
/// simulator's inspector, which only sends SELECTs in a read-only session.
Result<StartState> readStartState(const SimulationStart &start)
{
    if (start.kind == SimulationStart::Kind::ExportFile)
        return CustomerExport::readFile(start.exportFile);
    const Result<PgConnectionInfo> info = PgConnectionInfo::parse(start.dsn);
    if (!info)
        return info.error();
    return LiveInspector::inspect(info.value());
}

SimulationOutcome runSimulation(QPromise<SimulationOutcome> &promise, const std::shared_ptr<const Catalog> &catalog,
                                const OobRegistry &registry, const SimulationStart &start, const Version &target,
                                SimulationRequest request, const std::shared_ptr<std::atomic_bool> &cancel)
{
    QElapsedTimer timer;
    timer.start();
    SimulationOutcome out;
    std::optional<Version> from;
    PlanOptions options;
    if (start.kind == SimulationStart::Kind::Release) {
        from = start.release;
    } else {
        Result<StartState> state = readStartState(start);
        if (!state) {
            out.error = state.error().toString();
            return out;
        }
        // The plan starts from what the instance really applied, not from its release.
        from = state->version;
        options.applied = state->appliedBySchema();
        request.start = std::move(state).value();
    }
    if (!from) {
        out.error = QObject::tr("The starting state does not say which release it runs.");
        return out;
    }

    const Planner planner(catalog->graph, registry);
    Result<UpgradePlan> plan = planner.plan(*from, target, options);
    if (!plan) {
        out.error = plan.error().toString();
        return out;
    }
    out.plan = plan.value();

    qint64 lastTotal = -1;
    Progress progress;
    progress.report = [&promise, &lastTotal](qint64 done, qint64 total, const QString &what) {
        if (total != lastTotal) {
            promise.setProgressRange(0, int(total));
            lastTotal = total;
        }
        promise.setProgressValueAndText(int(done), what);
    };
    progress.canceled = [&promise, cancel] { return cancel->load() || promise.isCanceled(); };

    Result<SimulationResult> result = Simulation::run(*catalog, plan.value(), request, progress);
    if (result)
        out.result = std::move(result).value();
    else
        out.error = result.error().toString();
    out.elapsedMs = timer.elapsed();
    return out;
}
} // namespace

bool SimulationRunner::start(const SimulationStart &start, const Version &target, SimulationRequest request)
{
    if (isRunning())
        return false;
    m_running = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const std::shared_ptr<const Catalog> catalog = m_doc->catalog();
    const OobRegistry registry = m_doc->effectiveRegistry();
    const Project project = m_doc->project();
    // The project's progress model applies unless the caller set its own.
    if (request.progressOverrides.isEmpty())
        request.progressOverrides = project.progressOverrides;
    const auto cancel = m_cancel;
    m_watcher.setFuture(QtConcurrent::run(
        [catalog, registry, start, target, request, cancel](QPromise<SimulationOutcome> &promise) {
            // Cancel is our own flag (not QFuture::cancel) so that a canceled run still
            // delivers its partial timeline.
            promise.addResult(runSimulation(promise, catalog, registry, start, target, request, cancel));
        }));
    Q_EMIT started();
    return true;
}

void SimulationRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool SimulationRunner::waitForFinished(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (isRunning() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !isRunning();
}

void SimulationRunner::addToReport(ReportWriter &writer) const
{
    if (m_outcome.result)
        SimulationReport::addToReport(writer, *m_outcome.result);
}
