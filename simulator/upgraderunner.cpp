#include "upgraderunner.h"

#include "lint/migrationlint.h"
#include "operatoradvice.h"
#include "sqlscript.h"

#include <algorithm>

namespace passlane {

UpgradeRunner::UpgradeRunner(const Catalog &catalog, const SimulationRequest &request, ExecutionBackend &backend,
                             const Progress &progress)
    : m_catalog(catalog)
    , m_request(request)
    , m_backend(backend)
    , m_progress(progress)
    , m_oobModel(request.defaultProgress, request.progressOverrides, request.oobRows)
{
}

void UpgradeRunner::event(TimelineEvent e)
{
    if (e.atMs == 0 && e.kind != EventKind::StartState)
        e.atMs = m_clockMs;
    m_result.timeline.append(std::move(e));
    if (m_request.onEvent)
        m_request.onEvent(m_result.timeline.constLast());
}

bool UpgradeRunner::injected(const QString &schema, qint64 id)
{
    for (qsizetype i = 0; i < m_request.failures.size(); ++i) {
        const FailureInjection &f = m_request.failures.at(i);
        if (f.migrationId && *f.migrationId == id && (f.schema.isEmpty() || f.schema == schema)) {
            m_triggered.insert(int(i));
            return true;
        }
    }
    return false;
}

QString UpgradeRunner::lastGoodVersion(int stopIndex) const
{
    return stopIndex > 0 ? m_steps.at(stopIndex - 1).release.toString() : m_from.toString();
}

QStringList UpgradeRunner::stopsFrom(int stopIndex) const
{
    QStringList out;
    for (int i = stopIndex; i < m_steps.size(); ++i)
        out << m_steps.at(i).release.toString();
    return out;
}

QList<qint64> UpgradeRunner::pendingIn(const QString &schema, const RunStep &step) const
{
    const QSet<qint64> &applied = m_applied[schema];
    const QSet<qint64> &manual = m_manual[schema];
    QList<qint64> ids;
    if (step.migrations) {
        for (qint64 id : step.migrations->value(schema)) {
            if ((step.down ? applied.contains(id) : !applied.contains(id)) && !manual.contains(id))
                ids.append(id);
        }
        return ids;
    }
    QSet<qint64> todo = m_catalog.graph.appliedAt(schema, step.release);
    todo.subtract(applied);
    todo.subtract(manual);
    return m_catalog.graph.topologicalOrder(schema, todo);
}

Result<SimulationResult> UpgradeRunner::run(const Version &from, const QList<RunStep> &steps)
{
    m_from = from;
    m_steps = steps;
    m_result.backend = m_request.backend;
    for (const RunStep &s : steps)
        m_result.stops << s.release.toString();
    m_result.to = steps.isEmpty() ? from.toString() : steps.last().release.toString();

    const Version target = steps.isEmpty() ? from : steps.last().release;
    const Release *targetRelease = m_catalog.release(target);
    m_schemas = m_request.schemas;
    if (m_schemas.isEmpty() && targetRelease)
        m_schemas = targetRelease->schemas.keys();
    // A mistyped schema would run nothing and look like success.
    QStringList known = targetRelease ? targetRelease->schemas.keys() : QStringList();
    if (const Release *fromRelease = m_catalog.release(from)) {
        for (const QString &schema : fromRelease->schemas.keys()) {
            if (!known.contains(schema))
                known << schema;
        }
    }
    known.sort();
    for (const QString &schema : std::as_const(m_request.schemas)) {
        if (!known.contains(schema))
            return Error{QString(), QStringLiteral("unknown schema '%1': %2 -> %3 has %4")
                                        .arg(schema, from.toString(), target.toString(), known.join(QStringLiteral(", ")))};
    }
    m_backend.setCancelCheck([this] { return m_progress.isCanceled(); });

    auto start = m_backend.prepare(m_request.start, from, m_schemas, m_request.startOobProgress, m_request.clockStart);
    if (!start)
        return start.error();
    const StartState &state = start.value();
    m_result.from = state.version ? state.version->toString() : state.origin;
    m_startMinor = (state.version ? *state.version : from).minorVersion();
    for (const QString &schema : m_schemas)
        m_applied.insert(schema, state.applied(schema));
    for (const OobRow &r : state.oob)
        m_oob.insert(r.id, r);
    if (state.oob.isEmpty() && !m_catalog.oob.migrations().isEmpty() && m_request.start) {
        // An export or inspection without the frontend's out_of_band_migrations table: assume
        // what a running `from` has (the requested start progress), and say so.
        auto assumed = StartState::fromRelease(m_catalog, from, m_request.startOobProgress, m_request.clockStart);
        if (assumed) {
            for (const OobRow &r : assumed->oob) {
                m_oob.insert(r.id, r);
                m_backend.recordOob(r, 0);
            }
            m_result.findings.append(Finding{Severity::Info, QStringLiteral("oob-state-assumed"), from.toString(), {}, {},
                                             state.origin,
                                             QStringLiteral("the start state has no out_of_band_migrations rows: assumed "
                                                            "%1 OOB migration(s) of %2 at progress %3")
                                                 .arg(assumed->oob.size()).arg(from.toString()).arg(m_request.startOobProgress),
                                             {}});
        }
    }
    event(TimelineEvent{EventKind::StartState, 0, 0, -1, m_result.from, {}, {}, {}, -1,
                        QStringLiteral("start: %1 (%2 migration_logs rows, %3 OOB migrations)")
                            .arg(state.origin).arg(state.logs.size()).arg(state.oob.size())});

    if (const QString setup = m_backend.setupFailure(); !setup.isEmpty()) {
        m_result.dirty = true;
        m_result.failure = QStringLiteral("preparing the start failed: %1").arg(setup);
        ResumePlan plan;
        plan.lastGoodVersion = from.toString();
        plan.failedAtVersion = from.toString();
        plan.operatorSteps << QStringLiteral("The start release %1 could not be installed: %2").arg(from.toString(), setup);
        // Only blame the skipped privileged migrations when some were skipped.
        if (m_backend.skippedPrivileged())
            plan.operatorSteps << QStringLiteral("Privileged migrations were left as manual steps (listed below) and the "
                                                 "install may fail without them: review them and run the simulation "
                                                 "with superuser execution (--superuser), then try again.");
        else
            plan.operatorSteps << QStringLiteral("Fix the cause in release %1's migration files (the simulation cannot "
                                                 "run around it), then try again.").arg(from.toString());
        m_result.resume = plan;
        m_result.operatorAdvice = OperatorAdvice::toText(plan);
        finalize();
        return m_result;
    }
    const Findings problems = state.problems();
    if (!problems.isEmpty()) {
        m_result.findings += problems;
        m_result.dirty = true;
        m_result.failure = QStringLiteral("the starting state is dirty: %1").arg(problems.first().message);
        m_result.resume = OperatorAdvice::dirtyStart(state.unfinished(), m_result.to);
        m_result.operatorAdvice = OperatorAdvice::toText(*m_result.resume);
        finalize();
        return m_result;
    }

    // Count the work up front so progress has a total (cheap: set arithmetic per release).
    {
        QMap<QString, QSet<qint64>> applied = m_applied;
        for (const RunStep &s : steps) {
            for (const QString &schema : m_schemas) {
                if (s.migrations) {
                    m_total += s.migrations->value(schema).size();
                } else {
                    QSet<qint64> at = m_catalog.graph.appliedAt(schema, s.release);
                    m_total += (at - applied[schema]).size();
                    applied[schema] = at;
                }
            }
        }
    }

    for (int k = 0; k < steps.size(); ++k) {
        const RunStep &step = steps.at(k);
        StopTotals totals;
        totals.version = step.release.toString();
        totals.arrivedAtMs = m_clockMs;
        const bool stop = runSchemas(k, step, totals).stop || arriveAt(k, step).stop
            || waitForOob(k, step, k + 1 < steps.size() ? &steps.at(k + 1) : nullptr, totals).stop;
        m_result.totals.stops.append(totals);
        if (stop) {
            finalize();
            return m_result;
        }
    }
    backgroundOob();
    event(TimelineEvent{EventKind::Finished, m_clockMs, 0, int(steps.size()) - 1, m_result.to, {}, {}, {}, -1,
                        QStringLiteral("reached %1; the instance can start").arg(m_result.to)});
    m_result.completed = true;
    finalize();
    return m_result;
}

UpgradeRunner::Outcome UpgradeRunner::runSchemas(int k, const RunStep &step, StopTotals &totals)
{
    const QString release = step.release.toString();
    for (const QString &schema : m_schemas) {
        const QList<qint64> ids = pendingIn(schema, step);
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const qint64 id = ids.at(i);
            if (m_progress.isCanceled()) {
                m_result.canceled = true;
                m_result.failure = QStringLiteral("canceled before %1 migration %2").arg(schema).arg(id);
                event(TimelineEvent{EventKind::Canceled, m_clockMs, 0, k, release, schema, id, {}, -1, m_result.failure});
                return {true};
            }
            MigrationPtr def = step.down ? m_catalog.graph.definition(schema, id)
                                         : m_catalog.graph.shippedDefinition(schema, id, step.release);
            const MigrationPtr stitched = m_catalog.graph.definition(schema, id);
            if (!def)
                def = stitched;
            if (!def) {
                m_result.findings.append(Finding{Severity::Error, QStringLiteral("missing-definition"), release, schema, id,
                                                 {}, QStringLiteral("no definition of %1 migration %2 in any release")
                                                         .arg(schema).arg(id), {}});
                continue;
            }
            if (!step.down && stitched && def != stitched && !def->sameDefinition(*stitched)) {
                m_result.findings.append(Finding{Severity::Info, QStringLiteral("shipped-definition-differs"), release,
                                                 schema, id, def->path,
                                                 QStringLiteral("%1 ships a definition of %2 migration %3 that differs from the "
                                                                "stitched one (fixed after release); the run used the shipped one")
                                                     .arg(release, schema).arg(id), {}});
            }
            if (m_request.lint && !step.down && !m_linted.contains({schema, id})) {
                m_linted.insert({schema, id});
                m_result.lint += MigrationLint::lint(schema, *def, release);
            }
            MigrationRun run;
            run.schema = schema;
            run.definition = def;
            run.release = release;
            run.up = !step.down;
            run.outsideTransaction = def->createIndexConcurrently || step.outsideTransaction.value(schema).contains(id);
            run.injectFailure = injected(schema, id);
            run.clockMs = m_clockMs;
            const MigrationOutcome out = m_backend.apply(run);
            m_progress.update(++m_done, m_total, QStringLiteral("%1 %2").arg(schema).arg(id));

            if (out.status == MigrationOutcome::Status::Manual) {
                m_manual[schema].insert(id);
                m_result.manualSteps.append(ManualStep{schema, id, QStringLiteral("privileged"),
                                                       QString::fromUtf8(step.down ? def->downQuery : def->upQuery)});
                ++m_result.totals.manualSteps;
                event(TimelineEvent{EventKind::ManualStep, m_clockMs, 0, k, release, schema, id, {}, -1,
                                    QStringLiteral("privileged %1 migration %2 needs a superuser: run its SQL by hand")
                                        .arg(schema).arg(id)});
                continue;
            }
            if (out.status == MigrationOutcome::Status::Canceled || out.status == MigrationOutcome::Status::ConnectionLost) {
                // Not a failed migration: no failed row exists, and the SQL itself may be fine.
                const bool canceled = out.status == MigrationOutcome::Status::Canceled;
                m_result.canceled = canceled;
                m_result.dirty = run.outsideTransaction;
                m_result.failure = out.error;
                event(TimelineEvent{canceled ? EventKind::Canceled : EventKind::MigrationFailed, m_clockMs, out.durationMs,
                                    k, release, schema, id, {}, -1, out.error});
                m_clockMs += out.durationMs;
                totals.schemaMs += out.durationMs;
                m_result.totals.schemaMs += out.durationMs;
                if (!canceled) {
                    m_result.resume = OperatorAdvice::connectionLost(schema, id, out.error, run.outsideTransaction,
                                                                     lastGoodVersion(k), stopsFrom(k), ids.mid(i),
                                                                     m_result.to);
                    m_result.operatorAdvice = OperatorAdvice::toText(*m_result.resume);
                }
                return {true};
            }
            if (out.status == MigrationOutcome::Status::Failed) {
                ++m_result.totals.migrationsFailed;
                m_result.dirty = true;
                const QString where = out.line > 0 ? QStringLiteral(" at line %1").arg(out.line) : QString();
                m_result.failure = QStringLiteral("%1 migration %2 (%3) failed%4: %5")
                                       .arg(schema).arg(id).arg(def->name, where, out.error);
                event(TimelineEvent{EventKind::MigrationFailed, m_clockMs, out.durationMs, k, release, schema, id, {}, -1,
                                    m_result.failure});
                m_clockMs += out.durationMs;
                totals.schemaMs += out.durationMs;
                m_result.totals.schemaMs += out.durationMs;
                bool partialCommit = false;
                for (const SqlStatement &st : SqlScript::split(step.down ? def->downQuery : def->upQuery, true)) {
                    const QString t = st.text.simplified().toUpper();
                    partialCommit = partialCommit || t.startsWith(QLatin1String("COMMIT")) || t == u"END";
                }
                m_result.resume = OperatorAdvice::failedMigration(schema, id, out.error, out.line,
                                                                  run.outsideTransaction || partialCommit,
                                                                  lastGoodVersion(k), stopsFrom(k), ids.mid(i), m_result.to);
                m_result.operatorAdvice = OperatorAdvice::toText(*m_result.resume);
                return {true};
            }
            if (step.down)
                m_applied[schema].remove(id);
            else
                m_applied[schema].insert(id);
            ++totals.migrations;
            ++m_result.totals.migrationsApplied;
            event(TimelineEvent{EventKind::MigrationApplied, m_clockMs, out.durationMs, k, release, schema, id, {}, -1,
                                def->name});
            m_clockMs += out.durationMs;
            totals.schemaMs += out.durationMs;
            m_result.totals.schemaMs += out.durationMs;
        }
    }
    return {};
}

