#pragma once

#include "catalog/catalog.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include <memory>

/// One row per loaded release (version order): version, date, migrations per schema, the
/// leaves it ships, and how many findings name it. Sort by SortRole: versions numerically.
class ReleaseTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Roles {
        VersionRole = Qt::UserRole + 1, ///< QString "6.3.0"
        SortRole,                       ///< numeric key for any column (versions by number)
        DateRole,                       ///< QString ISO date, empty when unknown
        SchemaCountsRole,               ///< QVariantMap schema -> migration count
        RootsRole,                      ///< QVariantMap schema -> root id
        LeavesRole,                     ///< QVariantMap schema -> QVariantList of leaf ids
        FindingsCountRole,              ///< int
    };
    Q_ENUM(Roles)

    enum Column { VersionColumn, DateColumn, FirstSchemaColumn };

    explicit ReleaseTableModel(QObject *parent = nullptr);

    void setCatalog(std::shared_ptr<const passlane::Catalog> catalog);
    QStringList schemas() const { return m_schemas; }
    int leavesColumn() const { return FirstSchemaColumn + int(m_schemas.size()); }
    int findingsColumn() const { return leavesColumn() + 1; }
    /// The row of a version, or -1.
    int rowOf(const passlane::Version &version) const;
    passlane::Version versionAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QVariant columnValue(const passlane::Release &release, int column) const;
    QString boundsTooltip(const passlane::Release &release) const;

    std::shared_ptr<const passlane::Catalog> m_catalog;
    QStringList m_schemas;
    QHash<QString, int> m_findingsPerRelease;
};
