#include "simulation.h"

#include "catalog/catalog.h"
#include "postgresbackend.h"
#include "sqlitebackend.h"
#include "upgraderunner.h"

#include <memory>

namespace passlane {

QString backendName(SimulationBackend b)
{
    return b == SimulationBackend::Postgres ? QStringLiteral("postgres") : QStringLiteral("sqlite");
}

std::optional<SimulationBackend> backendFromName(QStringView name)
{
    if (name == u"sqlite")
        return SimulationBackend::Sqlite;
    if (name == u"postgres" || name == u"postgresql" || name == u"pg")
        return SimulationBackend::Postgres;
    return std::nullopt;
}

QString differenceKindName(SchemaDifference::Kind kind)
{
    switch (kind) {
    case SchemaDifference::Kind::Missing:
        return QStringLiteral("missing");
    case SchemaDifference::Kind::Extra:
        return QStringLiteral("extra");
    case SchemaDifference::Kind::DefinitionChanged:
        return QStringLiteral("definition");
    case SchemaDifference::Kind::ColumnOrderOnly:
        return QStringLiteral("column-order");
    case SchemaDifference::Kind::WhitespaceOnly:
        return QStringLiteral("whitespace");
    }
    return QStringLiteral("definition");
}

namespace {

Result<SimulationResult> runSteps(const Catalog &catalog, const Version &from, const QList<RunStep> &steps,
                                  const SimulationRequest &request, const Progress &progress)
{
    if (!catalog.release(from) && !request.start)
        return Error{QString(), QStringLiteral("release %1 is not in the catalog").arg(from.toString())};
    for (const RunStep &s : steps) {
        if (!catalog.graph.hasVersion(s.release))
            return Error{QString(), QStringLiteral("release %1 is not in the catalog").arg(s.release.toString())};
    }
    std::unique_ptr<ExecutionBackend> backend;
    if (request.backend == SimulationBackend::Postgres) {
        const Version target = steps.isEmpty() ? from : steps.last().release;
        backend = std::make_unique<PostgresBackend>(catalog, request, target);
    } else {
        backend = std::make_unique<SqliteBackend>(catalog, request);
    }
    UpgradeRunner runner(catalog, request, *backend, progress);
    return runner.run(from, steps);
}

} // namespace

Result<SimulationResult> Simulation::run(const Catalog &catalog, const UpgradePlan &plan,
                                         const SimulationRequest &request, const Progress &progress)
{
    QList<RunStep> steps;
    for (const PlanStep &ps : plan.steps) {
        RunStep s;
        s.release = ps.release;
        s.down = ps.down;
        s.isTarget = ps.isTarget;
        s.migrations = ps.schemas;
        for (auto it = ps.outsideTransaction.cbegin(); it != ps.outsideTransaction.cend(); ++it)
            s.outsideTransaction.insert(it.key(), QSet<qint64>(it->cbegin(), it->cend()));
        s.oob = ps.oob;
        steps.append(s);
    }
    // The plan's own problems stay with the plan (every report shows the plan beside the run).
    return runSteps(catalog, plan.from, steps, request, progress);
}

Result<SimulationResult> Simulation::runStops(const Catalog &catalog, const Version &from, const QList<Version> &stops,
                                              const SimulationRequest &request, const Progress &progress)
{
    QList<RunStep> steps;
    for (qsizetype i = 0; i < stops.size(); ++i) {
        RunStep s;
        s.release = stops.at(i);
        s.isTarget = i == stops.size() - 1;
        s.down = stops.at(i) < from;
        steps.append(s);
    }
    return runSteps(catalog, from, steps, request, progress);
}

} // namespace passlane
