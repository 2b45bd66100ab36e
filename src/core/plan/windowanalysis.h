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

/// What the proposals do to one source version's path, by its stops before and after. Exactly
/// one per row; the first four count as affected (the instances must plan differently).
enum class WindowChange {
    GainsStop,  ///< more stops after
    LosesStop,  ///< fewer stops after (or a window it could not honour is gone, same stops)
    StopMoves,  ///< as many stops, at other releases
    Impossible, ///< an OOB window that could be honoured before cannot be after
    Reassigned, ///< the same stop releases, other OOB ids completing at them
    Unchanged,
};

/// "gains a stop", "loses a stop", "a stop moves", "impossible", "reassigned", "unchanged":
/// the label in every report, the CLI, the GUI and the JSON.
QString windowChangeName(WindowChange change);

/// Every WindowChange, in the order above (reports list counts in this order).
QList<WindowChange> allWindowChanges();

/// True for the changes that alter what the instances must do: gains, loses, moves, impossible.
bool windowChangeAffects(WindowChange change);

/// "5.11.0 [21,22,25], 6.5.0 [26,28]", or "none": each stop's release and the OOB ids that
/// complete there, as the CLI, the reports and the GUI table all show them.
QString stopsText(const QList<Stop> &stops);

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
    WindowChange change() const;
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

/// The caveat that goes with `advice.earliestNoExtraStop` wherever it is shown: "after the
/// target" and/or the advice against the minor right after the introduction; empty when none.
QString adviceCaveat(const ProposalAdvice &advice);

/// The earliest free deprecation with its caveat in parentheses: "5.10 (…)", "never" when none.
QString earliestNoExtraStopText(const ProposalAdvice &advice);

/// The answer to "what if we move these deprecations?" for a set of source versions.
struct WindowReport {
    Version target;
    DeprecationProposals proposals;
    QList<WindowRow> rows;          ///< one per source version below the target, ascending
    qint64 totalInstances = 0;
    /// Weighted rows whose change affects the instances: the sum over windowChangeAffects().
    qint64 affectedInstances = 0;
    /// Weighted rows per WindowChange, indexed by the enum (every class, zeros included).
    QList<qint64> changeInstances = QList<qint64>(allWindowChanges().size(), 0);
    qint64 instancesWith(WindowChange change) const { return changeInstances.value(int(change)); }
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
