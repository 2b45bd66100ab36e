#pragma once

#include "common/result.h"
#include "pgconnection.h"

#include <functional>
#include <memory>

namespace passlane {

/// A database the tool creates and owns: `passlane_scratch_<random>_<suffix>`. Dropped (WITH
/// FORCE) on destruction unless keep() was called, e.g. after a failure, for inspection.
/// The tool never drops a database it did not create: the object exists only after its own
/// CREATE DATABASE succeeded (a name that is already taken is never adopted: another random name
/// is tried), and drop() checks that the name still belongs to the database it created (same OID).
class ScratchDatabase {
public:
    /// Creates it through a short admin session on `server` (its dbname is only connected to).
    /// `templateDb` (optional) is copied instead of template0: a fast clone of a prepared database
    /// (it must have no open sessions). `owner` (optional) becomes the database's owner.
    static Result<std::unique_ptr<ScratchDatabase>> create(const PgConnectionInfo &server, const QString &suffix,
                                                           const QString &templateDb = {}, const QString &owner = {});
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    QString name() const { return m_name; }
    PgConnectionInfo info() const { return m_server.withDatabase(m_name); }
    void keep() { m_keep = true; }
    bool kept() const { return m_keep; }
    /// Drops now (no-op when kept); sessions on it must be closed first.
    Status drop();

    static bool isScratchName(const QString &name); ///< passlane_scratch_[0-9a-f]+(_[a-z0-9_]+)?

    /// Tests only: the source of the random part of new names (null: the system's generator).
    static void setRandomSourceForTesting(std::function<quint64()> source);

private:
    ScratchDatabase() = default;
    PgConnectionInfo m_server;
    QString m_name;
    QString m_oid; ///< the OID its CREATE DATABASE gave it
    bool m_keep = false;
    bool m_dropped = false;
};

} // namespace passlane
