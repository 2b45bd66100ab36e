#include "graph/migrationcanon.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace passlane {

QString canonicalQuery(const QByteArray &sql)
{
    QString text = QString::fromUtf8(sql);
    static const QString fence = QStringLiteral("-- +++\n");
    // The text after the second fence, when there are two (the metadata block of early releases).
    const qsizetype first = text.indexOf(fence);
    if (first >= 0) {
        const qsizetype second = text.indexOf(fence, first + fence.size());
        if (second >= 0)
            text = text.mid(second + fence.size());
    }
    text = text.trimmed();
    if (text.startsWith(QLatin1String("BEGIN;")))
        text.remove(0, 6);
    if (text.endsWith(QLatin1String("COMMIT;")))
        text.chop(7);
    return text.trimmed();
}

std::optional<ConcurrentIndex> concurrentIndex(const QString &sql)
{
    static const QRegularExpression pattern(QStringLiteral(
        "CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z0-9_]+)\\s+ON\\s+([A-Za-z0-9_]+)"));
    const QRegularExpressionMatch m = pattern.match(sql);
    if (!m.hasMatch())
        return std::nullopt;
    return ConcurrentIndex{m.captured(2), m.captured(1)};
}

bool productSameDefinition(const Migration &a, const Migration &b)
{
    return a.parents == b.parents && a.privileged == b.privileged && a.nonIdempotent == b.nonIdempotent
        && a.createIndexConcurrently == b.createIndexConcurrently && canonicalQuery(a.upQuery) == canonicalQuery(b.upQuery)
        && canonicalQuery(a.downQuery) == canonicalQuery(b.downQuery);
}

bool productAllowsEdit(qint64 id)
{
    // Frontend view fixes, performance rewrites and idempotency rewrites of the early squashed era;
    // codeintel and codeinsights ids of the same kind. Sorted.
    static constexpr std::array<qint64, 21> allowed{
        1000000001, 1000000002, 1000000004, 1000000010, 1000000020, 1528395798, 1528395836,
        1528395840, 1528395841, 1528395851, 1528395869, 1528395880, 1528395955, 1528395959,
        1528395963, 1528395965, 1528395970, 1528395971, 1644515056, 1645554732, 1655481894};
    return std::binary_search(allowed.cbegin(), allowed.cend(), id);
}

} // namespace passlane
