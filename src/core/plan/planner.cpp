#include "plan/planner.h"
#include "plan/plannercache.h"
#include "plan/productmigrator.h"
#include "plan/stopplanner.h"

#include <algorithm>

namespace passlane {

QString pairKindName(PairKind kind)
{
    switch (kind) {
    case PairKind::Same: return QStringLiteral("same");
    case PairKind::Patch: return QStringLiteral("patch");
    case PairKind::Standard: return QStringLiteral("standard");
    case PairKind::MultiVersion: return QStringLiteral("multi-version");
    case PairKind::Downgrade: return QStringLiteral("downgrade");
    }
    return {};
}

std::optional<PairKind> pairKindFromName(QStringView name)
{
    for (PairKind k : {PairKind::Same, PairKind::Patch, PairKind::Standard, PairKind::MultiVersion,
                       PairKind::Downgrade})
        if (name == pairKindName(k))
            return k;
    return std::nullopt;
}

qsizetype PlanStep::migrationCount() const
{
    qsizetype n = 0;
    for (const auto &ids : schemas)
        n += ids.size();
    return n;
}

Planner::Planner(const StitchedGraph &graph, const OobRegistry &registry)
    : m_graph(graph), m_registry(registry), m_index(graph.versions()),
      m_cache(std::make_shared<const PlannerCache>(graph)), m_productLookups(std::make_unique<ProductLookupMemo>())
{
}

Planner::Planner(const StitchedGraph &graph, const OobRegistry &registry, std::shared_ptr<const PlannerCache> cache)
    : m_graph(graph), m_registry(registry), m_index(graph.versions()),
      m_cache(cache ? std::move(cache) : std::make_shared<const PlannerCache>(graph)),
      m_productLookups(std::make_unique<ProductLookupMemo>())
{
}

Planner::~Planner() = default;

namespace {

QString idList(const QList<qint64> &ids, qsizetype max = 5)
{
    QStringList parts;
    for (qsizetype i = 0; i < ids.size() && i < max; ++i)
        parts << QString::number(ids.at(i));
    if (ids.size() > max)
        parts << QStringLiteral("and %1 more").arg(ids.size() - max);
    return parts.join(QStringLiteral(", "));
}

} // namespace

Result<UpgradePlan> Planner::plan(const Version &from, const Version &to, const PlanOptions &options) const
{
    for (const Version &v : {from, to})
        if (!m_index.contains(v))
            return Result<UpgradePlan>::failure(
                {}, QStringLiteral("unknown release %1 (not among the %2 loaded releases)")
                        .arg(v.toString()).arg(m_index.releases().size()));

    UpgradePlan plan;
    plan.from = from;
    plan.to = to;
    StopPlan stops = planStops(m_index, m_registry, from, to);
    plan.kind = stops.kind;
    plan.stops = stops.stops;
    plan.problems = stops.problems;
    plan.impossibleOob = stops.impossible;
    plan.standardPath = standardPath(m_index, from, to);
    plan.hops = int(plan.standardPath.size());
    const bool down = plan.kind == PairKind::Downgrade;

    // What the instance has applied, per schema (dense bits), plus applied ids the graph lacks.
    QList<IdBits> applied;
    for (const auto &s : m_cache->schemas()) {
        if (options.applied) {
            QList<qint64> unknown;
            applied.append(m_cache->toBits(s, options.applied->value(s.name), &unknown));
            if (!unknown.isEmpty()) {
                std::sort(unknown.begin(), unknown.end());
                plan.appliedNotInTarget[s.name] << unknown;
                Problem p = Problem::make(
                    Severity::Warning, QLatin1String("unknown-applied"),
                    QStringLiteral("%1: %2 applied migration(s) are unknown to every loaded release (%3)")
                        .arg(s.name).arg(unknown.size()).arg(idList(unknown)));
                p.schema = s.name;
                p.migrations = unknown;
                plan.problems.append(p);
            }
        } else {
            applied.append(m_cache->closureOf(s, from));
        }
    }

    // Content check: a forward upgrade never leaves applied migrations behind.
    if (!down) {
        qsizetype extra = 0;
        QStringList where;
        Problem notForward = Problem::make(Severity::Warning, QLatin1String("not-forward-upgrade"), {});
        for (qsizetype k = 0; k < m_cache->schemas().size(); ++k) {
            const auto &s = m_cache->schemas().at(k);
            const IdBits &target = m_cache->closureOf(s, to);
            IdBits ahead = applied.at(k);
            for (size_t w = 0; w < ahead.size(); ++w)
                ahead[w] &= ~target[w];
            if (!anyBit(ahead))
                continue;
            QList<qint64> ids = m_cache->topologicalOrder(s, ahead);
            std::sort(ids.begin(), ids.end());
            extra += ids.size();
            where << QStringLiteral("%1: %2").arg(s.name, idList(ids));
            if (notForward.schema.isEmpty()) { // the first schema concerned; the message names them all
                notForward.schema = s.name;
                notForward.migrations = ids;
            }
            QList<qint64> &list = plan.appliedNotInTarget[s.name];
            list = ids + list;
        }
        if (extra > 0) {
            notForward.message = QStringLiteral("%1 -> %2 is not a forward upgrade: the source has applied %3 migration(s) "
                                           "that %2 does not contain (%4); the target neither knows nor reverts them")
                                .arg(from.toString(), to.toString()).arg(extra).arg(where.join(QStringLiteral("; ")));
            plan.problems.prepend(notForward);
        }
    }

    // One step per stop, then the target.
    Version current = from;
    auto makeStep = [&](const Version &release, bool isTarget, const QList<int> &oob) {
        PlanStep step;
        step.release = release;
        step.down = down;
        step.isTarget = isTarget;
        step.oob = oob;
        for (qsizetype k = 0; k < m_cache->schemas().size(); ++k) {
            const auto &s = m_cache->schemas().at(k);
            const IdBits &target = m_cache->closureOf(s, release);
            IdBits &have = applied[k];
            IdBits delta(have.size());
            for (size_t w = 0; w < have.size(); ++w)
                delta[w] = down ? (have[w] & ~target[w]) : (target[w] & ~have[w]);
            if (!anyBit(delta))
                continue;
            QList<qint64> ids = m_cache->topologicalOrder(s, delta);
            if (down)
                std::reverse(ids.begin(), ids.end()); // children first
            for (size_t w = 0; w < have.size(); ++w)
                have[w] = down ? (have[w] & target[w]) : (have[w] | target[w]);
            for (qint64 id : std::as_const(ids)) {
                const int i = s.index.value(id);
                if (down ? s.downConcurrent[i] : s.concurrent[i])
                    step.outsideTransaction[s.name].append(id);
                if (s.privileged[i]) {
                    ManualStep manual{s.name, id, QStringLiteral("privileged"), {}};
                    if (options.includeSql) {
                        // Up SQL as the target release ships it; down SQL as the running release does.
                        MigrationPtr def = m_graph.shippedDefinition(s.name, id, down ? current : release);
                        if (!def)
                            def = m_graph.definition(s.name, id);
                        if (def)
                            manual.sql = QString::fromUtf8(down ? def->downQuery : def->upQuery);
                    }
                    step.manual.append(manual);
                }
            }
            step.schemas.insert(s.name, ids);
        }
        current = release;
        plan.steps.append(step);
    };
    for (const Stop &stop : std::as_const(plan.stops))
        makeStep(stop.release, false, stop.oob);
    makeStep(to, true, {});
    if (options.productView)
        plan.productMigrator = std::make_shared<const ProductMigratorView>(
            productMigratorView(*this, plan, options.applied ? &*options.applied : nullptr));
    return plan;
}

} // namespace passlane
