#pragma once

#include "catalog/catalog.h"
#include "estimate/timemodel.h"
#include "common/problem.h"
#include "plan/upgradeplan.h"
#include "plan/versionindex.h"
#include "plan/windowanalysis.h"
#include "scenario/scenario.h"
#include "simulator/simulation.h"

#include <QStringList>

#include <memory>
#include <optional>

namespace passlane {

/// The answer to one Scenario: everything a view or a report shows, computed together from the
/// same inputs, so that no report can pair the plan of one question with the simulation of
/// another. A value: built off the GUI thread, then handed over.
struct Evaluation {
    Scenario scenario;                        ///< the question, as asked
    std::shared_ptr<const Catalog> catalog;   ///< what it was computed on (names, SQL)
    VersionIndex versions;
    OobRegistry registry;                     ///< the catalog's registry with the proposals applied
    QString startOrigin;                      ///< "release 5.9.45", "export acme.json", "customer acme"
    std::optional<StartState> startState;     ///< when the start is an export, a live instance or a customer's export
    QMap<int, qint64> oobRows;                ///< OOB row counts in force (customer's, then explicit ones)

    std::optional<UpgradePlan> plan;          ///< when the scenario names a target
    Findings planFindings;                    ///< input findings about migrations and OOB ids the plan runs
    Findings lint;                            ///< lint of the migrations the plan runs
    WindowReport windows;                     ///< the fleet window analysis for the same registry and proposals
    /// How long the plan takes and when each hop can start, every figure with what it rests on
    /// (estimate/timemodel.h), when there is a plan. The GUI shows:
    ///   time->roads.multiVersion / .standard: downtime (rangeText(), basisText()), calendarMs,
    ///     finishAt, and per hop: from -> to, downtime, earliestStart (or earliestStartMs), startBasis;
    ///   time->roads.recommended (roadChoiceName) and time->roads.reason;
    ///   time->oob: per OOB id its remaining time, completeAt and rateText ("observed ..." / "assumed ...");
    ///   time->calibration.describe() and time->tableStats ("unknown rows" when false).
    std::optional<TimeModel> time;
    std::optional<StartState> previousState;  ///< the earlier export, when given
    std::optional<SimulationResult> simulation; ///< the rehearsal of `plan`, when asked for
    /// The plan's problems, then one per error-level finding on a migration the plan runs.
    Problems problems;

    bool ok() const { return plan && plan->ok() && !hasErrors(problems); }
    /// "OOB 25 deprecated at 6.8 (registry: 6.4)" per proposal; empty when not a what-if.
    QStringList whatIf() const;
    /// The findings about one migration a step runs (schema, id).
    Findings findingsFor(const QString &schema, qint64 id) const;
};

} // namespace passlane
