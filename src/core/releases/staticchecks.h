#pragma once

#include "common/finding.h"
#include "releases/migration.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace passlane {

/// Statements that need a superuser (or an elevated role) in PostgreSQL. A migration containing
/// one of them must be marked `privileged: true` so the migrator can hand it to an administrator;
/// one marked privileged without any is reported too. Matched case-insensitively on whole words,
/// outside comments and string literals. The real squashed "(privileged)" migrations carry these
/// (CREATE EXTENSION, COMMENT ON EXTENSION) and are marked, as they should be.
inline constexpr const char *privilegedStatements[] = {
    "CREATE EXTENSION", "ALTER EXTENSION", "DROP EXTENSION", "COMMENT ON EXTENSION",
    "CREATE ROLE", "ALTER ROLE", "DROP ROLE", "CREATE USER", "ALTER USER", "DROP USER",
    "CREATE EVENT TRIGGER", "ALTER EVENT TRIGGER", "DROP EVENT TRIGGER",
    "ALTER SYSTEM", "CREATE LANGUAGE", "CREATE OR REPLACE LANGUAGE", "CREATE TRUSTED LANGUAGE",
    "ALTER LANGUAGE", "CREATE FOREIGN DATA WRAPPER", "CREATE SERVER",
};

/// Checks of one migration definition on its own (no graph): `empty-up`,
/// `concurrent-flag-mismatch`, `concurrent-index-in-down`, `privileged-flag-mismatch`,
/// `non-utf8-sql`. Linear in the SQL size (a 50 MB up.sql is fine). Findings name the file
/// concerned; release and schema are left to the caller.
class StaticChecks {
public:
    struct Files {
        QString up, down, metadata;
    };
    static Findings checkDefinition(const Migration &m, const Files &files);

    /// Upper-cased SQL with comments and single-quoted literals removed and whitespace runs
    /// collapsed to one space, padded with spaces: what the checks search in.
    static QByteArray normalizeSql(const QByteArray &sql);
    static bool containsStatement(const QByteArray &normalized, const char *statement);
    static bool createsIndexConcurrently(const QByteArray &normalized);
    /// The privileged statements found (see privilegedStatements).
    static QList<QByteArray> privilegedStatementsIn(const QByteArray &normalized);
    static bool isValidUtf8(const QByteArray &bytes);
};

} // namespace passlane
