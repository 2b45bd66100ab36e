#pragma once

#include "estimate/calibration.h"
#include "estimate/evidence.h"
#include "estimate/statementclasscache.h"
#include "releases/migration.h"
#include "simulator/startstate.h"
#include "sql/statementclass.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace passlane {

/// One statement of a migration with its rows and estimated time.
struct StatementEstimate {
    ClassifiedStatement statement;
    qint64 rows = 0;         ///< rows of the tables it touches (0 when unknown)
    bool rowsKnown = true;   ///< false: some table has no statistics (assumed empty)
    double ms = 0;
};

/// The estimated duration of one schema migration: sum over its statements of
/// cost(class).estimateMs(rows), with a range and what it rests on (rows, costs).
struct MigrationEstimate {
    QString schema;
    qint64 id = 0;
    TimeFigure time;
    QList<StatementEstimate> statements;
    QStringList unknownTables; ///< tables the work scales with that have no statistics
};

/// Estimates schema migrations from statement classes, a calibration and table statistics
/// (StartState::tables). A value: cheap to copy, safe to use from any thread.
class SchemaEstimator {
public:
    SchemaEstimator() : SchemaEstimator(Calibration::defaults(), {}) {}
    /// `classes`: a catalog's shared cache of statement classes; null: each estimate lexes its SQL.
    SchemaEstimator(Calibration calibration, const QList<TableStats> &tables,
                    std::shared_ptr<const StatementClassCache> classes = {});

    MigrationEstimate estimate(const QString &schema, const Migration &migration) const;
    const Calibration &calibration() const { return m_calibration; }
    bool hasTableStats() const { return !m_rows.isEmpty(); }
    /// Rows of `table` in schema database `schema` (bestRows()), unset when unknown.
    std::optional<qint64> rows(const QString &schema, const QString &table) const;

private:
    Calibration m_calibration;
    QHash<QString, std::optional<qint64>> m_rows; ///< "schema/table"
    std::shared_ptr<const StatementClassCache> m_classes;
};

} // namespace passlane
