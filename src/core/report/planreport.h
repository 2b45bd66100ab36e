#pragma once

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

/// Fills `writer` with the plan: title, summary, JSON root and the Markdown/HTML sections
/// (problems, OOB windows with the lane chart, stops, steps, alternative path).
void addPlanReport(ReportWriter &writer, const UpgradePlan &plan, const OobRegistry &registry,
                   const VersionIndex &index);

/// Convenience: a writer with only the plan, rendered.
QByteArray renderPlanReport(const UpgradePlan &plan, const OobRegistry &registry, const VersionIndex &index,
                            ReportFormat format);

} // namespace passlane
