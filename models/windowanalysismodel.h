#pragma once

#include "plan/windowanalysis.h"

#include <QAbstractTableModel>

namespace passlane {

/// A WindowReport as a table: one row per source version, its stops before and after the
/// what-if proposals with the OOB ids completing at each (as the CLI writes them), and the row's
/// WindowChange.
class WindowAnalysisModel : public QAbstractTableModel {
    Q_OBJECT
public:
    /// The change and Δ come before the long stop lists so they stay in view in a narrow pane.
    enum Column { SourceColumn, InstancesColumn, ChangeColumn, AddedColumn, BeforeColumn, AfterColumn, ColumnCount };

    enum Roles {
        SourceRole = Qt::UserRole + 1, ///< QString version
        InstancesRole,                 ///< int
        StopsBeforeRole,               ///< QStringList of stop releases
        StopsAfterRole,                ///< QStringList
        AddedStopsRole,                ///< int (may be negative)
        ChangeRole,                    ///< QString windowChangeName
        AffectedRole,                  ///< bool: windowChangeAffects
        SortRole,                      ///< numbers and versions that sort correctly
    };
    Q_ENUM(Roles)

    explicit WindowAnalysisModel(QObject *parent = nullptr);

    void setReport(const WindowReport &report);
    void clear();
    const WindowReport &report() const { return m_report; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    WindowReport m_report;
};

} // namespace passlane
