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

/// "2026-11-30 10:00 UTC" when the date is known, else "at the start" / "start + 2h 5m".
QString timeDateText(const std::optional<QDateTime> &at, qint64 offsetMs);
/// What every figure rests on, in one line: "Costs: ... Rows: ... OOB rates: ... Times from ...".
QString timeGroundsText(const TimeModel &time);
/// "the multi-version upgrade", "successive standard upgrades", "either road".
QString roadChoiceText(TwoRoads::Choice c);

} // namespace passlane
