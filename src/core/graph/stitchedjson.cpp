// StitchedGraph::toStitchedJson: the product's stitched-migration-graph.json, as its migrator reads it.
#include "graph/applyorder.h"
#include "common/jsonnumbers.h"
#include "graph/migrationcanon.h"
#include "graph/stitchedgraph.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace passlane {

namespace {

QJsonObject boundsObject(const SchemaBounds &b, const QHash<qint64, int> &rank)
{
    QList<qint64> leaves = b.leafIds; // in apply order, as the product lists a release's leaves
    std::sort(leaves.begin(), leaves.end(), [&rank](qint64 x, qint64 y) { return rank.value(x) < rank.value(y); });
    QJsonObject o;
    o.insert(QStringLiteral("RootID"), double(b.rootId));
    o.insert(QStringLiteral("LeafIDs"), jsonNumbers(leaves));
    o.insert(QStringLiteral("PreCreation"), b.preCreation);
    return o;
}

} // namespace

QByteArray StitchedGraph::toStitchedJson(BoundsKeys keys, Findings *findings) const
{
    // Per minor: the .0 release, else the minor's lowest patch (versions are ascending).
    QMap<MinorVersion, Version> byMinor;
    for (const Version &v : m_versions)
        if (!byMinor.contains(v.minorVersion()) || v.patch == 0)
            byMinor.insert(v.minorVersion(), v);
    if (keys == BoundsKeys::PerMinor && findings) {
        for (auto it = byMinor.cbegin(); it != byMinor.cend(); ++it) {
            if (it.value().patch == 0)
                continue;
            Finding f;
            f.severity = Severity::Info;
            f.kind = QStringLiteral("stitched-stand-in");
            f.release = it.value().toString();
            f.message = QStringLiteral("no %1.0 release is loaded: the export keys %2 with the bounds of %3, the lowest "
                                       "%1 patch, which is what the product's migrator reads when it looks %1 up")
                            .arg(it.key().toString(), Version{it.key().major, it.key().minor, 0}.tag(), f.release);
            findings->append(f);
        }
    }

    QJsonObject root;
    for (auto s = m_schemas.cbegin(); s != m_schemas.cend(); ++s) {
        QMap<qint64, QList<qint64>> parents;
        for (auto it = s->definitions.cbegin(); it != s->definitions.cend(); ++it)
            parents.insert(it.key(), (*it)->parents);
        const QList<qint64> order = applyOrder(parents);
        QHash<qint64, int> rank;
        for (int i = 0; i < int(order.size()); ++i)
            rank.insert(order.at(i), i);

        QJsonArray defs;
        for (qint64 id : order) {
            const MigrationPtr &m = s->definitions.value(id);
            const QString up = canonicalQuery(m->upQuery);
            QJsonObject d;
            d.insert(QStringLiteral("ID"), double(m->id));
            d.insert(QStringLiteral("Name"), m->name);
            d.insert(QStringLiteral("UpQuery"), up);
            d.insert(QStringLiteral("DownQuery"), canonicalQuery(m->downQuery));
            d.insert(QStringLiteral("Privileged"), m->privileged);
            d.insert(QStringLiteral("NonIdempotent"), m->nonIdempotent);
            d.insert(QStringLiteral("Parents"), jsonNumbers(m->parents));
            d.insert(QStringLiteral("IsCreateIndexConcurrently"), m->createIndexConcurrently);
            const auto index = concurrentIndex(up);
            d.insert(QStringLiteral("IndexMetadata"),
                     index ? QJsonValue(QJsonObject{{QStringLiteral("TableName"), index->tableName},
                                                    {QStringLiteral("IndexName"), index->indexName}})
                           : QJsonValue(QJsonValue::Null));
            defs.append(d);
        }
        QJsonObject bounds;
        if (keys == BoundsKeys::PerRelease) {
            for (auto b = s->bounds.cbegin(); b != s->bounds.cend(); ++b)
                bounds.insert(b.key().tag(), boundsObject(*b, rank));
        } else {
            for (auto m = byMinor.cbegin(); m != byMinor.cend(); ++m) {
                const auto b = s->bounds.constFind(m.value());
                if (b != s->bounds.cend())
                    bounds.insert(Version{m.key().major, m.key().minor, 0}.tag(), boundsObject(*b, rank));
            }
        }
        QJsonObject schema;
        schema.insert(QStringLiteral("Definitions"), defs);
        schema.insert(QStringLiteral("BoundsByRev"), bounds);
        root.insert(s.key(), schema);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace passlane
