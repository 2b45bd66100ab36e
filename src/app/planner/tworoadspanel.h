#pragma once

#include <QTreeWidget>
#include <QWidget>

class QLabel;
namespace passlane { struct TimeModel; struct Road; struct Version; }

/// The time model's two roads side by side (the multi-version upgrade, successive standard
/// upgrades): downtime with its range, the longest outage, calendar time, when it is done and the
/// hops, each road with what its figures rest on, and the recommendation with its reason. The
/// Planner and the Simulation tab show it for the same Evaluation::time.
class TwoRoadsPanel : public QWidget {
    Q_OBJECT
public:
    enum class Figure { Downtime, LongestOutage, Calendar, Done, Hops, RestsOn };
    enum class Which { MultiVersion, Standard };

    explicit TwoRoadsPanel(QWidget *parent = nullptr);

    /// Shows `time`'s roads; nullptr clears the panel.
    void setTimeModel(const passlane::TimeModel *time);
    /// Also state what every figure rests on (costs, rows, OOB rates) under the recommendation.
    void setShowGrounds(bool show);

    QString figureText(Which road, Figure figure) const;
    QString recommendationText() const;
    QString groundsText() const;

private:
    QLabel *m_recommendation;
    QLabel *m_grounds;
    QLabel *m_headers[2];
    QLabel *m_cells[2][6];
    bool m_showGrounds = false;
};

/// The hops of one road, one row each: the hop, its downtime with range, its earliest start
/// (a date when the start state was observed, else after the start), why then, and what it rests on.
class RoadHopsTable : public QTreeWidget {
    Q_OBJECT
public:
    enum Column { HopColumn, DowntimeColumn, EarliestStartColumn, WhyColumn, RestsOnColumn };

    explicit RoadHopsTable(QWidget *parent = nullptr);
    void setRoad(const passlane::Road *road);
    /// The hops only, without times (the time model has no standard road for a downgrade).
    void setPath(const passlane::Version &from, const QList<passlane::Version> &path);
};
