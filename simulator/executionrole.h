#pragma once

#include "common/result.h"
#include "pgconnection.h"

#include <memory>

namespace passlane {

/// The throwaway role migrations run as when the connected role is a superuser and the user did not
/// ask for superuser execution: `passlane_exec_<random>`, LOGIN with a random password (sent hashed),
/// NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS, valid for one day. It owns the
/// scratch databases it works in and nothing else; drop() hands the databases kept for inspection
/// to the connected role, then drops it.
class ExecutionRole {
public:
    static Result<std::unique_ptr<ExecutionRole>> create(const PgConnectionInfo &server);
    ~ExecutionRole();
    ExecutionRole(const ExecutionRole &) = delete;
    ExecutionRole &operator=(const ExecutionRole &) = delete;

    QString name() const { return m_name; }
    /// How to connect as the role to `database` (the server's other keywords kept).
    PgConnectionInfo connectionTo(const QString &database) const;
    /// Reassigns what it owns in `keptDatabases` (and those databases) to the connected role, then
    /// drops the role. Sessions as the role must be closed first.
    Status drop(const QStringList &keptDatabases = {});

    static bool isExecutionRoleName(const QString &name); ///< passlane_exec_[0-9a-f]+

private:
    ExecutionRole() = default;
    PgConnectionInfo m_server;
    QString m_name;
    QString m_password;
    bool m_dropped = false;
};

} // namespace passlane
