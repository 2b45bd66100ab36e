#include "graph/editdiff.h"

#include "sql/sqllexer.h"

#include <QList>

#include <algorithm>
#include <vector>

namespace passlane {

namespace {

QList<QByteArray> linesOf(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast(); // a final newline ends the last line; it does not start another
    return lines;
}

struct Edit {
    char op; ///< ' ', '-' or '+'
    qsizetype oldLine; ///< 0-based, for ' ' and '-'
    qsizetype newLine; ///< 0-based, for ' ' and '+'
};

/// Line edit script: common prefix and suffix, then a longest common subsequence of the middle
/// (or, when the middle is too large for that, all of it removed and added).
QList<Edit> editScript(const QList<QByteArray> &a, const QList<QByteArray> &b)
{
    qsizetype pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre])
        ++pre;
    qsizetype suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
        ++suf;
    const qsizetype n = a.size() - pre - suf, m = b.size() - pre - suf;
    QList<Edit> out;
    for (qsizetype i = 0; i < pre; ++i)
        out << Edit{' ', i, i};
    if (n * m <= 4'000'000) {
        std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
        for (qsizetype i = n - 1; i >= 0; --i)
            for (qsizetype j = m - 1; j >= 0; --j)
                lcs[i][j] = a[pre + i] == b[pre + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        qsizetype i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[pre + i] == b[pre + j]) {
                out << Edit{' ', pre + i, pre + j};
                ++i, ++j;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out << Edit{'-', pre + i, -1}; // removals before additions, as diff(1) prints them
                ++i;
            } else {
                out << Edit{'+', -1, pre + j};
                ++j;
            }
        }
    } else {
        for (qsizetype i = 0; i < n; ++i)
            out << Edit{'-', pre + i, -1};
        for (qsizetype j = 0; j < m; ++j)
            out << Edit{'+', -1, pre + j};
    }
    for (qsizetype k = 0; k < suf; ++k)
        out << Edit{' ', a.size() - suf + k, b.size() - suf + k};
    return out;
}

QByteArray tokensWithoutComments(const QByteArray &sql)
{
    QByteArray out;
    for (const SqlToken &t : SqlLexer::tokens(sql)) {
        if (t.kind == SqlToken::Kind::Comment)
            continue;
        out += t.text.toByteArray();
        out += '\x1f'; // token separator: "a b" and "ab" stay different
    }
    return out;
}

} // namespace

QString unifiedDiff(const QByteArray &oldText, const QByteArray &newText, const QString &oldName, const QString &newName)
{
    if (oldText == newText)
        return {};
    const QList<QByteArray> a = linesOf(oldText), b = linesOf(newText);
    const QList<Edit> script = editScript(a, b);
    const int context = 3;
    QString out = QStringLiteral("--- %1\n+++ %2\n").arg(oldName, newName);
    qsizetype k = 0;
    while (k < script.size()) {
        // The next change, and the hunk around it: changes closer than 2*context merge.
        while (k < script.size() && script[k].op == ' ')
            ++k;
        if (k == script.size())
            break;
        qsizetype start = std::max<qsizetype>(0, k - context);
        qsizetype end = k;
        for (qsizetype q = k; q < script.size(); ++q) {
            if (script[q].op != ' ')
                end = q;
            else if (q - end > 2 * context)
                break;
        }
        const qsizetype stop = std::min<qsizetype>(script.size(), end + context + 1);
        qsizetype oldStart = -1, newStart = -1, oldCount = 0, newCount = 0;
        QString body;
        for (qsizetype q = start; q < stop; ++q) {
            const Edit &e = script[q];
            if (e.op != '+') {
                if (oldStart < 0)
                    oldStart = e.oldLine;
                ++oldCount;
            }
            if (e.op != '-') {
                if (newStart < 0)
                    newStart = e.newLine;
                ++newCount;
            }
            body += QChar::fromLatin1(e.op) + QString::fromUtf8(e.op == '+' ? b[e.newLine] : a[e.oldLine]) + u'\n';
        }
        // Unified diff numbers lines from 1; an empty side points at the line before it.
        auto range = [](qsizetype startLine, qsizetype count, qsizetype fallback) {
            const qsizetype first = count ? startLine + 1 : fallback;
            return count == 1 ? QString::number(first) : QStringLiteral("%1,%2").arg(first).arg(count);
        };
        qsizetype oldBefore = 0, newBefore = 0;
        for (qsizetype q = 0; q < start; ++q) {
            oldBefore += script[q].op != '+';
            newBefore += script[q].op != '-';
        }
        out += QStringLiteral("@@ -%1 +%2 @@\n").arg(range(oldStart, oldCount, oldBefore), range(newStart, newCount, newBefore));
        out += body;
        k = stop;
    }
    return out;
}

EditClass classifyEdit(const Migration &first, const Migration &edited)
{
    if (first.parents != edited.parents || first.privileged != edited.privileged
        || first.nonIdempotent != edited.nonIdempotent || first.createIndexConcurrently != edited.createIndexConcurrently)
        return EditClass::Substantive;
    const bool sameUp = tokensWithoutComments(first.upQuery) == tokensWithoutComments(edited.upQuery);
    const bool sameDown = tokensWithoutComments(first.downQuery) == tokensWithoutComments(edited.downQuery);
    return sameUp && sameDown ? EditClass::Cosmetic : EditClass::Substantive;
}

QString editDiff(const Migration &first, const Migration &edited, const QString &firstRelease, const QString &editedRelease)
{
    const QString base = first.path.isEmpty() ? QString::number(first.id) : first.path;
    QString out = unifiedDiff(first.upQuery, edited.upQuery, QStringLiteral("%1/%2/up.sql").arg(firstRelease, base),
                              QStringLiteral("%1/%2/up.sql").arg(editedRelease, base));
    out += unifiedDiff(first.downQuery, edited.downQuery, QStringLiteral("%1/%2/down.sql").arg(firstRelease, base),
                       QStringLiteral("%1/%2/down.sql").arg(editedRelease, base));
    auto ids = [](const QList<qint64> &l) {
        QStringList parts;
        for (qint64 id : l)
            parts << QString::number(id);
        return parts.join(QStringLiteral(", "));
    };
    if (first.parents != edited.parents)
        out += QStringLiteral("parents: [%1] -> [%2]\n").arg(ids(first.parents), ids(edited.parents));
    auto flag = [&out](const char *name, bool a, bool b) {
        if (a != b)
            out += QStringLiteral("%1: %2 -> %3\n").arg(QLatin1String(name), a ? QStringLiteral("true") : QStringLiteral("false"),
                                                       b ? QStringLiteral("true") : QStringLiteral("false"));
    };
    flag("privileged", first.privileged, edited.privileged);
    flag("nonIdempotent", first.nonIdempotent, edited.nonIdempotent);
    flag("createIndexConcurrently", first.createIndexConcurrently, edited.createIndexConcurrently);
    return out;
}

} // namespace passlane
