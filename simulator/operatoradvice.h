#pragma once

#include "simulation.h"
#include "startstate.h"

#include <QString>

namespace passlane {

/// The words an operator reads after a run stops (the product's dirty-database procedure).
class OperatorAdvice {
public:
    /// A schema migration failed mid-run: `nonAtomic` when it ran outside a transaction or
    /// commits part-way (PostgreSQL did not roll everything back).
    static ResumePlan failedMigration(const QString &schema, qint64 id, const QString &error, int line,
                                      bool nonAtomic, const QString &lastGood, const QStringList &remainingStops,
                                      const QList<qint64> &remaining, const QString &target);
    /// The connection broke while a migration ran: nothing failed in the SQL, and for an atomic
    /// migration the server rolled it back with its migration_logs row.
    static ResumePlan connectionLost(const QString &schema, qint64 id, const QString &error, bool nonAtomic,
                                     const QString &lastGood, const QStringList &remainingStops,
                                     const QList<qint64> &remaining, const QString &target);
    static ResumePlan failedOob(int oobId, const QString &lastGood, const QStringList &remainingStops,
                                const QString &target);
    static ResumePlan startupRefused(const QList<int> &oobIds, const QString &version, const QString &lastGood,
                                     const QString &target);
    /// The start state holds dirty or failed rows: nothing runs until they are repaired.
    static ResumePlan dirtyStart(const QList<MigrationLogRow> &rows, const QString &target);

    /// The plan as text (numbered steps, then the resume command).
    static QString toText(const ResumePlan &plan);
};

} // namespace passlane
