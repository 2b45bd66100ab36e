#include "oobprogress.h"

#include "oob/oobregistry.h"

#include <cmath>

namespace passlane {

OobProgressModel OobProgress::modelFor(int id) const
{
    OobProgressModel m = m_overrides.value(id, m_defaults);
    auto rows = m_rows.constFind(id);
    if (rows != m_rows.cend())
        m.rows = *rows;
    return m;
}

qint64 OobProgress::msToComplete(const OobProgressModel &model, double progress)
{
    if (progress >= 1.0 || model.rows <= 0)
        return 0;
    const qint64 batch = qMax<qint64>(1, model.batchSize);
    const double remainingRows = std::ceil((1.0 - qMax(0.0, progress)) * double(model.rows) - 1e-9);
    const qint64 batches = qint64(std::ceil(remainingRows / double(batch)));
    return qint64(std::llround(double(batches) * qMax(0.0, model.intervalSeconds) * 1000.0));
}

double OobProgress::progressAfter(const OobProgressModel &model, double progress, qint64 ms)
{
    if (progress >= 1.0 || model.rows <= 0)
        return 1.0;
    if (ms >= msToComplete(model, progress))
        return 1.0;
    const double intervalMs = qMax(1e-9, model.intervalSeconds * 1000.0);
    const double batches = std::floor(double(ms) / intervalMs);
    const double migrated = batches * double(qMax<qint64>(1, model.batchSize));
    return qMin(1.0, progress + migrated / double(model.rows));
}

QList<int> StartupRule::blocking(const QMap<int, OobRow> &rows, const OobRegistry &registry,
                                 const MinorVersion &at, const std::optional<MinorVersion> &assumeDoneBefore)
{
    QList<int> ids;
    QSet<int> seen;
    for (const OobRow &r : rows) {
        seen.insert(r.id);
        // The registry (the new version's code) decides deprecation; the row is a fallback.
        const OobMigration *m = registry.find(r.id);
        const auto deprecated = m ? m->deprecated : r.deprecated();
        if (deprecated && *deprecated <= at && !r.complete())
            ids.append(r.id);
    }
    for (const OobMigration &m : registry.migrations()) {
        if (seen.contains(m.id) || !m.deprecated || *m.deprecated > at)
            continue;
        if (assumeDoneBefore && *m.deprecated <= *assumeDoneBefore)
            continue;
        ids.append(m.id); // never registered: never ran
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool StartupRule::activeAt(const OobRow &row, const MinorVersion &at)
{
    const auto deprecated = row.deprecated();
    return row.introduced() <= at && (!deprecated || *deprecated > at);
}

QList<int> StartupRule::requiredBefore(const QMap<int, OobRow> &rows, const MinorVersion &at, const MinorVersion &next)
{
    QList<int> ids;
    for (const OobRow &r : rows) {
        const auto deprecated = r.deprecated();
        if (activeAt(r, at) && deprecated && *deprecated <= next && !r.complete())
            ids.append(r.id);
    }
    return ids;
}

} // namespace passlane
