#include "graphscene.h"

#include "edgeitem.h"
#include "migrationnodeitem.h"

#include <QMap>

#include <algorithm>

using namespace passlane;

GraphScene::GraphScene(QObject *parent) : QGraphicsScene(parent) {}

GraphLayoutInput GraphScene::layoutInput(const Catalog &catalog, const QString &schema)
{
    GraphLayoutInput input;
    const auto &definitions = catalog.graph.definitions(schema);
    input.nodes.reserve(definitions.size());
    for (auto it = definitions.cbegin(); it != definitions.cend(); ++it) {
        input.nodes.append({it.key(), QSizeF(MigrationNodeItem::Width, MigrationNodeItem::Height)});
        for (qint64 parent : (*it)->parents)
            if (definitions.contains(parent))
                input.edges.append({parent, it.key()});
    }
    return input;
}

void GraphScene::clearGraph()
{
    clear();
    m_nodes.clear();
    m_edges.clear();
    m_minorIndex.clear();
    m_minors.clear();
    m_input = {};
    m_schema.clear();
}

void GraphScene::populate(const Catalog &catalog, const QString &schema, const GraphLayoutInput &input,
                          const GraphLayoutResult &layout)
{
    clearGraph();
    m_schema = schema;
    m_input = input;

    QList<MinorVersion> minors;
    for (const Version &v : catalog.graph.versions())
        if (minors.isEmpty() || minors.last() != v.minorVersion())
            minors.append(v.minorVersion());
    for (const MinorVersion &m : minors)
        m_minors.append(m.toString());

    // Squashed definitions never replace the first definer in the stitched graph, so look
    // for the releases that ship the id as a squash.
    QSet<qint64> squashed;
    for (const ReleasePtr &release : catalog.releases)
        if (const SchemaSnapshot *snapshot = release->schema(schema))
            for (const MigrationPtr &m : snapshot->migrations)
                if (m->isSquashed())
                    squashed.insert(m->id);
    QSet<qint64> edited;
    for (const Finding &f : catalog.findings)
        if (f.kind == u"edited-migration" && f.schema == schema && f.id)
            edited.insert(*f.id);

    for (const auto &n : input.nodes) {
        const MigrationPtr m = catalog.graph.definition(schema, n.id);
        if (!m)
            continue;
        MigrationNodeItem::Markers markers;
        if (m->privileged)
            markers |= MigrationNodeItem::Privileged;
        if (m->createIndexConcurrently)
            markers |= MigrationNodeItem::Concurrent;
        if (m->isSquashed() || squashed.contains(n.id))
            markers |= MigrationNodeItem::Squashed;
        if (edited.contains(n.id))
            markers |= MigrationNodeItem::Edited;
        const auto introduced = catalog.graph.introducedIn(schema, n.id);
        auto *item = new MigrationNodeItem(n.id, m->name, introduced ? introduced->toString() : QString(), markers);
        item->setPos(layout.positions.value(n.id));
        addItem(item);
        m_nodes.insert(n.id, item);
        if (introduced)
            m_minorIndex.insert(n.id, int(std::lower_bound(minors.cbegin(), minors.cend(), introduced->minorVersion())
                                          - minors.cbegin()));
    }
    for (qsizetype i = 0; i < input.edges.size(); ++i) {
        const auto &e = input.edges[i];
        MigrationNodeItem *from = m_nodes.value(e.from);
        MigrationNodeItem *to = m_nodes.value(e.to);
        if (!from || !to)
            continue;
        auto *edge = new EdgeItem(e.from, e.to, layout.edgePaths.value(i), from->pos(), to->pos());
        addItem(edge);
        m_edges.append(edge);
    }
    setSceneRect(itemsBoundingRect().adjusted(-40, -40, 40, 40));
    applyColors();
}

QColor GraphScene::minorColor(int minorIndex, bool dark)
{
    // Golden-angle hue steps: neighbouring minors never share a colour.
    const int hue = int(std::fmod(minorIndex * 137.508 + 20, 360.0));
    // Dark fills stay deep enough for light text at a 4.5:1 contrast whatever the hue.
    return dark ? QColor::fromHsv(hue, 160, 104) : QColor::fromHsv(hue, 60, 250);
}

QColor GraphScene::planStepColor(int step)
{
    static const QRgb colors[] = {0xffff6d00, 0xffd500f9, 0xff00b8d4, 0xff64dd17, 0xffffd600, 0xffff1744};
    return QColor::fromRgba(colors[step % int(std::size(colors))]);
}

