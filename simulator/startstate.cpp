#include "startstate.h"

#include "catalog/catalog.h"

#include <algorithm>

namespace passlane {

OobRow OobRow::registered(const OobMigration &m, const QDateTime &at)
{
    OobRow row;
    row.id = m.id;
    row.team = m.team;
    row.component = m.component;
    row.description = m.description;
    row.created = at;
    row.nonDestructive = m.nonDestructive;
    row.isEnterprise = m.isEnterprise;
    row.introducedMajor = m.introduced.major;
    row.introducedMinor = m.introduced.minor;
    if (m.deprecated) {
        row.deprecatedMajor = m.deprecated->major;
        row.deprecatedMinor = m.deprecated->minor;
    }
    return row;
}

std::optional<MinorVersion> OobRow::deprecated() const
{
    if (!deprecatedMajor || !deprecatedMinor)
        return std::nullopt;
    return MinorVersion{*deprecatedMajor, *deprecatedMinor};
}

Result<StartState> StartState::fromRelease(const Catalog &catalog, const Version &release,
                                           double oobProgress, const QDateTime &at)
{
    const Release *rel = catalog.release(release);
    if (!rel)
        return Error{QString(), QStringLiteral("release %1 is not in the catalog").arg(release.toString())};
    StartState state;
    state.origin = QStringLiteral("release %1").arg(release.toString());
    state.version = release;
    qint64 rowId = 0;
    for (auto it = rel->schemas.cbegin(); it != rel->schemas.cend(); ++it) {
        const QString &schema = it.key();
        const QSet<qint64> applied = catalog.graph.appliedAt(schema, release);
        // The release's own files ran; the stitched ancestors of its squashed root are backfilled,
        // as the real migrator records them on its first run.
        for (qint64 id : catalog.graph.topologicalOrder(schema, applied)) {
            MigrationLogRow row;
            row.id = ++rowId;
            row.schema = schema;
            row.version = id;
            row.startedAt = at;
            row.finishedAt = at;
            row.success = true;
            row.backfilled = !it->migrations.contains(id);
            state.logs.append(row);
        }
    }
    const MinorVersion minor = release.minorVersion();
    for (const OobMigration &m : catalog.oob.migrations()) {
        if (m.introduced > minor)
            continue;
        OobRow row = OobRow::registered(m, at);
        // A running instance has passed its start-up check: anything deprecated by now is done.
        const bool mustBeDone = m.deprecated && *m.deprecated <= minor;
        row.progress = mustBeDone ? 1.0 : qBound(0.0, oobProgress, 1.0);
        row.lastUpdated = at;
        state.oob.append(row);
    }
    state.versions.append(VersionRow{QStringLiteral("frontend"), release.toString(), at, release.toString()});
    return state;
}

namespace {

/// Latest row per (schema, version): rows are chronological by id, then start time.
QMap<QPair<QString, qint64>, MigrationLogRow> latestRows(const QList<MigrationLogRow> &logs)
{
    QList<MigrationLogRow> sorted = logs;
    std::stable_sort(sorted.begin(), sorted.end(), [](const MigrationLogRow &a, const MigrationLogRow &b) {
        if (a.id != b.id)
            return a.id < b.id;
        return a.startedAt < b.startedAt;
    });
    QMap<QPair<QString, qint64>, MigrationLogRow> latest;
    for (const MigrationLogRow &r : sorted)
        latest.insert({r.schema, r.version}, r);
    return latest;
}

} // namespace

QSet<qint64> StartState::applied(const QString &schema) const
{
    QSet<qint64> ids;
    const auto latest = latestRows(logs);
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        if (it.key().first == schema && it->up && it->success.value_or(false))
            ids.insert(it.key().second);
    }
    return ids;
}

QMap<QString, QSet<qint64>> StartState::appliedBySchema() const
{
    QMap<QString, QSet<qint64>> out;
    for (const QString &schema : schemas())
        out.insert(schema, applied(schema));
    return out;
}

QStringList StartState::schemas() const
{
    QStringList names;
    for (const MigrationLogRow &r : logs) {
        if (!names.contains(r.schema))
            names.append(r.schema);
    }
    names.sort();
    return names;
}

QList<MigrationLogRow> StartState::unfinished() const
{
    QList<MigrationLogRow> rows;
    for (const MigrationLogRow &r : latestRows(logs)) {
        if (!r.success.value_or(false))
            rows.append(r);
    }
    return rows;
}

Findings StartState::problems() const
{
    Findings findings;
    for (const MigrationLogRow &r : unfinished()) {
        Finding f;
        f.severity = Severity::Error;
        f.schema = r.schema;
        f.id = r.version;
        f.file = origin;
        if (!r.success) {
            f.kind = QStringLiteral("dirty-database");
            f.message = QStringLiteral("%1 migration %2 (%3) started at %4 and never finished: the database is dirty; "
                                       "the migrator refuses to proceed until an operator repairs it")
                            .arg(r.schema)
                            .arg(r.version)
                            .arg(r.up ? QStringLiteral("up") : QStringLiteral("down"))
                            .arg(r.startedAt.toString(Qt::ISODate));
        } else {
            f.kind = QStringLiteral("failed-migration");
            f.message = QStringLiteral("%1 migration %2 failed%3: the migrator refuses to proceed until an "
                                       "operator repairs it")
                            .arg(r.schema)
                            .arg(r.version)
                            .arg(r.errorMessage.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.errorMessage));
        }
        findings.append(f);
    }
    return findings;
}

} // namespace passlane
