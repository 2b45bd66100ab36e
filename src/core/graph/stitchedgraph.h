#pragma once

#include "common/finding.h"
#include "common/version.h"
#include "releases/release.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <optional>

namespace passlane {

/// Where one schema stands in one release: the graph's root and leaves, or not yet created.
struct SchemaBounds {
    qint64 rootId = 0;
    QList<qint64> leafIds; ///< sorted ascending
    bool preCreation = false; ///< the schema does not exist yet in this release
};

/// Edits of shipped migrations that the project accepts: the newer definition wins.
struct AcceptedEdit {
    QString schema;
    qint64 id = 0;
    Version release; ///< the release whose (edited) definition is accepted
};

/// The migration graph rebuilt across all releases ("unsquashed"): for each schema, every
/// definition ever shipped, and for each release the bounds of that schema. Built once from
/// releases in version order; afterwards read-only and safe to share between threads.
class StitchedGraph {
public:
    /// Stitches releases (any order; sorted by version internally). Edits of shipped
    /// migrations become `edited-migration` findings unless accepted.
    static StitchedGraph build(const QList<ReleasePtr> &releases,
                               const QList<AcceptedEdit> &accepted = {});

    QStringList schemas() const;                  ///< sorted
    QList<Version> versions() const;              ///< every stitched release, ascending
    bool hasVersion(const Version &v) const;

    /// Every definition of the schema, by id (first definer wins, unless an edit was accepted).
    const QMap<qint64, MigrationPtr> &definitions(const QString &schema) const;
    MigrationPtr definition(const QString &schema, qint64 id) const;

    /// The definition that `release` itself ships for the id, or, when that release no longer
    /// carries it (squashed away), the latest earlier release's. What that release's migrator runs.
    MigrationPtr shippedDefinition(const QString &schema, qint64 id, const Version &release) const;

    /// The first release (by version) that defines the id.
    std::optional<Version> introducedIn(const QString &schema, qint64 id) const;

    std::optional<SchemaBounds> bounds(const QString &schema, const Version &release) const;

    /// Ids reachable from `leaves` through parents, including the leaves themselves.
    QSet<qint64> ancestorClosure(const QString &schema, const QList<qint64> &leaves) const;
    /// closure(bounds(release).leafIds); empty when the schema is pre-creation there.
    QSet<qint64> appliedAt(const QString &schema, const Version &release) const;

    /// `subset` in the schema's apply order (applyOrder() over every definition: parents first).
    QList<qint64> topologicalOrder(const QString &schema, const QSet<qint64> &subset) const;

    /// Findings produced while stitching (edited-migration, and graph findings across releases).
    const Findings &findings() const { return m_findings; }

    /// How the export keys BoundsByRev: by minor ("v6.6.0", as the product's migrator looks
    /// bounds up), or by every release's own tag.
    enum class BoundsKeys { PerMinor, PerRelease };
    /// Export the product's migrator can read (its stitched-migration-graph.json): canonical SQL,
    /// IndexMetadata of concurrent-index migrations, definitions and leaves in apply order.
    /// PerMinor: a minor without a `.0` release is keyed with its lowest patch's bounds, and a
    /// `stitched-stand-in` finding naming that release is appended to `findings`.
    QByteArray toStitchedJson(BoundsKeys keys = BoundsKeys::PerMinor, Findings *findings = nullptr) const;

private:
    struct SchemaData {
        QMap<qint64, MigrationPtr> definitions;
        QMap<qint64, Version> introducedIn;
        QMap<Version, SchemaBounds> bounds;
        QMap<qint64, QList<qint64>> children;
        /// Per id: the releases that ship a definition, each with what they ship (for shippedDefinition).
        QMap<qint64, QMap<Version, MigrationPtr>> shipped;
    };
    QMap<QString, SchemaData> m_schemas;
    QList<Version> m_versions;
    Findings m_findings;
};

} // namespace passlane
