#pragma once

#include "releases/findingmerger.h"
#include "releases/migration.h"
#include "releases/release.h"

#include <QList>
#include <QMap>
#include <QPair>

namespace passlane {

/// The migration graph of one schema in one release, built with Boost.Graph: a vertex per
/// migration, an edge parent -> child.
class ReleaseGraph {
public:
    explicit ReleaseGraph(const QMap<qint64, MigrationPtr> &migrations);

    QList<qint64> roots() const { return m_roots; }   ///< no parents; sorted
    QList<qint64> leaves() const { return m_leaves; } ///< nobody's parent; sorted
    /// Parents first, ties broken by the smallest id; ids on cycles are left out.
    QList<qint64> topologicalOrder() const { return m_order; }
    /// Each cycle (strongly connected component of more than one id, or a self-parent), sorted.
    QList<QList<qint64>> cycles() const { return m_cycles; }
    /// (id, parent) pairs whose parent the schema does not define.
    QList<QPair<qint64, qint64>> missingParents() const { return m_missing; }

    /// `missing-parent`, `cycle`, `multiple-roots` and `no-root` findings for one schema of
    /// one release, keyed so that a defect persisting across releases is reported once.
    static QList<KeyedFinding> check(const Release &release, const SchemaSnapshot &schema);

    /// Deterministic topological order of any id -> parents map (ties: smallest id first).
    /// Ids on cycles are left out. Parents outside the map are ignored.
    static QList<qint64> order(const QMap<qint64, QList<qint64>> &parents);

private:
    QList<qint64> m_roots;
    QList<qint64> m_leaves;
    QList<qint64> m_order;
    QList<QList<qint64>> m_cycles;
    QList<QPair<qint64, qint64>> m_missing;
};

} // namespace passlane
