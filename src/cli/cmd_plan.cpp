// passlane-cli plan SOURCE... --from A --to B [--oob FILE...] [--propose ID=V...] [--state FILE | --customer NAME]
//   [--format json|markdown|html|pdf] [--out FILE]
#include "cliargs.h"
#include "cliio.h"
#include "cliscenario.h"
#include "commands.h"

#include "scenario/scenarioreport.h"

namespace passlane::cli {

int runPlan(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plans an upgrade or downgrade: stops for OOB migrations, "
                                                    "per-schema steps, manual steps, the standard-upgrade alternative."));
    const auto command = parseScenarioCommand(parser, args);
    if (!command)
        return 2;
    const Scenario &scenario = command->scenario;
    if (!scenario.to) {
        printError(QStringLiteral("--to VERSION is required"));
        return 2;
    }
    if (!scenario.from && scenario.start.kind == ScenarioStart::Kind::Release) {
        printError(QStringLiteral("--from VERSION is required (or a start: --state, --inspect, --customer)"));
        return 2;
    }
    const auto catalog = loadScenarioCatalog(scenario);
    if (!catalog)
        return 2;
    const auto evaluation = evaluateOrReport(scenario, catalog);
    if (!evaluation)
        return 2;
    if (!writeScenarioReport(*evaluation, ScenarioReportKind::Plan, *command, parser.value(QStringLiteral("out"))))
        return 2;
    return evaluation->ok() ? 0 : 1;
}

} // namespace passlane::cli
