#include "graph/applyorder.h"

#include <QHash>

#include <algorithm>
#include <functional>
#include <utility>
#include <vector>

namespace passlane {

QList<qint64> applyOrder(const QMap<qint64, QList<qint64>> &parents)
{
    const QList<qint64> ids = parents.keys(); // ascending
    const int n = int(ids.size());
    QHash<qint64, int> index;
    index.reserve(n);
    for (int i = 0; i < n; ++i)
        index.insert(ids.at(i), i);
    std::vector<std::vector<int>> children(static_cast<size_t>(n));
    std::vector<int> roots;
    int i = 0;
    for (auto it = parents.cbegin(); it != parents.cend(); ++it, ++i) {
        bool hasParent = false;
        for (qint64 p : it.value()) {
            auto pi = index.constFind(p);
            if (pi == index.cend() || *pi == i)
                continue;
            children[size_t(*pi)].push_back(i);
            hasParent = true;
        }
        if (!hasParent)
            roots.push_back(i);
    }
    // Dense indices follow ascending ids, so sorting them descending sorts ids descending.
    for (auto &c : children)
        std::sort(c.begin(), c.end(), std::greater<int>());
    std::sort(roots.begin(), roots.end(), std::greater<int>());

    // Iterative post-order walk: (node, next child position).
    std::vector<char> state(static_cast<size_t>(n), 0); // 0 new, 1 on the stack, 2 recorded
    std::vector<int> post;
    post.reserve(size_t(n));
    std::vector<std::pair<int, size_t>> stack;
    for (int root : roots) {
        if (state[size_t(root)])
            continue;
        state[size_t(root)] = 1;
        stack.push_back({root, 0});
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            const auto &kids = children[size_t(node)];
            if (next < kids.size()) {
                const int child = kids[next++];
                if (state[size_t(child)] == 0) {
                    state[size_t(child)] = 1;
                    stack.push_back({child, 0});
                }
                continue;
            }
            state[size_t(node)] = 2;
            post.push_back(node);
            stack.pop_back();
        }
    }
    QList<qint64> order;
    order.reserve(n);
    for (auto it = post.crbegin(); it != post.crend(); ++it)
        order.append(ids.at(*it));
    for (int k = 0; k < n; ++k)
        if (!state[size_t(k)])
            order.append(ids.at(k));
    return order;
}

} // namespace passlane
