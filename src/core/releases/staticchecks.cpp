#include "releases/staticchecks.h"

namespace passlane {

namespace {

bool isWordChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

} // namespace

QByteArray StaticChecks::normalizeSql(const QByteArray &sql)
{
    QByteArray out;
    out.reserve(sql.size() + 2);
    out.append(' ');
    const char *p = sql.constData();
    const char *end = p + sql.size();
    bool lastSpace = true;
    auto space = [&] {
        if (!lastSpace) {
            out.append(' ');
            lastSpace = true;
        }
    };
    while (p < end) {
        const char c = *p;
        if (c == '-' && p + 1 < end && p[1] == '-') { // line comment
            while (p < end && *p != '\n')
                ++p;
            space();
        } else if (c == '/' && p + 1 < end && p[1] == '*') { // block comment (not nested)
            p += 2;
            while (p + 1 < end && !(p[0] == '*' && p[1] == '/'))
                ++p;
            p = p + 1 < end ? p + 2 : end;
            space();
        } else if (c == '\'') { // string literal, '' escapes an apostrophe
            ++p;
            while (p < end) {
                if (*p == '\'') {
                    if (p + 1 < end && p[1] == '\'') {
                        p += 2;
                        continue;
                    }
                    break;
                }
                ++p;
            }
            if (p < end)
                ++p;
            out.append("''");
            lastSpace = false;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            ++p;
            space();
        } else {
            // Punctuation gets spaces around it so "(CREATE" and "EXTENSION;" still match words.
            const bool punct = c == '(' || c == ')' || c == ';' || c == ',';
            if (punct)
                space();
            out.append(c >= 'a' && c <= 'z' ? char(c - 32) : c);
            lastSpace = false;
            if (punct)
                space();
            ++p;
        }
    }
    space();
    return out;
}

bool StaticChecks::containsStatement(const QByteArray &normalized, const char *statement)
{
    const QByteArrayView needle(statement);
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = normalized.indexOf(needle, from);
        if (at < 0)
            return false;
        const qsizetype after = at + needle.size();
        const bool startOk = at == 0 || !isWordChar(normalized[at - 1]);
        const bool endOk = after >= normalized.size() || !isWordChar(normalized[after]);
        if (startOk && endOk)
            return true;
        from = at + 1;
    }
}

bool StaticChecks::createsIndexConcurrently(const QByteArray &normalized)
{
    return containsStatement(normalized, "CREATE INDEX CONCURRENTLY")
        || containsStatement(normalized, "CREATE UNIQUE INDEX CONCURRENTLY");
}

QList<QByteArray> StaticChecks::privilegedStatementsIn(const QByteArray &normalized)
{
    QList<QByteArray> found;
    for (const char *statement : privilegedStatements)
        if (containsStatement(normalized, statement))
            found.append(QByteArray(statement));
    return found;
}

bool StaticChecks::isValidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        unsigned int cp = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid.
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)
            || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return false;
        p += extra + 1;
    }
    return true;
}

Findings StaticChecks::checkDefinition(const Migration &m, const Files &files)
{
    Findings out;
    const QString &upFile = files.up;
    const QString &downFile = files.down;
    const QString &metaFile = files.metadata;

    if (!isValidUtf8(m.upQuery))
        out.append(Finding::about(Severity::Warning, QLatin1String("non-utf8-sql"), upFile, QStringLiteral("up.sql is not valid UTF-8")));
    if (!isValidUtf8(m.downQuery))
        out.append(Finding::about(Severity::Warning, QLatin1String("non-utf8-sql"), downFile, QStringLiteral("down.sql is not valid UTF-8")));

    const QByteArray up = normalizeSql(m.upQuery);
    const QByteArray down = normalizeSql(m.downQuery);
    if (up.trimmed().isEmpty() || up.trimmed() == ";")
        out.append(Finding::about(Severity::Warning, QLatin1String("empty-up"), upFile, QStringLiteral("up.sql has no statements")));

    const bool concurrent = createsIndexConcurrently(up);
    if (concurrent && !m.createIndexConcurrently)
        out.append(Finding::about(Severity::Error, QLatin1String("concurrent-flag-mismatch"), metaFile,
                         QStringLiteral("up.sql creates an index CONCURRENTLY but createIndexConcurrently is not set")));
    else if (!concurrent && m.createIndexConcurrently)
        out.append(Finding::about(Severity::Error, QLatin1String("concurrent-flag-mismatch"), metaFile,
                         QStringLiteral("createIndexConcurrently is set but up.sql creates no index CONCURRENTLY")));
    if (createsIndexConcurrently(down))
        out.append(Finding::about(Severity::Error, QLatin1String("concurrent-index-in-down"), downFile,
                         QStringLiteral("down.sql creates an index CONCURRENTLY: downgrades are offline, create it plainly")));

    QList<QByteArray> found = privilegedStatementsIn(up);
    for (const QByteArray &s : privilegedStatementsIn(down))
        if (!found.contains(s))
            found.append(s);
    if (!found.isEmpty() && !m.privileged)
        out.append(Finding::about(Severity::Error, QLatin1String("privileged-flag-mismatch"), metaFile,
                         QStringLiteral("needs a superuser (%1) but privileged is not set")
                             .arg(QString::fromLatin1(found.join(", ")))));
    else if (found.isEmpty() && m.privileged)
        out.append(Finding::about(Severity::Warning, QLatin1String("privileged-flag-mismatch"), metaFile,
                         QStringLiteral("privileged is set but no statement needs a superuser")));
    return out;
}

} // namespace passlane
