#pragma once

#include "common/result.h"
#include "common/version.h"
#include "graph/stitchedgraph.h"
#include "oob/oobregistry.h"
#include "plan/upgradeplan.h"
#include "plan/versionindex.h"

#include <QMap>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace passlane {

struct PlanOptions {
    /// Per schema, what the instance at `from` has really applied (e.g. a customer's
    /// migration_logs). Absent: the ancestor closure of `from`'s leaves.
    std::optional<QMap<QString, QSet<qint64>>> applied;
    /// Include manual steps' SQL text (reports want it; benchmarks and drags do not).
    bool includeSql = true;
    /// Also work out what the product's own migrator would do (UpgradePlan::productMigrator).
    bool productView = true;
};

class PlannerCache;
class ProductLookupMemo;

/// Plans upgrades and downgrades over a stitched graph and an OOB registry. Construction
/// precomputes per-release closures (milliseconds); plan() is then cheap and thread-safe.
/// The graph must outlive the planner; the registry is copied.
class Planner {
public:
    Planner(const StitchedGraph &graph, const OobRegistry &registry);
    /// Reuses `cache`, which must have been built from `graph`: it depends on the graph only,
    /// so one serves every registry (each what-if drag plans with the same one).
    Planner(const StitchedGraph &graph, const OobRegistry &registry, std::shared_ptr<const PlannerCache> cache);
    ~Planner();
    Planner(const Planner &) = delete;
    Planner &operator=(const Planner &) = delete;

    /// Fails only when a version is not among the graph's releases; everything else
    /// (impossible windows, content downgrades) is reported inside the plan.
    Result<UpgradePlan> plan(const Version &from, const Version &to, const PlanOptions &options = {}) const;

    const VersionIndex &versions() const { return m_index; }
    const OobRegistry &registry() const { return m_registry; }
    const StitchedGraph &graph() const { return m_graph; }
    /// Dense indices, closures and the apply order that plans are made from.
    const PlannerCache &cache() const { return *m_cache; }
    /// The product migrator's version lookups per pair of minors (see productmigrator.h).
    ProductLookupMemo &productLookups() const { return *m_productLookups; }

private:
    const StitchedGraph &m_graph;
    OobRegistry m_registry;
    VersionIndex m_index;
    std::shared_ptr<const PlannerCache> m_cache;
    std::unique_ptr<ProductLookupMemo> m_productLookups;
};

} // namespace passlane
