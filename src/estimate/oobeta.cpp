#include "estimate/oobeta.h"

#include "simulator/oobprogress.h"

#include <QLocale>

#include <cmath>

namespace passlane {

namespace {

const OobRow *findRow(const std::optional<StartState> &state, int id)
{
    if (!state)
        return nullptr;
    for (const OobRow &r : state->oob)
        if (r.id == id)
            return &r;
    return nullptr;
}

/// When a row's progress was seen: its last update, else when the state was read.
std::optional<QDateTime> seenAt(const OobRow &row, const std::optional<StartState> &state)
{
    if (row.lastUpdated && row.lastUpdated->isValid())
        return row.lastUpdated;
    if (state && state->observedAt && state->observedAt->isValid())
        return state->observedAt;
    return std::nullopt;
}

QString when(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString percent(double fraction)
{
    return QString::number(fraction * 100.0, 'f', fraction * 100.0 < 0.1 ? 3 : 1);
}

QString modelText(const OobProgressModel &m)
{
    return QStringLiteral("%1 rows / %2 s").arg(m.batchSize).arg(m.intervalSeconds);
}

} // namespace

OobComponentTables OobComponentTables::parse(const QString &component)
{
    OobComponentTables out;
    const QString c = component.trimmed().toLower();
    const qsizetype dot = c.indexOf(QLatin1Char('.'));
    QString head = dot < 0 ? QString() : c.left(dot);
    QString rest = dot < 0 ? c : c.mid(dot + 1);
    if (head.endsWith(QLatin1String("-db"))) {
        out.schema = head.chopped(3);
    } else if (!head.isEmpty() && head != QLatin1String("db")) {
        rest = head; // "lsif_uploads.num_references": a table and its column
    }
    rest.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (rest.endsWith(QLatin1Char('*'))) {
        out.prefix = true;
        rest.chop(1);
    }
    out.table = rest;
    return out;
}

bool OobComponentTables::matches(const TableStats &t) const
{
    if (table.isEmpty() || (!schema.isEmpty() && t.schema != schema))
        return false;
    const QString name = t.table.toLower();
    return prefix ? name.startsWith(table) : name == table;
}

OobEstimator::OobEstimator(const OobRegistry &registry, Inputs inputs)
    : m_registry(registry), m_in(std::move(inputs))
{
}

std::optional<qint64> OobEstimator::tableRows(const QString &component) const
{
    if (!m_in.current || component.isEmpty())
        return std::nullopt;
    const OobComponentTables want = OobComponentTables::parse(component);
    std::optional<qint64> sum;
    for (const TableStats &t : m_in.current->tables) {
        if (!want.matches(t))
            continue;
        if (const auto r = t.bestRows())
            sum = sum.value_or(0) + qMax<qint64>(0, *r);
    }
    return sum;
}

OobEta OobEstimator::eta(int id) const
{
    OobEta out;
    out.id = id;
    const OobMigration *m = m_registry.find(id);
    const OobRow *row = findRow(m_in.current, id);
    out.component = m ? m->component : (row ? row->component : QString());
    if (row) {
        out.progress = qBound(0.0, row->progress, 1.0);
        out.progressAt = seenAt(*row, m_in.current);
    } else if (m_in.current && m_in.current->observedAt) {
        out.progressAt = m_in.current->observedAt;
    }

    // Rows: the question's counts, else the component's tables, else the model's.
    OobProgressModel model = m_in.overrides.value(id, m_in.defaults);
    const bool projectModel = m_in.overrides.contains(id)
        || m_in.defaults.batchSize != OobProgressModel{}.batchSize || m_in.defaults.intervalSeconds != OobProgressModel{}.intervalSeconds;
    Evidence rows{QStringLiteral("rows"), EvidenceKind::Unknown, QStringLiteral("assumed empty")};
    if (m_in.rows.contains(id)) {
        model.rows = m_in.rows.value(id);
        rows = {QStringLiteral("rows"), EvidenceKind::CustomerData, QStringLiteral("%1 rows").arg(countText(model.rows))};
    } else if (const auto t = tableRows(out.component)) {
        model.rows = *t;
        rows = {QStringLiteral("rows"), EvidenceKind::CustomerData,
                QStringLiteral("%1: %2 rows").arg(OobComponentTables::parse(out.component).table, countText(*t))};
    } else if (model.rows > 0) {
        rows = {QStringLiteral("rows"), EvidenceKind::DocumentedDefault, QStringLiteral("%1 rows (progress model)").arg(countText(model.rows))};
    }

    // The rate: observed between two states, else since the row was created.
    std::optional<double> perHour;
    QString since;
    QString stalled;
    if (row && row->progress < 1.0) {
        const OobRow *before = findRow(m_in.previous, id);
        const auto t1 = out.progressAt;
        const auto t0 = before ? seenAt(*before, m_in.previous) : std::nullopt;
        if (before && t0 && t1 && *t1 > *t0) {
            const double hours = double(t0->msecsTo(*t1)) / 3600000.0;
            if (row->progress > before->progress) {
                perHour = (row->progress - before->progress) / hours;
                since = when(*t0);
            } else {
                stalled = QStringLiteral("no progress observed between %1 and %2; ").arg(when(*t0), when(*t1));
            }
        }
        if (!perHour && stalled.isEmpty() && row->progress > 0 && row->created.isValid() && t1 && *t1 > row->created) {
            perHour = row->progress / (double(row->created.msecsTo(*t1)) / 3600000.0);
            since = when(row->created);
        }
    }

    if (perHour && *perHour > 0) {
        // A model with the observed speed: 1,000 batches over the whole table.
        const qint64 total = model.rows > 0 ? model.rows : 1000000;
        model.rows = total;
        model.batchSize = qMax<qint64>(1, total / 1000);
        model.intervalSeconds = (double(model.batchSize) / double(total)) / (*perHour / 3600.0);
        out.observedPerHour = perHour;
        out.rateText = QStringLiteral("observed %1 %/h since %2").arg(percent(*perHour), since);
        out.remaining.basis.append(Evidence{QStringLiteral("rate"), EvidenceKind::Observed, out.rateText});
    } else {
        out.rateText = stalled + QStringLiteral("assumed %1").arg(modelText(model));
        out.remaining.basis.append(rows);
        out.remaining.basis.append(Evidence{QStringLiteral("rate"), EvidenceKind::DocumentedDefault,
                                            (projectModel ? QStringLiteral("progress model ") : QString()) + modelText(model)});
    }
    out.model = model;
    const qint64 ms = OobProgress::msToComplete(model, out.progress);
    const EvidenceKind rateKind = out.observedPerHour ? EvidenceKind::Observed : EvidenceKind::DocumentedDefault;
    out.remaining.ms = ms;
    out.remaining.lowMs = qint64(std::llround(double(ms) * lowFactor(rateKind)));
    out.remaining.highMs = qint64(std::llround(double(ms) * highFactor(rateKind)));
    if (out.progressAt)
        out.completeAt = out.progressAt->addMSecs(ms);
    return out;
}

QMap<int, OobEta> OobEstimator::all() const
{
    QMap<int, OobEta> out;
    for (const OobMigration &m : m_registry.migrations())
        out.insert(m.id, eta(m.id));
    if (m_in.current)
        for (const OobRow &r : m_in.current->oob)
            if (!out.contains(r.id))
                out.insert(r.id, eta(r.id));
    return out;
}

} // namespace passlane
