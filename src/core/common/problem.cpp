#include "common/problem.h"
#include "common/jsonnumbers.h"

#include <algorithm>

namespace passlane {

QString audienceName(Audience a)
{
    return a == Audience::ReleaseTeam ? QStringLiteral("release-team") : QStringLiteral("customer");
}

bool hasErrors(const Problems &problems)
{
    return std::any_of(problems.cbegin(), problems.cend(), [](const Problem &p) { return p.isError(); });
}

Problems problemsOf(const Problems &problems, Severity severity)
{
    Problems out;
    std::copy_if(problems.cbegin(), problems.cend(), std::back_inserter(out),
                 [severity](const Problem &p) { return p.severity == severity; });
    return out;
}

QJsonObject problemToJson(const Problem &p)
{
    QJsonObject o{{QStringLiteral("severity"), severityName(p.severity)},
                  {QStringLiteral("kind"), p.kind},
                  {QStringLiteral("audience"), audienceName(p.audience)},
                  {QStringLiteral("message"), p.message}};
    if (!p.oobIds.isEmpty())
        o.insert(QStringLiteral("oob"), jsonNumbers(p.oobIds));
    if (!p.schema.isEmpty())
        o.insert(QStringLiteral("schema"), p.schema);
    if (!p.migrations.isEmpty())
        o.insert(QStringLiteral("migrations"), jsonNumbers(p.migrations));
    return o;
}

QJsonArray problemsToJson(const Problems &problems)
{
    QJsonArray a;
    for (const Problem &p : problems)
        a.append(problemToJson(p));
    return a;
}

} // namespace passlane
