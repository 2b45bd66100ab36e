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
    qint64 runEnd = -1;
    for (const TimelineEvent &e : events) {
        m_endMs = qMax(m_endMs, e.atMs + qMax<qint64>(0, e.durationMs));
        if (e.kind == EventKind::Finished || e.kind == EventKind::Canceled || e.kind == EventKind::MigrationFailed
            || e.kind == EventKind::OobFailed || e.kind == EventKind::StartupRefused)
            runEnd = qMax(runEnd, e.atMs);
        if (e.oobId && e.progress >= 0)
            m_series[*e.oobId].append(QPointF(double(e.atMs), e.progress));
        if (e.kind == EventKind::StopReached || e.kind == EventKind::Finished)
            m_markers.append({e.atMs, e.version, false});
        else if (e.kind == EventKind::MigrationFailed || e.kind == EventKind::OobFailed
                 || e.kind == EventKind::StartupRefused || e.kind == EventKind::Canceled)
            m_markers.append({e.atMs, eventKindName(e.kind), true});
    }
    // OOB work that goes on in the background after the run says nothing about the run itself.
    if (runEnd > 0)
        m_endMs = runEnd;
    update();
}

QList<OobProgressChart::TimeTick> OobProgressChart::timeTicks(qint64 spanMs, int maxTicks)
{
    struct Step {
        qint64 ms;
        qint64 unitMs;
        const char *suffix;
    };
    // Steps people read at a glance, smallest first; each a whole number of its unit.
    static const Step steps[] = {
        {1, 1, "ms"}, {2, 1, "ms"}, {5, 1, "ms"}, {10, 1, "ms"}, {20, 1, "ms"}, {50, 1, "ms"},
        {100, 1, "ms"}, {200, 1, "ms"}, {500, 1, "ms"},
        {1000, 1000, "s"}, {2000, 1000, "s"}, {5000, 1000, "s"}, {10000, 1000, "s"}, {20000, 1000, "s"},
        {30000, 1000, "s"},
        {60000, 60000, "min"}, {120000, 60000, "min"}, {300000, 60000, "min"}, {600000, 60000, "min"},
        {900000, 60000, "min"}, {1200000, 60000, "min"}, {1800000, 60000, "min"},
        {3600000, 3600000, "h"}, {7200000, 3600000, "h"}, {10800000, 3600000, "h"}, {21600000, 3600000, "h"},
        {43200000, 3600000, "h"}, {86400000, 3600000, "h"}};
    spanMs = qMax<qint64>(1, spanMs);
    maxTicks = qMax(1, maxTicks);
    Step chosen{0, 3600000, "h"};
    for (const Step &s : steps) {
        if (spanMs / s.ms <= maxTicks) {
            chosen = s;
            break;
        }
    }
    if (!chosen.ms) // beyond days: whole days of hours
        chosen.ms = (spanMs / maxTicks / 86400000 + 1) * 86400000;
    QList<TimeTick> ticks;
    for (qint64 t = 0; t <= spanMs; t += chosen.ms)
        ticks.append({t, QStringLiteral("%1 %2").arg(t / chosen.unitMs).arg(QLatin1String(chosen.suffix))});
    return ticks;
}

void OobProgressChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const QRectF plot = QRectF(rect()).adjusted(fm.horizontalAdvance(QStringLiteral("100%")) + 12, fm.height() + 10,
                                                -(fm.horizontalAdvance(tr("OOB 000 (100%, continues)")) + 36),
                                                -(fm.height() + 10));
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
    const int maxTicks = qBound(1, int(plot.width() / (fm.horizontalAdvance(QStringLiteral("000 min")) * 2)), 8);
    for (const TimeTick &tick : timeTicks(m_endMs, maxTicks)) {
        const QPointF a = toPoint(double(tick.ms), 0);
        p.drawLine(a, toPoint(double(tick.ms), 1.0));
        p.drawText(QRectF(a.x() - 50, plot.bottom() + 4, 100, fm.height()), Qt::AlignHCenter | Qt::AlignTop, tick.label);
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
        // Curves that coincide (OOB migrations with the same rows and rate) would hide each
        // other: each gets its own dash pattern over the ones drawn before it.
        static const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine};
        p.save();
        p.setClipRect(plot.adjusted(-1, -2, 1, 2)); // what runs on after the run stays off the axis
        p.setPen(QPen(c, 2, styles[n % 4]));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.restore();
        // The legend gives the progress when the run ended, and says when it goes on after.
        double atEnd = 0;
        bool continues = false;
        for (const QPointF &pt : pts) {
            if (pt.x() <= span)
                atEnd = pt.y();
            else
                continues = true;
        }
        const qreal ly = plot.top() + n * (fm.height() + 2);
        if (ly + fm.height() > rect().bottom())
            continue;
        p.fillRect(QRectF(plot.right() + 12, ly + fm.height() / 2.0 - 2, 14, 4), c);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QPointF(plot.right() + 30, ly + fm.ascent()),
                   continues ? tr("OOB %1 (%2%, continues)").arg(it.key()).arg(int(atEnd * 100))
                             : tr("OOB %1 (%2%)").arg(it.key()).arg(int(atEnd * 100)));
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(plot);
}
