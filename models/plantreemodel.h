#pragma once

#include "common/finding.h"
#include "plan/upgradeplan.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace passlane {

class StitchedGraph;
class OobRegistry;

/// An UpgradePlan as a tree: steps (stops, then the target) -> manual steps, schemas ->
/// migrations, and the OOB waits that end each stop. Two columns: the item and its details.
/// Read-only; rebuilt wholesale by setPlan().
class PlanTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Kind { Step, Schema, Migration, Manual, OobWait };
    Q_ENUM(Kind)

    enum Roles {
        KindRole = Qt::UserRole + 1, ///< Kind as int
        ReleaseRole,                 ///< the step's release ("6.0.0") on every node of the step
        SchemaRole,                  ///< schema name (Schema, Migration, Manual)
        MigrationIdRole,             ///< qint64 (Migration, Manual)
        OobIdRole,                   ///< int (OobWait)
        SqlRole,                     ///< a manual step's SQL
        OutsideTransactionRole,      ///< bool (Migration): CREATE INDEX CONCURRENTLY and friends
        PrivilegedRole,              ///< bool (Migration, Manual)
        IsTargetRole,                ///< bool (Step): the last step, not a stop
        DownRole,                    ///< bool: the step runs down migrations
        FindingSeverityRole,         ///< int (Migration): the worst Severity of its findings, -1 for none
    };
    Q_ENUM(Roles)

    enum Column { ItemColumn, DetailColumn, ColumnCount };

    explicit PlanTreeModel(QObject *parent = nullptr);
    ~PlanTreeModel() override;

    /// Replaces the plan. `graph` and `registry` only supply names and descriptions while the
    /// tree is built; nothing keeps pointing at them. `findings` about the plan's migrations
    /// flag the migrations they concern (and the steps that run them).
    void setPlan(const UpgradePlan &plan, const StitchedGraph *graph = nullptr,
                 const OobRegistry *registry = nullptr, const Findings &findings = {});
    void clear();
    bool hasPlan() const { return m_hasPlan; }
    const UpgradePlan &plan() const { return m_plan; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node;
    Node *nodeFor(const QModelIndex &index) const;

    std::unique_ptr<Node> m_root;
    UpgradePlan m_plan;
    bool m_hasPlan = false;
};

} // namespace passlane
