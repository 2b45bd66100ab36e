#pragma once

#include <QString>

namespace passlane { struct Evaluation; }

/// What the time figures of an answer rest on, stated next to them: the OOB progress model in
/// force (documented default, the project's, per-migration models, the start's row counts, rates
/// observed) and what the schema migrations' times rest on: the time model's costs (calibration
/// or documented defaults) and rows (customer data or unknown), or the server's own timing.
struct TimeAssumptions {
    QString oob;     ///< "OOB tables assumed empty: done at once (documented default; batches of 500 every 3 s)"
    QString schema;  ///< "schema migrations: costs from documented defaults, rows unknown (tables assumed empty)"
    bool documentedOnly = true; ///< nothing but documented defaults: the figures are not evidence

    /// One sentence: "Times rest on: …; … ."
    QString sentence() const;
    /// Short, for a chart: both parts, without the advice.
    QString brief() const;

    static TimeAssumptions of(const passlane::Evaluation &e);
};
