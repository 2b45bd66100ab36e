#include "estimate/timemodel.h"

#include "catalog/catalog.h"
#include "plan/planner.h"
#include "simulator/oobprogress.h"
#include "simulator/timeline.h"

#include <QSet>

namespace passlane {

QString roadChoiceName(TwoRoads::Choice c)
{
    switch (c) {
    case TwoRoads::Choice::MultiVersion: return QStringLiteral("multi-version");
    case TwoRoads::Choice::Standard: return QStringLiteral("standard");
    case TwoRoads::Choice::Either: return QStringLiteral("either");
    }
    return QStringLiteral("either");
}

QMap<QString, QMap<qint64, qint64>> TimeModel::durations() const
{
    QMap<QString, QMap<qint64, qint64>> out;
    for (auto s = migrations.cbegin(); s != migrations.cend(); ++s)
        for (auto m = s->cbegin(); m != s->cend(); ++m)
            out[s.key()].insert(m.key(), m->time.ms);
    return out;
}

QMap<int, OobProgressModel> TimeModel::oobModels() const
{
    QMap<int, OobProgressModel> out;
    for (auto it = oob.cbegin(); it != oob.cend(); ++it)
        out.insert(it.key(), it->model);
    return out;
}

TimeFigure TimeModel::stepSchemaTime(const PlanStep &step) const
{
    TimeFigure sum;
    for (auto s = step.schemas.cbegin(); s != step.schemas.cend(); ++s) {
        const auto schema = migrations.constFind(s.key());
        if (schema == migrations.cend())
            continue;
        for (qint64 id : *s) {
            const auto m = schema->constFind(id);
            if (m != schema->cend())
                sum += m->time;
        }
    }
    return sum;
}

namespace {

QString listIds(const QList<int> &ids)
{
    QStringList s;
    for (int id : ids)
        s << QString::number(id);
    return s.join(QStringLiteral(", "));
}

} // namespace

TimeModel TimeModel::compute(const Catalog &catalog, const Planner &planner, const UpgradePlan &plan,
                             const TimeModelInputs &inputs)
{
    TimeModel tm;
    tm.calibration = inputs.calibration;
    const std::optional<StartState> &current = inputs.oob.current;
    tm.tableStats = current && !current->tables.isEmpty();
    const SchemaEstimator estimator(inputs.calibration, current ? current->tables : QList<TableStats>{},
                                    inputs.statementClasses);
    const OobEstimator oobEstimator(planner.registry(), inputs.oob);
    tm.oob = oobEstimator.all();

    auto estimateStep = [&](const PlanStep &step) {
        for (auto s = step.schemas.cbegin(); s != step.schemas.cend(); ++s) {
            QMap<qint64, MigrationEstimate> &schema = tm.migrations[s.key()];
            for (qint64 id : *s) {
                if (schema.contains(id))
                    continue;
                const MigrationPtr def = catalog.graph.definition(s.key(), id);
                if (!def)
                    continue;
                Migration m = *def;
                if (step.down)
                    m.upQuery = def->downQuery;
                schema.insert(id, estimator.estimate(s.key(), m));
            }
        }
    };

    TwoRoads &roads = tm.roads;
    if (current && current->observedAt && current->observedAt->isValid()) {
        roads.reference = current->observedAt;
        roads.referenceText = QStringLiteral("state read %1").arg(current->observedAt->toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    } else {
        roads.referenceText = QStringLiteral("the day the upgrade starts (the start state has no observation time)");
    }
    auto dateAt = [&roads](qint64 ms) -> std::optional<QDateTime> {
        if (!roads.reference)
            return std::nullopt;
        return roads.reference->addMSecs(ms);
    };
    auto etaOf = [&tm, &oobEstimator](int id) -> const OobEta & {
        if (!tm.oob.contains(id))
            tm.oob.insert(id, oobEstimator.eta(id));
        return tm.oob[id];
    };

    // The multi-version road: the plan's steps, offline throughout.
    {
        Road &road = roads.multiVersion;
        Version prev = plan.from;
        qint64 clock = 0;
        for (const PlanStep &step : plan.steps) {
            estimateStep(step);
            RoadHop hop;
            hop.from = prev;
            hop.to = step.release;
            hop.schema = tm.stepSchemaTime(step);
            hop.waitsFor = step.oob;
            for (int id : step.oob)
                hop.oobWait = TimeFigure::longest(hop.oobWait, etaOf(id).remaining); // side by side
            hop.downtime = hop.schema;
            hop.downtime += hop.oobWait;
            hop.earliestStartMs = clock;
            hop.earliestStart = dateAt(clock);
            hop.startBasis = road.hops.isEmpty() ? QStringLiteral("right away") : QStringLiteral("right after the previous step (offline)");
            clock += hop.downtime.ms;
            road.downtime += hop.downtime;
            road.hops.append(hop);
            prev = step.release;
        }
        road.longestHop = road.downtime; // one outage from the first step to the last
        road.calendarMs = clock;
        road.finishAt = dateAt(clock);
    }

    // Successive standard upgrades: online between hops.
    if (!plan.standardPath.isEmpty() && plan.kind != PairKind::Downgrade) {
        Road &road = roads.standard;
        QMap<int, OobRow> rows;
        if (current) {
            for (const OobRow &r : current->oob)
                rows.insert(r.id, r);
        } else if (auto assumed = StartState::fromRelease(catalog, plan.from, 0.0, QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC))) {
            for (const OobRow &r : assumed->oob)
                rows.insert(r.id, r);
        }
        // OOB migrations the instance has not registered start when it first runs their minor.
        QMap<int, qint64> startedAt;
        auto arrive = [&](const Version &v, qint64 at) {
            for (const OobMigration &m : planner.registry().migrations())
                if (!rows.contains(m.id) && !startedAt.contains(m.id) && m.introduced <= v.minorVersion())
                    startedAt.insert(m.id, at);
        };
        auto completesAt = [&](int id) -> qint64 {
            const OobEta &eta = etaOf(id);
            if (rows.contains(id)) {
                qint64 offset = 0;
                if (roads.reference && eta.progressAt)
                    offset = roads.reference->msecsTo(*eta.progressAt);
                return offset + eta.remaining.ms;
            }
            return startedAt.value(id, 0) + eta.remaining.ms;
        };
        Version prev = plan.from;
        qint64 arrival = 0;
        QSet<int> required;
        arrive(prev, 0);
        for (const Version &v : plan.standardPath) {
            PlanOptions options;
            options.includeSql = false;
            options.productView = false;
            if (road.hops.isEmpty() && current)
                options.applied = current->appliedBySchema();
            RoadHop hop;
            hop.from = prev;
            hop.to = v;
            if (Result<UpgradePlan> hopPlan = planner.plan(prev, v, options)) {
                for (const PlanStep &step : hopPlan->steps) {
                    estimateStep(step);
                    hop.schema += tm.stepSchemaTime(step);
                }
            }
            hop.downtime = hop.schema;
            // Completed before an earlier hop, a requirement no longer holds this one up: list the new ones.
            const QList<int> blocking = StartupRule::blocking(rows, planner.registry(), v.minorVersion(), plan.from.minorVersion());
            for (int id : blocking)
                if (!required.contains(id))
                    hop.waitsFor << id;
            required.unite(QSet<int>(blocking.cbegin(), blocking.cend()));
            qint64 start = arrival;
            QList<int> late;
            QStringList rates;
            for (int id : blocking) {
                const qint64 done = completesAt(id);
                if (done > arrival) {
                    late << id;
                    const QString rate = etaOf(id).rateText;
                    if (!rates.contains(rate))
                        rates << rate;
                }
                start = qMax(start, done);
            }
            hop.earliestStartMs = start;
            hop.earliestStart = dateAt(start);
            if (!late.isEmpty())
                hop.startBasis = QStringLiteral("after OOB %1 complete%2 (%3)")
                                     .arg(listIds(late), late.size() == 1 ? QStringLiteral("s") : QString(), rates.join(QStringLiteral("; ")));
            else
                hop.startBasis = road.hops.isEmpty() ? QStringLiteral("right away") : QStringLiteral("right after the previous hop");
            arrival = start + hop.schema.ms;
            arrive(v, arrival);
            road.downtime += hop.downtime;
            if (road.hops.isEmpty() || hop.downtime.ms > road.longestHop.ms)
                road.longestHop = hop.downtime;
            road.hops.append(hop);
            prev = v;
        }
        road.calendarMs = arrival;
        road.finishAt = dateAt(arrival);
    }

    // The recommendation names the figure that decides it.
    const Road &multi = roads.multiVersion;
    const Road &standard = roads.standard;
    const QString window = formatDuration(TwoRoads::kMaintenanceWindowMs);
    if (standard.hops.size() <= 1) {
        roads.recommended = TwoRoads::Choice::Either;
        roads.reason = QStringLiteral("one standard upgrade: both roads are the same (downtime %1)").arg(formatDuration(multi.downtime.ms));
    } else if (!plan.ok()) {
        roads.recommended = TwoRoads::Choice::Standard;
        roads.reason = QStringLiteral("the multi-version plan cannot honour every OOB window; standard hops keep the longest outage to %1 "
                                      "and are done after %2")
                           .arg(formatDuration(standard.longestHop.ms), formatDuration(standard.calendarMs));
    } else if (multi.downtime.ms <= TwoRoads::kMaintenanceWindowMs) {
        roads.recommended = TwoRoads::Choice::MultiVersion;
        roads.reason = QStringLiteral("multi-version downtime %1 fits a %2 maintenance window and is done in one go; "
                                      "%3 standard hops would take %4 of calendar time")
                           .arg(formatDuration(multi.downtime.ms), window)
                           .arg(standard.hops.size())
                           .arg(formatDuration(standard.calendarMs));
    } else if (standard.longestHop.ms < multi.downtime.ms) {
        roads.recommended = TwoRoads::Choice::Standard;
        roads.reason = QStringLiteral("multi-version downtime %1 exceeds a %2 maintenance window; standard hops keep the longest "
                                      "outage to %3 and are done after %4")
                           .arg(formatDuration(multi.downtime.ms), window, formatDuration(standard.longestHop.ms),
                                formatDuration(standard.calendarMs));
    } else {
        roads.recommended = TwoRoads::Choice::MultiVersion;
        roads.reason = QStringLiteral("standard hops do not shorten the longest outage (%1 against a multi-version downtime of %2)")
                           .arg(formatDuration(standard.longestHop.ms), formatDuration(multi.downtime.ms));
    }
    return tm;
}

} // namespace passlane
