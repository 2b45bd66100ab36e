#include "simulation/oobprogresschart.h"

#include <QPainter>
#include <QPainterPath>

using namespace passlane;

OobProgressChart::OobProgressChart(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void OobProgressChart::clear()
{
    setTimeline({});
}

void OobProgressChart::setTimeline(const QList<TimelineEvent> &events)
{
    m_series.clear();
    m_markers.clear();
    m_endMs = 0;
    for (const TimelineEvent &e : events) {
        m_endMs = qMax(m_endMs, e.atMs + qMax<qint64>(0, e.durationMs));
        if (e.oobId && e.progress >= 0)
            m_series[*e.oobId].append(QPointF(double(e.atMs), e.progress));
        if (e.kind == EventKind::StopReached || e.kind == EventKind::Finished)
            m_markers.append({e.atMs, e.version, false});
        else if (e.kind == EventKind::MigrationFailed || e.kind == EventKind::OobFailed
                 || e.kind == EventKind::StartupRefused || e.kind == EventKind::Canceled)
            m_markers.append({e.atMs, eventKindName(e.kind), true});
    }
    update();
}

static QString shortDuration(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 120000)
        return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', ms < 10000 ? 1 : 0);
    if (ms < 2 * 3600000)
        return QStringLiteral("%1 min").arg(ms / 60000.0, 0, 'f', 0);
    return QStringLiteral("%1 h").arg(ms / 3600000.0, 0, 'f', 1);
}

void OobProgressChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const QRectF plot = QRectF(rect()).adjusted(fm.horizontalAdvance(QStringLiteral("100%")) + 12, fm.height() + 10,
                                                -150, -(fm.height() + 10));
    if (plot.width() < 40 || plot.height() < 30)
        return;

    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(rect()).adjusted(6, 2, 0, 0), Qt::AlignLeft | Qt::AlignTop, tr("OOB progress over simulated time"));
    if (m_series.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter, tr("Run a simulation to see OOB migrations progress."));
        return;
    }

    const double span = double(qMax<qint64>(1, m_endMs));
    auto toPoint = [&](double ms, double progress) {
        return QPointF(plot.left() + ms / span * plot.width(), plot.bottom() - progress * plot.height());
    };

    // Grid: 0/50/100% and time ticks.
    const QColor grid = palette().color(QPalette::Mid);
    p.setPen(QPen(grid, 1, Qt::DotLine));
    for (double y : {0.0, 0.5, 1.0}) {
        const QPointF a = toPoint(0, y);
        p.drawLine(a, toPoint(span, y));
        p.drawText(QRectF(0, a.y() - fm.height() / 2.0, plot.left() - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("%1%").arg(int(y * 100)));
    }
    for (int i = 0; i <= 4; ++i) {
        const double ms = span * i / 4;
        const QPointF a = toPoint(ms, 0);
        p.drawText(QRectF(a.x() - 50, plot.bottom() + 4, 100, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
                   shortDuration(qint64(ms)));
    }

    // Stops (and failures) as vertical markers.
    for (const Marker &m : std::as_const(m_markers)) {
        const QPointF top = toPoint(double(m.atMs), 1.0);
        p.setPen(QPen(m.failure ? QColor(0xc0, 0x20, 0x20) : QColor(0x30, 0x90, 0x50), 1, Qt::DashLine));
        p.drawLine(top, toPoint(double(m.atMs), 0));
        p.save();
        p.translate(top + QPointF(3, 2));
        p.rotate(90);
        p.drawText(QPointF(0, 0), m.label);
        p.restore();
    }

    // One coloured line per OOB migration, with a legend on the right.
    int n = 0;
    const int count = int(m_series.size());
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it, ++n) {
        const QColor c = QColor::fromHsv((n * 360 / qMax(1, count) + 200) % 360, 200, 190);
        QPainterPath path;
        const QList<QPointF> &pts = it.value();
        path.moveTo(toPoint(pts.first().x(), 0));
        for (const QPointF &pt : pts)
            path.lineTo(toPoint(pt.x(), pt.y()));
        if (pts.last().y() >= 1.0)
            path.lineTo(toPoint(span, 1.0));
        p.setPen(QPen(c, 2));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        const qreal ly = plot.top() + n * (fm.height() + 2);
        if (ly + fm.height() > rect().bottom())
            continue;
        p.fillRect(QRectF(plot.right() + 12, ly + fm.height() / 2.0 - 2, 14, 4), c);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QPointF(plot.right() + 30, ly + fm.ascent()), tr("OOB %1 (%2%)").arg(it.key()).arg(int(pts.last().y() * 100)));
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(plot);
}
