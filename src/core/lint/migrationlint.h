#pragma once

#include "common/finding.h"
#include "graph/stitchedgraph.h"
#include "plan/upgradeplan.h"
#include "releases/migration.h"

#include <QByteArray>
#include <QString>

namespace passlane {

/// Static lint of migration SQL; needs no database. Kinds (all warnings):
/// - `partial-commit`: COMMIT / COMMIT AND CHAIN / END before the last statement: the file
///   commits part-way, so a failure after it leaves a half-applied (non-atomic) migration;
/// - `lock-heavy-ddl`: DDL that takes a long ACCESS EXCLUSIVE / SHARE lock on a table the file
///   did not create (CREATE INDEX without CONCURRENTLY, ADD FOREIGN KEY/CHECK without NOT VALID,
///   ALTER COLUMN TYPE, SET NOT NULL, REINDEX without CONCURRENTLY, VACUUM FULL, CLUSTER);
/// - `not-null-without-default`: ADD COLUMN ... NOT NULL without DEFAULT (fails on any non-empty table).
class MigrationLint {
public:
    /// Lints the up.sql of `m`. `release` (optional) is copied into the findings.
    static Findings lint(const QString &schema, const Migration &m, const QString &release = {});
    /// Lints raw SQL for migration `id`; `file` names it in the findings.
    static Findings lintSql(const QString &schema, qint64 id, const QByteArray &sql,
                            const QString &file = {}, const QString &release = {});
    /// Every up migration a plan runs, with the definition its step's release ships (for plan
    /// reports: `passlane-cli plan` can add SimulationReport::lintSection(lintPlan(...))).
    static Findings lintPlan(const StitchedGraph &graph, const UpgradePlan &plan);
};

} // namespace passlane
