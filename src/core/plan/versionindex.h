#pragma once

#include "common/version.h"

#include <QList>

#include <optional>

namespace passlane {

/// Version arithmetic over the known releases: which minors exist, which release represents
/// each minor, the next and previous minor. Never a hard-coded table: 5.11 -> 6.0 and
/// 6.12 -> 7.0 come from the releases themselves.
class VersionIndex {
public:
    VersionIndex() = default;
    explicit VersionIndex(QList<Version> releases); ///< any order, duplicates ignored

    const QList<Version> &releases() const { return m_releases; } ///< ascending
    const QList<MinorVersion> &minors() const { return m_minors; } ///< ascending, each once
    bool contains(const Version &v) const;
    bool hasMinor(const MinorVersion &m) const;

    /// The release a stop at this minor runs: its .0, else its lowest known patch.
    std::optional<Version> representative(const MinorVersion &m) const;
    /// The next / previous known minor (strictly after / before `m`, which need not be known).
    std::optional<MinorVersion> nextMinor(const MinorVersion &m) const;
    std::optional<MinorVersion> previousMinor(const MinorVersion &m) const;
    /// The first known minor at or after `m`.
    std::optional<MinorVersion> firstMinorAtOrAfter(const MinorVersion &m) const;
    /// Known minors in [lo, hi], ascending.
    QList<MinorVersion> minorsBetween(const MinorVersion &lo, const MinorVersion &hi) const;
    /// Index of `m` in minors(), or -1.
    int minorIndex(const MinorVersion &m) const;

private:
    QList<Version> m_releases;
    QList<MinorVersion> m_minors;
    QList<Version> m_representatives; ///< parallel to m_minors
};

} // namespace passlane
