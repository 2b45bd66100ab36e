#pragma once

#include "simulator/timeline.h"

#include <QList>
#include <QMap>
#include <QWidget>

/// OOB progress over simulated time, painted by hand (no Qt Charts in our stack): one line per
/// OOB migration from its timeline events, and a vertical marker where each stop is reached.
class OobProgressChart : public QWidget {
    Q_OBJECT
public:
    explicit OobProgressChart(QWidget *parent = nullptr);

    void setTimeline(const QList<passlane::TimelineEvent> &events);
    void clear();
    /// What the time axis measures ("simulated time") and what the times rest on, drawn under
    /// the title.
    void setAssumptions(const QString &timeBasis, const QString &assumptions);
    QString title() const;
    QString assumptions() const { return m_assumptions; }

    /// Where the legend goes: beside the plot when there is room, else under it.
    struct LegendLayout {
        bool below = false;
        int columns = 1;
        int shown = 0;     ///< entries drawn; the rest are summed up as "+N more"
        QRectF plot;
        QRectF legend;
    };
    LegendLayout legendLayout(const QRectF &area) const;
    /// The legend's entries as drawn: "OOB 25 (100%)".
    QStringList legendEntries() const;

    /// Progress points per OOB id (ms, 0..1), as drawn; for tests.
    const QMap<int, QList<QPointF>> &series() const { return m_series; }
    /// Where the time axis ends: the run's end (finished, canceled or failed), not the end of
    /// OOB work still running in the background after it.
    qint64 endMs() const { return m_endMs; }

    struct TimeTick {
        qint64 ms;
        QString label;
    };
    /// Ticks for an axis of `spanMs`: 0 and whole multiples of 1, 2 or 5 of one unit (ms, s,
    /// min, h), at most `maxTicks` + 1 of them, every label in that same unit.
    static QList<TimeTick> timeTicks(qint64 spanMs, int maxTicks = 5);

    QSize sizeHint() const override { return {600, 220}; }
    QSize minimumSizeHint() const override { return {240, 140}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Marker {
        qint64 atMs;
        QString label;
        bool failure;
    };
    QColor seriesColor(int n) const;
    bool darkBase() const;

    QMap<int, QList<QPointF>> m_series;
    QString m_timeBasis;
    QString m_assumptions;
    QList<Marker> m_markers;
    qint64 m_endMs = 0;
};
