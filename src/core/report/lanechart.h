#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace passlane {

/// Input of the SVG lane chart: versions on the x axis (one column per minor), one lane per OOB
/// window, markers (stops, source, target) drawn across all lanes. Positions are in columns:
/// column i spans [i, i+1).
struct LaneChart {
    struct Lane {
        QString label;          ///< left of the lane ("25 frontend-db.repo")
        QString tooltip;        ///< <title> text (description)
        double start = 0;       ///< first column the migration runs in
        double end = 0;         ///< column where it must be done (exclusive): its deprecation
        bool openStart = false; ///< introduced before the axis
        bool openEnd = false;   ///< never deprecated, or after the axis
        bool problem = false;   ///< cannot be honoured (drawn red)
        bool destructive = false;
    };
    enum class MarkerKind { Stop, Source, Target };
    struct Marker {
        double position = 0;    ///< column (drawn at its centre)
        QString label;
        MarkerKind kind = MarkerKind::Stop;
    };
    QStringList axis; ///< column labels, left to right
    QList<Lane> lanes;
    QList<Marker> markers;
};

/// Renders the chart as an inline <svg> element (all text escaped; no external resources).
QString svgLaneChart(const LaneChart &chart);

} // namespace passlane
