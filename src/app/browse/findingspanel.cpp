#include "findingspanel.h"
#include "ui_findingspanel.h"

#include "document/document.h"
#include "models/findingsfiltermodel.h"
#include "models/findingsmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QMenu>

using namespace passlane;

FindingsPanel::FindingsPanel(Document *doc, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_ui(std::make_unique<Ui::FindingsPanel>()), m_model(new FindingsModel(this)),
      m_proxy(new FindingsFilterModel(this))
{
    m_ui->setupUi(this);
    m_proxy->setSourceModel(m_model);
    m_ui->table->setModel(m_proxy);
    m_ui->table->verticalHeader()->setDefaultSectionSize(m_ui->table->fontMetrics().height() + 6);
    auto *header = m_ui->table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(FindingsModel::SeverityColumn, 90);
    header->resizeSection(FindingsModel::KindColumn, 190);
    header->resizeSection(FindingsModel::ReleaseColumn, 90);
    header->resizeSection(FindingsModel::SchemaColumn, 100);
    header->resizeSection(FindingsModel::IdColumn, 110);
    header->resizeSection(FindingsModel::MessageColumn, 600);

    m_ui->severityCombo->addItem(tr("All severities"));
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
        m_ui->severityCombo->addItem(severityName(s), int(s));

    connect(m_ui->severityCombo, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant v = m_ui->severityCombo->currentData();
        m_proxy->setSeverity(v.isValid() ? std::optional<int>(v.toInt()) : std::nullopt);
        updateCount();
    });
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setKind(m_ui->kindCombo->currentData().toString());
        updateCount();
    });
    connect(m_ui->textEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        updateCount();
    });
    connect(m_ui->table, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { activateRow(index.row()); });
    connect(m_ui->table, &QWidget::customContextMenuRequested, this, &FindingsPanel::showContextMenu);
    connect(doc, &Document::catalogChanged, this, &FindingsPanel::reload);
    reload();
}

FindingsPanel::~FindingsPanel() = default;

QTableView *FindingsPanel::table() const
{
    return m_ui->table;
}

void FindingsPanel::reload()
{
    m_model->setFindings(m_doc->catalog()->findings);
    const QString previous = m_ui->kindCombo->currentData().toString();
    const QSignalBlocker blocker(m_ui->kindCombo);
    m_ui->kindCombo->clear();
    m_ui->kindCombo->addItem(tr("All kinds"), QString());
    for (const QString &kind : m_model->kinds())
        m_ui->kindCombo->addItem(kind, kind);
    const int index = m_ui->kindCombo->findData(previous);
    m_ui->kindCombo->setCurrentIndex(index < 0 ? 0 : index);
    m_proxy->setKind(m_ui->kindCombo->currentData().toString());
    updateCount();
}

void FindingsPanel::updateCount()
{
    m_ui->countLabel->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

bool FindingsPanel::setKindFilter(const QString &kind)
{
    const int index = m_ui->kindCombo->findData(kind);
    if (index < 0)
        return false;
    m_ui->kindCombo->setCurrentIndex(index);
    return true;
}

bool FindingsPanel::setSeverityFilter(const QString &severity)
{
    if (severity.isEmpty()) {
        m_ui->severityCombo->setCurrentIndex(0);
        return true;
    }
    const auto s = severityFromName(severity);
    if (!s)
        return false;
    m_ui->severityCombo->setCurrentIndex(m_ui->severityCombo->findData(int(*s)));
    return true;
}

void FindingsPanel::setTextFilter(const QString &text)
{
    m_ui->textEdit->setText(text);
}

bool FindingsPanel::activateRow(int row)
{
    const QModelIndex index = m_proxy->index(row, 0);
    const QVariant id = index.data(FindingsModel::MigrationIdRole);
    const QString schema = index.data(FindingsModel::SchemaRole).toString();
    if (!id.isValid() || schema.isEmpty())
        return false;
    m_doc->selectMigration(schema, id.toLongLong());
    Q_EMIT migrationActivated(schema, id.toLongLong());
    return true;
}

void FindingsPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_ui->table->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu;
    const QVariant id = index.data(FindingsModel::MigrationIdRole);
    if (id.isValid()) {
        menu.addAction(tr("Show in Graph"), this, [this, row = index.row()] { activateRow(row); });
        menu.addAction(tr("Copy Id"), this,
                       [id] { QApplication::clipboard()->setText(QString::number(id.toLongLong())); });
    }
    menu.addAction(tr("Copy Message"), this, [index] {
        QApplication::clipboard()->setText(index.data(FindingsModel::MessageRole).toString());
    });
    menu.exec(m_ui->table->viewport()->mapToGlobal(pos));
}
