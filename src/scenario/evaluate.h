#pragma once

#include "estimate/calibration.h"
#include "estimate/statementclasscache.h"

#include "common/progress.h"
#include "common/result.h"
#include "common/sourceweight.h"
#include "scenario/evaluation.h"
#include "scenario/scenario.h"

#include <QList>

#include <memory>
#include <optional>

namespace passlane {

class PlannerCache;

/// The start of a scenario, read once: a customer export or a live inspection is read here,
/// never by a front end.
struct ResolvedStart {
    QString origin;                  ///< how reports name the start
    std::optional<StartState> state; ///< null for a plain release start
    std::optional<Version> version;  ///< the release the instance runs, when known
    QMap<int, qint64> oobRows;       ///< the customer's OOB row counts
    std::optional<StartState> previous; ///< an earlier export of the same instance (observed OOB rates)
    Calibration calibration = Calibration::defaults(); ///< the scenario's or project's calibration file
};

/// What a scenario reads from disk or from a live instance besides the catalog. Front ends that
/// evaluate the same scenario again and again (the GUI on every drag) prepare it once.
struct ScenarioInputs {
    std::shared_ptr<const Catalog> catalog;
    QList<SourceWeight> customers;   ///< the customers CSV; empty: every release counts once
    ResolvedStart start;
    /// Closures and apply order of the catalog's graph (they depend on the graph only), built by
    /// prepareInputs(); null: evaluate() builds its own. A front end that asks
    /// again and again (the GUI on every drag) reuses the inputs and so this cache.
    std::shared_ptr<const PlannerCache> plannerCache;
    /// The statement classes of the catalog's migrations, filled as the time model meets them
    /// and shared the same way; null: evaluate() classifies afresh.
    std::shared_ptr<const StatementClassCache> statementClasses;
};

/// Reads the start state: a customer export, a live instance (read-only), or a project customer.
/// Fails naming the file, the DSN or the customer.
Result<ResolvedStart> resolveStart(const Scenario &scenario);

/// Reads the customers CSV (when the project names one) and resolves the start.
Result<ScenarioInputs> prepareInputs(const Scenario &scenario, std::shared_ptr<const Catalog> catalog);

/// Answers the scenario: the plan (when it names a target and a start), the findings and lint of the
/// migrations the plan runs, the window analysis, and the simulation of that very plan (when
/// asked). Fails only when the question cannot be asked (an unknown release, no start version);
/// everything wrong with the answer is in Evaluation::problems. Honors progress and cancel
/// through the simulation.
Result<Evaluation> evaluate(const Scenario &scenario, const ScenarioInputs &inputs, const Progress &progress = {});

/// prepareInputs() then evaluate(): what a one-shot front end (the CLI) calls.
Result<Evaluation> evaluate(const Scenario &scenario, std::shared_ptr<const Catalog> catalog,
                            const Progress &progress = {});

/// Checks that `version` is a loaded release; the error names `what` ("--from", "from") and
/// lists the releases of the same minor.
Result<Version> requireRelease(const VersionIndex &index, const Version &version, const QString &what);

} // namespace passlane
