#include "plan/windowanalysis.h"
#include "plan/stopplanner.h"

#include <algorithm>
#include <limits>

namespace passlane {

QString windowChangeName(WindowChange change)
{
    switch (change) {
    case WindowChange::GainsStop:
        return QStringLiteral("gains a stop");
    case WindowChange::LosesStop:
        return QStringLiteral("loses a stop");
    case WindowChange::StopMoves:
        return QStringLiteral("a stop moves");
    case WindowChange::Impossible:
        return QStringLiteral("impossible");
    case WindowChange::Reassigned:
        return QStringLiteral("reassigned");
    case WindowChange::Unchanged:
        break;
    }
    return QStringLiteral("unchanged");
}

QList<WindowChange> allWindowChanges()
{
    return {WindowChange::GainsStop, WindowChange::LosesStop, WindowChange::StopMoves,
            WindowChange::Impossible, WindowChange::Reassigned, WindowChange::Unchanged};
}

bool windowChangeAffects(WindowChange change)
{
    return change != WindowChange::Reassigned && change != WindowChange::Unchanged;
}

QString stopsText(const QList<Stop> &stops)
{
    if (stops.isEmpty())
        return QStringLiteral("none");
    QStringList parts;
    for (const Stop &s : stops) {
        QStringList ids;
        for (int id : s.oob)
            ids << QString::number(id);
        parts << s.release.toString() + QStringLiteral(" [") + ids.join(u',') + u']';
    }
    return parts.join(QStringLiteral(", "));
}

QString adviceCaveat(const ProposalAdvice &advice)
{
    QStringList parts;
    if (advice.afterTarget)
        parts << QStringLiteral("after the target");
    if (advice.nextMinorAfterIntroduction)
        parts << QStringLiteral("the minor right after its introduction: advised against; the minor after that "
                                "gives instances time to finish");
    return parts.join(QStringLiteral("; "));
}

QString earliestNoExtraStopText(const ProposalAdvice &advice)
{
    const QString minor = advice.earliestNoExtraStop ? advice.earliestNoExtraStop->toString() : QStringLiteral("never");
    const QString caveat = adviceCaveat(advice);
    return caveat.isEmpty() ? minor : minor + QStringLiteral(" (") + caveat + u')';
}

bool WindowRow::becameImpossible() const
{
    return std::any_of(impossibleAfter.cbegin(), impossibleAfter.cend(),
                       [this](int id) { return !impossibleBefore.contains(id); });
}

WindowChange WindowRow::change() const
{
    if (becameImpossible())
        return WindowChange::Impossible;
    if (after.size() > before.size())
        return WindowChange::GainsStop;
    if (after.size() < before.size())
        return WindowChange::LosesStop;
    for (qsizetype k = 0; k < before.size(); ++k)
        if (before.at(k).release != after.at(k).release)
            return WindowChange::StopMoves;
    if (before != after)
        return WindowChange::Reassigned;
    // Same stops, and no new impossible window: an impossible window was lifted, so the path
    // now plans where it could not, with one unmet requirement fewer.
    if (impossibleBefore != impossibleAfter)
        return WindowChange::LosesStop;
    return WindowChange::Unchanged;
}

WindowAnalysis::WindowAnalysis(VersionIndex index) : m_index(std::move(index)) {}

namespace {

/// Weighted totals saturate instead of wrapping (CustomersCsv already refuses totals that
/// overflow; other callers may pass any weights).
void addInstances(qint64 &total, qint64 n)
{
    if (__builtin_add_overflow(total, n, &total))
        total = std::numeric_limits<qint64>::max();
}

/// True when `candidate` adds no stop and no impossibility for any source, versus `baseline`.
bool noWorseThan(const QList<StopPlan> &baseline, const VersionIndex &index, const OobRegistry &candidate,
                 const QList<SourceWeight> &sources, const Version &target)
{
    for (qsizetype k = 0; k < sources.size(); ++k) {
        const StopPlan after = planStops(index, candidate, sources.at(k).version, target);
        const StopPlan &before = baseline.at(k);
        if (after.stops.size() > before.stops.size())
            return false;
        for (int id : after.impossible)
            if (!before.impossible.contains(id))
                return false;
    }
    return true;
}

} // namespace

WindowReport WindowAnalysis::analyze(const OobRegistry &registry, const DeprecationProposals &proposals,
                                     const QList<SourceWeight> &sourcesIn, std::optional<Version> targetIn) const
{
    WindowReport report;
    report.proposals = proposals;
    if (m_index.releases().isEmpty())
        return report;
    const Version target = targetIn.value_or(m_index.releases().last());
    report.target = target;

    QList<SourceWeight> sources;
    if (sourcesIn.isEmpty()) {
        for (const Version &v : m_index.releases())
            sources.append({v, 1});
    } else {
        for (const SourceWeight &s : sourcesIn) {
            if (!m_index.contains(s.version))
                report.problems.append(Problem::make(
                    Severity::Warning, QLatin1String("unknown-source-version"),
                    QStringLiteral("%1 is not among the loaded releases; planned with its minor's stops")
                        .arg(s.version.toString())));
            sources.append(s);
        }
        std::stable_sort(sources.begin(), sources.end(),
                         [](const SourceWeight &a, const SourceWeight &b) { return a.version < b.version; });
    }
    sources.erase(std::remove_if(sources.begin(), sources.end(),
                                 [&](const SourceWeight &s) { return !(s.version < target); }),
                  sources.end());

    for (const DeprecationProposal &p : proposals) {
        if (!registry.find(p.oobId)) {
            Problem problem = Problem::make(
                Severity::Warning, QLatin1String("unknown-oob-proposal"),
                QStringLiteral("OOB migration %1 is not in the registry; proposal ignored").arg(p.oobId));
            problem.oobIds = {p.oobId};
            report.problems.append(problem);
        }
    }

    const OobRegistry proposed = registry.withProposals(proposals);
    for (const SourceWeight &s : std::as_const(sources)) {
        const StopPlan before = planStops(m_index, registry, s.version, target);
        const StopPlan after = planStops(m_index, proposed, s.version, target);
        WindowRow row;
        row.source = s.version;
        row.instances = s.instances;
        row.before = before.stops;
        row.after = after.stops;
        row.impossibleBefore = before.impossible;
        row.impossibleAfter = after.impossible;
        std::sort(row.impossibleBefore.begin(), row.impossibleBefore.end());
        std::sort(row.impossibleAfter.begin(), row.impossibleAfter.end());
        addInstances(report.totalInstances, s.instances);
        const WindowChange change = row.change();
        addInstances(report.changeInstances[int(change)], s.instances);
        if (windowChangeAffects(change))
            addInstances(report.affectedInstances, s.instances);
        report.rows.append(row);
    }

    // Earliest deprecation per proposal that adds no stop of its own: compared with the same
    // registry where it is never deprecated (the other proposals held as proposed), so it rides
    // on the stops the other migrations already need.
    for (const DeprecationProposal &p : proposals) {
        const OobMigration *m = registry.find(p.oobId);
        if (!m)
            continue;
        const OobRegistry without = proposed.withDeprecation(p.oobId, std::nullopt);
        QList<StopPlan> free;
        free.reserve(sources.size());
        for (const SourceWeight &s : std::as_const(sources))
            free.append(planStops(m_index, without, s.version, target));
        ProposalAdvice advice;
        advice.id = p.oobId;
        advice.current = m->deprecated;
        advice.proposed = p.deprecated;
        QList<MinorVersion> candidates = m_index.minorsBetween(m->introduced, target.minorVersion());
        candidates.removeAll(m->introduced);
        for (const MinorVersion &d : std::as_const(candidates)) {
            if (noWorseThan(free, m_index, proposed.withDeprecation(p.oobId, d), sources, target)) {
                advice.earliestNoExtraStop = d;
                break;
            }
        }
        advice.nextMinorAfterIntroduction =
            advice.earliestNoExtraStop && m_index.nextMinor(m->introduced) == advice.earliestNoExtraStop;
        if (!advice.earliestNoExtraStop) {
            // Past the target no listed path crosses the deprecation.
            advice.earliestNoExtraStop = m_index.nextMinor(target.minorVersion())
                                             .value_or(MinorVersion{target.major, target.minor + 1});
            advice.afterTarget = true;
        }
        report.advice.append(advice);
    }
    return report;
}

} // namespace passlane
