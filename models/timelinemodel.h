#pragma once

#include "simulator/timeline.h"

#include <QAbstractTableModel>
#include <QList>

namespace passlane {

/// A simulation's timeline as a table, one row per TimelineEvent, in time order.
class TimelineModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, VersionColumn, SubjectColumn, ProgressColumn, MessageColumn, ColumnCount };

    enum Roles {
        KindRole = Qt::UserRole + 1, ///< EventKind as int
        KindNameRole,                ///< "migration-applied"
        AtMsRole,                    ///< qint64, ms since the start of the run
        DurationMsRole,              ///< qint64
        StopIndexRole,               ///< int
        VersionRole,                 ///< QString
        SchemaRole,                  ///< QString
        MigrationIdRole,             ///< qint64, or invalid
        OobIdRole,                   ///< int, or invalid
        ProgressRole,                ///< double 0..1, or invalid for non-OOB events
        IsFailureRole,               ///< bool: MigrationFailed, OobFailed, StartupRefused
    };
    Q_ENUM(Roles)

    explicit TimelineModel(QObject *parent = nullptr);

    void setEvents(const QList<TimelineEvent> &events);
    /// Adds events at the end, in the order given (a running simulation's, as they happen).
    void appendEvents(const QList<TimelineEvent> &events);
    void clear();
    const QList<TimelineEvent> &events() const { return m_events; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<TimelineEvent> m_events;
};

} // namespace passlane
