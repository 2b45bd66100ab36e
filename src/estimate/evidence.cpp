#include "estimate/evidence.h"

#include "simulator/timeline.h"

#include <QLocale>
#include <QStringList>

namespace passlane {

QString evidenceKindName(EvidenceKind kind)
{
    switch (kind) {
    case EvidenceKind::CustomerData: return QStringLiteral("customer data");
    case EvidenceKind::Observed: return QStringLiteral("observed");
    case EvidenceKind::Calibration: return QStringLiteral("calibration");
    case EvidenceKind::DocumentedDefault: return QStringLiteral("documented default");
    case EvidenceKind::Unknown: return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

EvidenceKind weaker(EvidenceKind a, EvidenceKind b)
{
    return int(a) > int(b) ? a : b;
}

QString countText(qint64 n)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    return c.toString(n);
}

double lowFactor(EvidenceKind costKind)
{
    return costKind == EvidenceKind::DocumentedDefault || costKind == EvidenceKind::Unknown ? 0.25 : 0.5;
}

double highFactor(EvidenceKind costKind)
{
    return costKind == EvidenceKind::DocumentedDefault || costKind == EvidenceKind::Unknown ? 4.0 : 2.0;
}

EvidenceKind TimeFigure::kind() const
{
    if (basis.isEmpty())
        return EvidenceKind::DocumentedDefault;
    EvidenceKind k = EvidenceKind::CustomerData;
    for (const Evidence &e : basis)
        k = weaker(k, e.kind);
    return k;
}

QString TimeFigure::basisText() const
{
    // A fixed order, so that every figure reads the same way: costs, rows, rate, then others.
    QStringList aspects{QStringLiteral("costs"), QStringLiteral("rows"), QStringLiteral("rate")};
    for (const Evidence &e : basis)
        if (!aspects.contains(e.aspect))
            aspects << e.aspect;
    QStringList parts;
    for (const QString &a : aspects) {
        QStringList kinds;
        for (const Evidence &e : basis)
            if (e.aspect == a)
                kinds << (e.detail.isEmpty() ? evidenceKindName(e.kind) : evidenceKindName(e.kind) + QStringLiteral(" (") + e.detail + QLatin1Char(')'));
        if (!kinds.isEmpty())
            parts << a + QStringLiteral(": ") + kinds.join(QStringLiteral(" + "));
    }
    return parts.join(QStringLiteral("; "));
}

QString TimeFigure::rangeText() const
{
    if (lowMs == ms && highMs == ms)
        return formatDuration(ms);
    return QStringLiteral("%1 (%2 .. %3)").arg(formatDuration(ms), formatDuration(lowMs), formatDuration(highMs));
}

namespace {

void mergeBasis(QList<Evidence> &into, const QList<Evidence> &from)
{
    for (const Evidence &e : from) {
        bool merged = false;
        for (Evidence &have : into) {
            if (have.aspect == e.aspect && have.kind == e.kind) {
                if (have.detail != e.detail)
                    have.detail.clear();
                merged = true;
                break;
            }
        }
        if (!merged)
            into.append(e);
    }
}

} // namespace

TimeFigure &TimeFigure::operator+=(const TimeFigure &o)
{
    ms += o.ms;
    lowMs += o.lowMs;
    highMs += o.highMs;
    mergeBasis(basis, o.basis);
    return *this;
}

TimeFigure TimeFigure::longest(const TimeFigure &a, const TimeFigure &b)
{
    TimeFigure out = a.ms >= b.ms ? a : b;
    out.lowMs = qMax(a.lowMs, b.lowMs);
    out.highMs = qMax(a.highMs, b.highMs);
    mergeBasis(out.basis, a.ms >= b.ms ? b.basis : a.basis);
    return out;
}

} // namespace passlane
