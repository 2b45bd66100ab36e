#pragma once

#include "estimate/timemodel.h"
#include "report/reportwriter.h"

#include <QJsonObject>

namespace passlane {

/// The time model in a report: the two roads side by side with the recommendation, the hops of
/// each road and the OOB ETAs they wait for. Every figure names what it rests on.
QList<ReportSection> timeSections(const TimeModel &time);
/// The same as JSON ("time" in a plan report).
QJsonObject timeModelToJson(const TimeModel &time);

} // namespace passlane
