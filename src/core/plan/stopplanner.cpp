#include "plan/stopplanner.h"

#include <algorithm>

namespace passlane {

namespace {

struct Window {
    int id = 0;
    MinorVersion lo; ///< first minor the stop may sit at
    MinorVersion hi; ///< last minor the stop may sit at
};

QString oobLabel(const OobMigration &m)
{
    return QStringLiteral("OOB migration %1").arg(m.id);
}

/// Appends a problem about one OOB migration.
void addProblem(StopPlan &out, Severity severity, QLatin1String kind, const OobMigration &m, const QString &message,
                Audience audience = Audience::Customer)
{
    Problem p = Problem::make(severity, kind, message);
    p.audience = audience;
    p.oobIds = {m.id};
    out.problems.append(p);
}

Version stopRelease(const VersionIndex &index, const Version &from, const MinorVersion &minor)
{
    if (minor == from.minorVersion())
        return from;
    return index.representative(minor).value_or(Version{minor.major, minor.minor, 0});
}

void upgradeWindows(const VersionIndex &index, const OobRegistry &registry, const Version &from,
                    const Version &to, StopPlan &out, QList<Window> &windows)
{
    const MinorVersion f = from.minorVersion();
    const MinorVersion t = to.minorVersion();
    for (const OobMigration &m : registry.migrations()) {
        if (!m.deprecated)
            continue;
        const MinorVersion d = *m.deprecated;
        if (!(f < d && d <= t))
            continue;
        if (d <= m.introduced) {
            addProblem(out, Severity::Error, QLatin1String("oob-invalid-window"), m,
                       QStringLiteral("%1 is deprecated at %2, at or before its introduction (%3): no "
                                      "release runs it, so it can never complete")
                           .arg(oobLabel(m), d.toString(), m.introduced.toString()));
            out.impossible << m.id;
            continue;
        }
        const auto prev = index.previousMinor(d);
        const MinorVersion lo = std::max(m.introduced, f);
        if (!prev || *prev < lo || index.minorsBetween(lo, *prev).isEmpty()) {
            addProblem(out, Severity::Error, QLatin1String("oob-window-impossible"), m,
                       QStringLiteral("%1 (introduced %2, deprecated %3): no known release lies inside "
                                      "its window, so no stop between %4 and %5 can complete it")
                           .arg(oobLabel(m), m.introduced.toString(), d.toString(), from.toString(),
                                to.toString()));
            out.impossible << m.id;
            continue;
        }
        if (!index.hasMinor(d)) {
            addProblem(out, Severity::Warning, QLatin1String("oob-deprecated-unshipped"), m,
                       QStringLiteral("%1 is deprecated at %2, a version that never shipped; the planner "
                                      "uses %3 (release %4), the last minor before it, as its last stop")
                           .arg(oobLabel(m), d.toString(), prev->toString(),
                                stopRelease(index, from, *prev).toString()));
        }
        if (index.nextMinor(m.introduced) == d) {
            // Advice about how the release was cut: the customer cannot act on it.
            addProblem(out, Severity::Warning, QLatin1String("oob-next-minor-deprecation"), m,
                       QStringLiteral("%1 is deprecated at %2, the very next minor after its introduction "
                                      "(%3): instances get a single minor to finish it, which the "
                                      "product's own guidance advises against")
                           .arg(oobLabel(m), d.toString(), m.introduced.toString()),
                       Audience::ReleaseTeam);
        }
        windows.append({m.id, *index.firstMinorAtOrAfter(lo), *prev});
    }
}

void downgradeWindows(const VersionIndex &index, const OobRegistry &registry, const Version &from,
                      const Version &to, StopPlan &out, QList<Window> &windows)
{
    const MinorVersion f = from.minorVersion();
    const MinorVersion t = to.minorVersion();
    for (const OobMigration &m : registry.migrations()) {
        const MinorVersion i = m.introduced;
        if (m.nonDestructive || !(t < i && i <= f))
            continue; // non-destructive data stays readable by older releases: no revert
        if (m.deprecated && *m.deprecated <= i) {
            addProblem(out, Severity::Error, QLatin1String("oob-invalid-window"), m,
                       QStringLiteral("%1 is deprecated at %2, at or before its introduction (%3): no "
                                      "release can revert it")
                           .arg(oobLabel(m), m.deprecated->toString(), i.toString()));
            out.impossible << m.id;
            continue;
        }
        MinorVersion hi = f;
        if (m.deprecated) {
            // Releases from the deprecation on no longer carry the migrator: revert before it.
            const auto prev = index.previousMinor(*m.deprecated);
            if (!prev || *prev < hi)
                hi = prev.value_or(MinorVersion{});
        }
        const auto first = index.firstMinorAtOrAfter(i);
        if (!first || hi < *first) {
            addProblem(out, Severity::Error, QLatin1String("oob-window-impossible"), m,
                       QStringLiteral("%1 (introduced %2) must be fully reverted before %3 but no known "
                                      "release between %2 and %4 still runs it")
                           .arg(oobLabel(m), i.toString(), to.toString(), hi.toString()));
            out.impossible << m.id;
            continue;
        }
        windows.append({m.id, *first, hi});
    }
}

} // namespace

PairKind classifyPair(const VersionIndex &index, const Version &from, const Version &to)
{
    if (from == to)
        return PairKind::Same;
    if (to < from)
        return PairKind::Downgrade;
    if (from.minorVersion() == to.minorVersion())
        return PairKind::Patch;
    if (index.nextMinor(from.minorVersion()) == to.minorVersion())
        return PairKind::Standard;
    return PairKind::MultiVersion;
}

StopPlan planStops(const VersionIndex &index, const OobRegistry &registry, const Version &from,
                   const Version &to)
{
    StopPlan out;
    out.kind = classifyPair(index, from, to);
    if (out.kind == PairKind::Same)
        return out;
    const bool down = out.kind == PairKind::Downgrade;
    QList<Window> windows;
    if (down)
        downgradeWindows(index, registry, from, to, out, windows);
    else
        upgradeWindows(index, registry, from, to, out, windows);
    if (windows.isEmpty())
        return out;

    // Greedy interval point cover. Upgrades: by end ascending, stop at the end. Downgrades walk
    // the other way: by start descending, stop at the start.
    std::sort(windows.begin(), windows.end(), [down](const Window &a, const Window &b) {
        if (down)
            return a.lo != b.lo ? b.lo < a.lo : a.id < b.id;
        return a.hi != b.hi ? a.hi < b.hi : a.id < b.id;
    });
    QList<MinorVersion> minors;
    for (const Window &w : std::as_const(windows)) {
        const bool covered = std::any_of(minors.cbegin(), minors.cend(), [&](const MinorVersion &s) {
            return w.lo <= s && s <= w.hi;
        });
        if (!covered)
            minors.append(down ? w.lo : w.hi);
    }
    // Travel order: ascending for upgrades, descending for downgrades.
    std::sort(minors.begin(), minors.end());
    if (down)
        std::reverse(minors.begin(), minors.end());
    for (const MinorVersion &minor : std::as_const(minors)) {
        Stop s;
        s.minor = minor;
        s.release = stopRelease(index, from, minor);
        s.atSource = minor == from.minorVersion();
        out.stops.append(s);
    }
    // Each migration goes to the last stop (in travel order) inside its window: the latest
    // moment it must be done, which leaves it the most time to run.
    for (const Window &w : std::as_const(windows)) {
        for (qsizetype k = out.stops.size() - 1; k >= 0; --k) {
            const MinorVersion s = out.stops.at(k).minor;
            if (w.lo <= s && s <= w.hi) {
                out.stops[k].oob.append(w.id);
                break;
            }
        }
    }
    for (Stop &s : out.stops)
        std::sort(s.oob.begin(), s.oob.end());
    return out;
}

QList<Version> standardPath(const VersionIndex &index, const Version &from, const Version &to)
{
    QList<Version> path;
    if (from == to)
        return path;
    const MinorVersion f = from.minorVersion();
    const MinorVersion t = to.minorVersion();
    if (f != t) {
        QList<MinorVersion> between = to < from ? index.minorsBetween(t, f) : index.minorsBetween(f, t);
        between.removeAll(f);
        between.removeAll(t);
        if (to < from)
            std::reverse(between.begin(), between.end());
        for (const MinorVersion &m : std::as_const(between))
            path.append(*index.representative(m));
    }
    path.append(to);
    return path;
}

} // namespace passlane
