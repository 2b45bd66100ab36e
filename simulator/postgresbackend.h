#pragma once

#include "catalog/catalog.h"
#include "executionbackend.h"
#include "pgconnection.h"
#include "scratchdatabase.h"
#include "schemareader.h"

#include <map>
#include <memory>

namespace passlane {

/// Executes the real SQL on PostgreSQL. Safety rules (docs/simulation.md): by default one
/// scratch database per schema, `passlane_scratch_<random>_<schema>`, created and dropped by the
/// tool (kept, and named in the result, when the run fails); an existing database only when the
/// request names it and sets iOwnThisDatabase.
class PostgresBackend : public ExecutionBackend {
public:
    PostgresBackend(const Catalog &catalog, const SimulationRequest &request, const Version &target);
    ~PostgresBackend() override;

    Result<StartState> prepare(const std::optional<StartState> &requested, const Version &from,
                               const QStringList &schemas, double oobProgress, const QDateTime &clockStart) override;
    QString setupFailure() const override { return m_setupFailure; }
    MigrationOutcome apply(const MigrationRun &run) override;
    void recordOob(const OobRow &row, qint64 clockMs) override;
    void recordVersion(const VersionRow &row) override;
    Status finish(SimulationResult &result) override;

private:
    struct SchemaDb {
        std::unique_ptr<ScratchDatabase> scratch; ///< null for an explicitly named database
        std::unique_ptr<PgSession> session;
        QString name;
        DbSchema startSnapshot;                   ///< for the round trip
        QList<MigrationPtr> appliedInRun;         ///< in order, for the round trip's down migrations
    };
    Result<SchemaDb> openSchemaDb(const QString &schema);
    void compare(const QString &schema, SchemaDb &db, SimulationResult &result);
    void roundTrip(const QString &schema, SchemaDb &db, SimulationResult &result);

    const Catalog &m_catalog;
    const SimulationRequest &m_request;
    Version m_target;
    Version m_from;
    PgConnectionInfo m_server;
    bool m_superuser = false;
    std::map<QString, SchemaDb> m_dbs; ///< move-only values: std::map, not QMap
    QList<ManualStep> m_installManual;
    QString m_setupFailure;
};

} // namespace passlane
