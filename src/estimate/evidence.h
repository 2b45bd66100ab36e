#pragma once

#include <QList>
#include <QString>

namespace passlane {

/// What a figure rests on, strongest first. A sum rests on its weakest part.
enum class EvidenceKind {
    CustomerData,      ///< the customer's own numbers: table statistics, row counts, progress
    Observed,          ///< a rate measured between two observations of the customer's instance
    Calibration,       ///< per-class costs measured on a PostgreSQL server (bench calibrate)
    DocumentedDefault, ///< a default from docs/time-model.md or the project's progress model
    Unknown,           ///< nothing known: the figure assumes (e.g. empty tables) and says so
};

QString evidenceKindName(EvidenceKind kind); ///< "customer data", "observed", "calibration", "documented default", "unknown"
EvidenceKind weaker(EvidenceKind a, EvidenceKind b);

/// One thing a figure rests on: an aspect ("rows", "costs", "rate"), its kind, and a detail for people.
struct Evidence {
    QString aspect;
    EvidenceKind kind = EvidenceKind::Unknown;
    QString detail; ///< "users: 1,200,000 rows", "assumed empty", "calibrated on host-a, ..."

    bool operator==(const Evidence &) const = default;
};

/// A duration with its range and what it rests on.
struct TimeFigure {
    qint64 ms = 0;
    qint64 lowMs = 0;
    qint64 highMs = 0;
    QList<Evidence> basis; ///< one entry per aspect and kind (details kept for single figures)

    /// The weakest kind of the basis (DocumentedDefault when there is none).
    EvidenceKind kind() const;
    /// "rows: customer data + unknown (assumed empty); costs: documented defaults".
    QString basisText() const;
    /// "4m 33s (2m 16s .. 18m 12s)".
    QString rangeText() const;

    /// Adds durations and ranges; merges the basis per aspect and kind (details dropped when
    /// two parts of one aspect and kind disagree).
    TimeFigure &operator+=(const TimeFigure &o);
    /// The longer of two side-by-side waits (ranges taken piecewise), basis merged.
    static TimeFigure longest(const TimeFigure &a, const TimeFigure &b);
};

/// Range factors: documented defaults may be off by 4x either way, measured figures by 2x.
double lowFactor(EvidenceKind costKind);
/// "4,000,000": row counts for people, the same on every machine.
QString countText(qint64 n);
double highFactor(EvidenceKind costKind);

} // namespace passlane
