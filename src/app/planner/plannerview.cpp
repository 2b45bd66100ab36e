#include "planner/plannerview.h"
#include "ui_plannerview.h"

#include "document/document.h"
#include "document/documentcommands.h"
#include "export/exportreportdialog.h"
#include "document/scenariorunner.h"
#include "planner/customerdistribution.h"
#include "planner/tworoadspanel.h"
#include "models/plantreemodel.h"
#include "models/productmigratormodel.h"
#include "project/customerscsv.h"
#include "report/planreport.h"
#include "simulator/customerexport.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QStyle>
#include <QUndoStack>

using namespace passlane;

namespace {
enum CustomerKind { NoCustomer, ProjectCustomer, CsvRow };
constexpr int CustomerKindRole = Qt::UserRole + 1;
constexpr int CustomerValueRole = Qt::UserRole + 2;
} // namespace

PlannerView::PlannerView(Document *doc, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::PlannerView>()), m_doc(doc),
      m_runner(doc->runner()), m_model(new PlanTreeModel(this)),
      m_migratorModel(new ProductMigratorModel(this)), m_roads(new TwoRoadsPanel(this)),
      m_standardHops(new RoadHopsTable(this))
{
    m_ui->setupUi(this);
    // The two roads between the summary and the plan: how long, and which road, at a glance.
    m_roads->setShowGrounds(true);
    m_ui->mainLayout->insertWidget(m_ui->mainLayout->indexOf(m_ui->summaryLabel) + 1, m_roads);
    m_standardHops->setObjectName(QStringLiteral("standardHops"));
    m_ui->hopsLayout->addWidget(m_standardHops);
    m_ui->planTree->setModel(m_model);
    m_ui->planTree->header()->setSectionResizeMode(PlanTreeModel::ItemColumn, QHeaderView::Interactive);
    m_ui->planTree->header()->resizeSection(PlanTreeModel::ItemColumn, 420);
    m_ui->planTree->header()->setStretchLastSection(true);
    m_ui->migratorTree->setModel(m_migratorModel);
    m_ui->migratorTree->header()->resizeSection(ProductMigratorModel::ItemColumn, 220);
    m_ui->migratorTree->header()->setStretchLastSection(true);
    m_ui->migratorSplitter->setStretchFactor(0, 3);
    m_ui->migratorSplitter->setStretchFactor(1, 1);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);

    connect(m_ui->fromCombo, &QComboBox::currentIndexChanged, this, &PlannerView::pickersChanged);
    connect(m_ui->toCombo, &QComboBox::currentIndexChanged, this, &PlannerView::pickersChanged);
    connect(m_ui->swapButton, &QToolButton::clicked, this, [this] {
        const int from = m_ui->fromCombo->currentIndex();
        m_updating = true;
        m_ui->fromCombo->setCurrentIndex(m_ui->toCombo->currentIndex());
        m_updating = false;
        m_ui->toCombo->setCurrentIndex(from);
    });
    connect(m_ui->customerCombo, &QComboBox::activated, this, &PlannerView::customerPicked);
    connect(m_ui->customerCsvButton, &QToolButton::clicked, this, &PlannerView::chooseCustomerCsv);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &PlannerView::exportReport);
    connect(m_ui->previewButton, &QPushButton::clicked, this, &PlannerView::printPreview);
    m_exportAction = new QAction(tr("Export &Report…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(m_ui->exportButton->toolTip());
    connect(m_exportAction, &QAction::triggered, this, &PlannerView::exportReport);
    m_previewAction = new QAction(tr("Print Pre&view…"), this);
    m_previewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_previewAction->setToolTip(m_ui->previewButton->toolTip());
    connect(m_previewAction, &QAction::triggered, this, &PlannerView::printPreview);
    connect(m_ui->planTree->selectionModel(), &QItemSelectionModel::currentChanged, this, &PlannerView::showSelected);
    connect(m_ui->migratorTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PlannerView::showMigratorSelected);

    connect(doc, &Document::catalogChanged, this, &PlannerView::populateVersions);
    connect(doc, &Document::projectChanged, this, &PlannerView::populateCustomers);
    connect(doc, &Document::planRequestChanged, this, &PlannerView::requestChanged);
    connect(m_runner, &ScenarioRunner::evaluationChanged, this, &PlannerView::planChanged);
    connect(m_runner, &ScenarioRunner::busyChanged, this,
            [this](bool busy) { m_ui->busyLabel->setText(busy ? tr("Planning…") : QString()); });

    populateVersions();
    populateCustomers();
    planChanged();
}

PlannerView::~PlannerView() = default;

QTreeView *PlannerView::planTree() const
{
    return m_ui->planTree;
}

QTreeView *PlannerView::migratorTree() const
{
    return m_ui->migratorTree;
}

void PlannerView::populateVersions()
{
    const QList<Version> versions = m_doc->catalog()->graph.versions();
    m_updating = true;
    for (QComboBox *combo : {m_ui->fromCombo, m_ui->toCombo}) {
        combo->clear();
        for (const Version &v : versions)
            combo->addItem(v.toString(), v.toString());
    }
    m_updating = false;
    if (!m_doc->hasPlanRequest() && versions.size() >= 2) {
        // A sensible first look: the oldest release to the newest.
        m_doc->setPlanRequest(versions.first(), versions.last());
    }
    requestChanged();
}

void PlannerView::requestChanged()
{
    m_updating = true;
    if (const auto from = m_doc->planFrom())
        m_ui->fromCombo->setCurrentIndex(m_ui->fromCombo->findData(from->toString()));
    if (const auto to = m_doc->planTo())
        m_ui->toCombo->setCurrentIndex(m_ui->toCombo->findData(to->toString()));
    m_updating = false;
}

void PlannerView::pickersChanged()
{
    if (m_updating)
        return;
    const auto from = Version::parse(m_ui->fromCombo->currentData().toString());
    const auto to = Version::parse(m_ui->toCombo->currentData().toString());
    if (!from || !to)
        return;
    // Another target keeps the start (a customer's state); another source is a plain release.
    if (from == m_doc->planFrom())
        m_doc->setQuestion(m_doc->start(), from, to);
    else
        m_doc->setPlanRequest(*from, *to);
}

void PlannerView::populateCustomers()
{
    QComboBox *combo = m_ui->customerCombo;
    combo->clear();
    combo->addItem(tr("(none)"));
    combo->setItemData(0, NoCustomer, CustomerKindRole);
    const Project project = m_doc->project();
    for (qsizetype i = 0; i < project.customers.size(); ++i) {
        const CustomerState &c = project.customers[i];
        const QString what = c.version ? c.version->toString() : tr("export");
        combo->addItem(QStringLiteral("%1 (%2)").arg(c.name, what));
        combo->setItemData(combo->count() - 1, ProjectCustomer, CustomerKindRole);
        combo->setItemData(combo->count() - 1, int(i), CustomerValueRole);
    }
    if (!project.customersCsv.isEmpty()) {
        const auto rows = CustomersCsv::readFile(project.customersCsv);
        if (rows) {
            for (const SourceWeight &w : rows.value()) {
                combo->addItem(tr("%1 × %2 instance(s)").arg(w.version.toString()).arg(w.instances));
                combo->setItemData(combo->count() - 1, CsvRow, CustomerKindRole);
                combo->setItemData(combo->count() - 1, w.version.toString(), CustomerValueRole);
            }
        }
    }
}

void PlannerView::customerPicked(int index)
{
    QComboBox *combo = m_ui->customerCombo;
    std::optional<Version> version;
    ScenarioStart start;
    switch (combo->itemData(index, CustomerKindRole).toInt()) {
    case ProjectCustomer: {
        // The customer's own state: its export (what it really applied) and its OOB row counts.
        const Project project = m_doc->project();
        const CustomerState &c = project.customers.value(combo->itemData(index, CustomerValueRole).toInt());
        start.kind = ScenarioStart::Kind::Customer;
        start.customer = c.name;
        version = c.version;
        if (!version && !c.exportFile.isEmpty()) {
            const Result<StartState> state = CustomerExport::readFile(c.exportFile);
            if (!state) {
                QMessageBox::warning(this, tr("Customer"), state.error().toString());
                return;
            }
            version = state->version;
        }
        break;
    }
    case CsvRow:
        version = Version::parse(combo->itemData(index, CustomerValueRole).toString());
        break;
    default:
        return;
    }
    if (!version) {
        QMessageBox::information(this, tr("Customer"), tr("This customer's version is unknown."));
        return;
    }
    if (m_ui->fromCombo->findData(version->toString()) < 0) {
        QMessageBox::information(this, tr("Customer"),
                                 tr("The customer runs %1, which is not among the loaded releases.").arg(version->toString()));
        return;
    }
    const auto to = Version::parse(m_ui->toCombo->currentData().toString());
    m_doc->setQuestion(start, version, to ? to : m_doc->planTo());
}

void PlannerView::chooseCustomerCsv()
{
    chooseCustomerDistribution(this, m_doc);
}

void PlannerView::planChanged()
{
    const std::shared_ptr<const Evaluation> evaluation = m_runner->evaluation();
    const std::optional<UpgradePlan> noPlan;
    const std::optional<UpgradePlan> &plan = evaluation ? evaluation->plan : noPlan;
    m_ui->messagesList->clear();
    m_roads->setTimeModel(evaluation && evaluation->time ? &*evaluation->time : nullptr);
    m_standardHops->setRoad(evaluation && evaluation->time ? &evaluation->time->roads.standard : nullptr);
    m_ui->exportButton->setEnabled(plan.has_value());
    m_ui->previewButton->setEnabled(plan.has_value());
    m_exportAction->setEnabled(plan.has_value());
    m_previewAction->setEnabled(plan.has_value());
    migratorChanged(plan ? evaluation.get() : nullptr);
    if (!plan) {
        m_model->clear();
        m_ui->summaryLabel->setText(m_runner->error().isEmpty() ? tr("Choose the versions to upgrade from and to.")
                                                                : m_runner->error().toHtmlEscaped());
        m_ui->hopsLabel->clear();
        return;
    }
    m_model->setPlan(*plan, &evaluation->catalog->graph, &evaluation->registry, evaluation->planFindings);
    m_ui->planTree->expandToDepth(0);

    qsizetype migrations = 0;
    for (const PlanStep &s : plan->steps)
        migrations += s.migrationCount();
    QStringList stops;
    for (const Stop &s : plan->stops)
        stops << s.release.toString();
    QString summary;
    // A hypothetical answer says so before anything else.
    const QStringList whatIf = evaluation->whatIf();
    if (!whatIf.isEmpty())
        summary += QStringLiteral("<span style='background:#fff3c4;color:#6a4a00'>&nbsp;%1&nbsp;</span><br>")
                       .arg(tr("What-if: %1").arg(whatIf.join(QStringLiteral("; ")).toHtmlEscaped()));
    summary += tr("<b>%1 → %2</b> (%3, from %4): ")
                   .arg(plan->from.toString(), plan->to.toString(), pairKindName(plan->kind), evaluation->startOrigin.toHtmlEscaped());
    summary += stops.isEmpty() ? tr("no stop") : tr("%n stop(s) at %1", nullptr, int(stops.size())).arg(stops.join(QStringLiteral(", ")));
    summary += tr(", %n migration(s)", nullptr, int(migrations));
    const Problems errors = problemsOf(evaluation->problems, Severity::Error);
    if (!errors.isEmpty())
        summary += QStringLiteral(" — <span style='color:#b00000'>%1</span>").arg(tr("%n error(s)", nullptr, int(errors.size())));
    summary += QStringLiteral(" <span style='color:#777'>(%1)</span>").arg(tr("answered in %1 ms").arg(m_runner->lastElapsedMs()));
    m_ui->summaryLabel->setText(summary);

    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon infoIcon = style()->standardIcon(QStyle::SP_MessageBoxInformation);
    for (Severity severity : {Severity::Error, Severity::Warning, Severity::Info}) {
        for (const Problem &p : problemsOf(evaluation->problems, severity)) {
            auto *item = new QListWidgetItem(severity == Severity::Error     ? errorIcon
                                             : severity == Severity::Warning ? warningIcon
                                                                             : infoIcon,
                                             p.message, m_ui->messagesList);
            item->setData(Qt::UserRole, p.kind);
        }
    }
    for (const Finding &f : evaluation->planFindings) {
        if (f.isError())
            continue; // already listed as a problem
        new QListWidgetItem(f.severity == Severity::Warning ? warningIcon : infoIcon,
                            tr("%1 %2 (%3): %4").arg(f.schema.isEmpty() ? tr("OOB") : f.schema).arg(*f.id).arg(f.kind, f.message),
                            m_ui->messagesList);
    }
    const int listed = m_ui->messagesList->count();
    if (listed == 0)
        m_ui->messagesList->addItem(tr("No warnings."));
    m_ui->detailTabs->setTabText(0, listed == 0 ? tr("Warnings && errors") : tr("Warnings && errors (%1)").arg(listed));

    if (!evaluation->time || evaluation->time->roads.standard.hops.isEmpty())
        m_standardHops->setPath(plan->from, plan->standardPath);
    m_ui->hopsLabel->setText(tr("Without stops the instance needs %1, one after the other, each online between hops:")
                                 .arg(alternativeHops(*plan)));
}

void PlannerView::showSelected()
{
    const QModelIndex index = m_ui->planTree->currentIndex();
    m_ui->sqlView->clear();
    m_ui->detailLabel->clear();
    if (!index.isValid())
        return;
    const auto kind = PlanTreeModel::Kind(index.data(PlanTreeModel::KindRole).toInt());
    const QString schema = index.data(PlanTreeModel::SchemaRole).toString();
    const qint64 id = index.data(PlanTreeModel::MigrationIdRole).toLongLong();
    if (kind == PlanTreeModel::Kind::Manual) {
        m_ui->detailLabel->setText(tr("Run by hand, as a superuser, before this step (%1 %2):").arg(schema).arg(id));
        m_ui->sqlView->setPlainText(index.data(PlanTreeModel::SqlRole).toString());
    } else if (kind == PlanTreeModel::Kind::Migration) {
        const auto evaluation = m_runner->evaluation();
        const auto catalog = evaluation ? evaluation->catalog : nullptr;
        const auto release = Version::parse(index.data(PlanTreeModel::ReleaseRole).toString());
        const MigrationPtr def = catalog && release ? catalog->graph.shippedDefinition(schema, id, *release) : nullptr;
        const bool down = index.data(PlanTreeModel::DownRole).toBool();
        QStringList notes;
        if (index.data(PlanTreeModel::OutsideTransactionRole).toBool())
            notes << tr("runs outside a transaction");
        if (index.data(PlanTreeModel::PrivilegedRole).toBool())
            notes << tr("privileged");
        m_ui->detailLabel->setText(tr("%1 %2 %3%4").arg(schema).arg(id).arg(def ? def->name : QString(),
                                   notes.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(notes.join(QStringLiteral(", ")))));
        if (def)
            m_ui->sqlView->setPlainText(QString::fromUtf8(down ? def->downQuery : def->upQuery));
        m_doc->selectMigration(schema, id);
    } else {
        m_ui->detailLabel->setText(index.data(Qt::ToolTipRole).toString().isEmpty() ? index.data().toString()
                                                                                      : index.data(Qt::ToolTipRole).toString());
    }
    m_ui->detailTabs->setCurrentWidget(m_ui->detailTab);
}

void PlannerView::migratorChanged(const Evaluation *evaluation)
{
    m_ui->migratorSqlView->clear();
    const int tab = m_ui->detailTabs->indexOf(m_ui->migratorTab);
    const ProductMigratorView *view = evaluation && evaluation->plan ? evaluation->plan->productMigrator.get() : nullptr;
    if (!view) {
        m_migratorModel->clear();
        m_ui->detailTabs->setTabText(tab, tr("The product's migrator"));
        m_ui->detailTabs->setTabIcon(tab, {});
        return;
    }
    m_migratorModel->setView(*view, &evaluation->catalog->graph, &evaluation->registry);
    m_ui->migratorTree->expandToDepth(0);
    m_ui->detailTabs->setTabText(tab, view->noDifference()
                                          ? tr("The product's migrator")
                                          : tr("The product's migrator (%1)").arg(view->differences.size()));
    m_ui->detailTabs->setTabIcon(tab, view->canPlan() ? QIcon() : style()->standardIcon(QStyle::SP_MessageBoxCritical));
}

void PlannerView::showMigratorSelected()
{
    const QModelIndex index = m_ui->migratorTree->currentIndex();
    if (!index.isValid()) {
        m_ui->migratorSqlView->clear();
        return;
    }
    const QModelIndex item = index.siblingAtColumn(ProductMigratorModel::ItemColumn);
    const auto kind = ProductMigratorModel::Kind(item.data(ProductMigratorModel::KindRole).toInt());
    QString text = item.data(Qt::DisplayRole).toString();
    const QString detail = item.siblingAtColumn(ProductMigratorModel::DetailColumn).data().toString();
    if (!detail.isEmpty())
        text += QStringLiteral(": ") + detail;
    // A migration or OOB row under a difference explains that difference; show it with its SQL.
    QModelIndex difference = item;
    while (difference.isValid()
           && ProductMigratorModel::Kind(difference.data(ProductMigratorModel::KindRole).toInt()) != ProductMigratorModel::Kind::Difference)
        difference = difference.parent();
    if (difference.isValid() && difference != item)
        text = difference.siblingAtColumn(ProductMigratorModel::DetailColumn).data().toString() + QStringLiteral("\n\n") + text;
    const QString sql = difference.isValid() ? difference.data(ProductMigratorModel::SqlRole).toString() : QString();
    if (!sql.isEmpty())
        text += tr("\n\nRun by hand after the product's downgrade, as a superuser:\n\n") + sql.trimmed();
    m_ui->migratorSqlView->setPlainText(text);
    if (kind == ProductMigratorModel::Kind::Migration)
        m_doc->selectMigration(item.data(ProductMigratorModel::SchemaRole).toString(),
                               item.data(ProductMigratorModel::MigrationIdRole).toLongLong());
}

void PlannerView::exportReport()
{
    if (!m_runner->evaluation() || !m_runner->evaluation()->plan)
        return;
    ExportReportDialog dialog(m_doc, this);
    dialog.exec();
}

void PlannerView::printPreview()
{
    if (!m_runner->evaluation() || !m_runner->evaluation()->plan)
        return;
    ExportReportDialog::printPreview(m_doc, this);
}
