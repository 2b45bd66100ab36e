#include "estimate/schemaestimate.h"

#include <QLocale>

#include <cmath>

namespace passlane {

namespace {

QString key(const QString &schema, const QString &table)
{
    return schema + QLatin1Char('/') + table.toLower();
}

} // namespace

SchemaEstimator::SchemaEstimator(Calibration calibration, const QList<TableStats> &tables,
                                 std::shared_ptr<const StatementClassCache> classes)
    : m_calibration(std::move(calibration)), m_classes(std::move(classes))
{
    for (const TableStats &t : tables)
        m_rows.insert(key(t.schema, t.table), t.bestRows());
}

std::optional<qint64> SchemaEstimator::rows(const QString &schema, const QString &table) const
{
    const auto it = m_rows.constFind(key(schema, table));
    return it == m_rows.cend() ? std::nullopt : *it;
}

MigrationEstimate SchemaEstimator::estimate(const QString &schema, const Migration &migration) const
{
    MigrationEstimate out;
    out.schema = schema;
    out.id = migration.id;
    double ms = m_calibration.perMigrationMs; // the migrator's own bookkeeping
    qint64 knownRows = 0;
    int knownTables = 0;
    const QList<ClassifiedStatement> classified =
        m_classes ? m_classes->classes(migration.upQuery) : classifyStatements(migration.upQuery);
    for (const ClassifiedStatement &s : classified) {
        StatementEstimate e;
        e.statement = s;
        for (const QString &t : s.tables) {
            if (const auto r = rows(schema, t)) {
                e.rows += qMax<qint64>(0, *r);
                knownRows += qMax<qint64>(0, *r);
                ++knownTables;
            } else {
                e.rowsKnown = false;
                if (!out.unknownTables.contains(t))
                    out.unknownTables << t;
            }
        }
        e.ms = m_calibration.cost(s.statementClass).estimateMs(e.rows);
        ms += e.ms;
        out.statements.append(e);
    }
    const EvidenceKind costKind = m_calibration.measured ? EvidenceKind::Calibration : EvidenceKind::DocumentedDefault;
    out.time.ms = qint64(std::llround(ms));
    out.time.lowMs = qint64(std::llround(ms * lowFactor(costKind)));
    out.time.highMs = qint64(std::llround(ms * highFactor(costKind)));
    if (knownTables > 0)
        out.time.basis.append(Evidence{QStringLiteral("rows"), EvidenceKind::CustomerData,
                                       QStringLiteral("%1 rows").arg(countText(knownRows))});
    if (!out.unknownTables.isEmpty())
        out.time.basis.append(Evidence{QStringLiteral("rows"), EvidenceKind::Unknown, QStringLiteral("assumed empty")});
    out.time.basis.append(Evidence{QStringLiteral("costs"), costKind, m_calibration.measured ? m_calibration.describe() : QString()});
    return out;
}

} // namespace passlane
