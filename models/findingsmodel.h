#pragma once

#include "common/finding.h"

#include <QAbstractTableModel>
#include <QStringList>

/// Every validation finding of a catalog, one row each.
class FindingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Roles {
        SeverityRole = Qt::UserRole + 1, ///< int (passlane::Severity)
        KindRole,                        ///< QString "missing-parent"
        ReleaseRole,                     ///< QString, may be empty
        SchemaRole,                      ///< QString, may be empty
        MigrationIdRole,                 ///< qint64, invalid QVariant when the finding names none
        FileRole,
        MessageRole,
        SortRole, ///< severity sorts by level, ids numerically, the rest as text
    };
    Q_ENUM(Roles)

    enum Column { SeverityColumn, KindColumn, ReleaseColumn, SchemaColumn, IdColumn, MessageColumn, FileColumn, ColumnCount };

    explicit FindingsModel(QObject *parent = nullptr);

    void setFindings(passlane::Findings findings);
    const passlane::Findings &findings() const { return m_findings; }
    const passlane::Finding &finding(int row) const { return m_findings.at(row); }
    QStringList kinds() const; ///< distinct kinds, sorted

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    passlane::Findings m_findings;
};
