#pragma once

#include "common/problem.h"
#include "common/version.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace passlane {

/// How a from -> to pair relates (classification by version numbers and the known minors).
enum class PairKind {
    Same,         ///< from == to
    Patch,        ///< same minor, higher patch
    Standard,     ///< the target minor is the next known minor (any patch to any patch)
    MultiVersion, ///< crosses more than one minor: needs stops or successive standard upgrades
    Downgrade,    ///< to < from
};

QString pairKindName(PairKind kind); ///< "same", "patch", "standard", "multi-version", "downgrade"
std::optional<PairKind> pairKindFromName(QStringView name);

/// Where an instance must pause so that OOB migrations complete (upgrades) or fully revert
/// (downgrades) before it moves on.
struct Stop {
    Version release;       ///< what the instance runs while it waits (the minor's representative, or `from`)
    MinorVersion minor;    ///< release.minorVersion()
    QList<int> oob;        ///< OOB ids that must reach 100% here (upgrade) or 0% via apply_reverse (downgrade)
    bool atSource = false; ///< the stop is the source itself: wait before leaving, nothing to migrate first

    bool operator==(const Stop &) const = default;
};

/// A migration an operator without superuser must run by hand (privileged) before the step.
struct ManualStep {
    QString schema;
    qint64 id = 0;
    QString reason; ///< "privileged"
    QString sql;    ///< the up.sql (upgrade) or down.sql (downgrade) the release ships

    bool operator==(const ManualStep &) const = default;
};

/// One move of the instance: to a stop's release, or to the target.
struct PlanStep {
    Version release;
    bool down = false;     ///< true: `schemas` lists down migrations in reverse topological order
    bool isTarget = false; ///< the last step (the target release); otherwise a stop
    /// Per schema, the migrations to run in order (parents first for up, children first for down).
    QMap<QString, QList<qint64>> schemas;
    /// Per schema, ids among `schemas` that must run outside a transaction: CREATE INDEX
    /// CONCURRENTLY (metadata flag) for up steps, a down.sql using CONCURRENTLY for down steps.
    QMap<QString, QList<qint64>> outsideTransaction;
    QList<ManualStep> manual;
    QList<int> oob; ///< OOB ids to complete (or revert, when `down`) at this release before moving on

    /// Total migrations in the step across schemas.
    qsizetype migrationCount() const;
};

struct ProductMigratorView; // plan/productmigrator.h

/// The answer for one from -> to pair. An error-level problem means the pair cannot be honoured
/// as planned (the steps are still filled in as far as they go).
struct UpgradePlan {
    Version from;
    Version to;
    PairKind kind = PairKind::Same;
    QList<Stop> stops;
    QList<PlanStep> steps;        ///< one per stop (in order), then the target
    /// The alternative without stops: successive standard upgrades, one release per minor
    /// (each minor's representative, ending with `to`). hops == standardPath.size().
    QList<Version> standardPath;
    int hops = 0;
    Problems problems;            ///< errors (windows that cannot be honoured) and warnings, in order
    QList<int> impossibleOob; ///< OOB ids whose windows cannot be honoured for this pair (see problems)
    /// Per schema, migrations applied at the source that the target release does not contain
    /// (a release ahead of its version number, or a downgrade in content).
    QMap<QString, QList<qint64>> appliedNotInTarget;
    /// What the product's own migrator would do for this pair, and how that differs
    /// (PlanOptions::productView; null when not asked for).
    std::shared_ptr<const ProductMigratorView> productMigrator;

    bool ok() const { return !hasErrors(problems); }
    /// True when the source holds applied migrations the target lacks.
    bool isContentDowngrade() const { return !appliedNotInTarget.isEmpty(); }
};

} // namespace passlane
