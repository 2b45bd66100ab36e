#include "graphview.h"

#include "document/document.h"
#include "graphcanvas.h"
#include "graphexport.h"
#include "graphoverview.h"
#include "graphscene.h"
#include "migrationdetails.h"
#include "migrationnodeitem.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QSplitter>
#include <QSvgGenerator>
#include <QToolButton>
#include <QtConcurrent>

using namespace passlane;

namespace {
constexpr qreal InitialZoom = 0.7;
}

GraphView::GraphView(Document *doc, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_scene(new GraphScene(this)), m_canvas(new GraphCanvas),
      m_details(new MigrationDetails(doc)), m_splitter(new QSplitter(Qt::Horizontal)),
      m_schemaCombo(new QComboBox), m_searchEdit(new QLineEdit), m_legend(new QLabel),
      m_busy(new QLabel(tr("Laying out…")))
{
    m_canvas->setScene(m_scene);
    createActions();

    m_schemaCombo->setToolTip(tr("Schema whose stitched graph is shown"));
    m_schemaCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_searchEdit->setPlaceholderText(tr("Find migration by id or name (Ctrl+F)"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setToolTip(tr("Enter: jump to the next match"));
    m_searchEdit->setMinimumWidth(260);
    m_legend->setTextFormat(Qt::RichText);
    // Twenty minors side by side must not set the window's minimum width (the docks could not
    // grow): the legend shows what fits; the overview names every release band anyway.
    m_legend->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_legend->setMinimumWidth(120);
    m_legend->setToolTip(tr("Node colour: the minor release that introduced the migration.\n"
                            "Markers: P privileged, C concurrent index, S squashed, E edited after shipping."));
    m_busy->setVisible(false);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 2);
    bar->addWidget(new QLabel(tr("Schema:")));
    bar->addWidget(m_schemaCombo);
    bar->addWidget(m_searchEdit);
    for (QAction *action : std::as_const(m_viewActions)) {
        if (action->data().toString() == u"find" || action->data().toString() == u"overview")
            continue;
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        bar->addWidget(button);
    }
    bar->addWidget(m_busy);
    bar->addStretch();
    bar->addWidget(m_legend);

    m_splitter->addWidget(m_canvas);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({1000, 320});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    connect(m_schemaCombo, &QComboBox::currentTextChanged, this, [this] { requestLayout(); });
    connect(m_searchEdit, &QLineEdit::returnPressed, this, [this] {
        if (!search(m_searchEdit->text()))
            Q_EMIT statusMessage(tr("No migration matches “%1” in %2").arg(m_searchEdit->text(), schema()));
    });
    connect(&m_watcher, &QFutureWatcher<GraphLayoutResult>::finished, this, &GraphView::onLayoutFinished);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &GraphView::onSceneSelectionChanged);
    connect(m_canvas, &GraphCanvas::contextMenuRequested, this, &GraphView::showContextMenu);
    connect(doc, &Document::catalogChanged, this, &GraphView::onCatalogChanged);
    connect(doc, &Document::selectedMigrationChanged, this, &GraphView::showSelection);
    connect(doc, &Document::currentPlanChanged, this, &GraphView::applyCurrentPlan);
    onCatalogChanged();
}

GraphView::~GraphView()
{
    m_watcher.waitForFinished();
}

void GraphView::createActions()
{
    auto add = [this](const QString &text, const QKeySequence &key, const QString &tip, auto slot,
                      const QString &tag = {}) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        action->setData(tag);
        connect(action, &QAction::triggered, this, slot);
        m_viewActions.append(action);
        return action;
    };
    add(tr("Zoom In"), QKeySequence::ZoomIn, tr("Zoom in"), [this] { m_canvas->zoomBy(1.25); })
        ->setIcon(QIcon::fromTheme(QStringLiteral("zoom-in"), QIcon(QStringLiteral(":/icons/zoom-in.svg"))));
    add(tr("Zoom Out"), QKeySequence::ZoomOut, tr("Zoom out"), [this] { m_canvas->zoomBy(0.8); })
        ->setIcon(QIcon::fromTheme(QStringLiteral("zoom-out"), QIcon(QStringLiteral(":/icons/zoom-out.svg"))));
    add(tr("Fit Graph"), QKeySequence(Qt::CTRL | Qt::Key_0), tr("Fit the whole graph"), [this] { m_canvas->fitAll(); })
        ->setIcon(QIcon::fromTheme(QStringLiteral("zoom-fit-best"), QIcon(QStringLiteral(":/icons/zoom-fit.svg"))));
    add(tr("Fit Release"), QKeySequence(Qt::CTRL | Qt::Key_9),
        tr("Fit the release band of the selected migration (or of the one in the middle of the view)"),
        [this] { fitRelease(); })
        ->setIcon(QIcon::fromTheme(QStringLiteral("zoom-fit-width"), QIcon(QStringLiteral(":/icons/zoom-fit.svg"))));
    m_overviewAction = add(tr("Show Overview"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
                           tr("Show or hide the overview of the whole graph"),
                           [this](bool on) { m_canvas->overview()->setVisible(on); }, QStringLiteral("overview"));
    m_overviewAction->setCheckable(true);
    m_overviewAction->setChecked(true);
    add(tr("Find Migration…"), QKeySequence::Find, tr("Find a migration by id or name"),
        [this] {
            m_searchEdit->setFocus();
            m_searchEdit->selectAll();
        },
        QStringLiteral("find"));
    // Ctrl+= is what most keyboards produce for "zoom in" without Shift.
    m_viewActions.first()->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});

    auto exportAction = [this](const QString &text, const QString &filter, const QString &suffix) {
        auto *action = new QAction(text, this);
        connect(action, &QAction::triggered, this, [this, filter, suffix] { exportWithDialog(filter, suffix); });
        m_exportActions.append(action);
    };
    exportAction(tr("Export Graph as SVG…"), tr("SVG images (*.svg)"), QStringLiteral("svg"));
    exportAction(tr("Export Graph as PNG…"), tr("PNG images (*.png)"), QStringLiteral("png"));
    exportAction(tr("Export Graph as DOT…"), tr("Graphviz DOT (*.dot *.gv)"), QStringLiteral("dot"));
}

