#include "simulation/timeassumptions.h"

#include "scenario/evaluation.h"
#include "simulation/oobprogressoverridesmodel.h"
#include "simulator/timeline.h"

#include <QCoreApplication>

using namespace passlane;

namespace {
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("TimeAssumptions", text, nullptr, n);
}
} // namespace

TimeAssumptions TimeAssumptions::of(const Evaluation &e)
{
    TimeAssumptions a;
    const Project &p = e.scenario.project;
    const OobProgressModel documented;
    const bool builtIn = sameProgressModel(p.defaultProgress, documented);
    const OobProgressModel &m = p.defaultProgress;
    a.oob = m.rows == 0 ? tr("OOB tables assumed empty, done at once")
                        : tr("%1 rows per OOB migration, %2 per batch every %3 s").arg(m.rows).arg(m.batchSize).arg(m.intervalSeconds);
    a.oob += builtIn ? tr(" (documented default)") : tr(" (project default)");
    QStringList more;
    if (!p.progressOverrides.isEmpty()) {
        more << tr("%n OOB migration(s) with their own model", int(p.progressOverrides.size()));
        a.documentedOnly = false;
    }
    if (!e.oobRows.isEmpty()) {
        more << tr("row counts of the start for %n", int(e.oobRows.size()));
        a.documentedOnly = false;
    }
    if (!builtIn)
        a.documentedOnly = false;
    if (!more.isEmpty())
        a.oob += QStringLiteral(", ") + more.join(QStringLiteral(", "));

    // OOB rates: the time model's, observed where two observations of the customer's instance show progress.
    int observed = 0;
    if (e.time)
        for (const OobEta &eta : e.time->oob)
            observed += eta.observedPerHour ? 1 : 0;
    if (observed > 0) {
        a.oob += tr(", rates observed for %n OOB migration(s), the rest assumed", observed);
        a.documentedOnly = false;
    }

    const SimulationRequest request = e.scenario.simulation.value_or(SimulationRequest{});
    if (request.backend == SimulationBackend::Postgres) {
        a.schema = tr("schema migrations timed on the PostgreSQL server (empty tables)");
        a.documentedOnly = false;
    } else {
        // The rehearsal takes each schema migration's time from the time model (TimeModel::durations()).
        const bool calibrated = e.time && e.time->calibration.measured;
        const bool rows = e.time && e.time->tableStats;
        a.schema = tr("schema migrations: costs from %1, rows %2")
                       .arg(calibrated ? tr("calibration (%1)").arg(e.time->calibration.describe()) : tr("documented defaults"),
                            rows ? tr("from the customer's table statistics") : tr("unknown (tables assumed empty)"));
        if (calibrated || rows)
            a.documentedOnly = false;
    }
    return a;
}

QString TimeAssumptions::sentence() const
{
    QString s = tr("Times rest on: %1; %2.").arg(oob, schema);
    if (documentedOnly)
        s += QLatin1Char(' ') + tr("Documented defaults only: read the times as placeholders, not estimates.");
    return s;
}

QString TimeAssumptions::brief() const
{
    return QStringLiteral("%1; %2").arg(oob, schema);
}
