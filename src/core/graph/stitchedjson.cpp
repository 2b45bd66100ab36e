// StitchedGraph::toStitchedJson: the shape of Sourcegraph's stitched-migration-graph.json.
#include "graph/stitchedgraph.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace passlane {

namespace {

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(double(id)); // ids are < 2^53: exact in a JSON number
    return a;
}

} // namespace

QByteArray StitchedGraph::toStitchedJson() const
{
    QJsonObject root;
    for (auto s = m_schemas.cbegin(); s != m_schemas.cend(); ++s) {
        QJsonArray defs;
        for (const MigrationPtr &m : s->definitions) {
            QJsonObject d;
            d.insert(QStringLiteral("ID"), double(m->id));
            d.insert(QStringLiteral("Name"), m->name);
            d.insert(QStringLiteral("UpQuery"), QString::fromUtf8(m->upQuery));
            d.insert(QStringLiteral("DownQuery"), QString::fromUtf8(m->downQuery));
            d.insert(QStringLiteral("Privileged"), m->privileged);
            d.insert(QStringLiteral("NonIdempotent"), m->nonIdempotent);
            d.insert(QStringLiteral("Parents"), idArray(m->parents));
            d.insert(QStringLiteral("IsCreateIndexConcurrently"), m->createIndexConcurrently);
            d.insert(QStringLiteral("IndexMetadata"), QJsonValue::Null);
            defs.append(d);
        }
        QJsonObject bounds;
        for (auto b = s->bounds.cbegin(); b != s->bounds.cend(); ++b) {
            QJsonObject o;
            o.insert(QStringLiteral("RootID"), double(b->rootId));
            o.insert(QStringLiteral("LeafIDs"), idArray(b->leafIds));
            o.insert(QStringLiteral("PreCreation"), b->preCreation);
            bounds.insert(b.key().tag(), o);
        }
        QJsonObject schema;
        schema.insert(QStringLiteral("Definitions"), defs);
        schema.insert(QStringLiteral("BoundsByRev"), bounds);
        root.insert(s.key(), schema);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace passlane
