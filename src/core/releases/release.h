#pragma once

#include "common/version.h"
#include "releases/migration.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <memory>

namespace passlane {

/// One schema (a database: frontend, codeintel, codeinsights...) inside one release snapshot.
struct SchemaSnapshot {
    QString name;
    QMap<qint64, MigrationPtr> migrations; ///< by id
    bool hasSquashedSql = false;           ///< a `squashed.sql` dump sits beside the migrations
    QByteArray squashedSql;                ///< its bytes (a dump, not a migration: never graphed)
    QString squashedSqlPath;
};

/// One release snapshot: a version and the schemas it ships.
struct Release {
    Version version;
    QString source;  ///< the archive or folder it was read from
    QString date;    ///< ISO date when known (RELEASES.txt), else empty
    QMap<QString, SchemaSnapshot> schemas; ///< by schema name

    const SchemaSnapshot *schema(const QString &name) const
    {
        auto it = schemas.constFind(name);
        return it == schemas.cend() ? nullptr : &*it;
    }
};

using ReleasePtr = std::shared_ptr<const Release>;

} // namespace passlane
