#include "oob/deprecationproposal.h"

namespace passlane {

std::optional<DeprecationProposal> DeprecationProposal::parse(QStringView text)
{
    const qsizetype eq = text.indexOf(u'=');
    if (eq <= 0)
        return std::nullopt;
    bool ok = false;
    const int id = text.left(eq).trimmed().toInt(&ok);
    if (!ok || id <= 0)
        return std::nullopt;
    const QStringView value = text.mid(eq + 1).trimmed();
    if (value == u"none" || value == u"never")
        return DeprecationProposal{id, std::nullopt};
    const auto minor = MinorVersion::parse(value);
    if (!minor)
        return std::nullopt;
    return DeprecationProposal{id, *minor};
}

QString DeprecationProposal::toString() const
{
    return QStringLiteral("%1=%2").arg(oobId).arg(deprecated ? deprecated->toString() : QStringLiteral("none"));
}

} // namespace passlane
