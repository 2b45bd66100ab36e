#pragma once

#include "report/reportwriter.h"
#include "scenario/evaluation.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace passlane {

/// What an operator does at one step of the plan, in order: back up, run the manual SQL (or
/// nothing), run the product's migrator, then watch the OOB migrations before moving on.
struct RunbookStep {
    struct Sql {
        QString schema;
        QString database; ///< the product's database for the schema ("pgsql")
        qint64 id = 0;
        QString name;
        QString sql;
    };
    struct Oob {
        int id = 0;
        QString label;    ///< "component: description"
    };
    int number = 0;
    QString title;            ///< "Step 2: upgrade to 6.1.5633 (stop)"
    QString release;
    QString previous;         ///< the release the instance runs before the step
    bool down = false;
    QStringList backups;      ///< "frontend schema: database pgsql", one per schema the step touches
    QList<Sql> manual;        ///< privileged migrations to run as a superuser first
    QString command;          ///< the product's migrator command, or empty when nothing runs
    QString commandNote;      ///< how and with which image to run it
    QList<Oob> watch;         ///< OOB migrations that must finish (or revert) before the next step
    QString revertCommand;    ///< down steps: the migrator command that runs `watch` in reverse
    QString durationSource;   ///< "simulation", "estimate" (the time model), "progress-model", "none", "unknown"
    std::optional<qint64> durationMs;
    QString duration;         ///< one sentence: the expected wait, or why it is unknown

    QList<int> watchIds() const;
};

/// The operator's runbook for the evaluation's plan (empty without a plan). Durations come from
/// the simulation when one ran, else from the progress model when the project or the customer
/// gives row counts for every OOB migration to wait for, else they are unknown.
QList<RunbookStep> makeRunbook(const Evaluation &e);

/// The product's database that holds a schema ("frontend" -> "pgsql").
QString schemaDatabase(const QString &schema);

QJsonArray runbookToJson(const QList<RunbookStep> &runbook);
/// The "Runbook" section: per step the backup, the manual SQL or "No manual steps are needed.",
/// the migrator command, the OOB migrations to watch and where, and the expected duration.
ReportSection runbookSection(const QList<RunbookStep> &runbook);

/// "pgsql (the frontend schema's database)": how the runbook names what to back up.
QString schemaDatabaseLabel(const QString &schema);

/// Where the operator sees the progress of OOB migrations: the product's site-admin page, and a
/// query on the `progress` column of its `out_of_band_migrations` table for `ids`.
QString oobProgressPage();
QString oobProgressSql(const QList<int> &ids);

} // namespace passlane
