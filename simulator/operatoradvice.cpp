#include "operatoradvice.h"

namespace passlane {

namespace {

QString numbered(const QStringList &steps)
{
    QStringList lines;
    for (qsizetype i = 0; i < steps.size(); ++i)
        lines << QStringLiteral("%1. %2").arg(i + 1).arg(steps.at(i));
    return lines.join(u'\n');
}

QString resumeCommand(const QString &lastGood, const QString &target)
{
    return QStringLiteral("migrator upgrade --from=v%1 --to=v%2").arg(lastGood, target);
}

/// Where a run that stopped in `schema` migration `id` stands, and the command that resumes it.
ResumePlan resumeAfter(const QString &schema, qint64 id, const QString &lastGood, const QStringList &remainingStops,
                       const QList<qint64> &remaining, const QString &target)
{
    ResumePlan p;
    p.schema = schema;
    p.migrationId = id;
    p.lastGoodVersion = lastGood;
    p.failedAtVersion = remainingStops.value(0);
    p.remainingStops = remainingStops;
    p.remainingMigrations = remaining;
    p.command = resumeCommand(lastGood, target);
    return p;
}

} // namespace

ResumePlan OperatorAdvice::failedMigration(const QString &schema, qint64 id, const QString &error, int line,
                                           bool nonAtomic, const QString &lastGood, const QStringList &remainingStops,
                                           const QList<qint64> &remaining, const QString &target)
{
    ResumePlan p = resumeAfter(schema, id, lastGood, remainingStops, remaining, target);
    const QString where = line > 0 ? QStringLiteral(" at line %1 of its up.sql").arg(line) : QString();
    p.operatorSteps << QStringLiteral("Do not start the new version: the %1 database is dirty (migration_logs holds a "
                                      "failed attempt of %2).").arg(schema).arg(id)
                    << QStringLiteral("Find out what made migration %1 fail%2: %3").arg(id).arg(where, error)
                    << (nonAtomic
                            ? QStringLiteral("Migration %1 is not atomic (it runs outside a transaction or commits "
                                             "part-way): compare the schema with its up.sql and undo or complete its "
                                             "partial changes by hand (e.g. drop an INVALID index left by CREATE INDEX "
                                             "CONCURRENTLY) so the schema matches the last successful migration.").arg(id)
                            : QStringLiteral("Migration %1 ran in one transaction, which PostgreSQL rolled back: the "
                                             "schema still matches the last successful migration; fix the cause (data "
                                             "or a manual change that conflicts with it).").arg(id))
                    << QStringLiteral("Either apply migration %1 by hand and record it (`migrator add-log -db=%2 "
                                      "-version=%1`), or delete its failed migration_logs row so the migrator retries it.")
                           .arg(id).arg(schema)
                    << QStringLiteral("Resume: `%1`; it skips everything migration_logs records as applied and "
                                      "continues at %2 with %3 migration(s) left in %4.")
                           .arg(p.command, p.failedAtVersion).arg(remaining.size()).arg(schema);
    return p;
}

ResumePlan OperatorAdvice::connectionLost(const QString &schema, qint64 id, const QString &error, bool nonAtomic,
                                          const QString &lastGood, const QStringList &remainingStops,
                                          const QList<qint64> &remaining, const QString &target)
{
    ResumePlan p = resumeAfter(schema, id, lastGood, remainingStops, remaining, target);
    p.operatorSteps << QStringLiteral("The connection to the server was lost: %1.").arg(error)
                    << QStringLiteral("Find out why (the server log says whether the session was terminated, the "
                                      "server restarted or the network failed); this is not an error in migration %1.")
                           .arg(id)
                    << (nonAtomic
                            ? QStringLiteral("Migration %1 runs outside a transaction: treat the %2 database as dirty, "
                                             "complete or undo its committed statements by hand, then fix its "
                                             "unfinished migration_logs row.").arg(id).arg(schema)
                            : QStringLiteral("Nothing is left to repair: run again; `%1` retries migration %2.")
                                  .arg(p.command).arg(id));
    return p;
}

ResumePlan OperatorAdvice::failedOob(int oobId, const QString &lastGood, const QStringList &remainingStops,
                                     const QString &target)
{
    ResumePlan p;
    p.oobId = oobId;
    p.lastGoodVersion = lastGood;
    p.failedAtVersion = remainingStops.value(0);
    p.remainingStops = remainingStops;
    p.command = resumeCommand(p.failedAtVersion.isEmpty() ? lastGood : p.failedAtVersion, target);
    p.operatorSteps << QStringLiteral("The schema is consistent at %1; the out-of-band migration %2 stopped with an error "
                                      "(see out_of_band_migration_errors and Site admin > Migrations).")
                           .arg(p.failedAtVersion).arg(oobId)
                    << QStringLiteral("Fix the cause (usually rows the migrator cannot convert), then let it continue: "
                                      "the instance may run %1 meanwhile.").arg(p.failedAtVersion)
                    << QStringLiteral("Do not move past %1 until out-of-band migration %2 reports 100%.")
                           .arg(remainingStops.value(1, target)).arg(oobId)
                    << QStringLiteral("Resume: `%1`.").arg(p.command);
    return p;
}

ResumePlan OperatorAdvice::startupRefused(const QList<int> &oobIds, const QString &version, const QString &lastGood,
                                          const QString &target)
{
    ResumePlan p;
    p.lastGoodVersion = lastGood;
    p.failedAtVersion = version;
    p.oobId = oobIds.value(0);
    QStringList ids;
    for (int id : oobIds)
        ids << QString::number(id);
    p.command = resumeCommand(lastGood, target);
    p.operatorSteps << QStringLiteral("The instance refuses to start at %1: out-of-band migration(s) %2 are deprecated "
                                      "there and incomplete.").arg(version, ids.join(QStringLiteral(", ")))
                    << QStringLiteral("Roll back to %1 (the schema migrations are backward compatible) and let the "
                                      "out-of-band migrations reach 100%, or plan a stop where they run.").arg(lastGood)
                    << QStringLiteral("Resume: `%1`.").arg(p.command);
    return p;
}

ResumePlan OperatorAdvice::dirtyStart(const QList<MigrationLogRow> &rows, const QString &target)
{
    ResumePlan p;
    if (!rows.isEmpty()) {
        p.schema = rows.first().schema;
        p.migrationId = rows.first().version;
    }
    for (const MigrationLogRow &r : rows) {
        p.operatorSteps << QStringLiteral("%1 migration %2 is %3: find out what made it fail%4, make the %1 schema "
                                          "consistent with the last migration that succeeded, then either apply it by "
                                          "hand and record it (`migrator add-log -db=%1 -version=%2`) or delete the "
                                          "failed migration_logs row.")
                               .arg(r.schema)
                               .arg(r.version)
                               .arg(r.success ? QStringLiteral("failed") : QStringLiteral("dirty (never finished)"),
                                    r.errorMessage.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.errorMessage));
    }
    p.command = QStringLiteral("migrator upgrade --to=v%1").arg(target);
    p.operatorSteps << QStringLiteral("Export migration_logs and out_of_band_migrations again and re-run the simulation; "
                                      "then `%1`.").arg(p.command);
    return p;
}

QString OperatorAdvice::toText(const ResumePlan &plan)
{
    return numbered(plan.operatorSteps);
}

} // namespace passlane
