#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace passlane {

/// What one statement of a schema migration costs PostgreSQL, by the work it makes the server do.
/// Durations are estimated per class from the rows of the tables a statement touches.
enum class StatementClass {
    MetadataOnly,         ///< catalog change only (ADD COLUMN without a volatile default, CREATE TABLE, COMMENT, ...)
    TableRewrite,         ///< rewrites every row under an exclusive lock (ALTER COLUMN TYPE, SET LOGGED, ...)
    FullScanUnderLock,    ///< reads every row under a lock (ADD CONSTRAINT ... NOT VALID-less, SET NOT NULL, VALIDATE)
    IndexBuild,           ///< CREATE INDEX: reads and sorts every row, blocks writes
    ConcurrentIndexBuild, ///< CREATE INDEX CONCURRENTLY: two scans, no write lock
    Backfill,             ///< UPDATE / INSERT ... SELECT / DELETE over existing rows
};

QString statementClassName(StatementClass c); ///< stable kebab-case: "table-rewrite"
std::optional<StatementClass> statementClassFromName(QStringView name);
QList<StatementClass> allStatementClasses();

/// One statement of a migration, classified by the SQL lexer.
struct ClassifiedStatement {
    StatementClass statementClass = StatementClass::MetadataOnly;
    QStringList tables; ///< tables whose rows the work scales with, unqualified and lower-case
    int line = 1;       ///< line of the statement's first token in the migration
};

/// Every statement the SQL runs (DO bodies included, routine bodies not), in order.
QList<ClassifiedStatement> classifyStatements(QByteArrayView sql);

} // namespace passlane
