#include "report/planreport.h"
#include "common/jsonnumbers.h"

#include <QJsonArray>

#include <algorithm>

namespace passlane {

namespace {

QJsonObject perSchema(const QMap<QString, QList<qint64>> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), jsonNumbers(it.value()));
    return o;
}

} // namespace

QJsonObject planToJson(const UpgradePlan &plan)
{
    QJsonObject root;
    root.insert(QStringLiteral("from"), plan.from.toString());
    root.insert(QStringLiteral("to"), plan.to.toString());
    root.insert(QStringLiteral("kind"), pairKindName(plan.kind));
    QJsonArray stops;
    for (const Stop &s : plan.stops) {
        QJsonObject o;
        o.insert(QStringLiteral("version"), s.release.toString());
        o.insert(QStringLiteral("oob"), jsonNumbers(s.oob));
        o.insert(QStringLiteral("at_source"), s.atSource);
        stops.append(o);
    }
    root.insert(QStringLiteral("stops"), stops);
    QJsonArray steps;
    for (const PlanStep &step : plan.steps) {
        QJsonObject o;
        o.insert(QStringLiteral("release"), step.release.toString());
        o.insert(QStringLiteral("direction"), step.down ? QStringLiteral("down") : QStringLiteral("up"));
        o.insert(QStringLiteral("target"), step.isTarget);
        o.insert(QStringLiteral("schemas"), perSchema(step.schemas));
        o.insert(QStringLiteral("outside_transaction"), perSchema(step.outsideTransaction));
        o.insert(QStringLiteral("oob"), jsonNumbers(step.oob));
        QJsonArray manual;
        for (const ManualStep &m : step.manual) {
            QJsonObject mo;
            mo.insert(QStringLiteral("schema"), m.schema);
            mo.insert(QStringLiteral("id"), m.id);
            mo.insert(QStringLiteral("reason"), m.reason);
            if (!m.sql.isEmpty())
                mo.insert(QStringLiteral("sql"), m.sql);
            manual.append(mo);
        }
        o.insert(QStringLiteral("manual"), manual);
        steps.append(o);
    }
    root.insert(QStringLiteral("steps"), steps);
    root.insert(QStringLiteral("hops"), plan.hops);
    QJsonArray path;
    for (const Version &v : plan.standardPath)
        path.append(v.toString());
    root.insert(QStringLiteral("standard_path"), path);
    root.insert(QStringLiteral("applied_not_in_target"), perSchema(plan.appliedNotInTarget));
    root.insert(QStringLiteral("impossible_oob"), jsonNumbers(plan.impossibleOob));
    root.insert(QStringLiteral("problems"), problemsToJson(plan.problems));
    return root;
}

LaneChart planLaneChart(const UpgradePlan &plan, const OobRegistry &registry, const VersionIndex &index)
{
    LaneChart chart;
    const bool down = plan.to < plan.from;
    const MinorVersion lo = (down ? plan.to : plan.from).minorVersion();
    const MinorVersion hi = (down ? plan.from : plan.to).minorVersion();
    const QList<MinorVersion> axis = index.minorsBetween(lo, hi);
    for (const MinorVersion &m : axis)
        chart.axis << m.toString();
    auto column = [&](const MinorVersion &m) { // first column at or after m
        return double(std::lower_bound(axis.cbegin(), axis.cend(), m) - axis.cbegin());
    };
    for (const OobMigration &m : registry.migrations()) {
        if (hi < m.introduced || (m.deprecated && *m.deprecated <= lo))
            continue; // never runs inside the range
        LaneChart::Lane lane;
        lane.label = QString::number(m.id) + u' ' + m.component;
        lane.tooltip = QStringLiteral("OOB %1 (%2): %3; introduced %4, deprecated %5")
                           .arg(QString::number(m.id), m.team, m.description, m.introduced.toString(),
                                m.deprecated ? m.deprecated->toString() : QStringLiteral("never"));
        lane.openStart = m.introduced < lo;
        lane.start = column(m.introduced);
        lane.openEnd = !m.deprecated || hi < *m.deprecated;
        lane.end = lane.openEnd ? double(axis.size()) : column(*m.deprecated);
        lane.problem = plan.impossibleOob.contains(m.id);
        lane.destructive = !m.nonDestructive;
        chart.lanes.append(lane);
    }
    auto ids = [](const QList<int> &list) {
        QStringList parts;
        for (int id : list)
            parts << QString::number(id);
        return parts.join(QStringLiteral(", "));
    };
    chart.markers.append({column(plan.from.minorVersion()), QStringLiteral("from ") + plan.from.toString(),
                          LaneChart::MarkerKind::Source});
    for (const Stop &s : plan.stops) {
        const QString verb = down ? QStringLiteral("revert") : QStringLiteral("complete");
        const QString where = s.atSource ? QStringLiteral("wait at ") : QStringLiteral("stop at ");
        chart.markers.append({column(s.minor), where + s.release.toString() + QStringLiteral(": ") + verb
                                                   + QStringLiteral(" OOB ") + ids(s.oob),
                              LaneChart::MarkerKind::Stop});
    }
    chart.markers.append({column(plan.to.minorVersion()), QStringLiteral("to ") + plan.to.toString(),
                          LaneChart::MarkerKind::Target});
    return chart;
}

} // namespace passlane
