#include "windowanalysismodel.h"

#include <QBrush>
#include <QColor>

namespace passlane {

WindowAnalysisModel::WindowAnalysisModel(QObject *parent) : QAbstractTableModel(parent) {}

void WindowAnalysisModel::setReport(const WindowReport &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

void WindowAnalysisModel::clear()
{
    setReport({});
}

int WindowAnalysisModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.rows.size());
}

int WindowAnalysisModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString idsOrNone(const QList<int> &ids)
{
    QStringList parts;
    for (int id : ids)
        parts << QString::number(id);
    return parts.isEmpty() ? WindowAnalysisModel::tr("none") : parts.join(QStringLiteral(", "));
}

static QStringList stopNames(const QList<Stop> &stops)
{
    QStringList out;
    for (const Stop &s : stops)
        out << s.minor.toString();
    return out;
}

QVariant WindowAnalysisModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const WindowRow &row = m_report.rows.at(index.row());
    const WindowChange change = row.change();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SourceColumn:
            return row.source.toString();
        case InstancesColumn:
            return row.instances;
        case BeforeColumn:
            return stopsText(row.before);
        case AfterColumn:
            return stopsText(row.after);
        case AddedColumn:
            return row.addedStops() == 0 ? QString() : QStringLiteral("%1%2").arg(row.addedStops() > 0 ? QStringLiteral("+") : QString()).arg(row.addedStops());
        case ChangeColumn:
            return windowChangeName(change);
        }
        return {};
    case Qt::ToolTipRole:
        if (!row.impossibleAfter.isEmpty() || !row.impossibleBefore.isEmpty())
            return tr("OOB windows that cannot be honoured: %1 now, %2 proposed")
                .arg(idsOrNone(row.impossibleBefore), idsOrNone(row.impossibleAfter));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == InstancesColumn || index.column() == AddedColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::BackgroundRole:
        if (change == WindowChange::Impossible)
            return QBrush(QColor(0xf8, 0xd0, 0xd0));
        if (change == WindowChange::GainsStop)
            return QBrush(QColor(0xfb, 0xe8, 0xc0));
        if (windowChangeAffects(change))
            return QBrush(QColor(0xe4, 0xee, 0xfa));
        return {};
    case Qt::ForegroundRole:
        // Fixed light backgrounds above: keep the text dark whatever the palette.
        if (windowChangeAffects(change))
            return QBrush(QColor(0x20, 0x20, 0x20));
        return {};
    case SortRole:
        switch (index.column()) {
        case SourceColumn:
            return qint64(row.source.major) * 1000000000LL + qint64(row.source.minor) * 100000LL + row.source.patch;
        case InstancesColumn:
            return row.instances;
        case AddedColumn:
            return row.addedStops();
        case BeforeColumn:
            return int(row.before.size());
        case AfterColumn:
            return int(row.after.size());
        case ChangeColumn:
            return int(change); // the affected classes first
        default:
            return data(index, Qt::DisplayRole);
        }
    case SourceRole:
        return row.source.toString();
    case InstancesRole:
        return row.instances;
    case StopsBeforeRole:
        return stopNames(row.before);
    case StopsAfterRole:
        return stopNames(row.after);
    case AddedStopsRole:
        return row.addedStops();
    case ChangeRole:
        return windowChangeName(change);
    case AffectedRole:
        return windowChangeAffects(change);
    default:
        return {};
    }
}

QVariant WindowAnalysisModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SourceColumn:
        return tr("From");
    case InstancesColumn:
        return tr("Instances");
    case BeforeColumn:
        return tr("Stops now");
    case AfterColumn:
        return tr("Stops proposed");
    case AddedColumn:
        return tr("Δ");
    case ChangeColumn:
        return tr("Change");
    }
    return {};
}

QHash<int, QByteArray> WindowAnalysisModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SourceRole, "source");
    names.insert(InstancesRole, "instances");
    names.insert(StopsBeforeRole, "stopsBefore");
    names.insert(StopsAfterRole, "stopsAfter");
    names.insert(AddedStopsRole, "addedStops");
    names.insert(ChangeRole, "change");
    names.insert(AffectedRole, "affected");
    names.insert(SortRole, "sort");
    return names;
}

} // namespace passlane
