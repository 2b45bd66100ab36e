#pragma once

#include "common/result.h"
#include "pgconnection.h"

#include <memory>

namespace passlane {

/// A database the tool creates and owns: `passlane_scratch_<random>_<suffix>`. Dropped (WITH
/// FORCE) on destruction unless keep() was called, e.g. after a failure, for inspection.
/// The tool never drops a database it did not create.
class ScratchDatabase {
public:
    /// Creates it through a short admin session on `server` (its dbname is only connected to).
    /// `templateDb` (optional) is copied instead of template0: a fast clone of a prepared database
    /// (it must have no open sessions).
    static Result<std::unique_ptr<ScratchDatabase>> create(const PgConnectionInfo &server, const QString &suffix,
                                                           const QString &templateDb = {});
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

private:
    ScratchDatabase() = default;
    PgConnectionInfo m_server;
    QString m_name;
    bool m_keep = false;
    bool m_dropped = false;
};

} // namespace passlane
