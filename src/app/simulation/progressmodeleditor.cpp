#include "simulation/progressmodeleditor.h"

#include "document/document.h"
#include "document/documentcommands.h"
#include "simulation/oobprogressoverridesmodel.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <limits>

using namespace passlane;

ProgressModelEditor::ProgressModelEditor(Document *doc, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_model(new OobProgressOverridesModel(doc, this)), m_rows(new QSpinBox(this)),
      m_batch(new QSpinBox(this)), m_interval(new QDoubleSpinBox(this)), m_defaultNote(new QLabel(this)),
      m_table(new QTableView(this)), m_clear(new QPushButton(tr("Use &Default"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>OOB progress model</b> (what the OOB times rest on)"), this);
    layout->addWidget(title);

    // Spin boxes commit on Enter, focus out or a step, not on every key: one undo step per edit.
    for (QAbstractSpinBox *spin : {static_cast<QAbstractSpinBox *>(m_rows), static_cast<QAbstractSpinBox *>(m_batch),
                                   static_cast<QAbstractSpinBox *>(m_interval)})
        spin->setKeyboardTracking(false);
    m_rows->setRange(0, std::numeric_limits<int>::max());
    m_rows->setGroupSeparatorShown(true);
    m_rows->setSuffix(tr(" rows"));
    m_rows->setToolTip(tr("Rows each OOB migration has to migrate, unless it has its own model or the start gives its row count. 0: empty tables, done at once."));
    m_batch->setRange(1, std::numeric_limits<int>::max());
    m_batch->setGroupSeparatorShown(true);
    m_batch->setSuffix(tr(" per batch"));
    m_interval->setRange(0.001, 86400);
    m_interval->setDecimals(3);
    m_interval->setSuffix(tr(" s"));
    m_interval->setToolTip(tr("Seconds between two batches"));
    auto *defaults = new QHBoxLayout;
    defaults->addWidget(new QLabel(tr("Default:"), this));
    defaults->addWidget(m_rows, 2);
    defaults->addWidget(m_batch, 2);
    defaults->addWidget(new QLabel(tr("every"), this));
    defaults->addWidget(m_interval, 1);
    layout->addLayout(defaults);
    m_defaultNote->setWordWrap(true);
    layout->addWidget(m_defaultNote);

    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    auto *hint = new QLabel(tr("Edit a cell to give one migration its own model."), this);
    hint->setWordWrap(true);
    buttons->addWidget(hint, 1);
    m_clear->setToolTip(tr("The selected migrations follow the default again"));
    buttons->addWidget(m_clear);
    layout->addLayout(buttons);

    connect(m_rows, &QSpinBox::valueChanged, this, &ProgressModelEditor::defaultEdited);
    connect(m_batch, &QSpinBox::valueChanged, this, &ProgressModelEditor::defaultEdited);
    connect(m_interval, &QDoubleSpinBox::valueChanged, this, &ProgressModelEditor::defaultEdited);
    connect(m_clear, &QPushButton::clicked, this, &ProgressModelEditor::clearSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ProgressModelEditor::updateClearButton);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        m_table->resizeColumnsToContents(); // a million rows needs a wider column than 0
        updateClearButton();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_table->resizeColumnsToContents();
        updateClearButton();
    });
    connect(doc, &Document::projectChanged, this, &ProgressModelEditor::syncFromProject);
    syncFromProject();
    m_table->resizeColumnsToContents();
    updateClearButton();
}

void ProgressModelEditor::syncFromProject()
{
    const OobProgressModel m = m_doc->project().defaultProgress;
    m_syncing = true;
    m_rows->setValue(int(qMin<qint64>(m.rows, std::numeric_limits<int>::max())));
    m_batch->setValue(int(qMin<qint64>(m.batchSize, std::numeric_limits<int>::max())));
    m_interval->setValue(m.intervalSeconds);
    m_syncing = false;
    const OobProgressModel documented;
    m_defaultNote->setText(sameProgressModel(m, documented)
                               ? tr("<i>Documented defaults</i>: empty tables (done at once), %1 rows every %2 s. Give row counts to make the OOB times mean something.")
                                     .arg(documented.batchSize).arg(documented.intervalSeconds)
                               : tr("Set in this project (documented: %1 rows, %2 per batch every %3 s).")
                                     .arg(documented.rows).arg(documented.batchSize).arg(documented.intervalSeconds));
}

void ProgressModelEditor::defaultEdited()
{
    if (m_syncing)
        return;
    Project after = m_doc->project();
    OobProgressModel m{m_rows->value(), m_batch->value(), m_interval->value()};
    if (sameProgressModel(after.defaultProgress, m))
        return;
    after.defaultProgress = m;
    m_doc->undoStack()->push(new ChangeProjectCommand(
        m_doc, after, tr("Set the default OOB progress model to %1 rows, %2 per batch every %3 s").arg(m.rows).arg(m.batchSize).arg(m.intervalSeconds)));
}

void ProgressModelEditor::clearSelected()
{
    QList<int> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids << index.data(OobProgressOverridesModel::OobIdRole).toInt();
    m_model->clearOverrides(ids);
}

void ProgressModelEditor::updateClearButton()
{
    bool any = false;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        any = any || index.data(OobProgressOverridesModel::OverriddenRole).toBool();
    m_clear->setEnabled(any);
}
