#include "releases/findingmerger.h"

#include <algorithm>

namespace passlane {

void FindingMerger::add(const Version &release, const KeyedFinding &kf)
{
    if (kf.key.isEmpty()) {
        m_plain.append(kf.finding);
        return;
    }
    auto it = m_groups.find(kf.key);
    if (it == m_groups.end()) {
        m_groups.insert(kf.key, Group{kf.finding, release, release, {release}});
        return;
    }
    Group &g = *it;
    g.releases.insert(release);
    if (release < g.firstVersion) {
        g.first = kf.finding;
        g.firstVersion = release;
    }
    if (release > g.lastVersion)
        g.lastVersion = release;
}

void FindingMerger::add(const Version &release, const QList<KeyedFinding> &kfs)
{
    for (const KeyedFinding &kf : kfs)
        add(release, kf);
}

Findings FindingMerger::result() const
{
    Findings out = m_plain;
    out.reserve(m_plain.size() + m_groups.size());
    for (const Group &g : m_groups) {
        Finding f = g.first;
        f.lastRelease = g.lastVersion.toString();
        f.releaseCount = int(g.releases.size());
        if (g.releases.size() > 1)
            f.message += QStringLiteral(" (carried by %1 releases, %2 to %3)")
                             .arg(g.releases.size())
                             .arg(g.firstVersion.toString(), g.lastVersion.toString());
        out.append(f);
    }
    sortFindings(out);
    return out;
}

void sortFindings(Findings &findings)
{
    auto versionOf = [](const QString &s) { return Version::parse(s).value_or(Version{}); };
    std::stable_sort(findings.begin(), findings.end(), [&](const Finding &a, const Finding &b) {
        const Version va = versionOf(a.release), vb = versionOf(b.release);
        if (va != vb)
            return va < vb;
        if (a.schema != b.schema)
            return a.schema < b.schema;
        if (a.id != b.id)
            return a.id.value_or(-1) < b.id.value_or(-1);
        if (a.kind != b.kind)
            return a.kind < b.kind;
        return a.file < b.file;
    });
}

} // namespace passlane
