#include "releasespanel.h"
#include "ui_releasespanel.h"

#include "document/document.h"
#include "models/releasetablemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QHeaderView>
#include <QMainWindow>
#include <QScrollBar>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTimer>

using namespace passlane;

ReleasesPanel::ReleasesPanel(Document *doc, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_ui(std::make_unique<Ui::ReleasesPanel>()), m_model(new ReleaseTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ReleaseTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_ui->table->setModel(m_proxy);
    m_ui->table->sortByColumn(ReleaseTableModel::VersionColumn, Qt::AscendingOrder);
    m_ui->table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_ui->table->verticalHeader()->setDefaultSectionSize(m_ui->table->fontMetrics().height() + 6);

    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_ui->table, &QWidget::customContextMenuRequested, this, &ReleasesPanel::showContextMenu);
    connect(doc, &Document::catalogChanged, this, [this] {
        m_model->setCatalog(m_doc->catalog());
        fitColumns();
    });
    m_model->setCatalog(doc->catalog());
}

ReleasesPanel::~ReleasesPanel() = default;

void ReleasesPanel::fitColumns()
{
    // Each column as wide as its cells and its header: the schema columns hold short counts, so
    // their names decide, and a cut name ("codeinsi") cannot be told from another schema's.
    m_ui->table->resizeColumnsToContents();
    // The dock as wide as the table, so that no column hides behind a scrollbar (up to
    // half the window: beyond that the scrollbar is the lesser evil).
    // Deferred: the main window lays its docks out after the model's rows arrive.
    QTimer::singleShot(0, this, [this] {
        auto *dock = qobject_cast<QDockWidget *>(parentWidget());
        auto *window = dock ? qobject_cast<QMainWindow *>(dock->parentWidget()) : nullptr;
        if (!window || dock->isFloating())
            return;
        const int needed = std::min(tableWidth() + (dock->width() - m_ui->table->width()), window->width() / 2);
        if (dock->width() < needed)
            window->resizeDocks({dock}, {needed}, Qt::Horizontal);
        // Whatever the style's margins add up to: grow by what the scrollbar still scrolls.
        QTimer::singleShot(0, this, [this, dock, window] {
            const int extra = m_ui->table->horizontalScrollBar()->maximum();
            if (extra > 0 && dock->width() + extra <= window->width() / 2)
                window->resizeDocks({dock}, {dock->width() + extra + 2}, Qt::Horizontal);
        });
    });
}

int ReleasesPanel::tableWidth() const
{
    const QTableView *table = m_ui->table;
    return table->verticalHeader()->isVisible() * table->verticalHeader()->width()
        + table->horizontalHeader()->length() + 2 * table->frameWidth()
        + table->verticalScrollBar()->sizeHint().width() + 4; // the viewport's own margins
}

QSize ReleasesPanel::sizeHint() const
{
    QSize hint = QWidget::sizeHint();
    hint.setWidth(std::max(hint.width(), tableWidth() + layout()->contentsMargins().left() + layout()->contentsMargins().right()));
    return hint;
}

QTableView *ReleasesPanel::table() const
{
    return m_ui->table;
}

void ReleasesPanel::setFilterText(const QString &text)
{
    m_ui->filterEdit->setText(text);
}

void ReleasesPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndexList rows = m_ui->table->selectionModel()->selectedRows();
    const QModelIndex index = m_ui->table->indexAt(pos);
    if (!index.isValid())
        return;
    const Version version = m_model->versionAt(m_proxy->mapToSource(index).row());
    QMenu menu;
    menu.addAction(tr("Copy Version"), this,
                   [version] { QApplication::clipboard()->setText(version.toString()); });
    menu.addSeparator();
    // Two selected rows: the lower version is "from", the higher "to".
    if (rows.size() == 2) {
        Version a = m_model->versionAt(m_proxy->mapToSource(rows[0]).row());
        Version b = m_model->versionAt(m_proxy->mapToSource(rows[1]).row());
        if (b < a)
            std::swap(a, b);
        menu.addAction(tr("Plan Upgrade %1 → %2").arg(a.toString(), b.toString()), this,
                       [this, a, b] { m_doc->setPlanRequest(a, b); });
    }
    const auto to = m_doc->planTo();
    const auto from = m_doc->planFrom();
    menu.addAction(tr("Plan From %1").arg(version.toString()), this, [this, version, to] {
        const auto catalog = m_doc->catalog();
        m_doc->setPlanRequest(version, to ? *to : catalog->releases.last()->version);
    });
    menu.addAction(tr("Plan To %1").arg(version.toString()), this, [this, version, from] {
        const auto catalog = m_doc->catalog();
        m_doc->setPlanRequest(from ? *from : catalog->releases.first()->version, version);
    });
    menu.exec(m_ui->table->viewport()->mapToGlobal(pos));
}
