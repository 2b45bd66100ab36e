#include "scenario/evaluate.h"

#include "plan/planner.h"
#include "plan/plannercache.h"
#include "project/customerscsv.h"
#include "simulator/customerexport.h"
#include "simulator/liveinspector.h"
#include "lint/migrationlint.h"

#include <QFileInfo>
#include <QSet>

namespace passlane {

QStringList Evaluation::whatIf() const
{
    QStringList out;
    for (const DeprecationProposal &p : scenario.project.proposals) {
        const OobMigration *m = catalog ? catalog->oob.find(p.oobId) : nullptr;
        const auto text = [](const std::optional<MinorVersion> &v) {
            return v ? v->toString() : QStringLiteral("never");
        };
        out << QStringLiteral("OOB %1 deprecated at %2 (registry: %3)")
                   .arg(p.oobId)
                   .arg(text(p.deprecated), m ? text(m->deprecated) : QStringLiteral("not in the registry"));
    }
    return out;
}

Findings Evaluation::findingsFor(const QString &schema, qint64 id) const
{
    Findings out;
    for (const Finding &f : planFindings)
        if (f.schema == schema && f.id == id)
            out.append(f);
    return out;
}

Result<Version> requireRelease(const VersionIndex &index, const Version &version, const QString &what)
{
    if (index.contains(version))
        return version;
    QStringList same;
    for (const Version &r : index.releases())
        if (r.minorVersion() == version.minorVersion())
            same << r.toString();
    return Result<Version>::failure(
        {}, QStringLiteral("%1: %2 is not among the loaded releases%3")
                .arg(what, version.toString(),
                     same.isEmpty() ? QString()
                                    : QStringLiteral(" (known %1: %2)")
                                          .arg(version.minorVersion().toString(), same.join(QStringLiteral(", ")))));
}

Result<ResolvedStart> resolveStart(const Scenario &scenario)
{
    ResolvedStart out;
    const ScenarioStart &start = scenario.start;
    auto readExport = [&out](const QString &path) -> Status {
        Result<StartState> state = CustomerExport::readFile(path);
        if (!state)
            return state.error();
        out.version = state->version;
        out.state = std::move(state).value();
        return success();
    };
    switch (start.kind) {
    case ScenarioStart::Kind::Release:
        if (scenario.from)
            out.origin = QStringLiteral("release %1").arg(scenario.from->toString());
        out.version = scenario.from;
        break;
    case ScenarioStart::Kind::ExportFile: {
        if (const Status s = readExport(start.exportFile); !s)
            return s.error();
        out.origin = QStringLiteral("export %1").arg(QFileInfo(start.exportFile).fileName());
        break;
    }
    case ScenarioStart::Kind::LiveInstance: {
        if (start.dsns.isEmpty())
            return Result<ResolvedStart>::failure({}, QStringLiteral("a live-instance start needs a connection"));
        QList<PgConnectionInfo> databases;
        for (const QString &dsn : start.dsns) {
            Result<PgConnectionInfo> info = PgConnectionInfo::parse(dsn);
            if (!info)
                return info.error();
            databases.append(info.value());
        }
        Result<StartState> state = LiveInspector::inspect(databases);
        if (!state)
            return state.error();
        out.version = state->version;
        out.origin = state->origin;
        out.state = std::move(state).value();
        break;
    }
    case ScenarioStart::Kind::Customer: {
        const CustomerState *customer = scenario.customer();
        if (!customer)
            return Result<ResolvedStart>::failure(
                scenario.projectFile, QStringLiteral("no customer '%1' in the project").arg(start.customer));
        if (!customer->exportFile.isEmpty()) {
            if (const Status s = readExport(customer->exportFile); !s)
                return s.error();
        }
        if (!out.version)
            out.version = customer->version;
        out.oobRows = customer->oobRows;
        out.origin = QStringLiteral("customer %1").arg(customer->name);
        break;
    }
    }
    if (!start.previousExport.isEmpty()) {
        Result<StartState> previous = CustomerExport::readFile(start.previousExport);
        if (!previous)
            return previous.error();
        out.previous = std::move(previous).value();
    }
    const QString calibration = scenario.calibrationFile.isEmpty() ? scenario.project.calibration : scenario.calibrationFile;
    if (!calibration.isEmpty()) {
        Result<Calibration> loaded = Calibration::load(calibration);
        if (!loaded)
            return loaded.error();
        out.calibration = std::move(loaded).value();
    }
    // An explicit --from wins over the version a state names (the state's applied set still counts).
    if (scenario.from)
        out.version = scenario.from;
    return out;
}

Result<ScenarioInputs> prepareInputs(const Scenario &scenario, std::shared_ptr<const Catalog> catalog)
{
    ScenarioInputs inputs;
    inputs.catalog = std::move(catalog);
    if (!scenario.project.customersCsv.isEmpty()) {
        Result<QList<SourceWeight>> customers = CustomersCsv::readFile(scenario.project.customersCsv);
        if (!customers)
            return customers.error();
        inputs.customers = std::move(customers).value();
    }
    Result<ResolvedStart> start = resolveStart(scenario);
    if (!start)
        return start.error();
    inputs.start = std::move(start).value();
    // Built here, once: every evaluation of these inputs (each what-if drag) plans with it.
    if (inputs.catalog)
        inputs.plannerCache = std::make_shared<const PlannerCache>(inputs.catalog->graph);
    inputs.statementClasses = std::make_shared<const StatementClassCache>();
    return inputs;
}

namespace {

/// Input findings about what the plan runs: a schema migration of one of its steps, or one of
/// the OOB migrations it waits for.
Findings findingsOnPlan(const Findings &findings, const UpgradePlan &plan)
{
    QSet<QPair<QString, qint64>> migrations;
    QSet<qint64> oob;
    for (const PlanStep &step : plan.steps) {
        for (auto it = step.schemas.cbegin(); it != step.schemas.cend(); ++it)
            for (qint64 id : *it)
                migrations.insert({it.key(), id});
        for (int id : step.oob)
            oob.insert(id);
    }
    Findings out;
    for (const Finding &f : findings) {
        if (!f.id)
            continue;
        const bool onMigration = !f.schema.isEmpty() && migrations.contains({f.schema, *f.id});
        const bool onOob = f.schema.isEmpty() && f.kind.startsWith(QLatin1String("oob-")) && oob.contains(*f.id);
        if (onMigration || onOob)
            out.append(f);
    }
    return out;
}

/// An error-level finding on a migration the plan runs blocks the plan as much as its own errors.
Problems problemsFromFindings(const Findings &findings)
{
    Problems out;
    for (const Finding &f : findings) {
        if (!f.isError())
            continue;
        Problem p = Problem::make(Severity::Error, QLatin1String("finding-on-plan"),
                                  QStringLiteral("%1 %2 (%3): %4").arg(f.schema).arg(*f.id).arg(f.kind, f.message));
        if (f.schema.isEmpty()) {
            p.message = QStringLiteral("OOB migration %1 (%2): %3").arg(*f.id).arg(f.kind, f.message);
            p.oobIds = {int(*f.id)};
        } else {
            p.schema = f.schema;
            p.migrations = {*f.id};
        }
        out.append(p);
    }
    return out;
}

} // namespace

Result<Evaluation> evaluate(const Scenario &scenario, const ScenarioInputs &inputs, const Progress &progress)
{
    Evaluation e;
    e.scenario = scenario;
    e.catalog = inputs.catalog ? inputs.catalog : std::make_shared<const Catalog>();
    e.versions = VersionIndex(e.catalog->graph.versions());
    e.registry = e.catalog->oob.withProposals(scenario.project.proposals);
    e.startOrigin = inputs.start.origin;
    e.startState = inputs.start.state;
    e.oobRows = inputs.start.oobRows;
    for (auto it = scenario.oobRows.cbegin(); it != scenario.oobRows.cend(); ++it)
        e.oobRows.insert(it.key(), it.value());

    std::optional<Version> target = scenario.to;
    if (target) {
        Result<Version> to = requireRelease(e.versions, *target, QStringLiteral("to"));
        if (!to)
            return to.error();
    }
    const WindowAnalysis analysis(e.versions);
    e.windows = analysis.analyze(e.catalog->oob, scenario.project.proposals, inputs.customers, target);

    // No target, or a plain release start without a release: a fleet question (the window
    // analysis) with no single instance to plan for.
    if (!target || (!inputs.start.version && scenario.start.kind == ScenarioStart::Kind::Release))
        return e;
    if (!inputs.start.version)
        return Result<Evaluation>::failure(
            {}, QStringLiteral("the start (%1) does not say which release it runs: give the source release")
                    .arg(inputs.start.origin.isEmpty() ? startKindName(scenario.start.kind) : inputs.start.origin));
    Result<Version> from = requireRelease(e.versions, *inputs.start.version, QStringLiteral("from"));
    if (!from)
        return from.error();
    if (e.startOrigin.isEmpty())
        e.startOrigin = QStringLiteral("release %1").arg(from->toString());

    const Planner planner(e.catalog->graph, e.registry, inputs.plannerCache);
    PlanOptions options;
    if (e.startState)
        options.applied = e.startState->appliedBySchema(); // what the instance really applied
    Result<UpgradePlan> plan = planner.plan(from.value(), *target, options);
    if (!plan)
        return plan.error();
    e.plan = std::move(plan).value();
    e.planFindings = findingsOnPlan(e.catalog->findings, *e.plan);
    if (!scenario.simulation || scenario.simulation->lint)
        e.lint = MigrationLint::lintPlan(e.catalog->graph, *e.plan);
    e.problems = e.plan->problems + problemsFromFindings(e.planFindings);
    e.previousState = inputs.start.previous;

    // The time model: one model for the estimates, the two roads and the rehearsal.
    TimeModelInputs timeInputs;
    timeInputs.calibration = inputs.start.calibration;
    timeInputs.statementClasses = inputs.statementClasses;
    timeInputs.oob.defaults = scenario.project.defaultProgress;
    timeInputs.oob.overrides = scenario.project.progressOverrides;
    timeInputs.oob.rows = e.oobRows;
    timeInputs.oob.current = e.startState;
    timeInputs.oob.previous = e.previousState;
    e.time = TimeModel::compute(*e.catalog, planner, *e.plan, timeInputs);

    if (scenario.simulation) {
        SimulationRequest request = *scenario.simulation;
        request.start = e.startState;
        request.defaultProgress = scenario.project.defaultProgress;
        request.progressOverrides = scenario.project.progressOverrides;
        request.oobRows = e.oobRows;
        // The rehearsal runs on the time model: OOB migrations at the ETAs' speed, schema
        // migrations at their estimates (unless a flat time was asked for).
        const QMap<int, OobProgressModel> models = e.time->oobModels();
        for (auto it = models.cbegin(); it != models.cend(); ++it) {
            request.progressOverrides.insert(it.key(), *it);
            request.oobRows.insert(it.key(), it->rows);
        }
        if (!request.flatMigrationTime)
            request.migrationMs = e.time->durations();
        request.lint = false; // the plan's lint above covers every migration the run applies
        Result<SimulationResult> result = Simulation::run(*e.catalog, *e.plan, request, progress);
        if (!result)
            return result.error();
        e.simulation = std::move(result).value();
    }
    return e;
}

Result<Evaluation> evaluate(const Scenario &scenario, std::shared_ptr<const Catalog> catalog, const Progress &progress)
{
    Result<ScenarioInputs> inputs = prepareInputs(scenario, std::move(catalog));
    if (!inputs)
        return inputs.error();
    return evaluate(scenario, inputs.value(), progress);
}

} // namespace passlane
