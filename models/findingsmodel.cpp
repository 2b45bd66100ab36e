#include "findingsmodel.h"

#include <QColor>
#include <QSet>

using namespace passlane;

FindingsModel::FindingsModel(QObject *parent) : QAbstractTableModel(parent) {}

void FindingsModel::setFindings(Findings findings)
{
    beginResetModel();
    m_findings = std::move(findings);
    endResetModel();
}

QStringList FindingsModel::kinds() const
{
    QSet<QString> set;
    for (const Finding &f : m_findings)
        set.insert(f.kind);
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list;
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Finding &f = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn: return severityName(f.severity);
        case KindColumn: return f.kind;
        case ReleaseColumn: return f.release;
        case SchemaColumn: return f.schema;
        case IdColumn: return f.id ? QVariant(*f.id) : QVariant();
        case MessageColumn: return f.message;
        case FileColumn: return f.file;
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = f.message;
        if (!f.file.isEmpty())
            tip += QLatin1Char('\n') + f.file;
        if (!f.firstRelease.isEmpty())
            tip += QLatin1Char('\n') + tr("First defined in %1").arg(f.firstRelease);
        return tip;
    }
    case Qt::DecorationRole:
        if (index.column() != SeverityColumn)
            return {};
        switch (f.severity) {
        case Severity::Error: return QColor(0xd9, 0x3f, 0x3f);
        case Severity::Warning: return QColor(0xe0, 0xa0, 0x20);
        case Severity::Info: return QColor(0x4a, 0x90, 0xd9);
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case SeverityColumn: return int(f.severity);
        case IdColumn: return f.id ? *f.id : qint64(-1);
        default: return data(index, Qt::DisplayRole);
        }
    case SeverityRole: return int(f.severity);
    case KindRole: return f.kind;
    case ReleaseRole: return f.release;
    case SchemaRole: return f.schema;
    case MigrationIdRole: return f.id ? QVariant(*f.id) : QVariant();
    case FileRole: return f.file;
    case MessageRole: return f.message;
    default: return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case KindColumn: return tr("Kind");
    case ReleaseColumn: return tr("Release");
    case SchemaColumn: return tr("Schema");
    case IdColumn: return tr("Id");
    case MessageColumn: return tr("Message");
    case FileColumn: return tr("File");
    }
    return {};
}

QHash<int, QByteArray> FindingsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SeverityRole, "severity");
    names.insert(KindRole, "kind");
    names.insert(ReleaseRole, "release");
    names.insert(SchemaRole, "schema");
    names.insert(MigrationIdRole, "migrationId");
    names.insert(FileRole, "file");
    names.insert(MessageRole, "message");
    names.insert(SortRole, "sortKey");
    return names;
}
