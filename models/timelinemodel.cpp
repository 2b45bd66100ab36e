#include "timelinemodel.h"

#include <QBrush>
#include <QColor>

namespace passlane {

TimelineModel::TimelineModel(QObject *parent) : QAbstractTableModel(parent) {}

void TimelineModel::setEvents(const QList<TimelineEvent> &events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

void TimelineModel::appendEvents(const QList<TimelineEvent> &events)
{
    if (events.isEmpty())
        return;
    beginInsertRows({}, int(m_events.size()), int(m_events.size() + events.size() - 1));
    m_events.append(events);
    endInsertRows();
}

void TimelineModel::clear()
{
    setEvents({});
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static bool isFailure(EventKind k)
{
    return k == EventKind::MigrationFailed || k == EventKind::OobFailed || k == EventKind::StartupRefused;
}

static QString subject(const TimelineEvent &e)
{
    if (e.migrationId)
        return e.schema.isEmpty() ? QString::number(*e.migrationId)
                                  : QStringLiteral("%1 %2").arg(e.schema).arg(*e.migrationId);
    if (e.oobId)
        return TimelineModel::tr("OOB %1").arg(*e.oobId);
    return e.schema;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelineEvent &e = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return formatDuration(e.atMs);
        case KindColumn:
            return eventKindName(e.kind);
        case VersionColumn:
            return e.version;
        case SubjectColumn:
            return subject(e);
        case ProgressColumn:
            return e.progress >= 0 ? QVariant(QStringLiteral("%1%").arg(e.progress * 100.0, 0, 'f', 0)) : QVariant();
        case MessageColumn:
            return e.message;
        }
        return {};
    case Qt::ToolTipRole:
        return e.message;
    case Qt::TextAlignmentRole:
        if (index.column() == TimeColumn || index.column() == ProgressColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (isFailure(e.kind))
            return QBrush(QColor(0xb0, 0x10, 0x10));
        if (e.kind == EventKind::StopReached || e.kind == EventKind::Finished)
            return QBrush(QColor(0x10, 0x70, 0x30));
        if (e.kind == EventKind::WaitForOob || e.kind == EventKind::ManualStep)
            return QBrush(QColor(0xb0, 0x60, 0x00));
        return {};
    case KindRole:
        return int(e.kind);
    case KindNameRole:
        return eventKindName(e.kind);
    case AtMsRole:
        return e.atMs;
    case DurationMsRole:
        return e.durationMs;
    case StopIndexRole:
        return e.stopIndex;
    case VersionRole:
        return e.version;
    case SchemaRole:
        return e.schema;
    case MigrationIdRole:
        return e.migrationId ? QVariant(*e.migrationId) : QVariant();
    case OobIdRole:
        return e.oobId ? QVariant(*e.oobId) : QVariant();
    case ProgressRole:
        return e.progress >= 0 ? QVariant(e.progress) : QVariant();
    case IsFailureRole:
        return isFailure(e.kind);
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Event");
    case VersionColumn:
        return tr("Stop");
    case SubjectColumn:
        return tr("Migration");
    case ProgressColumn:
        return tr("Progress");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(KindNameRole, "kindName");
    names.insert(AtMsRole, "atMs");
    names.insert(DurationMsRole, "durationMs");
    names.insert(StopIndexRole, "stopIndex");
    names.insert(VersionRole, "version");
    names.insert(SchemaRole, "schema");
    names.insert(MigrationIdRole, "migrationId");
    names.insert(OobIdRole, "oobId");
    names.insert(ProgressRole, "progress");
    names.insert(IsFailureRole, "isFailure");
    return names;
}

} // namespace passlane
