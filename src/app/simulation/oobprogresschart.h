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

    /// Progress points per OOB id (ms, 0..1), as drawn; for tests.
    const QMap<int, QList<QPointF>> &series() const { return m_series; }

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
    QMap<int, QList<QPointF>> m_series;
    QList<Marker> m_markers;
    qint64 m_endMs = 0;
};
