// passlane-cli bench plan [SOURCE...] [--oob FILE]: plans every ordered pair of loaded releases.
#include "cliargs.h"
#include "cliio.h"
#include "commands.h"

#include "plan/planner.h"
#include "plan/productmigrator.h"
#include "plan/windowanalysis.h"

#include <QElapsedTimer>

#include <algorithm>

#include <cstdio>

namespace passlane::cli {

namespace {

/// Ten OOB migrations spread over the known minors, with windows of 2 to 5 minors, for when
/// no registry is given: enough to make every long pair need stops.
OobRegistry syntheticRegistry(const VersionIndex &index)
{
    OobRegistry reg;
    const auto &minors = index.minors();
    if (minors.size() < 3)
        return reg;
    for (int k = 0; k < 10; ++k) {
        const qsizetype start = (qsizetype(k) * (minors.size() - 2)) / 10;
        const qsizetype end = std::min<qsizetype>(minors.size() - 1, start + 2 + k % 4);
        OobMigration m;
        m.id = 900 + k;
        m.team = QStringLiteral("bench");
        m.component = QStringLiteral("bench.table%1").arg(k);
        m.description = QStringLiteral("synthetic benchmark migration");
        m.nonDestructive = k % 2 == 0;
        m.introduced = minors.at(start);
        m.deprecated = minors.at(end);
        reg.insert(m);
    }
    return reg;
}

} // namespace

int benchPlan(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plans every ordered pair of the loaded releases and prints the time."));
    addSourceOptions(parser);
    if (args.contains(QStringLiteral("--help"))) {
        std::printf("%s", qUtf8Printable(parser.helpText()));
        return 0;
    }
    if (!parseArgs(parser, args))
        return 2;
    const auto request = loadRequestFromParser(parser);
    if (!request)
        return 2;
    QElapsedTimer loadTimer;
    loadTimer.start();
    const auto catalog = loadCatalogOrReport(*request);
    if (!catalog)
        return 2;
    const qint64 loadMs = loadTimer.elapsed();

    OobRegistry registry = catalog->oob;
    const VersionIndex index(catalog->graph.versions());
    const bool synthetic = registry.migrations().isEmpty();
    if (synthetic)
        registry = syntheticRegistry(index);

    QElapsedTimer timer;
    timer.start();
    const Planner planner(catalog->graph, registry);
    const qint64 setupNs = timer.nsecsElapsed();

    const QList<Version> versions = index.releases();
    PlanOptions options; // as reports make them, without the product migrator's view first
    options.productView = false;
    qint64 plans = 0, stops = 0, migrations = 0, failed = 0;
    timer.restart();
    for (const Version &from : versions) {
        for (const Version &to : versions) {
            if (from == to)
                continue;
            const auto plan = planner.plan(from, to, options);
            ++plans;
            if (!plan || !plan->ok()) {
                ++failed;
                if (!plan)
                    continue;
            }
            stops += plan->stops.size();
            for (const PlanStep &s : plan->steps)
                migrations += s.migrationCount();
        }
    }
    const qint64 totalNs = timer.nsecsElapsed();
    std::printf("bench plan: %d releases, %d OOB migrations%s, loaded in %lld ms\n", int(versions.size()),
                int(registry.migrations().size()), synthetic ? " (synthetic)" : "", static_cast<long long>(loadMs));
    std::printf("  planner setup (closures): %.1f ms\n", setupNs / 1e6);
    std::printf("  %lld plans (every ordered pair): total %.1f ms, mean %.1f us per plan\n",
                static_cast<long long>(plans), totalNs / 1e6, plans ? totalNs / 1e3 / double(plans) : 0.0);
    std::printf("  %lld stops, %lld migrations planned, %lld plans with errors\n", static_cast<long long>(stops),
                static_cast<long long>(migrations), static_cast<long long>(failed));
    std::printf("  target: under 1000 ms in total on one core -> %s\n", totalNs < 1000000000 ? "met" : "MISSED");

    // The same pairs again, each plan timed right beside the product migrator's view of it (what
    // every plan report shows), so that both halves see the same machine load: the view must
    // not make a report noticeably slower to produce.
    qint64 differing = 0, blocked = 0, planNs = 0, viewNs = 0;
    QElapsedTimer pairTimer;
    for (const Version &from : versions) {
        for (const Version &to : versions) {
            if (from == to)
                continue;
            pairTimer.start();
            const auto plan = planner.plan(from, to, options);
            planNs += pairTimer.nsecsElapsed();
            if (!plan)
                continue;
            pairTimer.start();
            const ProductMigratorView view = productMigratorView(planner, *plan);
            viewNs += pairTimer.nsecsElapsed();
            differing += view.noDifference() ? 0 : 1;
            blocked += view.canPlan() ? 0 : 1;
        }
    }
    const double viewRatio = planNs ? double(planNs + viewNs) / double(planNs) : 0.0;
    std::printf("  plans + product migrator's view, interleaved: plans %.1f ms, views %.1f ms, mean %.1f us per pair; "
                "ratio to plans alone %.2f (target <= 2.0 -> %s)\n",
                planNs / 1e6, viewNs / 1e6, plans ? (planNs + viewNs) / 1e3 / double(plans) : 0.0, viewRatio,
                viewRatio <= 2.0 ? "met" : "MISSED");
    std::printf("  %lld pairs where the product's migrator differs, %lld it cannot plan\n",
                static_cast<long long>(differing), static_cast<long long>(blocked));

    // What the GUI's drag-a-lane view pays per drag: one analysis over every release.
    if (registry.migrations().isEmpty())
        return 0;
    const WindowAnalysis analysis(index);
    const OobMigration &first = registry.migrations().first();
    const MinorVersion moved = index.nextMinor(first.deprecated.value_or(first.introduced)).value_or(first.introduced);
    timer.restart();
    const int rounds = 20;
    for (int i = 0; i < rounds; ++i)
        (void)analysis.analyze(registry, {{first.id, moved}});
    std::printf("  window analysis (%d sources, 1 proposal with advice): mean %.2f ms per call\n",
                int(versions.size()) - 1, timer.nsecsElapsed() / 1e6 / rounds);
    return 0;
}

} // namespace passlane::cli
