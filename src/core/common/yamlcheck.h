#pragma once

#include <QString>

#include <optional>

namespace YAML { class Node; }

namespace passlane {

/// A key given twice in one YAML mapping. yaml-cpp keeps one of the two silently, so a file
/// that says `deprecated: 6.5` and later `deprecated: 7.0` would be read as one of them.
struct DuplicateYamlKey {
    QString key;
    int line = 0;      ///< 1-based line of the second occurrence
    int firstLine = 0; ///< 1-based line of the first

    /// "line 12: key 'x' is given twice (first on line 4)"
    QString message() const;
};

/// The first duplicated key in any mapping under `root`, in document order.
std::optional<DuplicateYamlKey> findDuplicateYamlKey(const YAML::Node &root);

/// "line N: " for a yaml-cpp mark line (0-based), or nothing when the mark is unknown (-1).
QString yamlLinePrefix(int zeroBasedLine);

} // namespace passlane
