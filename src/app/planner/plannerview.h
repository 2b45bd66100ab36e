#pragma once

#include <QWidget>

#include <memory>

class Document;
class ScenarioRunner;
class QAction;
class QTreeView;
class RoadHopsTable;
class TwoRoadsPanel;
namespace Ui { class PlannerView; }
namespace passlane { class PlanTreeModel; class ProductMigratorModel; struct Evaluation; }

/// The Planner tab: from/to pickers (or a customer's version), the current plan as a tree,
/// the time model's two roads (the multi-version upgrade beside successive standard upgrades,
/// with the standard hops' earliest starts), warnings and errors, what the product's own migrator would do
/// differently, and report export. Choosing a pair sets
/// the Document's plan request; the plan itself comes from the document's ScenarioRunner.
class PlannerView : public QWidget {
    Q_OBJECT
public:
    explicit PlannerView(Document *doc, QWidget *parent = nullptr);
    ~PlannerView() override;

    passlane::PlanTreeModel *planModel() const { return m_model; }
    QTreeView *planTree() const;
    passlane::ProductMigratorModel *migratorModel() const { return m_migratorModel; }
    QTreeView *migratorTree() const;
    TwoRoadsPanel *roadsPanel() const { return m_roads; }
    RoadHopsTable *standardHops() const { return m_standardHops; }
    /// File menu entries for the Export and Preview buttons: enabled exactly when they are.
    QAction *exportReportAction() const { return m_exportAction; }
    QAction *printPreviewAction() const { return m_previewAction; }

public Q_SLOTS:
    void exportReport();
    void printPreview();

private:
    void populateVersions();
    void populateCustomers();
    void pickersChanged();
    void customerPicked(int index);
    void chooseCustomerCsv();
    void planChanged();
    void requestChanged();
    void showSelected();
    void showMigratorSelected();
    void migratorChanged(const passlane::Evaluation *evaluation);

    std::unique_ptr<Ui::PlannerView> m_ui;
    Document *m_doc;
    ScenarioRunner *m_runner;
    passlane::PlanTreeModel *m_model;
    QAction *m_exportAction;
    QAction *m_previewAction;
    passlane::ProductMigratorModel *m_migratorModel;
    TwoRoadsPanel *m_roads;
    RoadHopsTable *m_standardHops;
    bool m_updating = false; ///< combos are being filled from the document: do not echo back
};
