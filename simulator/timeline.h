#pragma once

#include "common/version.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace passlane {

/// What happened at one point of a simulated (or executed) upgrade.
enum class EventKind {
    StartState,       ///< the run begins from this state (release, export or live instance)
    StopReached,      ///< the instance's schemas now match this stop's release
    MigrationApplied, ///< one schema migration ran and was logged with success
    MigrationFailed,  ///< one schema migration failed: the run stops, the schema is dirty
    ManualStep,       ///< a privileged migration the role cannot run: an operator must run its SQL
    OobStarted,       ///< an OOB migration starts (or resumes) running
    OobProgress,      ///< an OOB migration reached a progress milestone
    OobCompleted,     ///< an OOB migration reached progress 1.0
    OobFailed,        ///< an OOB migration failed: the run stops
    WaitForOob,       ///< the run waits at a stop until required OOB migrations complete
    StartupCheck,     ///< the start-up rule passed at this version
    StartupRefused,   ///< an OOB migration deprecated at or before this version is incomplete
    Canceled,         ///< the caller canceled the run
    Finished,         ///< the run reached the target
};

QString eventKindName(EventKind kind); ///< stable kebab-case: "migration-applied"
std::optional<EventKind> eventKindFromName(QStringView name);

/// One timeline entry. Times are milliseconds since the start of the run: simulated time for the
/// SQLite backend, wall-clock time measured on the server for the PostgreSQL backend.
struct TimelineEvent {
    EventKind kind = EventKind::StartState;
    qint64 atMs = 0;
    qint64 durationMs = 0;
    int stopIndex = -1;          ///< index into SimulationResult::stops, -1 before the first stop
    QString version;             ///< the stop's release ("6.1.5633"), when tied to one
    QString schema;              ///< "frontend", for schema migrations
    std::optional<qint64> migrationId;
    std::optional<int> oobId;
    double progress = -1;        ///< OOB progress 0..1 after the event, -1 when not an OOB event
    QString message;             ///< one human sentence

    QJsonObject toJson() const;
    static std::optional<TimelineEvent> fromJson(const QJsonObject &o);
};

/// Totals for one stop of the plan.
struct StopTotals {
    QString version;
    qint64 arrivedAtMs = 0;  ///< when the stop's schema migrations began
    qint64 schemaMs = 0;     ///< time spent running schema migrations
    qint64 oobWaitMs = 0;    ///< time spent waiting for required OOB migrations
    int migrations = 0;      ///< schema migrations run at this stop
    QList<int> waitedFor;    ///< OOB ids the stop waited for

    qint64 totalMs() const { return schemaMs + oobWaitMs; }
    QJsonObject toJson() const;
};

/// Totals for the whole run.
struct SimulationTotals {
    qint64 totalMs = 0;          ///< start to end of the run
    qint64 schemaMs = 0;         ///< all schema migrations
    qint64 oobWaitMs = 0;        ///< all waiting for OOB migrations at stops
    qint64 downtimeMs = 0;       ///< estimated downtime: a multi-version upgrade is offline throughout
    qint64 backgroundOobMs = 0;  ///< after the run: time until OOB migrations left running finish
    int migrationsApplied = 0;
    int migrationsFailed = 0;
    int manualSteps = 0;
    QList<StopTotals> stops;

    QJsonObject toJson() const;
};

QJsonArray timelineToJson(const QList<TimelineEvent> &events);

/// "1h 02m 03s", "850 ms": durations for people.
QString formatDuration(qint64 ms);

} // namespace passlane
