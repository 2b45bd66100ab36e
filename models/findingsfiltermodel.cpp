#include "findingsfiltermodel.h"

#include "findingsmodel.h"

FindingsFilterModel::FindingsFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(FindingsModel::SortRole);
}

void FindingsFilterModel::setKind(const QString &kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    invalidateRowsFilter();
}

void FindingsFilterModel::setSeverity(std::optional<int> severity)
{
    if (m_severity == severity)
        return;
    m_severity = severity;
    invalidateRowsFilter();
}

void FindingsFilterModel::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

bool FindingsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_kind.isEmpty() && index.data(FindingsModel::KindRole).toString() != m_kind)
        return false;
    if (m_severity && index.data(FindingsModel::SeverityRole).toInt() != *m_severity)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int role : {FindingsModel::MessageRole, FindingsModel::KindRole, FindingsModel::FileRole,
                     FindingsModel::ReleaseRole, FindingsModel::SchemaRole}) {
        if (index.data(role).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    const QVariant id = index.data(FindingsModel::MigrationIdRole);
    return id.isValid() && QString::number(id.toLongLong()).contains(m_text);
}
