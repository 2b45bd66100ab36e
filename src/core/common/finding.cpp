#include "finding.h"

#include <algorithm>

namespace passlane {

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Error: return QStringLiteral("error");
    }
    return {};
}

std::optional<Severity> severityFromName(QStringView name)
{
    if (name == u"info")
        return Severity::Info;
    if (name == u"warning")
        return Severity::Warning;
    if (name == u"error")
        return Severity::Error;
    return std::nullopt;
}

qsizetype errorCount(const Findings &findings)
{
    return std::count_if(findings.begin(), findings.end(), [](const Finding &f) { return f.isError(); });
}

} // namespace passlane
