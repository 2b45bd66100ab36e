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
        s.byRank.resize(size_t(n));
        for (int k = 0; k < n; ++k)
            s.byRank[size_t(k)] = k;
        std::stable_sort(s.byRank.begin(), s.byRank.end(), [&s](int a, int b) { return s.rank[size_t(a)] < s.rank[size_t(b)]; });
        for (const Version &v : versions) {
            s.closure.insert(v, toBits(s, graph.appliedAt(name, v)));
            IdBits below = empty(s);
            const auto b = graph.bounds(name, v);
            std::vector<int> stack;
            if (b && !b->preCreation) {
                for (qint64 id : b->leafIds) {
                    auto it = s.index.constFind(id);
                    if (it != s.index.cend())
                        stack.push_back(*it);
                }
            }
            while (!stack.empty()) {
                const int i = stack.back();
                stack.pop_back();
                for (int c : s.children[size_t(i)]) {
                    if (!testBit(below, c)) {
                        setBit(below, c);
                        stack.push_back(c);
                    }
                }
            }
            s.belowLeaves.insert(v, std::move(below));
        }
        m_empty.insert(name, empty(s));
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

const IdBits &PlannerCache::closureOf(const Schema &s, const Version &release) const
{
    const auto it = s.closure.constFind(release);
    return it != s.closure.cend() ? *it : *m_empty.constFind(s.name);
}

const IdBits &PlannerCache::belowLeavesOf(const Schema &s, const Version &release) const
{
    const auto it = s.belowLeaves.constFind(release);
    return it != s.belowLeaves.cend() ? *it : *m_empty.constFind(s.name);
}

QList<qint64> PlannerCache::topologicalOrder(const Schema &s, const IdBits &subset) const
{
    qsizetype count = 0;
    for (quint64 w : subset)
        count += __builtin_popcountll(w);
    QList<qint64> order;
    order.reserve(count);
    // A large subset: one walk of the schema's order beats sorting it.
    if (count * 8 > qsizetype(s.byRank.size())) {
        for (int i : s.byRank)
            if (testBit(subset, i))
                order.append(s.ids.at(i));
        return order;
    }
    std::vector<int> members;
    members.reserve(size_t(count));
    for (size_t w = 0; w < subset.size(); ++w) {
        quint64 word = subset[w];
        while (word) {
            const int bit = __builtin_ctzll(word);
            members.push_back(int(w * 64 + bit));
            word &= word - 1;
        }
    }
    std::stable_sort(members.begin(), members.end(), [&s](int a, int b) { return s.rank[size_t(a)] < s.rank[size_t(b)]; });
    for (int m : members)
        order.append(s.ids.at(m));
    return order;
}

} // namespace passlane