void GraphScene::setDark(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    applyColors();
}

void GraphScene::applyColors()
{
    const QColor text = m_dark ? QColor(0xf0, 0xf0, 0xf0) : QColor(0x20, 0x20, 0x20);
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        (*it)->setColors(minorColor(m_minorIndex.value(it.key()), m_dark), text);
    const QColor edge = m_dark ? QColor(0x9a, 0xa0, 0xa8) : QColor(0x70, 0x78, 0x80);
    for (EdgeItem *e : std::as_const(m_edges))
        e->setColor(edge);
    setBackgroundBrush(m_dark ? QColor(0x26, 0x28, 0x2b) : QColor(0xfb, 0xfb, 0xfb));
}

QList<QPair<QString, QColor>> GraphScene::legend() const
{
    QSet<int> used;
    for (int index : m_minorIndex)
        used.insert(index);
    QList<int> sorted(used.cbegin(), used.cend());
    std::sort(sorted.begin(), sorted.end());
    QList<QPair<QString, QColor>> entries;
    for (int index : sorted)
        if (index < m_minors.size())
            entries.append({m_minors[index], minorColor(index, m_dark)});
    return entries;
}

QList<GraphScene::ReleaseBand> GraphScene::releaseBands() const
{
    QMap<int, ReleaseBand> bands;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        const auto index = m_minorIndex.constFind(it.key());
        if (index == m_minorIndex.cend() || *index >= m_minors.size())
            continue;
        ReleaseBand &band = bands[*index];
        band.minor = m_minors[*index];
        band.color = minorColor(*index, m_dark);
        band.rect = band.rect.isNull() ? (*it)->sceneBoundingRect() : band.rect.united((*it)->sceneBoundingRect());
        band.ids.append(it.key());
    }
    QList<ReleaseBand> list = bands.values();
    for (ReleaseBand &band : list)
        std::sort(band.ids.begin(), band.ids.end());
    return list;
}

GraphScene::ReleaseBand GraphScene::releaseBandOf(qint64 id) const
{
    const auto index = m_minorIndex.constFind(id);
    if (index == m_minorIndex.cend() || *index >= m_minors.size())
        return {};
    for (const ReleaseBand &band : releaseBands())
        if (band.minor == m_minors[*index])
            return band;
    return {};
}

QList<qint64> GraphScene::findMatches(const QString &text) const
{
    const QString needle = text.trimmed();
    QList<qint64> ids;
    if (needle.isEmpty())
        return ids;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        if (QString::number(it.key()).startsWith(needle) || (*it)->name().contains(needle, Qt::CaseInsensitive))
            ids.append(it.key());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void GraphScene::highlightSteps(const QList<QSet<qint64>> &steps)
{
    QHash<qint64, int> stepOf;
    for (int i = 0; i < steps.size(); ++i)
        for (qint64 id : steps[i])
            stepOf.insert(id, i + 1);
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        const int step = stepOf.value(it.key());
        (*it)->setPlanStep(step, step ? planStepColor(step - 1) : QColor());
    }
    for (EdgeItem *e : std::as_const(m_edges))
        e->setEmphasized(stepOf.contains(e->parentId()) && stepOf.contains(e->childId()));
}

QByteArray GraphScene::toDot() const
{
    QByteArray dot = "digraph \"" + m_schema.toUtf8() + "\" {\n  rankdir=LR;\n"
                     "  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\", fontsize=10];\n";
    for (const auto &n : m_input.nodes) {
        const MigrationNodeItem *item = m_nodes.value(n.id);
        if (!item)
            continue;
        QString label = QString::number(n.id) + QStringLiteral("\\n") + item->name();
        label.replace(QLatin1Char('"'), QStringLiteral("\\\""));
        dot += "  \"" + QByteArray::number(n.id) + "\" [label=\"" + label.toUtf8() + "\", fillcolor=\""
            + minorColor(m_minorIndex.value(n.id), false).name().toUtf8() + "\"";
        if (item->markers() & MigrationNodeItem::Privileged)
            dot += ", color=\"#d64545\", penwidth=2";
        dot += "];\n";
    }
    for (const auto &e : m_input.edges)
        dot += "  \"" + QByteArray::number(e.from) + "\" -> \"" + QByteArray::number(e.to) + "\";\n";
    dot += "}\n";
    return dot;
}
