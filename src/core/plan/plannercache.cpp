#include "plan/plannercache.h"

#include <functional>
#include <queue>

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
        int i = 0;
        for (auto it = defs.cbegin(); it != defs.cend(); ++it, ++i) {
            const MigrationPtr &m = it.value();
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
    QList<qint64> order;
    std::vector<int> members;
    for (size_t w = 0; w < subset.size(); ++w) {
        quint64 word = subset[w];
        while (word) {
            const int bit = __builtin_ctzll(word);
            members.push_back(int(w * 64 + bit));
            word &= word - 1;
        }
    }
    if (members.empty())
        return order;
    // Kahn's algorithm inside the subset; dense indices follow id order, so the min-heap
    // breaks ties by smallest id.
    std::vector<int> indegree(s.ids.size(), 0);
    for (int m : members)
        for (int p : s.parents[m])
            if (testBit(subset, p))
                ++indegree[m];
    std::priority_queue<int, std::vector<int>, std::greater<int>> ready;
    for (int m : members)
        if (indegree[m] == 0)
            ready.push(m);
    order.reserve(qsizetype(members.size()));
    while (!ready.empty()) {
        const int m = ready.top();
        ready.pop();
        order.append(s.ids.at(m));
        for (int c : s.children[m])
            if (testBit(subset, c) && --indegree[c] == 0)
                ready.push(c);
    }
    // A cycle (a graph finding elsewhere) leaves members out: append them by id so nothing is lost.
    if (order.size() < qsizetype(members.size()))
        for (int m : members)
            if (indegree[m] > 0)
                order.append(s.ids.at(m));
    return order;
}

} // namespace passlane
