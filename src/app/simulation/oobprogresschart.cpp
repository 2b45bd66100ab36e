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

void OobProgressChart::setAssumptions(const QString &timeBasis, const QString &assumptions)
{
    m_timeBasis = timeBasis;
    m_assumptions = assumptions;
    update();
}

QString OobProgressChart::title() const
{
    return tr("OOB progress over %1").arg(m_timeBasis.isEmpty() ? tr("simulated time") : m_timeBasis);
}

bool OobProgressChart::darkBase() const
{
    return palette().color(QPalette::Base).lightness() < 128;
}

QColor OobProgressChart::seriesColor(int n) const
{
    const int count = int(qMax<qsizetype>(1, m_series.size()));
    // Lighter, less saturated lines on a dark base; both read against their own background.
    return darkBase() ? QColor::fromHsv((n * 360 / count + 200) % 360, 150, 245)
                      : QColor::fromHsv((n * 360 / count + 200) % 360, 200, 190);
}

QStringList OobProgressChart::legendEntries() const
{
    QStringList out;
    const double span = double(qMax<qint64>(1, m_endMs));
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it) {
        // The legend gives the progress when the run ended, and says when it goes on after.
        double atEnd = 0;
        bool continues = false;
        for (const QPointF &pt : it.value()) {
            if (pt.x() <= span)
                atEnd = pt.y();
            else
                continues = true;
        }
        out << (continues ? tr("OOB %1 (%2%, continues)").arg(it.key()).arg(int(atEnd * 100))
                          : tr("OOB %1 (%2%)").arg(it.key()).arg(int(atEnd * 100)));
    }
    return out;
}

OobProgressChart::LegendLayout OobProgressChart::legendLayout(const QRectF &area) const
{
    const QFontMetrics fm = fontMetrics();
    const QStringList entries = legendEntries();
    const qreal lineH = fm.height() + 2;
    qreal entryW = 0;
    for (const QString &e : entries)
        entryW = qMax(entryW, qreal(fm.horizontalAdvance(e)) + 24);
    const qreal leftW = fm.horizontalAdvance(QStringLiteral("100%")) + 12;
    const qreal bottomH = fm.height() + 8;
    LegendLayout l;
    l.shown = int(entries.size());
    // Beside the plot, in as many columns as its height needs, when the plot keeps most of the width.
    const qreal plotH = area.height() - bottomH;
    const int perColumn = qMax(1, int(plotH / lineH));
    l.columns = qMax(1, int((entries.size() + perColumn - 1) / perColumn));
    const qreal besideW = l.columns * entryW + 12;
    if (entries.isEmpty() || area.width() - leftW - besideW >= qMax(240.0, area.width() * 0.55)) {
        l.plot = QRectF(area.left() + leftW, area.top(), area.width() - leftW - (entries.isEmpty() ? 12 : besideW), plotH);
        l.legend = QRectF(l.plot.right() + 12, area.top(), besideW - 12, plotH);
        return l;
    }
    // Under the plot, flowing left to right; at most a third of the height, the rest summed up.
    l.below = true;
    l.columns = qMax(1, int((area.width() - 12) / entryW));
    const int rowsNeeded = int((entries.size() + l.columns - 1) / l.columns);
    const int rowsFit = qMax(1, int(area.height() / 3 / lineH));
    const int rows = qMin(rowsNeeded, rowsFit);
    if (rowsNeeded > rowsFit)
        l.shown = rows * l.columns - 1; // the last cell says how many more
    const qreal legendH = rows * lineH;
    l.plot = QRectF(area.left() + leftW, area.top(), area.width() - leftW - 12, area.height() - bottomH - legendH - 4);
    l.legend = QRectF(area.left() + 6, l.plot.bottom() + bottomH + 4, area.width() - 12, legendH);
    return l;
}

void OobProgressChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const QColor text = palette().color(QPalette::Text);
    // Secondary text: the text colour half-way to the base, readable in light and dark themes.
    QColor muted = text;
    muted.setAlphaF(0.7);

    p.setPen(text);
    const QRectF titleRect = QRectF(rect()).adjusted(6, 2, -6, 0);
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignTop, title());
    qreal top = fm.height() + 4;
    if (!m_assumptions.isEmpty()) {
        p.setPen(muted);
        p.drawText(titleRect.adjusted(0, top, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                   fm.elidedText(tr("Rests on: %1").arg(m_assumptions), Qt::ElideRight, int(titleRect.width())));
        top += fm.height() + 2;
    }
    const QRectF area = QRectF(rect()).adjusted(0, top + 6, 0, -2);
    const LegendLayout layout = legendLayout(area);
    const QRectF plot = layout.plot;
    if (plot.width() < 40 || plot.height() < 30)
        return;
    if (m_series.isEmpty()) {
        p.setPen(muted);
        p.drawText(plot, Qt::AlignCenter, tr("Run a simulation to see OOB migrations progress."));
        return;
    }

    const double span = double(qMax<qint64>(1, m_endMs));
    auto toPoint = [&](double ms, double progress) {
        return QPointF(plot.left() + ms / span * plot.width(), plot.bottom() - progress * plot.height());
    };

    // Grid: 0/50/100% and time ticks; lines in the palette's mid tone, labels in text colour.
    const QColor grid = palette().color(darkBase() ? QPalette::Light : QPalette::Mid);
    const QPen gridPen(grid, 1, Qt::DotLine);
    for (double y : {0.0, 0.5, 1.0}) {
        const QPointF a = toPoint(0, y);
        p.setPen(gridPen);
        p.drawLine(a, toPoint(span, y));
        p.setPen(text);
        p.drawText(QRectF(0, a.y() - fm.height() / 2.0, plot.left() - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("%1%").arg(int(y * 100)));
    }
    const int maxTicks = qBound(1, int(plot.width() / (fm.horizontalAdvance(QStringLiteral("000 min")) * 2)), 8);
    for (const TimeTick &tick : timeTicks(m_endMs, maxTicks)) {
        const QPointF a = toPoint(double(tick.ms), 0);
        p.setPen(gridPen);
        p.drawLine(a, toPoint(double(tick.ms), 1.0));
        p.setPen(text);
        p.drawText(QRectF(a.x() - 50, plot.bottom() + 4, 100, fm.height()), Qt::AlignHCenter | Qt::AlignTop, tick.label);
    }

    // Stops (and failures) as vertical markers.
    const QColor stopColor = darkBase() ? QColor(0x6c, 0xd0, 0x8a) : QColor(0x30, 0x90, 0x50);
    const QColor failColor = darkBase() ? QColor(0xff, 0x7a, 0x7a) : QColor(0xc0, 0x20, 0x20);
    for (const Marker &m : std::as_const(m_markers)) {
        const QPointF markerTop = toPoint(double(m.atMs), 1.0);
        p.setPen(QPen(m.failure ? failColor : stopColor, 1, Qt::DashLine));
        p.drawLine(markerTop, toPoint(double(m.atMs), 0));
        p.save();
        p.translate(markerTop + QPointF(3, 2));
        p.rotate(90);
        p.drawText(QPointF(0, 0), m.label);
        p.restore();
    }

    // One coloured line per OOB migration, with its legend entry.
    const QStringList entries = legendEntries();
    const qreal lineH = fm.height() + 2;
    const qreal cellW = layout.legend.width() / (layout.below ? layout.columns : qMax(1, layout.columns));
    const int perColumn = qMax(1, int(layout.legend.height() / lineH));
    int n = 0;
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it, ++n) {
        const QColor c = seriesColor(n);
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

        if (n >= layout.shown)
            continue;
        const int col = layout.below ? n % layout.columns : n / perColumn;
        const int row = layout.below ? n / layout.columns : n % perColumn;
        const QPointF at(layout.legend.left() + col * cellW, layout.legend.top() + row * lineH);
        p.fillRect(QRectF(at.x(), at.y() + fm.height() / 2.0 - 2, 14, 4), c);
        p.setPen(text);
        p.drawText(QPointF(at.x() + 18, at.y() + fm.ascent()),
                   fm.elidedText(entries.value(n), Qt::ElideRight, int(cellW - 22)));
    }
    if (layout.shown < entries.size()) {
        const int col = layout.below ? layout.shown % layout.columns : layout.shown / perColumn;
        const int row = layout.below ? layout.shown / layout.columns : layout.shown % perColumn;
        p.setPen(muted);
        p.drawText(QPointF(layout.legend.left() + col * cellW + 18, layout.legend.top() + row * lineH + fm.ascent()),
                   tr("+%n more", nullptr, int(entries.size() - layout.shown)));
    }
    p.setPen(grid);
    p.drawRect(plot);
}
