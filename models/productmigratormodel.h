#pragma once

#include "plan/productmigrator.h"

#include <QAbstractItemModel>
#include <QList>

#include <memory>

namespace passlane {

class OobRegistry;
class StitchedGraph;

/// The product migrator's view of one plan as a tree: its differences from Passlane's plan
/// (blocking ones first, each with the migrations and OOB ids it names), then its steps (per
/// schema, the migrations in the order it runs them). Names come from the graph and registry
/// the plan was made on.
class ProductMigratorModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { ItemColumn, DetailColumn, ColumnCount };

    enum class Kind { Summary, DifferenceGroup, Difference, StepGroup, Step, Schema, Migration, Oob };
    Q_ENUM(Kind)

    enum Roles {
        KindRole = Qt::UserRole + 1, ///< int Kind
        DifferenceKindRole,          ///< QString: "drift", "order", ... (Difference rows and their children)
        BlockingRole,                ///< bool: the migrator cannot plan the pair
        SqlRole,                     ///< QString: a drift's down.sql to run by hand
        SchemaRole,                  ///< QString (Schema and Migration rows)
        MigrationIdRole,             ///< qint64 (Migration rows)
        OobIdRole,                   ///< int (Oob rows)
    };
    Q_ENUM(Roles)

    explicit ProductMigratorModel(QObject *parent = nullptr);
    ~ProductMigratorModel() override;

    /// `graph` and `registry` give the names, copied in: neither is kept.
    void setView(const ProductMigratorView &view, const StitchedGraph *graph, const OobRegistry *registry);
    void clear();
    bool hasView() const { return m_hasView; }
    const ProductMigratorView &view() const { return m_view; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node;
    int addNode(int parent, Node node);
    void build(const StitchedGraph *graph, const OobRegistry *registry);

    ProductMigratorView m_view;
    bool m_hasView = false;
    std::vector<Node> m_nodes; ///< m_nodes[0] is the invisible root
};

} // namespace passlane