UpgradeRunner::Outcome UpgradeRunner::arriveAt(int k, const RunStep &step)
{
    const QString release = step.release.toString();
    const MinorVersion minor = step.release.minorVersion();
    const QDateTime now = m_request.clockStart.addMSecs(m_clockMs);
    // The release's code registers the OOB migrations it introduces.
    for (const OobMigration &m : m_catalog.oob.migrations()) {
        if (m.introduced > minor || m_oob.contains(m.id))
            continue;
        if (m.deprecated && *m.deprecated <= minor)
            continue; // introduced and deprecated in between: skipped entirely (the start-up rule says so)
        const OobRow row = OobRow::registered(m, now);
        m_oob.insert(row.id, row);
        m_backend.recordOob(row, m_clockMs);
    }
    m_backend.recordVersion(VersionRow{QStringLiteral("frontend"), release, now,
                                       m_result.from});
    event(TimelineEvent{EventKind::StopReached, m_clockMs, 0, k, release, {}, {}, {}, -1,
                        step.isTarget ? QStringLiteral("target %1 reached").arg(release)
                                      : QStringLiteral("stop %1 reached").arg(release)});

    const QList<int> blocking = StartupRule::blocking(m_oob, m_catalog.oob, minor, m_startMinor);
    if (!blocking.isEmpty()) {
        QStringList ids;
        for (int id : blocking)
            ids << QString::number(id);
        m_result.refusedToStart = true;
        m_result.failure = QStringLiteral("the instance refuses to start at %1: OOB migration(s) %2 deprecated at or "
                                          "before it are incomplete").arg(release, ids.join(QStringLiteral(", ")));
        for (int id : blocking) {
            m_result.findings.append(Finding{Severity::Error, QStringLiteral("startup-refused"), release, {}, id, {},
                                             QStringLiteral("OOB migration %1 is deprecated at or before %2 and "
                                                            "incomplete (progress %3)")
                                                 .arg(id).arg(release).arg(m_oob.value(id).progress), {}});
        }
        event(TimelineEvent{EventKind::StartupRefused, m_clockMs, 0, k, release, {}, {}, blocking.first(),
                            m_oob.value(blocking.first()).progress, m_result.failure});
        m_result.resume = OperatorAdvice::startupRefused(blocking, release, lastGoodVersion(k), m_result.to);
        m_result.operatorAdvice = OperatorAdvice::toText(*m_result.resume);
        return {true};
    }
    event(TimelineEvent{EventKind::StartupCheck, m_clockMs, 0, k, release, {}, {}, {}, -1,
                        QStringLiteral("start-up rule passes at %1").arg(release)});
    return {};
}

