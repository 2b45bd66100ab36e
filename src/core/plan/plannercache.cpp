#include "plan/plannercache.h"

#include "graph/applyorder.h"

#include <algorithm>

namespace passlane {

PlannerCache::PlannerCache(const StitchedGraph &graph)
{
    const QList<Version> versions = graph.versions();
    for (const QString &name : graph.schemas()) {
        Schema s;
        s.name = name;
        const auto &defs = graph.definitions(name);
        s.ids = defs.keys();
        const int n = int(s.ids.size());
        s.index.reserve(n);
        for (int i = 0; i < n; ++i)
            s.index.insert(s.ids.at(i), i);
        s.parents.resize(n);
        s.children.resize(n);
        s.privileged.assign(n, 0);
        s.concurrent.assign(n, 0);
        s.downConcurrent.assign(n, 0);
        QMap<qint64, QList<qint64>> parentsById;
        int i = 0;
        for (auto it = defs.cbegin(); it != defs.cend(); ++it, ++i) {
            const MigrationPtr &m = it.value();
            parentsById.insert(it.key(), m ? m->parents : QList<qint64>{});
            if (!m)
                continue;
            s.privileged[i] = m->privileged;
            s.concurrent[i] = m->createIndexConcurrently;
            s.downConcurrent[i] = m->downQuery.toUpper().contains("CONCURRENTLY");
            for (qint64 p : m->parents) {
                auto pi = s.index.constFind(p);
                if (pi == s.index.cend())
                    continue; // a missing parent is a finding elsewhere; it cannot be ordered
                s.parents[i].push_back(*pi);
                s.children[*pi].push_back(i);
            }
        }
        s.rank.assign(n, 0);
        const QList<qint64> order = applyOrder(parentsById);
        for (int k = 0; k < int(order.size()); ++k)
            s.rank[size_t(s.index.value(order.at(k)))] = k;
        for (const Version &v : versions)
            s.closure.insert(v, toBits(s, graph.appliedAt(name, v)));
        m_schemas.append(std::move(s));
    }
}

IdBits PlannerCache::toBits(const Schema &s, const QSet<qint64> &ids, QList<qint64> *unknown) const
{
    IdBits bits = empty(s);
    for (qint64 id : ids) {
        auto it = s.index.constFind(id);
        if (it != s.index.cend())
            setBit(bits, *it);
        else if (unknown)
            unknown->append(id);
    }
    return bits;
}

QList<qint64> PlannerCache::topologicalOrder(const Schema &s, const IdBits &subset) const
{
    std::vector<int> members;
    for (size_t w = 0; w < subset.size(); ++w) {
        quint64 word = subset[w];
        while (word) {
            const int bit = __builtin_ctzll(word);
            members.push_back(int(w * 64 + bit));
            word &= word - 1;
        }
    }
    std::sort(members.begin(), members.end(), [&s](int a, int b) { return s.rank[size_t(a)] < s.rank[size_t(b)]; });
    QList<qint64> order;
    order.reserve(qsizetype(members.size()));
    for (int m : members)
        order.append(s.ids.at(m));
    return order;
}

} // namespace passlane
