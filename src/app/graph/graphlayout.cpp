#include "graphlayout.h"

#include <QByteArrayList>
#include <QElapsedTimer>
#include <QMutex>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

namespace {

QMutex &graphvizMutex()
{
    static QMutex mutex;
    return mutex;
}

constexpr double pointsPerInch = 72.0;

QByteArray inches(double pixels)
{
    return QByteArray::number(pixels / pointsPerInch, 'f', 4);
}

void setAttr(void *object, const char *name, const QByteArray &value)
{
    // agsafeset declares the attribute when missing; cgraph copies the strings.
    agsafeset(object, const_cast<char *>(name), const_cast<char *>(value.constData()), const_cast<char *>(""));
}

} // namespace

QByteArray GraphLayout::toDot(const GraphLayoutInput &input, const QHash<qint64, QString> &labels)
{
    QByteArray dot = "digraph migrations {\n";
    dot += input.leftToRight ? "  rankdir=LR;\n" : "  rankdir=TB;\n";
    dot += "  node [shape=box, fixedsize=true];\n";
    for (const auto &n : input.nodes) {
        dot += "  \"" + QByteArray::number(n.id) + "\" [width=" + inches(n.size.width()) + ", height="
            + inches(n.size.height());
        if (auto it = labels.constFind(n.id); it != labels.cend()) {
            QString label = *it;
            label.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
            dot += ", label=\"" + label.toUtf8() + '"';
        }
        dot += "];\n";
    }
    for (const auto &e : input.edges)
        dot += "  \"" + QByteArray::number(e.from) + "\" -> \"" + QByteArray::number(e.to) + "\";\n";
    dot += "}\n";
    return dot;
}

GraphLayoutResult GraphLayout::compute(const GraphLayoutInput &input)
{
    GraphLayoutResult result;
    QElapsedTimer timer;
    timer.start();
    if (input.nodes.isEmpty())
        return result;

    QMutexLocker lock(&graphvizMutex());
    GVC_t *gvc = gvContext();
    Agraph_t *g = agopen(const_cast<char *>("g"), Agstrictdirected, nullptr);
    setAttr(g, "rankdir", input.leftToRight ? "LR" : "TB");
    setAttr(g, "nodesep", "0.25");
    setAttr(g, "ranksep", "0.5");
    // Fewer crossing-minimisation passes: long migration chains gain little from them.
    setAttr(g, "mclimit", "0.5");

    QHash<qint64, Agnode_t *> nodes;
    nodes.reserve(input.nodes.size());
    for (const auto &n : input.nodes) {
        QByteArray name = QByteArray::number(n.id);
        Agnode_t *node = agnode(g, name.data(), 1);
        setAttr(node, "shape", "box");
        setAttr(node, "fixedsize", "true");
        setAttr(node, "label", "");
        setAttr(node, "width", inches(n.size.width()));
        setAttr(node, "height", inches(n.size.height()));
        nodes.insert(n.id, node);
    }
    QList<Agedge_t *> edges;
    edges.reserve(input.edges.size());
    for (const auto &e : input.edges) {
        Agnode_t *from = nodes.value(e.from);
        Agnode_t *to = nodes.value(e.to);
        edges.append(from && to ? agedge(g, from, to, nullptr, 1) : nullptr);
    }

    if (gvLayout(gvc, g, "dot") != 0) {
        result.error = QStringLiteral("Graphviz could not lay out the graph");
    } else {
        // "plain" output is a stable text format: positions in inches, y pointing up.
        char *data = nullptr;
        unsigned int length = 0;
        if (gvRenderData(gvc, g, "plain", &data, &length) == 0 && data) {
            const QByteArrayList lines = QByteArray(data, length).split('\n');
            gvFreeRenderData(data);
            double height = 0;
            QHash<QPair<qint64, qint64>, QPolygonF> paths;
            auto toScene = [&](double x, double y) { return QPointF(x * pointsPerInch, (height - y) * pointsPerInch); };
            for (const QByteArray &line : lines) {
                const QByteArrayList f = line.simplified().split(' ');
                if (f.size() >= 4 && f[0] == "graph") {
                    height = f[3].toDouble();
                    result.bounds = QRectF(0, 0, f[2].toDouble() * pointsPerInch, height * pointsPerInch);
                } else if (f.size() >= 4 && f[0] == "node") {
                    result.positions.insert(f[1].toLongLong(), toScene(f[2].toDouble(), f[3].toDouble()));
                } else if (f.size() >= 4 && f[0] == "edge") {
                    const int n = f[3].toInt();
                    QPolygonF poly;
                    for (int i = 0; i < n && 5 + 2 * i < f.size(); ++i)
                        poly << toScene(f[4 + 2 * i].toDouble(), f[5 + 2 * i].toDouble());
                    paths.insert({f[1].toLongLong(), f[2].toLongLong()}, poly);
                }
            }
            result.edgePaths.reserve(input.edges.size());
            for (const auto &e : input.edges)
                result.edgePaths.append(paths.value({e.from, e.to}));
        } else {
            result.error = QStringLiteral("Graphviz could not render the layout");
        }
        gvFreeLayout(gvc, g);
    }
    agclose(g);
    gvFreeContext(gvc);
    result.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return result;
}
