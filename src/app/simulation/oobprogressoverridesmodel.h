#pragma once

#include "project/project.h"

#include <QAbstractTableModel>
#include <QList>
#include <QMap>

class Document;

/// Two progress models migrate alike.
inline bool sameProgressModel(const passlane::OobProgressModel &a, const passlane::OobProgressModel &b)
{
    return a.rows == b.rows && a.batchSize == b.batchSize && a.intervalSeconds == b.intervalSeconds;
}

/// The project's OOB progress model per OOB migration, as a table: one row per migration of the
/// document's registry (and per override of an id the registry lacks), with the model in force
/// (the migration's override, else the project default), where it comes from and how long it
/// takes from 0% to 100%. Editing rows, batch size or interval pushes one undo command that
/// stores an override in the project; clearOverrides() goes back to the default.
class OobProgressOverridesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, RowsColumn, BatchColumn, IntervalColumn, DurationColumn, BasisColumn, NameColumn, ColumnCount };
    enum Roles {
        OobIdRole = Qt::UserRole + 1, ///< int
        OverriddenRole,               ///< bool: the project has an override for this id
        CustomerRowsRole,             ///< bool: the start's row count replaces the model's rows
        DurationMsRole,               ///< qint64: 0% -> 100% with the model in force
        EditValueRole,                ///< the raw number of an editable cell (qint64 or double)
    };
    Q_ENUM(Roles)

    explicit OobProgressOverridesModel(Document *doc, QObject *parent = nullptr);

    /// Row counts of the current start (a customer's or a live instance's); they replace the rows
    /// of the model, as in the simulation.
    void setStartRows(const QMap<int, qint64> &rows);
    /// Drops the overrides of `ids` (one undo command).
    void clearOverrides(const QList<int> &ids);
    int rowOf(int oobId) const { return int(m_ids.indexOf(oobId)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();
    passlane::OobProgressModel modelFor(int id) const;

    Document *m_doc;
    QList<int> m_ids;
    passlane::OobProgressModel m_default;
    QMap<int, passlane::OobProgressModel> m_overrides;
    QMap<int, qint64> m_startRows;
};
