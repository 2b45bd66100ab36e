#pragma once

#include "common/version.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QSet>
#include <QString>

#include <functional>

namespace passlane {

class Planner;
struct UpgradePlan;

/// One way the product's own `migrator` would do something other than Passlane's plan, with
/// what it means for the instance. Kinds (docs/migrator.md):
/// - `version-table`, `missing-release`, `patch-pair`, `panic`: the migrator cannot plan the
///   pair at all (`blocking`);
/// - `oob-at-deprecation`, `oob-stop`, `oob-not-reverted`, `oob-extra-revert`: OOB scheduling;
/// - `drift`: migrations its downgrade leaves applied (`sql`: their down.sql to run by hand);
/// - `target-release`: it moves to the minor's `.0`, not to the patch release asked for;
/// - `order`: the same migrations in another order.
struct MigratorDifference {
    QString kind;
    bool blocking = false;
    QString message;      ///< the consequence, in plain words
    QString schema;       ///< schema migrations: the schema they belong to
    QList<qint64> ids;    ///< schema migration ids
    QList<int> oob;       ///< OOB migration ids
    QString sql;          ///< drift: the down.sql of `ids`, children first, to run by hand

    bool operator==(const MigratorDifference &) const = default;
};

/// One step of the product's multi-version plan: it moves every schema to the leaves that it
/// looks up under `tag` (always `vX.Y.0`), then waits for `oob`.
struct MigratorStep {
    QString tag;              ///< the bounds key the product looks up: "v6.5.0"
    Version release;          ///< the release whose bounds answer it (the `.0`, or the stand-in)
    bool down = false;
    bool isTarget = false;
    QMap<QString, QList<qint64>> schemas; ///< per schema, in the order it runs them
    QList<int> oob;

    bool operator==(const MigratorStep &) const = default;
};

/// What the product's `migrator upgrade`/`downgrade` would do for one pair and registry, per
/// its public code, and each difference from Passlane's plan. When a blocking difference stops
/// it, the steps and the other differences are what it would do once that is fixed (a `.0`
/// stand-in, a complete last-minor table).
struct ProductMigratorView {
    QList<MigratorStep> steps;
    QList<MigratorDifference> differences;

    bool canPlan() const;                                   ///< no blocking difference
    bool noDifference() const { return differences.isEmpty(); }
    bool operator==(const ProductMigratorView &) const = default;
};

/// The product's version lookups (its last-minor table, the `.0` tags of a range) depend on the
/// releases and the pair of minors only. A planner keeps one memo, so that the differences they
/// give are worked out once per pair of minors, not once per pair of releases. Thread-safe.
class ProductLookupMemo {
public:
    QList<MigratorDifference> differences(const MinorVersion &from, const MinorVersion &to,
                                          const std::function<QList<MigratorDifference>()> &compute);

private:
    QMutex m_mutex;
    QHash<std::pair<MinorVersion, MinorVersion>, QList<MigratorDifference>> m_memo;
};

/// The product migrator's view of `plan` (made by `planner`). `applied`: the instance's real
/// applied sets when the plan was made from them (PlanOptions::applied); null: `from`'s closure.
ProductMigratorView productMigratorView(const Planner &planner, const UpgradePlan &plan,
                                        const QMap<QString, QSet<qint64>> *applied = nullptr);

} // namespace passlane
