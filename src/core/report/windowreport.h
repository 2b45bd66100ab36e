#pragma once

#include "oob/oobregistry.h"
#include "plan/windowanalysis.h"
#include "report/reportwriter.h"

#include <QJsonObject>

namespace passlane {

/// "71 affected (gains a stop 0, loses a stop 0, a stop moves 71, impossible 0); 12 reassigned
/// (…); 300 unchanged.": the weighted counts as every report and the GUI state them.
QString windowHeadline(const WindowReport &report);

/// The window analysis as JSON: target, proposals, per-source rows (stops before/after and the
/// row's windowChangeName), weighted counts (affected, and per change) and per-proposal advice
/// with its caveat.
QJsonObject windowReportToJson(const WindowReport &report);

/// Fills `writer` with the window analysis: summary, one section per WindowChange (impossible and
/// gains a stop always, "None." included), unchanged paths, and the earliest deprecation that
/// adds no stop with its caveat.
void addWindowReport(ReportWriter &writer, const WindowReport &report, const OobRegistry &registry);

} // namespace passlane
