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

/// Untrusted procedural languages: their code runs with the database server's operating-system
/// rights (files, processes, network), so a migration using one reaches outside the database.
inline constexpr const char *untrustedLanguages[] = {
    "plpythonu", "plpython2u", "plpython3u", "plperlu", "pltclu", "c", "internal",
};

/// Checks of one migration definition on its own (no graph): `empty-up`,
/// `concurrent-flag-mismatch`, `concurrent-index-in-down`, `privileged-flag-mismatch`,
/// `outside-database`, `non-utf8-sql`. Linear in the SQL size (a 50 MB up.sql is fine). Findings
/// name the file concerned; release and schema are left to the caller.
class StaticChecks {
public:
    struct Files {
        QString up, down, metadata;
    };
    static Findings checkDefinition(const Migration &m, const Files &files);

    /// A statement that reaches outside the database: a server program or file (COPY ... PROGRAM,
    /// COPY to or from a server file, LOAD), a whole database (DROP DATABASE), the server's
    /// configuration (ALTER SYSTEM), or code in an untrusted language.
    struct OutsideReach {
        int line = 0;
        QString what; ///< one phrase: the statement and what it reaches
    };
    /// What one SQL file executes, as the checks see it. Keywords are matched as whole words in
    /// the code the file executes (SqlLexer::forEachExecutedToken), never in comments or strings.
    struct SqlScan {
        bool empty = true;            ///< no statement at all
        bool concurrentIndex = false; ///< CREATE [UNIQUE] INDEX CONCURRENTLY
        QList<QByteArray> privileged; ///< entries of privilegedStatements, in list order
        QList<OutsideReach> outside;  ///< in file order
    };
    /// One linear pass over `sql`.
    static SqlScan scan(const QByteArray &sql);
    static bool isValidUtf8(const QByteArray &bytes);
};

} // namespace passlane
