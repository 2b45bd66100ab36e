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

QJsonObject findingToJson(const Finding &f)
{
    QJsonObject o{{QStringLiteral("severity"), severityName(f.severity)},
                  {QStringLiteral("kind"), f.kind},
                  {QStringLiteral("release"), f.release},
                  {QStringLiteral("schema"), f.schema},
                  {QStringLiteral("id"), f.id ? QJsonValue(double(*f.id)) : QJsonValue()},
                  {QStringLiteral("file"), f.file},
                  {QStringLiteral("message"), f.message}};
    if (!f.firstRelease.isEmpty())
        o.insert(QStringLiteral("first_release"), f.firstRelease);
    if (f.releaseCount > 0)
        o.insert(QStringLiteral("releases"), QJsonObject{{QStringLiteral("first"), f.release},
                                                         {QStringLiteral("last"), f.lastRelease},
                                                         {QStringLiteral("count"), f.releaseCount}});
    if (!f.diff.isEmpty())
        o.insert(QStringLiteral("diff"), f.diff);
    return o;
}

QJsonArray findingsToJson(const Findings &findings)
{
    QJsonArray a;
    for (const Finding &f : findings)
        a.append(findingToJson(f));
    return a;
}

} // namespace passlane
