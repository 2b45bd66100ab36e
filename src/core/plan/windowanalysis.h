#pragma once

#include "common/problem.h"
#include "oob/deprecationproposal.h"
#include "common/sourceweight.h"
#include "oob/oobregistry.h"
#include "plan/upgradeplan.h"
#include "plan/versionindex.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace passlane {


/// One source version's path to the target, before and after the proposals.
struct WindowRow {
    Version source;
    qint64 instances = 1;
    QList<Stop> before;
    QList<Stop> after;
    QList<int> impossibleBefore; ///< OOB ids whose windows cannot be honoured
    QList<int> impossibleAfter;

    int addedStops() const { return int(after.size()) - int(before.size()); }
    bool becameImpossible() const;                 ///< an id is impossible after, not before
    bool changed() const;                          ///< stops or impossibility differ
};

/// Per proposal: what the release engineer asked and the earliest safe alternative.
struct ProposalAdvice {
    int id = 0;
    std::optional<MinorVersion> current;  ///< the registry's deprecation
    std::optional<MinorVersion> proposed;
    /// The earliest deprecation minor (after the introduction) that adds no stop and makes no
    /// path impossible for any listed source, compared with the same registry where this
    /// migration is never deprecated (other proposals applied): it rides on existing stops.
    /// When no known minor up to the target qualifies: the first minor after the target
    /// (`afterTarget`).
    std::optional<MinorVersion> earliestNoExtraStop;
    bool afterTarget = false;
    /// The earliest free minor is the very next one after the introduction, which the product's
    /// guidance advises against (instances get one minor to finish it).
    bool nextMinorAfterIntroduction = false;
};

/// The answer to "what if we move these deprecations?" for a set of source versions.
struct WindowReport {
    Version target;
    DeprecationProposals proposals;
    QList<WindowRow> rows;          ///< one per source version below the target, ascending
    qint64 totalInstances = 0;
    qint64 affectedInstances = 0;   ///< weighted rows whose stops or impossibility changed
    qint64 gainedStopInstances = 0; ///< weighted rows with more stops after
    qint64 impossibleInstances = 0; ///< weighted rows that became impossible
    QList<ProposalAdvice> advice;
    Problems problems;              ///< unknown proposal ids, CSV versions not among releases...
};

/// OOB deprecation window analysis for release engineers. Holds the VersionIndex; analyze()
/// only plans stops (no schema steps), so it is cheap enough to call on every GUI drag.
class WindowAnalysis {
public:
    explicit WindowAnalysis(VersionIndex index);

    const VersionIndex &versions() const { return m_index; }

    /// `sources` empty: every known release. `target` nullopt: the latest release.
    /// Sources at or above the target are skipped (a downgrade is not a window question).
    WindowReport analyze(const OobRegistry &registry, const DeprecationProposals &proposals,
                         const QList<SourceWeight> &sources = {},
                         std::optional<Version> target = std::nullopt) const;


private:
    VersionIndex m_index;
};

} // namespace passlane
