// passlane-cli windows SOURCE... --oob FILE [--customers CSV] [--propose ID=MAJOR.MINOR ...] [--to VERSION]
#include "cliargs.h"
#include "cliio.h"
#include "cliscenario.h"
#include "commands.h"

#include "scenario/scenarioreport.h"

namespace passlane::cli {

int runWindows(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "OOB deprecation window analysis: for each source version, the stops to the target before and after "
        "the proposals (each stop with the OOB ids that complete there) and what changes: gains a stop, loses a "
        "stop, a stop moves, impossible (these four count as affected), reassigned (same stops, other OOB ids) "
        "or unchanged; and the earliest deprecation that adds no stop, with its caveat. --to defaults to the "
        "latest loaded release. Exits 1 when a path becomes impossible."));
    auto command = parseScenarioCommand(parser, args);
    if (!command)
        return 2;
    Scenario &scenario = command->scenario;
    // The fleet question has no single source: the analysis covers every listed version.
    scenario.from.reset();
    scenario.start = {};
    const auto catalog = loadScenarioCatalog(scenario);
    if (!catalog)
        return 2;
    const auto evaluation = evaluateOrReport(scenario, catalog);
    if (!evaluation)
        return 2;
    if (!writeScenarioReport(*evaluation, ScenarioReportKind::Windows, *command, parser.value(QStringLiteral("out"))))
        return 2;
    return evaluation->windows.instancesWith(WindowChange::Impossible) > 0 ? 1 : 0;
}

} // namespace passlane::cli
