#include "plantreemodel.h"

#include "graph/stitchedgraph.h"
#include "oob/oobregistry.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace passlane {

struct PlanTreeModel::Node {
    Kind kind = Kind::Step;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    QString text;
    QString detail;
    QString tooltip;
    QString release;
    QString schema;
    qint64 migrationId = 0;
    int oobId = 0;
    QString sql;
    bool outside = false;
    bool privileged = false;
    bool isTarget = false;
    bool down = false;
    int findingSeverity = -1;

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = int(children.size());
        // Steps carry their own values; everything below a step inherits them.
        if (child->release.isEmpty())
            child->release = release;
        child->down = child->down || down;
        children.push_back(std::move(child));
        return children.back().get();
    }
};

PlanTreeModel::PlanTreeModel(QObject *parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) {}

PlanTreeModel::~PlanTreeModel() = default;

void PlanTreeModel::clear()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_plan = {};
    m_hasPlan = false;
    endResetModel();
}

static QString oobLabel(int id, const OobRegistry *registry)
{
    const OobMigration *m = registry ? registry->find(id) : nullptr;
    if (!m || m->description.isEmpty())
        return PlanTreeModel::tr("OOB %1").arg(id);
    return PlanTreeModel::tr("OOB %1: %2").arg(id).arg(m->description);
}

void PlanTreeModel::setPlan(const UpgradePlan &plan, const StitchedGraph *graph, const OobRegistry *registry,
                            const Findings &findings)
{
    beginResetModel();
    m_plan = plan;
    m_hasPlan = true;
    m_root = std::make_unique<Node>();

    for (const PlanStep &step : plan.steps) {
        auto stepNode = std::make_unique<Node>();
        stepNode->kind = Kind::Step;
        stepNode->release = step.release.toString();
        stepNode->isTarget = step.isTarget;
        stepNode->down = step.down;
        stepNode->text = step.isTarget ? tr("Target %1").arg(step.release.toString())
                                       : tr("Stop at %1").arg(step.release.toString());
        QStringList details;
        details << tr("%n migration(s)", nullptr, int(step.migrationCount()));
        if (step.down)
            details << tr("down");
        if (!step.manual.isEmpty())
            details << tr("%n manual", nullptr, int(step.manual.size()));
        if (!step.oob.isEmpty()) {
            QStringList ids;
            for (int id : step.oob)
                ids << QString::number(id);
            details << (step.down ? tr("revert OOB %1") : tr("wait for OOB %1")).arg(ids.join(QStringLiteral(", ")));
        }
        stepNode->detail = details.join(QStringLiteral("; "));
        Node *s = m_root->add(std::move(stepNode));

        QSet<QPair<QString, qint64>> privileged;
        for (const ManualStep &manual : step.manual) {
            privileged.insert({manual.schema, manual.id});
            auto n = std::make_unique<Node>();
            n->kind = Kind::Manual;
            n->schema = manual.schema;
            n->migrationId = manual.id;
            n->sql = manual.sql;
            n->privileged = true;
            n->text = tr("Manual: %1 %2").arg(manual.schema).arg(manual.id);
            n->detail = manual.reason.isEmpty() ? tr("privileged") : manual.reason;
            n->tooltip = manual.sql.isEmpty() ? tr("Run by hand before this step") : manual.sql;
            s->add(std::move(n));
        }

        for (auto it = step.schemas.cbegin(); it != step.schemas.cend(); ++it) {
            const QList<qint64> outside = step.outsideTransaction.value(it.key());
            auto schemaNode = std::make_unique<Node>();
            schemaNode->kind = Kind::Schema;
            schemaNode->schema = it.key();
            schemaNode->text = it.key();
            schemaNode->detail = tr("%n migration(s)", nullptr, int(it.value().size()));
            if (!outside.isEmpty())
                schemaNode->detail += tr("; %n outside a transaction", nullptr, int(outside.size()));
            Node *sn = s->add(std::move(schemaNode));
            for (qint64 id : it.value()) {
                auto n = std::make_unique<Node>();
                n->kind = Kind::Migration;
                n->schema = it.key();
                n->migrationId = id;
                n->outside = outside.contains(id);
                n->privileged = privileged.contains({it.key(), id});
                const MigrationPtr def = graph ? graph->shippedDefinition(it.key(), id, step.release) : nullptr;
                n->text = def && !def->name.isEmpty() ? QStringLiteral("%1  %2").arg(id).arg(def->name)
                                                      : QString::number(id);
                QStringList marks;
                if (step.down)
                    marks << tr("down");
                if (n->outside)
                    marks << tr("outside transaction");
                if (n->privileged)
                    marks << tr("privileged");
                QStringList about;
                for (const Finding &f : findings) {
                    if (f.schema != it.key() || f.id != id)
                        continue;
                    marks << QStringLiteral("%1: %2").arg(severityName(f.severity), f.kind);
                    about << QStringLiteral("%1 (%2): %3").arg(f.kind, severityName(f.severity), f.message);
                    n->findingSeverity = std::max(n->findingSeverity, int(f.severity));
                }
                n->detail = marks.join(QStringLiteral(", "));
                if (!about.isEmpty())
                    n->tooltip = about.join(u'\n');
                // A step that runs a migration with findings says so where it is collapsed.
                s->findingSeverity = std::max(s->findingSeverity, n->findingSeverity);
                sn->findingSeverity = std::max(sn->findingSeverity, n->findingSeverity);
                sn->add(std::move(n));
            }
        }

        for (int id : step.oob) {
            auto n = std::make_unique<Node>();
            n->kind = Kind::OobWait;
            n->oobId = id;
            n->text = oobLabel(id, registry);
            n->detail = step.down ? tr("wait until fully reverted") : tr("wait until 100% complete");
            s->add(std::move(n));
        }
    }
    endResetModel();
}