UpgradeRunner::Outcome UpgradeRunner::waitForOob(int k, const RunStep &step, const RunStep *next, StopTotals &totals)
{
    if (!next && step.oob.isEmpty())
        return {};
    const QString release = step.release.toString();
    QList<int> required;
    for (int id : step.oob) {
        if (m_oob.contains(id) && (step.down ? m_oob.value(id).progress > 0 : !m_oob.value(id).complete()))
            required.append(id);
    }
    if (next && !step.down) {
        for (int id : StartupRule::requiredBefore(m_oob, step.release.minorVersion(), next->release.minorVersion())) {
            if (!required.contains(id))
                required.append(id);
        }
    }
    std::sort(required.begin(), required.end());
    if (required.isEmpty())
        return {};
    qint64 wait = 0;
    for (int id : required) {
        OobRow &row = m_oob[id];
        const OobProgressModel model = m_oobModel.modelFor(id);
        const double from = step.down ? 1.0 - row.progress : row.progress;
        event(TimelineEvent{EventKind::OobStarted, m_clockMs, 0, k, release, {}, {}, id, row.progress,
                            QStringLiteral("OOB %1 %2 (%3 rows, %4 per %5 s)")
                                .arg(id).arg(step.down ? QStringLiteral("reverts") : QStringLiteral("runs"))
                                .arg(model.rows).arg(model.batchSize).arg(model.intervalSeconds)});
        bool fails = false;
        for (qsizetype i = 0; i < m_request.failures.size() && !fails; ++i) {
            if (m_request.failures.at(i).oobId == std::optional<int>(id)) {
                fails = true;
                m_triggered.insert(int(i));
            }
        }
        if (fails) {
            m_result.failure = QStringLiteral("OOB migration %1 failed at %2 (progress %3)").arg(id).arg(release).arg(row.progress);
            event(TimelineEvent{EventKind::OobFailed, m_clockMs, 0, k, release, {}, {}, id, row.progress, m_result.failure});
            m_result.resume = OperatorAdvice::failedOob(id, lastGoodVersion(k), stopsFrom(k), m_result.to);
            m_result.operatorAdvice = OperatorAdvice::toText(*m_result.resume);
            return {true};
        }
        const qint64 ms = OobProgress::msToComplete(model, from);
        if (ms >= 2 * qint64(model.intervalSeconds * 1000)) {
            const double half = OobProgress::progressAfter(model, from, ms / 2);
            event(TimelineEvent{EventKind::OobProgress, m_clockMs + ms / 2, 0, k, release, {}, {}, id,
                                step.down ? 1.0 - half : half, QStringLiteral("OOB %1 halfway").arg(id)});
        }
        row.progress = step.down ? 0.0 : 1.0;
        row.lastUpdated = m_request.clockStart.addMSecs(m_clockMs + ms);
        m_backend.recordOob(row, m_clockMs + ms);
        event(TimelineEvent{EventKind::OobCompleted, m_clockMs + ms, ms, k, release, {}, {}, id, row.progress,
                            ms == 0 ? QStringLiteral("OOB %1 complete at once (nothing to migrate)").arg(id)
                                    : QStringLiteral("OOB %1 complete after %2").arg(id).arg(formatDuration(ms))});
        wait = qMax(wait, ms); // the migrator runs them side by side
    }
    event(TimelineEvent{EventKind::WaitForOob, m_clockMs, wait, k, release, {}, {}, {}, -1,
                        QStringLiteral("wait %1 at %2 for %3 OOB migration(s)")
                            .arg(formatDuration(wait), release).arg(required.size())});
    m_clockMs += wait;
    totals.oobWaitMs = wait;
    totals.waitedFor = required;
    m_result.totals.oobWaitMs += wait;
    return {};
}

