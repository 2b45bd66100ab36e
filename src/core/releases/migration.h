#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace passlane {

/// One schema migration as a release snapshot defines it (folder `<id>_<slug>/` or legacy
/// `<id>_<slug>.up.sql`). Immutable once loaded; identical definitions across releases are
/// shared (MigrationPtr), which is what keeps 70 releases in little memory.
struct Migration {
    qint64 id = 0;
    QString name;           ///< metadata `name`, or the slug for legacy files
    QByteArray upQuery;     ///< up.sql as bytes (may be non-UTF-8; checks report it)
    QByteArray downQuery;   ///< down.sql
    QList<qint64> parents;  ///< sorted ascending
    bool privileged = false;
    bool nonIdempotent = false;
    bool createIndexConcurrently = false;
    bool bestEffortTerminateBlockingTransactions = false;
    QString path;           ///< the migration's folder (or up file) inside its source, for messages

    /// Squashed migrations are named "squashed migrations ..." and never overwrite older definitions.
    bool isSquashed() const { return name.startsWith(QLatin1String("squashed migrations")); }

    /// Definitions are equal when everything the migrator would run or order by is equal.
    bool sameDefinition(const Migration &o) const
    {
        return id == o.id && upQuery == o.upQuery && downQuery == o.downQuery && parents == o.parents
            && privileged == o.privileged && nonIdempotent == o.nonIdempotent
            && createIndexConcurrently == o.createIndexConcurrently;
    }
};

using MigrationPtr = std::shared_ptr<const Migration>;

} // namespace passlane