QStringList GraphView::schemas() const
{
    QStringList list;
    for (int i = 0; i < m_schemaCombo->count(); ++i)
        list << m_schemaCombo->itemText(i);
    return list;
}

QString GraphView::schema() const
{
    return m_schemaCombo->currentText();
}

void GraphView::setSchema(const QString &schema)
{
    m_schemaCombo->setCurrentText(schema);
}

void GraphView::setDark(bool dark)
{
    m_scene->setDark(dark);
    m_details->setDark(dark);
    updateLegend();
}

void GraphView::onCatalogChanged()
{
    m_cache.clear();
    const QString previous = schema();
    const QStringList list = m_doc->catalog()->graph.schemas();
    {
        const QSignalBlocker blocker(m_schemaCombo);
        m_schemaCombo->clear();
        m_schemaCombo->addItems(list);
        if (list.contains(previous))
            m_schemaCombo->setCurrentText(previous);
        else if (list.contains(QStringLiteral("frontend")))
            m_schemaCombo->setCurrentText(QStringLiteral("frontend"));
    }
    requestLayout();
}

void GraphView::requestLayout()
{
    const auto catalog = m_doc->catalog();
    const QString current = schema();
    if (current.isEmpty()) {
        m_scene->clearGraph();
        updateLegend();
        return;
    }
    m_layoutCatalog = catalog;
    m_layoutSchema = current;
    if (auto it = m_cache.constFind(current); it != m_cache.cend()) {
        m_pendingLayout = true;
        m_layoutInput = it->input;
        m_scene->populate(*catalog, current, it->input, it->result);
        m_pendingLayout = false;
        showNewest();
        updateLegend();
        applyCurrentPlan();
        Q_EMIT layoutReady();
        return;
    }
    m_layoutInput = GraphScene::layoutInput(*catalog, current);
    m_pendingLayout = true;
    m_busy->setVisible(true);
    m_watcher.setFuture(QtConcurrent::run([input = m_layoutInput] { return GraphLayout::compute(input); }));
}

