#pragma once

#include "common/result.h"
#include "pgconnection.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace passlane {

/// One database object as the catalogs describe it.
struct DbObject {
    QString type;        ///< "table", "column", "index", "constraint", "view", "function", "trigger", "sequence", "type", "extension"
    QString name;        ///< qualified where it helps: "public.foo", "foo.bar" for a column
    QString definition;  ///< pg_get_*def text, or the column's "type NOT NULL DEFAULT ..."
    QStringList columns; ///< tables: column names in attnum order
};

/// The user-visible schema of one database (extension-owned objects and `migration_logs` excluded).
struct DbSchema {
    QMap<QString, DbObject> objects; ///< by "type:name"
};

/// Reads a DbSchema through catalog queries (pg_catalog; read-only).
class SchemaReader {
public:
    static Result<DbSchema> take(PgSession &session);
};

} // namespace passlane
