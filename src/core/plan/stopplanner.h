#pragma once

#include "oob/oobregistry.h"
#include "plan/upgradeplan.h"
#include "plan/versionindex.h"

#include <QList>
#include <QStringList>

namespace passlane {

/// The OOB side of a plan, without schema steps: what the window analysis needs on every drag.
struct StopPlan {
    PairKind kind = PairKind::Same;
    QList<Stop> stops;
    Problems problems;
    QList<int> impossible; ///< OOB ids whose windows cannot be honoured for this pair
};

/// Classifies a pair by version numbers and the known minors (see PairKind).
PairKind classifyPair(const VersionIndex &index, const Version &from, const Version &to);

/// Minimal stops for a pair.
///
/// Upgrades: every OOB migration deprecated at d with from.minor < d <= to.minor opens a window
/// [max(introduced, from.minor), last known minor before d]. Windows sorted by their end; each
/// window not yet covered adds a stop at its end (greedy interval cover: minimal). Each migration
/// is then assigned to the latest stop inside its window. A stop at from's own minor is a stop
/// (`atSource`: the instance waits at `from` before leaving); its release is `from` itself. Other
/// stops run the minor's representative release.
///
/// Downgrades mirror this: a destructive migration introduced at i with to.minor < i <= from.minor
/// must be reverted at a minor in [i, min(from.minor, last minor before its deprecation)];
/// windows sorted by their start, descending, each uncovered one adds a stop at its start;
/// non-destructive migrations need no revert.
StopPlan planStops(const VersionIndex &index, const OobRegistry &registry, const Version &from,
                   const Version &to);

/// The alternative path without stops: one standard hop per minor (representatives, then `to`).
QList<Version> standardPath(const VersionIndex &index, const Version &from, const Version &to);

} // namespace passlane
