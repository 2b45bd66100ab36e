#include "scenario/timereport.h"

#include "report/html.h"
#include "simulator/timeline.h"

#include <QJsonArray>
#include <QSet>

namespace passlane {

namespace {

QString idsText(const QList<int> &ids)
{
    QStringList s;
    for (int id : ids)
        s << QString::number(id);
    return s.isEmpty() ? QStringLiteral("-") : s.join(QStringLiteral(", "));
}

QSet<int> waitedFor(const TimeModel &t)
{
    QSet<int> ids;
    for (const Road *road : {&t.roads.multiVersion, &t.roads.standard})
        for (const RoadHop &h : road->hops)
            for (int id : h.waitsFor)
                ids.insert(id);
    return ids;
}

QJsonObject figureJson(const TimeFigure &f)
{
    QJsonArray basis;
    for (const Evidence &e : f.basis)
        basis.append(QJsonObject{{QStringLiteral("aspect"), e.aspect},
                                 {QStringLiteral("evidence"), evidenceKindName(e.kind)},
                                 {QStringLiteral("detail"), e.detail}});
    return QJsonObject{{QStringLiteral("ms"), double(f.ms)},
                       {QStringLiteral("low_ms"), double(f.lowMs)},
                       {QStringLiteral("high_ms"), double(f.highMs)},
                       {QStringLiteral("evidence"), evidenceKindName(f.kind())},
                       {QStringLiteral("basis"), basis}};
}

QJsonValue dateJson(const std::optional<QDateTime> &at)
{
    return at ? QJsonValue(at->toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject roadJson(const Road &road)
{
    QJsonArray hops;
    for (const RoadHop &h : road.hops) {
        QJsonArray waits;
        for (int id : h.waitsFor)
            waits.append(id);
        hops.append(QJsonObject{{QStringLiteral("from"), h.from.toString()},
                                {QStringLiteral("to"), h.to.toString()},
                                {QStringLiteral("schema"), figureJson(h.schema)},
                                {QStringLiteral("oob_wait"), figureJson(h.oobWait)},
                                {QStringLiteral("downtime"), figureJson(h.downtime)},
                                {QStringLiteral("waits_for"), waits},
                                {QStringLiteral("earliest_start_ms"), double(h.earliestStartMs)},
                                {QStringLiteral("earliest_start"), dateJson(h.earliestStart)},
                                {QStringLiteral("start_basis"), h.startBasis}});
    }
    return QJsonObject{{QStringLiteral("downtime"), figureJson(road.downtime)},
                       {QStringLiteral("longest_outage"), figureJson(road.longestHop)},
                       {QStringLiteral("calendar_ms"), double(road.calendarMs)},
                       {QStringLiteral("finish_at"), dateJson(road.finishAt)},
                       {QStringLiteral("hops"), hops}};
}

} // namespace

QString timeDateText(const std::optional<QDateTime> &at, qint64 offsetMs)
{
    if (at)
        return at->toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    return offsetMs == 0 ? QStringLiteral("at the start") : QStringLiteral("start + %1").arg(formatDuration(offsetMs));
}

QString timeGroundsText(const TimeModel &t)
{
    return QStringLiteral("Costs: %1. Rows: %2. OOB rates: %3. Times from %4.")
        .arg(t.calibration.measured ? QStringLiteral("calibration (%1)").arg(t.calibration.describe()) : QStringLiteral("documented defaults"),
             t.tableStats ? QStringLiteral("customer data (table statistics of the start state)")
                          : QStringLiteral("unknown rows (no table statistics: tables assumed empty)"),
             [&t] {
                 for (const OobEta &e : t.oob)
                     if (e.observedPerHour)
                         return QStringLiteral("observed where the customer's data shows progress, else assumed");
                 return QStringLiteral("assumed (progress model)");
             }(),
             t.roads.referenceText);
}

QString roadChoiceText(TwoRoads::Choice c)
{
    return c == TwoRoads::Choice::MultiVersion ? QStringLiteral("the multi-version upgrade")
        : c == TwoRoads::Choice::Standard      ? QStringLiteral("successive standard upgrades")
                                               : QStringLiteral("either road");
}

QList<ReportSection> timeSections(const TimeModel &t)
{
    QList<ReportSection> out;
    const TwoRoads &r = t.roads;
    const QString intro = QStringLiteral("Recommended: %1, because %2. %3").arg(roadChoiceText(r.recommended), r.reason, timeGroundsText(t));
    auto roadRow = [](const QString &name, const Road &road) {
        return QStringList{name,
                           road.downtime.rangeText(),
                           formatDuration(road.longestHop.ms),
                           formatDuration(road.calendarMs),
                           timeDateText(road.finishAt, road.calendarMs),
                           QString::number(road.hops.size()),
                           road.downtime.basisText()};
    };
    QList<QStringList> rows{roadRow(QStringLiteral("Multi-version upgrade (offline throughout)"), r.multiVersion)};
    if (!r.standard.hops.isEmpty())
        rows << roadRow(QStringLiteral("Successive standard upgrades (online between hops)"), r.standard);
    out << tableSection(QStringLiteral("Time: two roads"), intro,
                        {QStringLiteral("Road"), QStringLiteral("Downtime (range)"), QStringLiteral("Longest outage"),
                         QStringLiteral("Calendar time"), QStringLiteral("Done"), QStringLiteral("Hops"), QStringLiteral("Rests on")},
                        rows, {5});

    QList<QStringList> stops;
    for (const RoadHop &h : r.multiVersion.hops)
        stops << QStringList{h.from.toString() + QStringLiteral(" → ") + h.to.toString(), h.schema.rangeText(),
                             h.waitsFor.isEmpty() ? QStringLiteral("-") : h.oobWait.rangeText() + QStringLiteral(" (OOB ") + idsText(h.waitsFor) + u')',
                             formatDuration(h.downtime.ms), h.downtime.basisText()};
    out << tableSection(QStringLiteral("Time: multi-version steps"),
                        QStringLiteral("The instance is down from the first step to the last: schema migrations, then the OOB "
                                       "migrations each stop must complete, side by side."),
                        {QStringLiteral("Step"), QStringLiteral("Schema migrations"), QStringLiteral("OOB wait"),
                         QStringLiteral("Downtime"), QStringLiteral("Rests on")},
                        stops);

    if (!r.standard.hops.isEmpty()) {
        QList<QStringList> hops;
        for (const RoadHop &h : r.standard.hops)
            hops << QStringList{h.from.toString() + QStringLiteral(" → ") + h.to.toString(), h.downtime.rangeText(),
                                timeDateText(h.earliestStart, h.earliestStartMs), idsText(h.waitsFor), h.startBasis,
                                h.downtime.basisText()};
        out << tableSection(QStringLiteral("Time: standard hops"),
                            QStringLiteral("Each hop's downtime is its schema migrations; between hops the instance runs and its "
                                           "OOB migrations progress. A hop may start once the OOB migrations deprecated at its "
                                           "minor are complete."),
                            {QStringLiteral("Hop"), QStringLiteral("Downtime (range)"), QStringLiteral("Earliest start"),
                             QStringLiteral("Waits for OOB"), QStringLiteral("Why then"), QStringLiteral("Rests on")},
                            hops);
    }

    const QSet<int> ids = waitedFor(t);
    QList<QStringList> etas;
    for (const OobEta &e : t.oob) {
        if (!ids.contains(e.id))
            continue;
        etas << QStringList{QString::number(e.id), e.component, QString::number(e.progress * 100.0, 'f', 1) + u'%',
                            e.remaining.rangeText(), e.completeAt ? timeDateText(e.completeAt, 0) : QStringLiteral("-"), e.rateText,
                            e.remaining.basisText()};
    }
    if (!etas.isEmpty())
        out << tableSection(QStringLiteral("Time: OOB migrations"),
                            QStringLiteral("When each OOB migration the roads wait for completes, from its last seen progress."),
                            {QStringLiteral("OOB"), QStringLiteral("Component"), QStringLiteral("Progress"),
                             QStringLiteral("Remaining (range)"), QStringLiteral("Complete by"), QStringLiteral("Rate"),
                             QStringLiteral("Rests on")},
                            etas, {0});
    return out;
}

QJsonObject timeModelToJson(const TimeModel &t)
{
    QJsonArray oob;
    const QSet<int> ids = waitedFor(t);
    for (const OobEta &e : t.oob) {
        if (!ids.contains(e.id))
            continue;
        QJsonObject o{{QStringLiteral("id"), e.id},
                      {QStringLiteral("component"), e.component},
                      {QStringLiteral("progress"), e.progress},
                      {QStringLiteral("progress_at"), dateJson(e.progressAt)},
                      {QStringLiteral("remaining"), figureJson(e.remaining)},
                      {QStringLiteral("complete_at"), dateJson(e.completeAt)},
                      {QStringLiteral("rate"), e.rateText}};
        if (e.observedPerHour)
            o.insert(QStringLiteral("observed_per_hour"), *e.observedPerHour);
        oob.append(o);
    }
    return QJsonObject{{QStringLiteral("costs"), t.calibration.measured ? t.calibration.describe() : QStringLiteral("documented defaults")},
                       {QStringLiteral("table_statistics"), t.tableStats},
                       {QStringLiteral("reference"), t.roads.referenceText},
                       {QStringLiteral("multi_version"), roadJson(t.roads.multiVersion)},
                       {QStringLiteral("standard"), roadJson(t.roads.standard)},
                       {QStringLiteral("recommended"), roadChoiceName(t.roads.recommended)},
                       {QStringLiteral("reason"), t.roads.reason},
                       {QStringLiteral("oob"), oob}};
}

} // namespace passlane
