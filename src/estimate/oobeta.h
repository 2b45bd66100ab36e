#pragma once

#include "estimate/evidence.h"
#include "oob/oobregistry.h"
#include "project/project.h"
#include "simulator/startstate.h"

#include <QDateTime>
#include <QMap>
#include <QStringList>

#include <optional>

namespace passlane {

/// The tables an OOB migration's component names: "frontend-db.changesets" -> changesets of
/// schema database frontend; "codeintel-db.lsif_data_*" -> every lsif_data_ table there;
/// "db.x" or "table.column" -> that table in whichever schema database has it.
struct OobComponentTables {
    QString schema;      ///< empty: any schema database
    QString table;       ///< lower case, '-' read as '_'
    bool prefix = false; ///< table ends with '*'

    static OobComponentTables parse(const QString &component);
    bool matches(const TableStats &t) const;
};

/// When one OOB migration completes, and what that rests on.
struct OobEta {
    int id = 0;
    QString component;
    double progress = 0;                 ///< as last seen (0 when the instance never registered it)
    std::optional<QDateTime> progressAt; ///< when that progress was seen (last_updated, else observedAt)
    /// The progress model the simulation uses for it: observed rates become a model with the
    /// same speed, so the rehearsal and the ETA agree.
    OobProgressModel model;
    std::optional<double> observedPerHour; ///< fraction per hour, when observed
    TimeFigure remaining;                  ///< from `progress` to 1.0, basis: rows and rate
    std::optional<QDateTime> completeAt;   ///< progressAt + remaining, when progressAt is known
    QString rateText;                      ///< "observed 3.0 %/h since 2026-11-02 10:00" or "assumed 500 rows / 3 s"
};

/// OOB ETAs from evidence: rows from the customer's row counts or table statistics; the rate
/// from the customer's own observations (two states of one instance, or created -> last_updated
/// in one), else the progress model (per-id override, project default; 500 rows / 3 s when the
/// project sets none).
class OobEstimator {
public:
    struct Inputs {
        OobProgressModel defaults;                   ///< the project's default model
        QMap<int, OobProgressModel> overrides;       ///< per id
        QMap<int, qint64> rows;                      ///< row counts given for the question (customer)
        std::optional<StartState> current;           ///< the state the upgrade starts from
        std::optional<StartState> previous;          ///< an earlier state of the same instance
    };

    OobEstimator() = default;
    OobEstimator(const OobRegistry &registry, Inputs inputs);

    OobEta eta(int id) const;
    /// Every registry entry's ETA, by id.
    QMap<int, OobEta> all() const;
    /// The rows an OOB's component tables hold in the current state, when known.
    std::optional<qint64> tableRows(const QString &component) const;

private:
    OobRegistry m_registry;
    Inputs m_in;
};

} // namespace passlane