PlanTreeModel::Node *PlanTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex PlanTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *p = nodeFor(parent);
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex PlanTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *n = nodeFor(child);
    if (!n->parent || n->parent == m_root.get())
        return {};
    return createIndex(n->parent->row, 0, n->parent);
}

int PlanTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int PlanTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant PlanTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *n = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == ItemColumn ? n->text : n->detail;
    case Qt::ToolTipRole:
        // Details are often elided in the column: the tooltip shows them whole.
        if (!n->tooltip.isEmpty())
            return n->tooltip;
        return n->detail.isEmpty() ? QVariant() : QVariant(n->detail);
    case Qt::FontRole:
        if (n->kind == Kind::Step) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (n->findingSeverity == int(Severity::Error))
            return QBrush(QColor(0xc0, 0x10, 0x10));
        if (n->kind == Kind::Manual || n->privileged)
            return QBrush(QColor(0xb0, 0x40, 0x00));
        if (n->kind == Kind::OobWait)
            return QBrush(QColor(0x1f, 0x5f, 0xaf));
        if (index.column() == DetailColumn && n->outside)
            return QBrush(QColor(0x80, 0x50, 0xa0));
        return {};
    case KindRole:
        return int(n->kind);
    case ReleaseRole:
        return n->release;
    case SchemaRole:
        return n->schema;
    case MigrationIdRole:
        return n->migrationId;
    case OobIdRole:
        return n->oobId;
    case SqlRole:
        return n->sql;
    case OutsideTransactionRole:
        return n->outside;
    case PrivilegedRole:
        return n->privileged;
    case IsTargetRole:
        return n->isTarget;
    case DownRole:
        return n->down;
    case FindingSeverityRole:
        return n->findingSeverity;
    default:
        return {};
    }
}

QVariant PlanTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == ItemColumn ? tr("Step") : tr("Details");
}

QHash<int, QByteArray> PlanTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(ReleaseRole, "release");
    names.insert(SchemaRole, "schema");
    names.insert(MigrationIdRole, "migrationId");
    names.insert(OobIdRole, "oobId");
    names.insert(SqlRole, "sql");
    names.insert(OutsideTransactionRole, "outsideTransaction");
    names.insert(PrivilegedRole, "privileged");
    names.insert(FindingSeverityRole, "findingSeverity");
    names.insert(IsTargetRole, "isTarget");
    names.insert(DownRole, "down");
    return names;
}

} // namespace passlane
