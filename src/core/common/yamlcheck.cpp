#include "common/yamlcheck.h"

#include <QHash>

#include <yaml-cpp/yaml.h>

namespace passlane {

QString DuplicateYamlKey::message() const
{
    return QStringLiteral("line %1: key '%2' is given twice (first on line %3)").arg(line).arg(key).arg(firstLine);
}

namespace {

// Depth-first with bounds: aliases can make a node graph that is visited exponentially often
// ("billion laughs"); a real file has far fewer nodes than the budget.
std::optional<DuplicateYamlKey> walk(const YAML::Node &node, int depth, qint64 &budget)
{
    if (depth > 256 || --budget < 0)
        return std::nullopt;
    if (node.IsMap()) {
        QHash<QString, int> seen;
        for (const auto &kv : node) {
            if (kv.first.IsScalar()) {
                const QString key = QString::fromStdString(kv.first.Scalar());
                const int line = kv.first.Mark().line + 1;
                const auto it = seen.constFind(key);
                if (it != seen.cend())
                    return DuplicateYamlKey{key, line, *it};
                seen.insert(key, line);
            }
            if (auto d = walk(kv.second, depth + 1, budget))
                return d;
        }
    } else if (node.IsSequence()) {
        for (const auto &item : node)
            if (auto d = walk(item, depth + 1, budget))
                return d;
    }
    return std::nullopt;
}

} // namespace

std::optional<DuplicateYamlKey> findDuplicateYamlKey(const YAML::Node &root)
{
    qint64 budget = 4000000;
    return walk(root, 0, budget);
}

QString yamlLinePrefix(int zeroBasedLine)
{
    return zeroBasedLine >= 0 ? QStringLiteral("line %1: ").arg(zeroBasedLine + 1) : QString();
}

} // namespace passlane
