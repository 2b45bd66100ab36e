#include "productmigratormodel.h"

#include "graph/stitchedgraph.h"
#include "oob/oobregistry.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace passlane {

struct ProductMigratorModel::Node {
    Kind kind = Kind::Summary;
    QString text;
    QString detail;
    QString differenceKind;
    bool blocking = false;
    QString sql;
    QString schema;
    qint64 migrationId = 0;
    int oobId = 0;
    int parent = -1;
    int row = 0;
    QList<int> children;
};

ProductMigratorModel::ProductMigratorModel(QObject *parent) : QAbstractItemModel(parent)
{
    m_nodes.push_back(Node{});
}

ProductMigratorModel::~ProductMigratorModel() = default;

void ProductMigratorModel::setView(const ProductMigratorView &view, const StitchedGraph *graph, const OobRegistry *registry)
{
    beginResetModel();
    m_view = view;
    m_hasView = true;
    build(graph, registry);
    endResetModel();
}

void ProductMigratorModel::clear()
{
    beginResetModel();
    m_view = {};
    m_hasView = false;
    m_nodes.clear();
    m_nodes.push_back(Node{});
    endResetModel();
}

int ProductMigratorModel::addNode(int parent, Node node)
{
    node.parent = parent;
    node.row = int(m_nodes[parent].children.size());
    m_nodes.push_back(std::move(node));
    const int id = int(m_nodes.size()) - 1;
    m_nodes[parent].children.append(id);
    return id;
}

void ProductMigratorModel::build(const StitchedGraph *graph, const OobRegistry *registry)
{
    m_nodes.clear();
    m_nodes.push_back(Node{});
    auto migrationNode = [graph](const QString &schema, qint64 id, const QString &differenceKind) {
        const MigrationPtr def = graph ? graph->definition(schema, id) : nullptr;
        Node n{Kind::Migration, QString::number(id), def ? def->name : QString()};
        n.schema = schema;
        n.migrationId = id;
        n.differenceKind = differenceKind;
        return n;
    };
    auto oobNode = [registry](int id, const QString &differenceKind) {
        const OobMigration *m = registry ? registry->find(id) : nullptr;
        Node n{Kind::Oob, tr("OOB %1").arg(id), m ? m->component : QString()};
        n.oobId = id;
        n.differenceKind = differenceKind;
        return n;
    };

    Node summary{Kind::Summary};
    if (m_view.noDifference())
        summary.text = tr("No difference");
    else if (!m_view.canPlan())
        summary.text = tr("Cannot run this plan as it is");
    else
        summary.text = tr("%n difference(s)", nullptr, int(m_view.differences.size()));
    summary.detail = m_view.noDifference()
        ? tr("The product's migrator would run these steps, in this order, with the same OOB waits.")
        : QString();
    summary.blocking = !m_view.canPlan();
    addNode(0, summary);

    if (!m_view.differences.isEmpty()) {
        const int group = addNode(0, Node{Kind::DifferenceGroup, tr("Differences"),
                                          tr("%n difference(s)", nullptr, int(m_view.differences.size()))});
        // Blocking first: they decide whether the migrator can run the pair at all.
        QList<const MigratorDifference *> ordered;
        for (const MigratorDifference &d : m_view.differences)
            if (d.blocking)
                ordered << &d;
        for (const MigratorDifference &d : m_view.differences)
            if (!d.blocking)
                ordered << &d;
        for (const MigratorDifference *d : ordered) {
            Node n{Kind::Difference, d->kind, d->message};
            n.differenceKind = d->kind;
            n.blocking = d->blocking;
            n.sql = d->sql;
            n.schema = d->schema;
            const int id = addNode(group, n);
            for (qint64 m : d->ids)
                addNode(id, migrationNode(d->schema, m, d->kind));
            for (int o : d->oob)
                addNode(id, oobNode(o, d->kind));
        }
    }

    if (!m_view.steps.isEmpty()) {
        const int group = addNode(0, Node{Kind::StepGroup, tr("Its steps"), tr("%n step(s)", nullptr, int(m_view.steps.size()))});
        for (const MigratorStep &s : m_view.steps) {
            QString release = s.release.toString();
            if (s.tag != QStringLiteral("v") + release)
                release = tr("%1 (stand-in %2)").arg(s.tag, release);
            qsizetype count = 0;
            for (const QList<qint64> &ids : s.schemas)
                count += ids.size();
            QString detail = tr("%n migration(s)", nullptr, int(count));
            if (!s.oob.isEmpty())
                detail += s.down ? tr(", then revert %n OOB migration(s)", nullptr, int(s.oob.size()))
                                 : tr(", then complete %n OOB migration(s)", nullptr, int(s.oob.size()));
            if (s.isTarget)
                detail += tr(" (target)");
            const int step = addNode(group, Node{Kind::Step, s.down ? tr("down to %1").arg(release) : tr("up to %1").arg(release), detail});
            for (auto it = s.schemas.cbegin(); it != s.schemas.cend(); ++it) {
                Node schema{Kind::Schema, it.key(), tr("%n migration(s), in the order it runs them", nullptr, int(it.value().size()))};
                schema.schema = it.key();
                const int sid = addNode(step, schema);
                for (qint64 m : it.value())
                    addNode(sid, migrationNode(it.key(), m, {}));
            }
            for (int o : s.oob)
                addNode(step, oobNode(o, {}));
        }
    }
}

QModelIndex ProductMigratorModel::index(int row, int column, const QModelIndex &parent) const
{
    const int p = parent.isValid() ? int(parent.internalId()) : 0;
    if (column < 0 || column >= ColumnCount || row < 0 || row >= m_nodes[p].children.size())
        return {};
    return createIndex(row, column, quintptr(m_nodes[p].children[row]));
}

QModelIndex ProductMigratorModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int p = m_nodes[child.internalId()].parent;
    if (p <= 0)
        return {};
    return createIndex(m_nodes[p].row, 0, quintptr(p));
}

int ProductMigratorModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(m_nodes[parent.isValid() ? parent.internalId() : 0].children.size());
}

int ProductMigratorModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ProductMigratorModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &n = m_nodes[index.internalId()];
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == ItemColumn ? n.text : n.detail;
    case Qt::ToolTipRole:
        return n.detail.isEmpty() ? QVariant() : QVariant(n.detail);
    case Qt::ForegroundRole:
        if (n.blocking)
            return QBrush(QColor(0xb0, 0x00, 0x00));
        return {};
    case Qt::FontRole:
        if (n.kind == Kind::Summary || n.kind == Kind::DifferenceGroup || n.kind == Kind::StepGroup) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case KindRole:
        return int(n.kind);
    case DifferenceKindRole:
        return n.differenceKind;
    case BlockingRole:
        return n.blocking;
    case SqlRole:
        return n.sql;
    case SchemaRole:
        return n.schema;
    case MigrationIdRole:
        return n.migrationId;
    case OobIdRole:
        return n.oobId;
    default:
        return {};
    }
}

QVariant ProductMigratorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == ItemColumn ? tr("The product's migrator") : tr("What it means");
}

QHash<int, QByteArray> ProductMigratorModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(DifferenceKindRole, "differenceKind");
    names.insert(BlockingRole, "blocking");
    names.insert(SqlRole, "sql");
    names.insert(SchemaRole, "schema");
    names.insert(MigrationIdRole, "migrationId");
    names.insert(OobIdRole, "oobId");
    return names;
}

} // namespace passlane
