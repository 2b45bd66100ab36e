#pragma once

#include "catalog/catalog.h"
#include "executionbackend.h"
#include "executionrole.h"
#include "pgconnection.h"
#include "scratchdatabase.h"
#include "schemareader.h"

#include <map>
#include <memory>

namespace passlane {

/// Executes the real SQL on PostgreSQL. Safety rules (docs/simulation.md, docs/security.md): by
/// default one scratch database per schema, `passlane_scratch_<random>_<schema>`, created and
/// dropped by the tool (kept, and named in the result, when a migration fails); an existing database
/// only when the request names it and sets iOwnThisDatabase, under an advisory lock. Migrations run
/// as a role that is not a superuser unless the request says `superuser`, and a run whose
/// migrations have `outside-database` findings is refused before anything runs.
class PostgresBackend : public ExecutionBackend {
public:
    /// The pg_try_advisory_lock key a run holds on an explicitly named database ('passlane').
    static constexpr qint64 runLockKey = 0x706173736c616e65;

    PostgresBackend(const Catalog &catalog, const SimulationRequest &request, const Version &target);
    ~PostgresBackend() override;

    Result<StartState> prepare(const std::optional<StartState> &requested, const Version &from,
                               const QStringList &schemas, double oobProgress, const QDateTime &clockStart) override;
    QString setupFailure() const override { return m_setupFailure; }
    bool skippedPrivileged() const override { return !m_installManual.isEmpty(); }
    MigrationOutcome apply(const MigrationRun &run) override;
    void recordOob(const OobRow &row, qint64 clockMs) override;
    void recordVersion(const VersionRow &row) override;
    Status finish(SimulationResult &result) override;
    void setCancelCheck(std::function<bool()> canceled) override { m_canceled = std::move(canceled); }

private:
    struct SchemaDb {
        std::unique_ptr<ScratchDatabase> scratch; ///< null for an explicitly named database
        std::unique_ptr<PgSession> session;
        QString name;
        DbSchema startSnapshot;                   ///< for the round trip
        QList<MigrationPtr> appliedInRun;         ///< in order, for the round trip's down migrations
    };
    Result<SchemaDb> openSchemaDb(const QString &schema);
    /// Everything refused before anything runs: outside-database findings, ids migration_logs
    /// cannot hold, superuser execution without a superuser.
    Status vet(const Version &from, const QStringList &schemas) const;
    Status chooseRole();
    Status lockDatabase();
    PgConnectionInfo connectionTo(const QString &database) const;
    void compare(const QString &schema, SchemaDb &db, SimulationResult &result);
    void roundTrip(const QString &schema, SchemaDb &db, SimulationResult &result);

    const Catalog &m_catalog;
    const SimulationRequest &m_request;
    Version m_target;
    Version m_from;
    PgConnectionInfo m_server;
    QString m_connectedRole;                  ///< current_user of the connection string's role
    bool m_connectedSuperuser = false;
    bool m_superuser = false;                 ///< privileged migrations run (superuser execution)
    std::unique_ptr<ExecutionRole> m_role;    ///< declared before m_dbs: outlives the databases it owns
    std::unique_ptr<PgSession> m_lock;        ///< holds runLockKey on an explicitly named database
    std::map<QString, SchemaDb> m_dbs; ///< move-only values: std::map, not QMap
    std::function<bool()> m_canceled;
    QList<ManualStep> m_installManual;
    QString m_setupFailure;
};

} // namespace passlane
