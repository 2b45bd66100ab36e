#pragma once

#include "report/reportwriter.h"
#include "scenario/evaluation.h"

#include <QByteArray>

namespace passlane {

/// What a report is for. A customer's plan report holds the plan (and its rehearsal, when the
/// scenario ran one); the fleet window analysis is a report of its own, for the release team.
enum class ScenarioReportKind { Plan, Windows };

/// Fills `writer` from one Evaluation, and from nothing else: both front ends call this, so the
/// same question gives the same report byte for byte.
void addScenarioReport(ReportWriter &writer, const Evaluation &evaluation, ScenarioReportKind kind);
QByteArray renderScenarioReport(const Evaluation &evaluation, ScenarioReportKind kind, ReportFormat format);

} // namespace passlane
