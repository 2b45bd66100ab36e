#pragma once

#include "scenario/evaluate.h"
#include "report/reportwriter.h"
#include "scenario/scenario.h"
#include "scenario/scenarioreport.h"

#include <QCommandLineParser>

#include <functional>

#include <memory>
#include <optional>

namespace passlane::cli {

/// Adds the options that pose a question, shared by plan, windows and simulate: --from, --to,
/// --propose ID=MAJOR.MINOR (repeatable), --customers CSV, and the start: --state FILE,
/// --inspect DSN (repeatable), --customer NAME (of the --project file).
void addScenarioOptions(QCommandLineParser &parser);

/// The Scenario the parsed options describe: the --project file (or the positional sources and
/// --oob registries, or the bundled sample) with the options above applied on top: --propose
/// adds to the project's proposals, --customers replaces its customers CSV. Prints one line and
/// returns nullopt on bad usage.
std::optional<Scenario> scenarioFromParser(const QCommandLineParser &parser);

/// What a plan, windows or simulate command line asks: the report format and the Scenario.
struct ScenarioCommand {
    ReportFormat format = ReportFormat::Markdown;
    bool pdf = false; ///< --format pdf: the HTML report, printed by passlane_printing
    Scenario scenario;
};

/// Declares the source, question and report options (and the command's own, through
/// `addCommandOptions`), parses `args` and builds the Scenario. Prints one line and returns
/// nullopt on bad usage.
std::optional<ScenarioCommand> parseScenarioCommand(QCommandLineParser &parser, const QStringList &args,
                                                    const std::function<void(QCommandLineParser &)> &addCommandOptions = {});

/// Renders the evaluation's report in the command's format (PDF through ReportPrinter) and
/// writes it with writeOutput(). A PDF is not written to a terminal. Prints one line on failure.
bool writeScenarioReport(const Evaluation &evaluation, ScenarioReportKind kind, const ScenarioCommand &command,
                         const QString &outFile);

/// Loads the scenario's catalog, printing "passlane-cli: <file>: <problem>" on failure.
std::shared_ptr<const Catalog> loadScenarioCatalog(const Scenario &scenario);

/// evaluate(), printing the problem on failure.
std::optional<Evaluation> evaluateOrReport(const Scenario &scenario, std::shared_ptr<const Catalog> catalog,
                                           const Progress &progress = {});

} // namespace passlane::cli
