#pragma once

#include "executionbackend.h"
#include "pgconnection.h"
#include "releases/release.h"
#include "startstate.h"

#include <QList>

#include <functional>

namespace passlane {

/// Applies migration files to a PostgreSQL database the way the product's migrator does: the
/// whole up.sql in one transaction (one PQexec, never concatenated with other files), except
/// `createIndexConcurrently` migrations, whose statements run one by one outside a transaction.
/// Every attempt is logged in migration_logs with real timestamps.
class PostgresExecutor {
public:
    explicit PostgresExecutor(PgSession &session) : m_session(session) {}

    /// Polled while a migration's SQL runs; true cancels it (the server rolls the statement back).
    void setCancelCheck(std::function<bool()> canceled) { m_canceled = std::move(canceled); }

    /// CREATE TABLE IF NOT EXISTS migration_logs, as the migrator does on first contact.
    Status createBookkeeping();
    /// Applies one migration; privileged ones return Manual unless `superuser`. A cancel request
    /// while it runs gives Canceled, a broken connection ConnectionLost; neither writes a failed row
    /// for a transactional migration (the server rolled its row back with it).
    MigrationOutcome execute(const QString &schema, const Migration &m, bool up, bool outsideTransaction,
                             bool injectFailure, bool superuser);
    /// A fresh install of `release`'s own files for `schema` (squashed root first), logging each.
    /// Fails naming the migration and line when one fails.
    Result<QList<qint64>> install(const Release &release, const QString &schema, bool superuser,
                                  QList<ManualStep> *manual = nullptr);
    /// Records `ids` as backfilled (the stitched ancestors of a squashed root).
    Status backfill(const QString &schema, const QList<qint64> &ids);
    Result<QList<MigrationLogRow>> readLogs();

    /// Topological order of a release snapshot's own migrations (parents inside it first; ties by id).
    static QList<qint64> releaseOrder(const SchemaSnapshot &snapshot);

private:
    PgExecResult runStatements(const QByteArray &sql, int *line);
    int locateFailure(const QByteArray &sql);

    PgSession &m_session;
    std::function<bool()> m_canceled;
};

} // namespace passlane