void UpgradeRunner::backgroundOob()
{
    if (m_steps.isEmpty())
        return;
    const MinorVersion at = m_steps.last().release.minorVersion();
    qint64 longest = 0;
    for (const OobRow &row : std::as_const(m_oob)) {
        if (!StartupRule::activeAt(row, at) || row.complete())
            continue;
        const qint64 ms = OobProgress::msToComplete(m_oobModel.modelFor(row.id), row.progress);
        longest = qMax(longest, ms);
        event(TimelineEvent{EventKind::OobStarted, m_clockMs, ms, int(m_steps.size()) - 1, m_steps.last().release.toString(),
                            {}, {}, row.id, row.progress,
                            QStringLiteral("OOB %1 continues in the background (about %2)").arg(row.id).arg(formatDuration(ms))});
    }
    m_result.totals.backgroundOobMs = longest;
}

void UpgradeRunner::finalize()
{
    // A failure that never fired is almost always a typo in the id: say so.
    if (m_result.completed) {
        for (qsizetype i = 0; i < m_request.failures.size(); ++i) {
            if (m_triggered.contains(int(i)))
                continue;
            const FailureInjection &f = m_request.failures.at(i);
            const QString what = f.oobId ? QStringLiteral("OOB migration %1").arg(*f.oobId)
                                         : QStringLiteral("migration %1%2").arg(f.migrationId.value_or(0))
                                               .arg(f.schema.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(f.schema));
            m_result.findings.append(Finding{Severity::Warning, QStringLiteral("injection-unused"), {}, f.schema,
                                             f.oobId ? std::optional<qint64>(*f.oobId) : f.migrationId, {},
                                             QStringLiteral("the failure injected into %1 never fired: this run does not "
                                                            "apply it").arg(what), {}});
        }
    }
    std::stable_sort(m_result.timeline.begin(), m_result.timeline.end(),
                     [](const TimelineEvent &a, const TimelineEvent &b) { return a.atMs < b.atMs; });
    m_result.totals.totalMs = m_clockMs;
    m_result.totals.downtimeMs = m_result.totals.schemaMs + m_result.totals.oobWaitMs;
    const Status st = m_backend.finish(m_result);
    if (!st)
        m_result.findings.append(Finding{Severity::Warning, QStringLiteral("backend"), {}, {}, {}, st.error().file,
                                         st.error().message, {}});
}

} // namespace passlane
