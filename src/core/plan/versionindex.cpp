#include "plan/versionindex.h"

#include <algorithm>

namespace passlane {

VersionIndex::VersionIndex(QList<Version> releases)
{
    std::sort(releases.begin(), releases.end());
    releases.erase(std::unique(releases.begin(), releases.end()), releases.end());
    m_releases = std::move(releases);
    for (const Version &v : std::as_const(m_releases)) {
        // Ascending order: the first release seen for a minor is its .0 or lowest patch.
        if (m_minors.isEmpty() || m_minors.last() != v.minorVersion()) {
            m_minors.append(v.minorVersion());
            m_representatives.append(v);
        }
    }
}

bool VersionIndex::contains(const Version &v) const
{
    return std::binary_search(m_releases.cbegin(), m_releases.cend(), v);
}

int VersionIndex::minorIndex(const MinorVersion &m) const
{
    auto it = std::lower_bound(m_minors.cbegin(), m_minors.cend(), m);
    return (it != m_minors.cend() && *it == m) ? int(it - m_minors.cbegin()) : -1;
}

bool VersionIndex::hasMinor(const MinorVersion &m) const
{
    return minorIndex(m) >= 0;
}

std::optional<Version> VersionIndex::representative(const MinorVersion &m) const
{
    const int i = minorIndex(m);
    if (i < 0)
        return std::nullopt;
    return m_representatives.at(i);
}

std::optional<MinorVersion> VersionIndex::nextMinor(const MinorVersion &m) const
{
    auto it = std::upper_bound(m_minors.cbegin(), m_minors.cend(), m);
    if (it == m_minors.cend())
        return std::nullopt;
    return *it;
}

std::optional<MinorVersion> VersionIndex::previousMinor(const MinorVersion &m) const
{
    auto it = std::lower_bound(m_minors.cbegin(), m_minors.cend(), m);
    if (it == m_minors.cbegin())
        return std::nullopt;
    return *(it - 1);
}

std::optional<MinorVersion> VersionIndex::firstMinorAtOrAfter(const MinorVersion &m) const
{
    auto it = std::lower_bound(m_minors.cbegin(), m_minors.cend(), m);
    if (it == m_minors.cend())
        return std::nullopt;
    return *it;
}

QList<MinorVersion> VersionIndex::minorsBetween(const MinorVersion &lo, const MinorVersion &hi) const
{
    QList<MinorVersion> out;
    if (hi < lo)
        return out;
    auto first = std::lower_bound(m_minors.cbegin(), m_minors.cend(), lo);
    auto last = std::upper_bound(m_minors.cbegin(), m_minors.cend(), hi);
    for (auto it = first; it != last; ++it)
        out.append(*it);
    return out;
}

} // namespace passlane
