#include "graph/releasegraph.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <QHash>

#include <algorithm>
#include <functional>
#include <queue>
#include <vector>

namespace passlane {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using VertexId = boost::graph_traits<Graph>::vertex_descriptor;

/// Vertices are indexed in ascending id order, so "smallest vertex" means "smallest id".
struct Built {
    Graph graph;
    QList<qint64> ids;
};

Built buildGraph(const QMap<qint64, QList<qint64>> &parents, QList<QPair<qint64, qint64>> *missing)
{
    Built b;
    b.ids = parents.keys();
    b.graph = Graph(size_t(b.ids.size()));
    QHash<qint64, VertexId> index;
    index.reserve(b.ids.size());
    for (qsizetype i = 0; i < b.ids.size(); ++i)
        index.insert(b.ids[i], VertexId(i));
    for (auto it = parents.cbegin(); it != parents.cend(); ++it) {
        for (qint64 p : *it) {
            auto pi = index.constFind(p);
            if (pi == index.cend()) {
                if (missing)
                    missing->append({it.key(), p});
                continue;
            }
            boost::add_edge(*pi, index.value(it.key()), b.graph);
        }
    }
    return b;
}

QList<qint64> kahn(const Built &b)
{
    const auto n = boost::num_vertices(b.graph);
    std::vector<size_t> indegree(n, 0);
    for (VertexId v = 0; v < n; ++v)
        indegree[v] = boost::in_degree(v, b.graph);
    std::priority_queue<VertexId, std::vector<VertexId>, std::greater<>> ready;
    for (VertexId v = 0; v < n; ++v)
        if (indegree[v] == 0)
            ready.push(v);
    QList<qint64> order;
    order.reserve(qsizetype(n));
    while (!ready.empty()) {
        const VertexId v = ready.top();
        ready.pop();
        order.append(b.ids[qsizetype(v)]);
        for (auto [e, end] = boost::out_edges(v, b.graph); e != end; ++e) {
            const VertexId child = boost::target(*e, b.graph);
            if (--indegree[child] == 0)
                ready.push(child);
        }
    }
    return order;
}

QList<QList<qint64>> findCycles(const Built &b)
{
    const auto n = boost::num_vertices(b.graph);
    std::vector<int> component(n);
    const int count = n ? boost::strong_components(b.graph, component.data()) : 0;
    std::vector<QList<qint64>> members(static_cast<size_t>(count));
    for (VertexId v = 0; v < n; ++v)
        members[size_t(component[v])].append(b.ids[qsizetype(v)]);
    QList<QList<qint64>> cycles;
    for (VertexId v = 0; v < n; ++v) {
        const auto &m = members[size_t(component[v])];
        bool selfLoop = false;
        for (auto [e, end] = boost::out_edges(v, b.graph); e != end; ++e)
            selfLoop |= boost::target(*e, b.graph) == v;
        if ((m.size() > 1 && m.first() == b.ids[qsizetype(v)]) || (m.size() == 1 && selfLoop))
            cycles.append(m); // members are in vertex order, i.e. sorted by id
    }
    return cycles;
}

QString joinIds(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(QStringLiteral(", "));
}

} // namespace

ReleaseGraph::ReleaseGraph(const QMap<qint64, MigrationPtr> &migrations)
{
    QMap<qint64, QList<qint64>> parents;
    for (auto it = migrations.cbegin(); it != migrations.cend(); ++it)
        parents.insert(it.key(), (*it)->parents);
    const Built b = buildGraph(parents, &m_missing);
    for (VertexId v = 0; v < boost::num_vertices(b.graph); ++v) {
        if (boost::in_degree(v, b.graph) == 0 && parents.value(b.ids[qsizetype(v)]).isEmpty())
            m_roots.append(b.ids[qsizetype(v)]);
        if (boost::out_degree(v, b.graph) == 0)
            m_leaves.append(b.ids[qsizetype(v)]);
    }
    m_order = kahn(b);
    m_cycles = findCycles(b);
}

QList<qint64> ReleaseGraph::order(const QMap<qint64, QList<qint64>> &parents)
{
    return kahn(buildGraph(parents, nullptr));
}

QList<KeyedFinding> ReleaseGraph::check(const Release &release, const SchemaSnapshot &schema)
{
    QList<KeyedFinding> out;
    const ReleaseGraph g(schema.migrations);
    const QString rel = release.version.toString();
    auto add = [&](Severity sev, const char *kind, std::optional<qint64> id, const QString &file, const QString &message,
                   const QString &key) {
        Finding f;
        f.severity = sev;
        f.kind = QLatin1String(kind);
        f.release = rel;
        f.schema = schema.name;
        f.id = id;
        f.file = file;
        f.message = message;
        out.append(KeyedFinding{f, QByteArray(kind) + '|' + schema.name.toUtf8() + '|' + key.toUtf8()});
    };
    auto fileOf = [&](qint64 id) {
        const MigrationPtr m = schema.migrations.value(id);
        return m ? release.source + u'/' + m->path : release.source;
    };
    for (const auto &[id, parent] : g.m_missing)
        add(Severity::Error, "missing-parent", id, fileOf(id),
            QStringLiteral("parent %1 of %2 is not defined in schema %3").arg(parent).arg(id).arg(schema.name),
            QStringLiteral("%1>%2").arg(id).arg(parent));
    for (const QList<qint64> &cycle : g.m_cycles)
        add(Severity::Error, "cycle", cycle.first(), fileOf(cycle.first()),
            QStringLiteral("migrations form a cycle: %1").arg(joinIds(cycle)), joinIds(cycle));
    if (g.m_roots.size() > 1)
        add(Severity::Error, "multiple-roots", g.m_roots.first(), release.source,
            QStringLiteral("schema %1 has %2 roots: %3").arg(schema.name).arg(g.m_roots.size()).arg(joinIds(g.m_roots)),
            joinIds(g.m_roots));
    if (g.m_roots.isEmpty() && !schema.migrations.isEmpty())
        add(Severity::Error, "no-root", std::nullopt, release.source,
            QStringLiteral("schema %1 has no root migration (every migration has a parent)").arg(schema.name), {});
    return out;
}

} // namespace passlane
