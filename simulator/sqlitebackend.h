#pragma once

#include "catalog/catalog.h"
#include "executionbackend.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>

namespace passlane {

/// The default backend: the bookkeeping tables in an in-memory SQLite database (QSQLITE,
/// ":memory:", one uniquely named connection per run, so runs may proceed in parallel threads).
/// Schema migrations are logged, not executed; each takes its estimate (`migrationMs`), else
/// `schemaMigrationMs`, of simulated time.
class SqliteBackend : public ExecutionBackend {
public:
    SqliteBackend(const Catalog &catalog, const SimulationRequest &request);
    ~SqliteBackend() override;

    Result<StartState> prepare(const std::optional<StartState> &requested, const Version &from,
                               const QStringList &schemas, double oobProgress, const QDateTime &clockStart) override;
    MigrationOutcome apply(const MigrationRun &run) override;
    void recordOob(const OobRow &row, qint64 clockMs) override;
    void recordVersion(const VersionRow &row) override;
    Status finish(SimulationResult &result) override;

    /// The run's connection name (tests inspect the tables through it before finish()).
    QString connectionName() const { return m_name; }

private:
    Status insertLog(const MigrationLogRow &row);

    const Catalog &m_catalog;
    const SimulationRequest &m_request;
    QString m_name;
    QDateTime m_clockStart;
    std::unique_ptr<QSqlQuery> m_logInsert;
    std::unique_ptr<QSqlQuery> m_oobUpsert;
};

} // namespace passlane