void GraphView::onLayoutFinished()
{
    // Only the latest request's future reaches here; still check it matches what is shown.
    if (m_layoutCatalog != m_doc->catalog() || m_layoutSchema != schema())
        return;
    const GraphLayoutResult result = m_watcher.result();
    m_busy->setVisible(false);
    m_pendingLayout = false;
    if (!result.ok())
        Q_EMIT statusMessage(result.error);
    m_cache.insert(m_layoutSchema, {m_layoutInput, result});
    m_scene->populate(*m_layoutCatalog, m_layoutSchema, m_layoutInput, result);
    showNewest();
    updateLegend();
    applyCurrentPlan();
    if (m_pendingSelection) {
        const qint64 id = *std::exchange(m_pendingSelection, std::nullopt);
        showSelection(m_layoutSchema, id);
    }
    Q_EMIT statusMessage(tr("Laid out %1 migrations of %2 in %3 ms")
                             .arg(m_scene->nodeCount())
                             .arg(m_layoutSchema)
                             .arg(qRound(result.milliseconds)));
    Q_EMIT layoutReady();
}

void GraphView::showNewest()
{
    // Fitting hundreds of migrations leaves a hairline; start readable on the newest ones
    // (rightmost: ranks run left to right). Ctrl+0 still fits the whole graph.
    const QRectF bounds = m_scene->itemsBoundingRect();
    if (bounds.isEmpty())
        return;
    m_canvas->fitAll();
    if (m_canvas->zoom() >= InitialZoom)
        return;
    m_canvas->resetTransform();
    m_canvas->scale(InitialZoom, InitialZoom);
    const qreal halfWidth = m_canvas->viewport()->width() / (2 * InitialZoom);
    m_canvas->centerOn(QPointF(bounds.right() - halfWidth + 20, bounds.center().y()));
    Q_EMIT m_canvas->zoomChanged(m_canvas->zoom());
}

void GraphView::updateLegend()
{
    QString html;
    const auto entries = m_scene->legend();
    for (const auto &[minor, color] : entries)
        html += QStringLiteral("<span style=\"background-color:%1; color:%2\">&nbsp;%3&nbsp;</span> ")
                    .arg(color.name(), m_scene->isDark() ? QStringLiteral("#f0f0f0") : QStringLiteral("#202020"), minor);
    m_legend->setText(html);
}

bool GraphView::search(const QString &text)
{
    const QList<qint64> matches = m_scene->findMatches(text);
    if (matches.isEmpty())
        return false;
    // Enter again: the next match after the selected one, wrapping around.
    qint64 next = matches.first();
    const auto selected = m_doc->selectedMigration();
    if (selected && m_doc->selectedSchema() == schema()) {
        const auto it = std::upper_bound(matches.cbegin(), matches.cend(), *selected);
        if (it != matches.cend())
            next = *it;
    }
    m_doc->selectMigration(schema(), next);
    Q_EMIT statusMessage(tr("%1 match(es) for “%2”").arg(matches.size()).arg(text));
    return true;
}

void GraphView::showSelection(const QString &schemaName, qint64 id)
{
    if (schemaName != schema()) {
        if (!schemas().contains(schemaName))
            return;
        m_pendingSelection = id;
        setSchema(schemaName);
        return;
    }
    if (m_pendingLayout) {
        m_pendingSelection = id;
        return;
    }
    MigrationNodeItem *item = m_scene->node(id);
    if (!item)
        return;
    const QScopedValueRollback guard(m_syncingSelection, true);
    m_scene->clearSelection();
    item->setSelected(true);
    m_canvas->focusOn(item->pos());
}

void GraphView::onSceneSelectionChanged()
{
    if (m_syncingSelection)
        return;
    const auto selected = m_scene->selectedItems();
    if (selected.size() == 1 && selected.first()->type() == MigrationNodeItem::Type)
        m_doc->selectMigration(schema(), static_cast<MigrationNodeItem *>(selected.first())->migrationId());
}

void GraphView::highlightPlan(const QList<QSet<qint64>> &stepIds)
{
    m_scene->highlightSteps(stepIds);
}

