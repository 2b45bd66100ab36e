#pragma once

#include "oob/oobregistry.h"
#include "plan/windowanalysis.h"
#include "report/reportwriter.h"

#include <QJsonObject>

namespace passlane {

/// The window analysis as JSON: target, proposals, per-source rows (stops before/after),
/// weighted counts and per-proposal advice.
QJsonObject windowReportToJson(const WindowReport &report);

/// Fills `writer` with the window analysis: summary, paths that gain a stop, paths that become
/// impossible, unchanged paths, and the earliest deprecation that adds no stop.
void addWindowReport(ReportWriter &writer, const WindowReport &report, const OobRegistry &registry);

} // namespace passlane
