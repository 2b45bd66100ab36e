#pragma once

// Small synthetic releases and registries built in code, for planner tests.
#include "graph/stitchedgraph.h"
#include "oob/oobregistry.h"
#include "plan/upgradeplan.h"
#include "releases/release.h"

#include <QRandomGenerator>
#include <QSet>

#include <functional>

#include <memory>

namespace passlane::test {

struct MigrationSpec {
    qint64 id;
    QList<qint64> parents;
    bool privileged = false;
    bool concurrent = false;
};

/// A release whose schemas hold the given migrations (schema -> specs).
inline ReleasePtr makeRelease(const QString &version, const QMap<QString, QList<MigrationSpec>> &schemas)
{
    auto r = std::make_shared<Release>();
    r->version = *Version::parse(version);
    r->source = QStringLiteral("synthetic/") + version;
    for (auto it = schemas.cbegin(); it != schemas.cend(); ++it) {
        SchemaSnapshot snap;
        snap.name = it.key();
        for (const MigrationSpec &spec : it.value()) {
            auto m = std::make_shared<Migration>();
            m->id = spec.id;
            m->name = QStringLiteral("m%1").arg(spec.id);
            m->parents = spec.parents;
            std::sort(m->parents.begin(), m->parents.end());
            m->privileged = spec.privileged;
            m->createIndexConcurrently = spec.concurrent;
            m->upQuery = QByteArray("-- up ") + QByteArray::number(spec.id);
            m->downQuery = QByteArray("-- down ") + QByteArray::number(spec.id);
            m->path = it.key() + u'/' + QString::number(spec.id);
            snap.migrations.insert(spec.id, m);
        }
        r->schemas.insert(it.key(), snap);
    }
    return r;
}

inline OobMigration makeOob(int id, const QString &introduced, const QString &deprecated = {}, bool nonDestructive = true)
{
    OobMigration m;
    m.id = id;
    m.team = QStringLiteral("team");
    m.component = QStringLiteral("db.table%1").arg(id);
    m.description = QStringLiteral("migration %1").arg(id);
    m.introduced = *MinorVersion::parse(introduced);
    if (!deprecated.isEmpty())
        m.deprecated = *MinorVersion::parse(deprecated);
    m.nonDestructive = nonDestructive;
    return m;
}

/// Releases over random minors: each release adds 0-4 migrations per schema whose parents are
/// 1-2 of the current leaves (so the graph branches and merges). Cumulative, like real snapshots.
inline QList<ReleasePtr> randomReleases(QRandomGenerator &rng, const QList<Version> &versions)
{
    QList<ReleasePtr> out;
    QMap<QString, QList<MigrationSpec>> all;
    QMap<QString, QList<qint64>> leaves;
    qint64 next = 1000;
    for (const Version &v : versions) {
        for (const QString &schema : {QStringLiteral("frontend"), QStringLiteral("codeintel")}) {
            const int add = rng.bounded(5);
            for (int k = 0; k < add; ++k) {
                MigrationSpec spec{next, {}, rng.bounded(8) == 0, rng.bounded(6) == 0};
                QList<qint64> &ls = leaves[schema];
                if (!ls.isEmpty()) {
                    const int nParents = std::min<int>(int(ls.size()), 1 + rng.bounded(2));
                    for (int p = 0; p < nParents; ++p) {
                        const qint64 parent = ls.takeAt(rng.bounded(int(ls.size())));
                        spec.parents << parent;
                    }
                }
                // Sometimes keep a parent as a leaf too (a branch).
                if (!spec.parents.isEmpty() && rng.bounded(4) == 0)
                    ls << spec.parents.first();
                ls << next;
                all[schema] << spec;
                next += 1 + rng.bounded(3);
            }
        }
        out << makeRelease(v.toString(), all);
    }
    return out;
}

/// The product migrator's order, written here independently of the core (recursive, no shared
/// code): from the root (the one id without parents), visit children largest id first, record
/// an id after all of its children, then reverse the record.
inline QList<qint64> referenceApplyOrder(const StitchedGraph &graph, const QString &schema)
{
    const auto &defs = graph.definitions(schema);
    QMap<qint64, QList<qint64>> children; // ascending ids; walked backwards below
    QList<qint64> roots;
    for (auto it = defs.cbegin(); it != defs.cend(); ++it) {
        if ((*it)->parents.isEmpty())
            roots << it.key();
        for (qint64 p : (*it)->parents)
            children[p] << it.key();
    }
    QList<qint64> record;
    QSet<qint64> seen;
    std::function<void(qint64)> visit = [&](qint64 id) {
        if (seen.contains(id))
            return;
        seen.insert(id);
        QList<qint64> kids = children.value(id);
        std::sort(kids.begin(), kids.end(), std::greater<qint64>());
        for (qint64 c : std::as_const(kids))
            visit(c);
        record << id;
    };
    std::sort(roots.begin(), roots.end(), std::greater<qint64>());
    for (qint64 r : std::as_const(roots))
        visit(r);
    std::reverse(record.begin(), record.end());
    return record;
}

/// `ids` restricted to `subset`, keeping the order of `ids`.
inline QList<qint64> restricted(const QList<qint64> &ids, const QSet<qint64> &subset)
{
    QList<qint64> out;
    for (qint64 id : ids)
        if (subset.contains(id))
            out << id;
    return out;
}

/// Stops as "6.3.0[25] 6.8.0[28,29]": one string for readable QCOMPAREs.
inline QString stopsString(const QList<Stop> &stops)
{
    QStringList parts;
    for (const Stop &s : stops) {
        QStringList ids;
        for (int id : s.oob)
            ids << QString::number(id);
        parts << s.release.toString() + u'[' + ids.join(u',') + u']';
    }
    return parts.join(u' ');
}

} // namespace passlane::test
