#pragma once

#include "common/result.h"
#include "startstate.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace passlane {

/// Reads and writes the customer export: the rows of `migration_logs`, `out_of_band_migrations`
/// and `versions` that support staff receive from a customer (docs/simulation.md describes it).
///
/// JSON: one object with arrays "migration_logs", "out_of_band_migrations", "versions" whose
/// objects use the tables' column names (what `SELECT json_agg(t) FROM migration_logs t` prints),
/// plus optional "customer", "version", "exported_at" and "tables" (rows of
/// LiveInspector::tableStatsQuery(), one per table of each schema database).
/// CSV: one or more sections separated by blank lines, each a header row plus rows (what
/// `\copy (SELECT * FROM migration_logs) TO 'f.csv' CSV HEADER` writes); the header tells the
/// table. Empty fields are NULL; booleans t/f/true/false; timestamps ISO 8601 or PostgreSQL text.
class CustomerExport {
public:
    /// Reads a .json or .csv file (by content: JSON starts with '{').
    static Result<StartState> readFile(const QString &path);
    static Result<StartState> parse(const QByteArray &data, const QString &path);
    static Result<StartState> parseJson(const QByteArray &data, const QString &path);
    static Result<StartState> parseCsv(const QByteArray &data, const QString &path);

    static QByteArray toJson(const StartState &state, const QString &customer = {});
    static QByteArray toCsv(const StartState &state);

    /// One row of LiveInspector::tableStatsQuery() by column name (absent or empty: NULL, i.e.
    /// unknown). The error (no file) names the column and its value.
    static Result<TableStats> tableStatsRow(const QMap<QString, QString> &columns);
    /// The query's column names, in its order: the CSV section's header and the JSON keys.
    static QStringList tableStatsColumns();

    /// Parses "2024-05-01 10:00:00.123456+00", "2024-05-01T10:00:00Z" and similar; invalid on failure.
    static QDateTime parseTimestamp(const QString &text);
};

} // namespace passlane
