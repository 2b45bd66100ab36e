#include "timeline.h"

#include <QJsonValue>

#include <array>
#include <utility>

namespace passlane {

namespace {

constexpr std::array<std::pair<EventKind, const char *>, 14> kKindNames{{
    {EventKind::StartState, "start-state"},
    {EventKind::StopReached, "stop-reached"},
    {EventKind::MigrationApplied, "migration-applied"},
    {EventKind::MigrationFailed, "migration-failed"},
    {EventKind::ManualStep, "manual-step"},
    {EventKind::OobStarted, "oob-started"},
    {EventKind::OobProgress, "oob-progress"},
    {EventKind::OobCompleted, "oob-completed"},
    {EventKind::OobFailed, "oob-failed"},
    {EventKind::WaitForOob, "wait-for-oob"},
    {EventKind::StartupCheck, "startup-check"},
    {EventKind::StartupRefused, "startup-refused"},
    {EventKind::Canceled, "canceled"},
    {EventKind::Finished, "finished"},
}};

} // namespace

QString eventKindName(EventKind kind)
{
    for (const auto &[k, name] : kKindNames) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("unknown");
}

std::optional<EventKind> eventKindFromName(QStringView name)
{
    for (const auto &[k, n] : kKindNames) {
        if (name == QLatin1String(n))
            return k;
    }
    return std::nullopt;
}

QJsonObject TimelineEvent::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("kind"), eventKindName(kind));
    o.insert(QLatin1String("atMs"), atMs);
    if (durationMs)
        o.insert(QLatin1String("durationMs"), durationMs);
    if (stopIndex >= 0)
        o.insert(QLatin1String("stop"), stopIndex);
    if (!version.isEmpty())
        o.insert(QLatin1String("version"), version);
    if (!schema.isEmpty())
        o.insert(QLatin1String("schema"), schema);
    if (migrationId)
        o.insert(QLatin1String("migration"), *migrationId);
    if (oobId)
        o.insert(QLatin1String("oob"), *oobId);
    if (progress >= 0)
        o.insert(QLatin1String("progress"), progress);
    if (!message.isEmpty())
        o.insert(QLatin1String("message"), message);
    return o;
}

std::optional<TimelineEvent> TimelineEvent::fromJson(const QJsonObject &o)
{
    const auto kind = eventKindFromName(o.value(QLatin1String("kind")).toString());
    if (!kind)
        return std::nullopt;
    TimelineEvent e;
    e.kind = *kind;
    e.atMs = o.value(QLatin1String("atMs")).toInteger();
    e.durationMs = o.value(QLatin1String("durationMs")).toInteger();
    e.stopIndex = o.value(QLatin1String("stop")).toInt(-1);
    e.version = o.value(QLatin1String("version")).toString();
    e.schema = o.value(QLatin1String("schema")).toString();
    if (o.contains(QLatin1String("migration")))
        e.migrationId = o.value(QLatin1String("migration")).toInteger();
    if (o.contains(QLatin1String("oob")))
        e.oobId = o.value(QLatin1String("oob")).toInt();
    e.progress = o.value(QLatin1String("progress")).toDouble(-1);
    e.message = o.value(QLatin1String("message")).toString();
    return e;
}

QJsonObject StopTotals::toJson() const
{
    QJsonArray waited;
    for (int id : waitedFor)
        waited.append(id);
    return QJsonObject{{QLatin1String("version"), version},
                       {QLatin1String("arrivedAtMs"), arrivedAtMs},
                       {QLatin1String("schemaMs"), schemaMs},
                       {QLatin1String("oobWaitMs"), oobWaitMs},
                       {QLatin1String("totalMs"), totalMs()},
                       {QLatin1String("migrations"), migrations},
                       {QLatin1String("waitedFor"), waited}};
}

QJsonObject SimulationTotals::toJson() const
{
    QJsonArray stopArray;
    for (const StopTotals &s : stops)
        stopArray.append(s.toJson());
    return QJsonObject{{QLatin1String("totalMs"), totalMs},
                       {QLatin1String("schemaMs"), schemaMs},
                       {QLatin1String("oobWaitMs"), oobWaitMs},
                       {QLatin1String("downtimeMs"), downtimeMs},
                       {QLatin1String("backgroundOobMs"), backgroundOobMs},
                       {QLatin1String("migrationsApplied"), migrationsApplied},
                       {QLatin1String("migrationsFailed"), migrationsFailed},
                       {QLatin1String("manualSteps"), manualSteps},
                       {QLatin1String("stops"), stopArray}};
}

QJsonArray timelineToJson(const QList<TimelineEvent> &events)
{
    QJsonArray a;
    for (const TimelineEvent &e : events)
        a.append(e.toJson());
    return a;
}

QString formatDuration(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    const qint64 s = ms / 1000;
    if (s < 60)
        return QStringLiteral("%1.%2 s").arg(s).arg((ms % 1000) / 100);
    const qint64 h = s / 3600, m = (s / 60) % 60, sec = s % 60;
    if (h == 0)
        return QStringLiteral("%1m %2s").arg(m).arg(sec, 2, 10, QLatin1Char('0'));
    if (h < 48)
        return QStringLiteral("%1h %2m %3s").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(sec, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1d %2h %3m").arg(h / 24).arg(h % 24).arg(m, 2, 10, QLatin1Char('0'));
}

} // namespace passlane
