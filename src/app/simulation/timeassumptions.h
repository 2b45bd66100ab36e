#pragma once

#include <QString>

namespace passlane { struct Evaluation; }

/// What the time figures of an answer rest on, stated next to them: the OOB progress model in
/// force (documented default, the project's, per-migration models, the start's row counts) and
/// the time per schema migration (simulated, or measured on the server).
struct TimeAssumptions {
    QString oob;     ///< "OOB tables assumed empty: done at once (documented default; batches of 500 every 3 s)"
    QString schema;  ///< "1 s per schema migration (documented default)"
    bool documentedOnly = true; ///< nothing but documented defaults: the figures are not evidence

    /// One sentence: "Times rest on: …; … ."
    QString sentence() const;
    /// Short, for a chart: "OOB 0 rows, 1 s per schema migration (documented defaults)".
    QString brief() const;

    static TimeAssumptions of(const passlane::Evaluation &e);
};
