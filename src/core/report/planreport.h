#pragma once

#include "graph/stitchedgraph.h"
#include "oob/oobregistry.h"
#include "plan/upgradeplan.h"
#include "plan/versionindex.h"
#include "report/lanechart.h"
#include "report/reportwriter.h"

#include <QByteArray>
#include <QJsonObject>

namespace passlane {

/// The plan in the JSON shape documented in docs/plan-json.md.
QJsonObject planToJson(const UpgradePlan &plan);

/// The lane chart of a plan: one column per known minor between from and to, one lane per OOB
/// migration whose running range crosses them, a marker per stop plus source and target.
LaneChart planLaneChart(const UpgradePlan &plan, const OobRegistry &registry, const VersionIndex &index);

/// "Step 2: Upgrade to 6.1.5633 (stop)": how every report names step `n` (1-based) of a plan.
QString planStepTitle(const UpgradePlan &plan, const PlanStep &step, int n);

/// "3 standard upgrade(s)" or "2 one-minor downgrade(s)": how every report and view names the
/// alternative without stops.
QString alternativeHops(const UpgradePlan &plan);

/// Only the problems written for `audience`: a customer's plan report shows what blocks or slows
/// the upgrade, remarks on how a release was cut go to the release team.
Problems problemsFor(const Problems &problems, Audience audience);

/// Fills `writer` with the plan: title, summary, JSON root and the Markdown/HTML sections
/// (customer-facing problems, OOB windows with the lane chart, stops, steps, alternative path).
/// With `graph`, each step lists its migrations by id and name.
void addPlanReport(ReportWriter &writer, const UpgradePlan &plan, const OobRegistry &registry,
                   const VersionIndex &index, const StitchedGraph *graph = nullptr);

/// Convenience: a writer with only the plan, rendered.
QByteArray renderPlanReport(const UpgradePlan &plan, const OobRegistry &registry, const VersionIndex &index,
                            ReportFormat format, const StitchedGraph *graph = nullptr);

} // namespace passlane
