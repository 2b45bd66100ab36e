#pragma once

#include "report/reportwriter.h"
#include "simulation.h"

#include <QByteArray>
#include <QJsonObject>

namespace passlane {

/// Renders a SimulationResult into the planner's report formats (report/reportwriter.h):
/// a "simulation" key in the JSON root (docs/simulation.md describes it) and Markdown/HTML
/// sections (summary, operator advice, time per stop, timeline, schema comparisons, lint).
class SimulationReport {
public:
    static QJsonObject toJsonObject(const SimulationResult &result);
    /// Adds the simulation to a report (typically after addPlanReport()).
    static void addToReport(ReportWriter &writer, const SimulationResult &result);
    /// A report holding only the simulation.
    static QByteArray render(const SimulationResult &result, ReportFormat format);

    /// Lint findings as one report section (also used by `plan` reports).
    static ReportSection lintSection(const Findings &lint);
};

} // namespace passlane
