#include "simulation/oobprogressoverridesmodel.h"

#include "document/document.h"
#include "document/documentcommands.h"
#include "simulator/oobprogress.h"
#include "simulator/timeline.h"

#include <QFont>
#include <QLocale>
#include <QUndoStack>

using namespace passlane;

OobProgressOverridesModel::OobProgressOverridesModel(Document *doc, QObject *parent)
    : QAbstractTableModel(parent), m_doc(doc)
{
    connect(doc, &Document::projectChanged, this, &OobProgressOverridesModel::reload);
    connect(doc, &Document::catalogChanged, this, &OobProgressOverridesModel::reload);
    connect(doc, &Document::proposalsChanged, this, &OobProgressOverridesModel::reload);
    reload();
}

void OobProgressOverridesModel::reload()
{
    const Project project = m_doc->project();
    QList<int> ids = m_doc->effectiveRegistry().migrations().keys();
    for (auto it = project.progressOverrides.cbegin(); it != project.progressOverrides.cend(); ++it)
        if (!ids.contains(it.key()))
            ids.append(it.key());
    std::sort(ids.begin(), ids.end());
    if (ids == m_ids) {
        m_default = project.defaultProgress;
        m_overrides = project.progressOverrides;
        if (!m_ids.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_ids = ids;
    m_default = project.defaultProgress;
    m_overrides = project.progressOverrides;
    endResetModel();
}

void OobProgressOverridesModel::setStartRows(const QMap<int, qint64> &rows)
{
    if (rows == m_startRows)
        return;
    m_startRows = rows;
    if (!m_ids.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

OobProgressModel OobProgressOverridesModel::modelFor(int id) const
{
    // The simulator's own rule: override, else default; the start's rows replace `rows`.
    return OobProgress(m_default, m_overrides, m_startRows).modelFor(id);
}

int OobProgressOverridesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int OobProgressOverridesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OobProgressOverridesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_ids.size())
        return {};
    const int id = m_ids.at(index.row());
    const OobProgressModel m = modelFor(id);
    const bool overridden = m_overrides.contains(id);
    const bool startRows = m_startRows.contains(id);
    const qint64 ms = OobProgress::msToComplete(m, 0.0);
    switch (role) {
    case OobIdRole:
        return id;
    case OverriddenRole:
        return overridden;
    case CustomerRowsRole:
        return startRows;
    case DurationMsRole:
        return ms;
    case Qt::TextAlignmentRole:
        return index.column() == NameColumn || index.column() == BasisColumn ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                                                               : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (overridden && index.column() >= RowsColumn && index.column() <= IntervalColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == RowsColumn && startRows)
            return tr("The start's own row count (it replaces the model's %1 rows).").arg(m_overrides.value(id, m_default).rows);
        if (overridden)
            return tr("Set for OOB %1 in the project; clear it to use the project default.").arg(id);
        return tr("The project default. Edit a cell to set OOB %1 apart.").arg(id);
    case Qt::DisplayRole:
    case Qt::EditRole:
    case EditValueRole: {
        const bool edit = role != Qt::DisplayRole;
        const QLocale locale;
        switch (index.column()) {
        case IdColumn:
            return id;
        case RowsColumn:
            return edit ? QVariant(m.rows) : QVariant(locale.toString(m.rows));
        case BatchColumn:
            return edit ? QVariant(m.batchSize) : QVariant(locale.toString(m.batchSize));
        case IntervalColumn:
            return edit ? QVariant(m.intervalSeconds) : QVariant(tr("%1 s").arg(locale.toString(m.intervalSeconds)));
        case DurationColumn:
            return m.rows == 0 ? tr("at once") : formatDuration(ms);
        case BasisColumn: {
            QString basis = overridden ? tr("this migration") : sameProgressModel(m_default, OobProgressModel{}) ? tr("documented default")
                                                                                                : tr("project default");
            if (startRows)
                basis = tr("start's rows, %1").arg(basis);
            return basis;
        }
        case NameColumn:
            if (const OobMigration *o = m_doc->effectiveRegistry().find(id))
                return QStringLiteral("%1: %2").arg(o->component, o->description);
            return tr("(not in the registry)");
        default:
            return {};
        }
    }
    default:
        return {};
    }
}

Qt::ItemFlags OobProgressOverridesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() >= RowsColumn && index.column() <= IntervalColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool OobProgressOverridesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const int id = m_ids.at(index.row());
    OobProgressModel m = m_overrides.value(id, m_default);
    bool ok = false;
    QString what;
    switch (index.column()) {
    case RowsColumn: {
        const qint64 rows = value.toLongLong(&ok);
        if (!ok || rows < 0)
            return false;
        m.rows = rows;
        what = tr("Set OOB %1 to %2 rows").arg(id).arg(rows);
        break;
    }
    case BatchColumn: {
        const qint64 batch = value.toLongLong(&ok);
        if (!ok || batch <= 0)
            return false;
        m.batchSize = batch;
        what = tr("Set OOB %1 to batches of %2 rows").arg(id).arg(batch);
        break;
    }
    case IntervalColumn: {
        const double seconds = value.toDouble(&ok);
        if (!ok || !(seconds > 0))
            return false;
        m.intervalSeconds = seconds;
        what = tr("Set OOB %1 to a batch every %2 s").arg(id).arg(seconds);
        break;
    }
    default:
        return false;
    }
    if (m_overrides.contains(id) && sameProgressModel(m_overrides.value(id), m))
        return true; // no change, no undo step
    Project after = m_doc->project();
    after.progressOverrides.insert(id, m);
    m_doc->undoStack()->push(new ChangeProjectCommand(m_doc, after, what));
    return true;
}

void OobProgressOverridesModel::clearOverrides(const QList<int> &ids)
{
    Project after = m_doc->project();
    QList<int> cleared;
    for (int id : ids)
        if (after.progressOverrides.remove(id))
            cleared << id;
    if (cleared.isEmpty())
        return;
    const QString text = cleared.size() == 1 ? tr("Use the default progress model for OOB %1").arg(cleared.first())
                                             : tr("Use the default progress model for %n OOB migration(s)", nullptr, int(cleared.size()));
    m_doc->undoStack()->push(new ChangeProjectCommand(m_doc, after, text));
}

QVariant OobProgressOverridesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("OOB");
    case RowsColumn: return tr("Rows");
    case BatchColumn: return tr("Batch");
    case IntervalColumn: return tr("Every");
    case DurationColumn: return tr("0 → 100%");
    case BasisColumn: return tr("From");
    case NameColumn: return tr("Migration");
    default: return {};
    }
}
