#include "sqlscript.h"

namespace passlane {

namespace {

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

/// At `i` a '$': the dollar-quote tag ("$tag$" / "$$"), or empty when it is not one.
QStringView dollarTag(QStringView s, qsizetype i)
{
    if (i > 0 && isIdentChar(s.at(i - 1)))
        return {}; // part of an identifier such as a$b
    qsizetype j = i + 1;
    while (j < s.size() && (s.at(j).isLetter() || s.at(j) == u'_' || (j > i + 1 && s.at(j).isDigit())))
        ++j;
    if (j < s.size() && s.at(j) == u'$')
        return s.mid(i, j - i + 1);
    return {};
}

/// Lines of increasing offsets in O(n) overall.
class LineCounter {
public:
    explicit LineCounter(QStringView s) : m_s(s) {}
    int lineAt(qsizetype offset)
    {
        for (; m_pos < offset && m_pos < m_s.size(); ++m_pos) {
            if (m_s.at(m_pos) == u'\n')
                ++m_line;
        }
        return m_line;
    }

private:
    QStringView m_s;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace

QList<SqlStatement> SqlScript::split(const QString &sql, bool stripComments)
{
    const QStringView s(sql);
    const qsizetype n = s.size();
    QList<SqlStatement> out;
    LineCounter lines(s);
    QString current;       // the statement so far (only used when comments are stripped)
    qsizetype start = -1;  // first token of the current statement
    qsizetype chunk = -1;  // start of the code not yet copied into `current`
    int depth = 0;         // parentheses: ';' inside them never ends a statement
    auto flush = [&](qsizetype end) {
        if (start >= 0) {
            QString text;
            if (stripComments) {
                current += s.mid(chunk, end - chunk);
                text = current.trimmed();
            } else {
                text = s.mid(start, end - start).trimmed().toString();
            }
            if (!text.isEmpty())
                out.append(SqlStatement{text, lines.lineAt(start), start});
        }
        current.clear();
        start = -1;
        chunk = -1;
        depth = 0;
    };
    qsizetype i = 0;
    while (i < n) {
        const QChar c = s.at(i);
        const bool lineComment = c == u'-' && i + 1 < n && s.at(i + 1) == u'-';
        const bool blockComment = c == u'/' && i + 1 < n && s.at(i + 1) == u'*';
        if (lineComment || blockComment) {
            qsizetype e;
            if (lineComment) {
                e = s.indexOf(u'\n', i);
                e = e < 0 ? n : e;
            } else {
                int nest = 1; // block comments nest in PostgreSQL
                e = i + 2;
                while (e < n && nest > 0) {
                    if (s.at(e) == u'/' && e + 1 < n && s.at(e + 1) == u'*') {
                        ++nest;
                        e += 2;
                    } else if (s.at(e) == u'*' && e + 1 < n && s.at(e + 1) == u'/') {
                        --nest;
                        e += 2;
                    } else {
                        ++e;
                    }
                }
            }
            if (stripComments && start >= 0) {
                current += s.mid(chunk, i - chunk);
                current += u' ';
                chunk = e;
            }
            i = e;
            continue;
        }
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (start < 0) {
            start = i;
            chunk = i;
        }
        if (c == u'\'' || c == u'"') {
            // E'...' strings allow backslash escapes.
            const bool escapes = c == u'\'' && i > 0 && (s.at(i - 1) == u'E' || s.at(i - 1) == u'e')
                && (i < 2 || !isIdentChar(s.at(i - 2)));
            qsizetype j = i + 1;
            while (j < n) {
                if (escapes && s.at(j) == u'\\') {
                    j += 2;
                    continue;
                }
                if (s.at(j) == c) {
                    if (j + 1 < n && s.at(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            i = qMin(n, j + 1);
            continue;
        }
        if (c == u'$') {
            const QStringView tag = dollarTag(s, i);
            if (!tag.isEmpty()) {
                const qsizetype e = s.indexOf(tag, i + tag.size());
                i = e < 0 ? n : e + tag.size();
                continue;
            }
        }
        if (c == u'(')
            ++depth;
        else if (c == u')' && depth > 0)
            --depth;
        if (c == u';' && depth == 0) {
            flush(i);
            ++i;
            continue;
        }
        ++i;
    }
    flush(n);
    return out;
}

int SqlScript::lineAt(const QString &sql, qsizetype offset)
{
    offset = qBound<qsizetype>(0, offset, sql.size());
    return int(QStringView(sql).left(offset).count(u'\n')) + 1;
}

} // namespace passlane