void GraphView::applyCurrentPlan()
{
    QList<QSet<qint64>> steps;
    if (const auto plan = m_doc->currentPlan()) {
        for (const PlanStep &step : plan->steps) {
            const QList<qint64> ids = step.schemas.value(schema());
            steps.append(QSet<qint64>(ids.cbegin(), ids.cend()));
        }
    }
    highlightPlan(steps);
}

void GraphView::showContextMenu(qint64 id, const QPoint &globalPos)
{
    QMenu menu;
    if (id >= 0) {
        const MigrationPtr m = m_doc->catalog()->graph.definition(schema(), id);
        m_doc->selectMigration(schema(), id);
        menu.addAction(tr("Copy Id"), this, [id] { QApplication::clipboard()->setText(QString::number(id)); });
        if (m) {
            menu.addAction(tr("Copy Name"), this, [m] { QApplication::clipboard()->setText(m->name); });
            menu.addAction(tr("Copy Up SQL"), this,
                           [m] { QApplication::clipboard()->setText(QString::fromUtf8(m->upQuery)); });
            menu.addAction(tr("Copy Down SQL"), this,
                           [m] { QApplication::clipboard()->setText(QString::fromUtf8(m->downQuery)); });
        }
        menu.addSeparator();
    }
    for (QAction *action : std::as_const(m_viewActions))
        menu.addAction(action);
    menu.addSeparator();
    for (QAction *action : std::as_const(m_exportActions))
        menu.addAction(action);
    menu.exec(globalPos);
}

void GraphView::exportWithDialog(const QString &filter, const QString &suffix)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Graph"),
                                                      schema() + QLatin1Char('.') + suffix, filter);
    if (path.isEmpty())
        return;
    const Status status = suffix == u"svg" ? exportSvg(path) : suffix == u"png" ? exportPng(path) : exportDot(path);
    if (!status)
        QMessageBox::warning(this, tr("Export Graph"), status.error().toString());
    else
        Q_EMIT statusMessage(tr("Exported %1").arg(path));
}

void GraphView::setOverviewVisible(bool visible)
{
    m_overviewAction->setChecked(visible);
    m_canvas->overview()->setVisible(visible);
}

bool GraphView::isOverviewVisible() const
{
    return m_overviewAction->isChecked();
}

QString GraphView::fitRelease()
{
    qint64 id = -1;
    if (const auto selected = m_doc->selectedMigration(); selected && m_doc->selectedSchema() == schema())
        id = *selected;
    std::optional<QPointF> focus;
    if (MigrationNodeItem *node = m_scene->node(id))
        focus = node->pos();
    else {
        // Nothing selected here: the node nearest the middle of the view.
        const QPointF centre = m_canvas->mapToScene(m_canvas->viewport()->rect().center());
        qreal best = std::numeric_limits<qreal>::max();
        for (QGraphicsItem *item : m_scene->items()) {
            if (item->type() != MigrationNodeItem::Type)
                continue;
            const qreal d = QLineF(item->pos(), centre).length();
            if (d < best) {
                best = d;
                id = static_cast<MigrationNodeItem *>(item)->migrationId();
            }
        }
    }
    const GraphScene::ReleaseBand band = m_scene->releaseBandOf(id);
    if (band.ids.isEmpty())
        return {};
    m_canvas->fitRect(band.rect, focus);
    Q_EMIT statusMessage(tr("Release %1: %n migration(s) of %2", nullptr, int(band.ids.size())).arg(band.minor, schema()));
    return band.minor;
}

Status GraphView::exportSvg(const QString &path) const
{
    return GraphExport::writeSvg(*m_scene, path, tr("%1 migrations").arg(schema()));
}

Status GraphView::exportPng(const QString &path) const
{
    return GraphExport::writePng(*m_scene, path);
}

Status GraphView::exportDot(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(path, file.errorString());
    file.write(m_scene->toDot());
    if (!file.commit())
        return Status::failure(path, file.errorString());
    return success();
}

QByteArray GraphView::saveSplitterState() const
{
    return m_splitter->saveState();
}

void GraphView::restoreSplitterState(const QByteArray &state)
{
    m_splitter->restoreState(state);
}
