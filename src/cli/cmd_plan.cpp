// passlane-cli plan SOURCE... --from A --to B [--oob FILE...] [--format json|markdown|html] [--out FILE]
#include "cliargs.h"
#include "cliio.h"
#include "commands.h"

#include "plan/planner.h"
#include "report/planreport.h"
#include "lint/migrationlint.h"
#include "simulator/simulationreport.h"


namespace passlane::cli {

namespace {

/// Parses a version option and checks it is a loaded release; prints the problem otherwise.
std::optional<Version> releaseOption(const QCommandLineParser &parser, const QString &name, const VersionIndex &index)
{
    const QString text = parser.value(name);
    if (text.isEmpty()) {
        printError(QStringLiteral("--%1 VERSION is required").arg(name));
        return std::nullopt;
    }
    const auto v = Version::parse(text);
    if (!v) {
        printError(QStringLiteral("--%1: '%2' is not a version (e.g. 6.3.0 or v6.3.0)").arg(name, text));
        return std::nullopt;
    }
    if (!index.contains(*v)) {
        QStringList same;
        for (const Version &r : index.releases())
            if (r.minorVersion() == v->minorVersion())
                same << r.toString();
        printError(QStringLiteral("--%1: %2 is not among the loaded releases%3")
                       .arg(name, v->toString(),
                            same.isEmpty() ? QString() : QStringLiteral(" (known %1: %2)").arg(v->minorVersion().toString(), same.join(QStringLiteral(", ")))));
        return std::nullopt;
    }
    return v;
}

} // namespace

int runPlan(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plans an upgrade or downgrade: stops for OOB migrations, "
                                                    "per-schema steps, manual steps, the standard-upgrade alternative."));
    addSourceOptions(parser);
    parser.addOption({QStringLiteral("from"), QStringLiteral("Source release (6.3.0 or v6.3.0)."), QStringLiteral("VERSION")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("Target release."), QStringLiteral("VERSION")});
    addReportOptions(parser);
    if (!parseArgs(parser, args))
        return 2;
    const auto format = reportFormatOption(parser);
    if (!format)
        return 2;
    const auto catalog = loadCatalogFromParser(parser);
    if (!catalog)
        return 2;
    const Planner planner(catalog->graph, catalog->oob);
    const auto from = releaseOption(parser, QStringLiteral("from"), planner.versions());
    const auto to = releaseOption(parser, QStringLiteral("to"), planner.versions());
    if (!from || !to)
        return 2;
    const auto plan = planner.plan(*from, *to);
    if (!plan) {
        printError(plan.error().toString());
        return 2;
    }
    // The migrations the plan runs, linted statically: part-way commits, locking DDL, NOT NULL
    // without a default. Reported beside the plan; they do not make it fail.
    const Findings lint = MigrationLint::lintPlan(catalog->graph, *plan);
    ReportWriter writer;
    addPlanReport(writer, *plan, catalog->oob, planner.versions());
    writer.addJson(QStringLiteral("lint"), findingsToJson(lint));
    writer.addSection(SimulationReport::lintSection(lint));
    if (!writeOutput(writer.render(*format), parser.value(QStringLiteral("out"))))
        return 2;
    return plan->ok() ? 0 : 1;
}

} // namespace passlane::cli
