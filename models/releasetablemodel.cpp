#include "releasetablemodel.h"

using namespace passlane;

namespace {
qint64 versionKey(const Version &v)
{
    return qint64(v.major) * 1'000'000'000'000LL + qint64(v.minor) * 1'000'000LL + v.patch;
}
} // namespace

ReleaseTableModel::ReleaseTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ReleaseTableModel::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    beginResetModel();
    m_catalog = std::move(catalog);
    m_schemas.clear();
    m_findingsPerRelease.clear();
    if (m_catalog) {
        m_schemas = m_catalog->graph.schemas();
        for (const ReleasePtr &r : m_catalog->releases)
            for (auto it = r->schemas.cbegin(); it != r->schemas.cend(); ++it)
                if (!m_schemas.contains(it.key()))
                    m_schemas.append(it.key());
        for (const Finding &f : m_catalog->findings)
            if (!f.release.isEmpty())
                ++m_findingsPerRelease[f.release];
    }
    endResetModel();
}

int ReleaseTableModel::rowOf(const Version &version) const
{
    if (!m_catalog)
        return -1;
    for (int row = 0; row < m_catalog->releases.size(); ++row)
        if (m_catalog->releases[row]->version == version)
            return row;
    return -1;
}

Version ReleaseTableModel::versionAt(int row) const
{
    if (!m_catalog || row < 0 || row >= m_catalog->releases.size())
        return {};
    return m_catalog->releases[row]->version;
}

int ReleaseTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_catalog ? 0 : int(m_catalog->releases.size());
}

int ReleaseTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : findingsColumn() + 1;
}

QVariant ReleaseTableModel::columnValue(const Release &release, int column) const
{
    if (column == VersionColumn)
        return release.version.toString();
    if (column == DateColumn)
        return release.date;
    if (column == leavesColumn()) {
        int leaves = 0;
        for (const QString &schema : m_schemas)
            if (auto b = m_catalog->graph.bounds(schema, release.version); b && !b->preCreation)
                leaves += int(b->leafIds.size());
        return leaves;
    }
    if (column == findingsColumn())
        return m_findingsPerRelease.value(release.version.toString());
    const QString &schema = m_schemas.at(column - FirstSchemaColumn);
    const SchemaSnapshot *snapshot = release.schema(schema);
    return snapshot ? int(snapshot->migrations.size()) : 0;
}

QString ReleaseTableModel::boundsTooltip(const Release &release) const
{
    QStringList lines;
    for (const QString &schema : m_schemas) {
        const auto b = m_catalog->graph.bounds(schema, release.version);
        if (!b || b->preCreation) {
            lines << tr("%1: not created yet").arg(schema);
            continue;
        }
        QStringList leaves;
        for (qint64 id : b->leafIds)
            leaves << QString::number(id);
        lines << tr("%1: root %2, leaves %3").arg(schema).arg(b->rootId).arg(leaves.join(QStringLiteral(", ")));
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant ReleaseTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_catalog)
        return {};
    const Release &release = *m_catalog->releases.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return columnValue(release, index.column());
    case Qt::TextAlignmentRole:
        return index.column() >= FirstSchemaColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == leavesColumn() || index.column() == VersionColumn)
            return boundsTooltip(release);
        if (index.column() == findingsColumn())
            return tr("Findings that name release %1").arg(release.version.toString());
        return {};
    case SortRole:
        if (index.column() == VersionColumn)
            return versionKey(release.version);
        return columnValue(release, index.column());
    case VersionRole:
        return release.version.toString();
    case DateRole:
        return release.date;
    case SchemaCountsRole: {
        QVariantMap counts;
        for (auto it = release.schemas.cbegin(); it != release.schemas.cend(); ++it)
            counts.insert(it.key(), int(it->migrations.size()));
        return counts;
    }
    case RootsRole:
    case LeavesRole: {
        QVariantMap map;
        for (const QString &schema : m_schemas) {
            const auto b = m_catalog->graph.bounds(schema, release.version);
            if (!b || b->preCreation)
                continue;
            if (role == RootsRole) {
                map.insert(schema, b->rootId);
            } else {
                QVariantList ids;
                for (qint64 id : b->leafIds)
                    ids << id;
                map.insert(schema, ids);
            }
        }
        return map;
    }
    case FindingsCountRole:
        return m_findingsPerRelease.value(release.version.toString());
    default:
        return {};
    }
}

QVariant ReleaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        if (section == VersionColumn)
            return tr("Version");
        if (section == DateColumn)
            return tr("Date");
        if (section == leavesColumn())
            return tr("Leaves");
        if (section == findingsColumn())
            return tr("Findings");
        return m_schemas.at(section - FirstSchemaColumn);
    }
    if (role == Qt::ToolTipRole) {
        if (section >= FirstSchemaColumn && section < leavesColumn())
            return tr("Migrations the release ships in the %1 schema").arg(m_schemas.at(section - FirstSchemaColumn));
        if (section == leavesColumn())
            return tr("Leaf migrations across schemas (hover a row for roots and leaves)");
    }
    return {};
}

QHash<int, QByteArray> ReleaseTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(VersionRole, "version");
    names.insert(SortRole, "sortKey");
    names.insert(DateRole, "date");
    names.insert(SchemaCountsRole, "schemaCounts");
    names.insert(RootsRole, "roots");
    names.insert(LeavesRole, "leaves");
    names.insert(FindingsCountRole, "findingsCount");
    return names;
}
