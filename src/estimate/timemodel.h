#pragma once

#include "common/version.h"
#include "estimate/calibration.h"
#include "estimate/evidence.h"
#include "estimate/oobeta.h"
#include "estimate/schemaestimate.h"
#include "plan/upgradeplan.h"

#include <QDateTime>
#include <QList>
#include <QMap>

#include <optional>

namespace passlane {

struct Catalog;
class Planner;

/// One hop of a road: the instance moves from `from` to `to`.
struct RoadHop {
    Version from;
    Version to;
    TimeFigure schema;       ///< the hop's schema migrations
    TimeFigure oobWait;      ///< multi-version road: waiting offline at the stop for `waitsFor`
    TimeFigure downtime;     ///< schema (+ oobWait on the multi-version road)
    QList<int> waitsFor;     ///< OOB ids completed at the stop; standard hops: those first required at the hop's minor
    qint64 earliestStartMs = 0;             ///< after the reference time
    std::optional<QDateTime> earliestStart; ///< when the reference time is known
    QString startBasis;      ///< "right away", "after OOB 17 completes (observed 3.0 %/h since ...)"
};

/// One way to get from the start to the target.
struct Road {
    QList<RoadHop> hops;
    TimeFigure downtime;     ///< sum of the hops' downtime
    TimeFigure longestHop;   ///< the longest single outage
    qint64 calendarMs = 0;   ///< from the reference time to the end of the last hop
    std::optional<QDateTime> finishAt;
};

/// The multi-version upgrade (offline throughout: schema time plus OOB waits at the stops) beside
/// successive standard upgrades (online between hops: each hop's downtime is its schema time;
/// OOB migrations run in the background and a hop may start once those deprecated at its minor
/// are complete), with a recommendation whose reason names the deciding figure.
struct TwoRoads {
    enum class Choice { MultiVersion, Standard, Either };
    /// Downtime that fits one maintenance window: a documented default (docs/time-model.md).
    static constexpr qint64 kMaintenanceWindowMs = 3600 * 1000;

    std::optional<QDateTime> reference; ///< when the start state was read (observedAt)
    QString referenceText;              ///< "observed 2026-11-30 10:00" or "the day the upgrade starts"
    Road multiVersion;
    Road standard;
    Choice recommended = Choice::Either;
    QString reason;
};

QString roadChoiceName(TwoRoads::Choice c); ///< "multi-version", "standard", "either"

/// What the time model needs besides the catalog and the plan.
struct TimeModelInputs {
    Calibration calibration = Calibration::defaults();
    OobEstimator::Inputs oob;  ///< progress model, row counts, current and previous state
    std::shared_ptr<const StatementClassCache> statementClasses; ///< the catalog's; null: lexed per call
};

/// The time model of one plan: per-migration estimates, OOB ETAs and the two roads. Computed
/// by evaluate() into Evaluation::time; every figure carries what it rests on.
struct TimeModel {
    Calibration calibration;
    bool tableStats = false;                                  ///< the start state had table statistics
    QMap<QString, QMap<qint64, MigrationEstimate>> migrations; ///< every migration either road runs
    QMap<int, OobEta> oob;                                    ///< every OOB migration either road waits for
    TwoRoads roads;

    /// Per schema and id, the estimated ms (SimulationRequest::migrationMs).
    QMap<QString, QMap<qint64, qint64>> durations() const;
    /// Per OOB id, the model the rehearsal must use (SimulationRequest::progressOverrides).
    QMap<int, OobProgressModel> oobModels() const;
    /// The estimate of one plan step's schema migrations.
    TimeFigure stepSchemaTime(const PlanStep &step) const;

    static TimeModel compute(const Catalog &catalog, const Planner &planner, const UpgradePlan &plan,
                             const TimeModelInputs &inputs);
};

} // namespace passlane
