#pragma once

#include "common/version.h"
#include "graph/stitchedgraph.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <vector>

namespace passlane {

/// A set of migrations of one schema as bits over the schema's dense id index.
using IdBits = std::vector<quint64>;

/// Per-schema dense indices, per-release closures and the schema's apply order, computed once so
/// that each plan is a handful of bit operations and one small sort per schema and step.
class PlannerCache {
public:
    struct Schema {
        QString name;
        QList<qint64> ids;                  ///< dense index -> id, ascending
        QHash<qint64, int> index;           ///< id -> dense index
        std::vector<std::vector<int>> parents;
        std::vector<std::vector<int>> children;
        std::vector<char> privileged;
        std::vector<char> concurrent;     ///< up migration creates an index concurrently (metadata)
        std::vector<char> downConcurrent; ///< down.sql runs CONCURRENTLY (DROP INDEX CONCURRENTLY...)
        std::vector<int> rank;              ///< dense index -> position in applyOrder() of the schema
        std::vector<int> byRank;            ///< position in applyOrder() -> dense index
        QHash<Version, IdBits> closure;     ///< per release: closure of its leaves
        /// Per release: strict descendants of its leaves (what the product's downgrade to that
        /// release may undo). Depends on the graph only, so it is computed once here.
        QHash<Version, IdBits> belowLeaves;
    };

    explicit PlannerCache(const StitchedGraph &graph);

    const QList<Schema> &schemas() const { return m_schemas; }

    IdBits empty(const Schema &s) const { return IdBits((s.ids.size() + 63) / 64, 0); }
    /// `s.closure` of `release`; an empty set for a release the graph does not know.
    const IdBits &closureOf(const Schema &s, const Version &release) const;
    const IdBits &belowLeavesOf(const Schema &s, const Version &release) const;
    IdBits toBits(const Schema &s, const QSet<qint64> &ids, QList<qint64> *unknown = nullptr) const;
    /// `subset` in the schema's apply order (applyOrder(): the product migrator's order, parents
    /// first). Down steps run the reverse.
    QList<qint64> topologicalOrder(const Schema &s, const IdBits &subset) const;

private:
    QList<Schema> m_schemas;
    QHash<QString, IdBits> m_empty; ///< per schema, for lookups of unknown releases
};

inline bool testBit(const IdBits &b, int i) { return (b[size_t(i) >> 6] >> (i & 63)) & 1u; }
inline void setBit(IdBits &b, int i) { b[size_t(i) >> 6] |= quint64(1) << (i & 63); }
inline bool anyBit(const IdBits &b)
{
    for (quint64 w : b)
        if (w)
            return true;
    return false;
}

} // namespace passlane
