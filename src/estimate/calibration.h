#pragma once

#include "common/result.h"
#include "sql/statementclass.h"

#include <QDateTime>
#include <QMap>
#include <QString>

namespace passlane {

/// What one statement class costs on one server: a fixed part and a part per thousand rows of the
/// tables it touches.
struct ClassCost {
    double fixedMs = 0;
    double msPerThousandRows = 0;

    double estimateMs(qint64 rows) const { return fixedMs + msPerThousandRows * double(rows) / 1000.0; }
};

/// Per-class costs: measured by `passlane-cli bench calibrate` on a PostgreSQL server and saved
/// per machine, or the documented defaults. Every estimate says which of the two it rests on.
struct Calibration {
    /// A few round trips and one commit (one WAL flush) on a local server (docs/time-model.md).
    static constexpr double kDefaultPerMigrationMs = 5;

    QMap<StatementClass, ClassCost> costs;
    /// What the migrator adds around each migration (its migration_logs row written and updated,
    /// the transaction begun and committed, the round trips): the same on every migration.
    double perMigrationMs = kDefaultPerMigrationMs;
    bool measured = false;   ///< false: the documented defaults
    QString machine;         ///< host name the calibration ran on
    QString server;          ///< "PostgreSQL 15.8"
    QDateTime measuredAt;
    qint64 rowsPerTable = 0; ///< rows generated for the measurement
    QString file;            ///< where it was loaded from, when it was

    /// The documented defaults (docs/time-model.md).
    static Calibration defaults();
    /// A JSON file written by save(); errors name the file and what is wrong.
    static Result<Calibration> load(const QString &path);
    /// Written atomically (writeFileAtomically).
    Status save(const QString &path) const;
    /// Where `bench calibrate` saves for this machine by default:
    /// <AppDataLocation>/calibration/<hostname>.json.
    static QString defaultPath();

    ClassCost cost(StatementClass c) const;
    /// "calibrated on host-a, PostgreSQL 15.8, 2026-11-30" or "documented defaults".
    QString describe() const;
};

} // namespace passlane
