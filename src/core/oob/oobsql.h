#pragma once

#include "common/version.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace passlane {

/// One statement about out_of_band_migrations found in a migration's SQL: a registration
/// (INSERT ... VALUES row) or a change (UPDATE ... SET ... WHERE id = / IN).
struct OobSqlStatement {
    enum Kind { Insert, Update } kind = Insert;
    int id = 0;
    std::optional<QString> team, component, description;
    std::optional<bool> nonDestructive, isEnterprise;
    std::optional<MinorVersion> introduced;
    /// Set when the statement sets a deprecation; `deprecatedCleared` when it sets it to NULL.
    std::optional<MinorVersion> deprecated;
    bool deprecatedCleared = false;
};

/// Extracts OOB registrations from SQL text. Understands the seed form (introduced text
/// '3.28.0', deprecated text) and the column form (introduced_version_major/minor,
/// deprecated_version_major/minor). Reads the code the SQL executes (SqlLexer::
/// forEachExecutedToken): comments, strings and function bodies are ignored, DO bodies are read.
/// Linear in the size of the SQL; never throws; unparseable statements are skipped.
QList<OobSqlStatement> parseOobSql(const QByteArray &sql);

} // namespace passlane
