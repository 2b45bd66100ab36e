#include "sql/sqllexer.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace passlane {

namespace {

using Kind = SqlToken::Kind;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAsciiLetter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Bytes from 0x80 up are identifier characters, as in PostgreSQL (UTF-8 letters).
bool isIdentStart(char c)
{
    return isAsciiLetter(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool isIdentCont(char c)
{
    return isIdentStart(c) || isDigit(c) || c == '$';
}

// A dollar-quote tag is an identifier without '$'.
bool isTagCont(char c)
{
    return isIdentStart(c) || isDigit(c);
}

bool isOperatorChar(char c)
{
    return std::strchr("+-*/<>=~!@#%^&|`?", c) != nullptr && c != '\0';
}

char upper(char c)
{
    return c >= 'a' && c <= 'z' ? char(c - 32) : c;
}

int newlines(QByteArrayView s)
{
    return int(std::count(s.begin(), s.end(), '\n'));
}

/// The resolved content of an E'...' body (backslash escapes and '').
QByteArray unescapeE(QByteArrayView body)
{
    QByteArray out;
    out.reserve(body.size());
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c == '\'' && i + 1 < body.size() && body[i + 1] == '\'') {
            out.append('\'');
            ++i;
            continue;
        }
        if (c != '\\' || i + 1 >= body.size()) {
            out.append(c);
            continue;
        }
        const char e = body[++i];
        switch (e) {
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'n': out.append('\n'); break;
        case 'r': out.append('\r'); break;
        case 't': out.append('\t'); break;
        case 'x': {
            int v = 0, n = 0;
            while (n < 2 && i + 1 < body.size() && std::isxdigit(static_cast<unsigned char>(body[i + 1]))) {
                const char h = body[++i];
                v = v * 16 + (isDigit(h) ? h - '0' : (upper(h) - 'A' + 10));
                ++n;
            }
            if (n)
                out.append(char(v));
            else
                out.append('x');
            break;
        }
        default:
            if (e >= '0' && e <= '7') {
                int v = e - '0', n = 1;
                while (n < 3 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7') {
                    v = v * 8 + (body[++i] - '0');
                    ++n;
                }
                out.append(char(v & 0xFF));
            } else {
                out.append(e); // \\ \' and any other escaped byte stand for themselves
            }
        }
    }
    return out;
}

QByteArray undouble(QByteArrayView body, char quote)
{
    QByteArray out;
    out.reserve(body.size());
    for (qsizetype i = 0; i < body.size(); ++i) {
        out.append(body[i]);
        if (body[i] == quote && i + 1 < body.size() && body[i + 1] == quote)
            ++i;
    }
    return out;
}

} // namespace

bool SqlToken::isWord(QByteArrayView word) const
{
    if (kind != Kind::Word || text.size() != word.size())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i)
        if (upper(text[i]) != word[i])
            return false;
    return true;
}

QByteArrayView SqlToken::dollarBody() const
{
    if (!(flags & DollarQuoted))
        return {};
    const qsizetype tag = text.indexOf('$', 1) + 1; // the opening tag, both dollars included
    if (flags & Unterminated)
        return text.sliced(tag);
    return text.sliced(tag, text.size() - 2 * tag);
}

QByteArray SqlToken::value() const
{
    if (kind == Kind::String) {
        if (flags & DollarQuoted)
            return dollarBody().toByteArray();
        const qsizetype open = text.indexOf('\'');
        const qsizetype close = (flags & Unterminated) ? text.size() : text.size() - 1;
        const QByteArrayView body = text.sliced(open + 1, close - open - 1);
        return (flags & Escapes) ? unescapeE(body) : undouble(body, '\'');
    }
    if (kind == Kind::QuotedIdentifier) {
        const qsizetype open = text.indexOf('"');
        const qsizetype close = (flags & Unterminated) ? text.size() : text.size() - 1;
        return undouble(text.sliced(open + 1, close - open - 1), '"');
    }
    return text.toByteArray();
}

SqlLexer::SqlLexer(QByteArrayView sql, int firstLine) : m_sql(sql), m_line(firstLine) {}

void SqlLexer::skipSpace()
{
    while (m_pos < m_sql.size() && isSpace(m_sql[m_pos])) {
        if (m_sql[m_pos] == '\n')
            ++m_line;
        ++m_pos;
    }
}

SqlToken SqlLexer::make(SqlToken::Kind kind, qsizetype start, int line, quint8 flags) const
{
    SqlToken t;
    t.kind = kind;
    t.flags = flags;
    t.line = line;
    t.text = m_sql.sliced(start, m_pos - start);
    return t;
}

/// From just after an opening quote: the position after the closing quote (a doubled quote is
/// part of the content; with `backslashes`, so is any byte after a backslash).
qsizetype SqlLexer::scanQuoted(qsizetype from, char quote, bool backslashes, bool *terminated)
{
    const char *data = m_sql.data();
    const qsizetype n = m_sql.size();
    qsizetype i = from;
    while (i < n) {
        const char c = data[i];
        if (backslashes && c == '\\') {
            i += 2;
            continue;
        }
        if (c == quote) {
            if (i + 1 < n && data[i + 1] == quote) {
                i += 2;
                continue;
            }
            *terminated = true;
            return i + 1;
        }
        ++i;
    }
    *terminated = false;
    return n;
}

SqlToken SqlLexer::next()
{
    skipSpace();
    const qsizetype n = m_sql.size();
    const qsizetype start = m_pos;
    const int line = m_line;
    if (m_pos >= n) {
        SqlToken end;
        end.line = m_line;
        end.text = m_sql.sliced(n);
        return end;
    }
    const char *s = m_sql.data();
    const char c = s[m_pos];
    const char c1 = m_pos + 1 < n ? s[m_pos + 1] : '\0';
    // Moves past a span that may hold newlines.
    auto advanceTo = [&](qsizetype end) {
        m_line += newlines(m_sql.sliced(m_pos, end - m_pos));
        m_pos = end;
    };

    if (c == '-' && c1 == '-') {
        const void *nl = std::memchr(s + m_pos, '\n', size_t(n - m_pos));
        m_pos = nl ? static_cast<const char *>(nl) - s : n;
        return make(Kind::Comment, start, line);
    }
    if (c == '/' && c1 == '*') {
        int depth = 1;
        qsizetype i = m_pos + 2;
        while (i < n && depth > 0) {
            if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
                ++depth;
                i += 2;
            } else if (s[i] == '*' && i + 1 < n && s[i + 1] == '/') {
                --depth;
                i += 2;
            } else {
                ++i;
            }
        }
        advanceTo(i);
        return make(Kind::Comment, start, line, depth > 0 ? SqlToken::Unterminated : 0);
    }
    auto quoted = [&](Kind kind, qsizetype quoteAt, char quote, bool backslashes) {
        bool terminated = false;
        advanceTo(scanQuoted(quoteAt + 1, quote, backslashes, &terminated));
        quint8 flags = terminated ? 0 : SqlToken::Unterminated;
        if (backslashes)
            flags |= SqlToken::Escapes;
        return make(kind, start, line, flags);
    };
    if (c == '\'')
        return quoted(Kind::String, m_pos, '\'', false);
    if (c == '"')
        return quoted(Kind::QuotedIdentifier, m_pos, '"', false);
    if (c == '$') {
        if (isDigit(c1)) {
            ++m_pos;
            while (m_pos < n && isDigit(s[m_pos]))
                ++m_pos;
            return make(Kind::Parameter, start, line);
        }
        qsizetype j = m_pos + 1;
        if (j < n && isIdentStart(s[j]))
            while (j < n && isTagCont(s[j]))
                ++j;
        if (j < n && s[j] == '$') {
            const QByteArrayView tag = m_sql.sliced(m_pos, j + 1 - m_pos);
            const qsizetype close = m_sql.indexOf(tag, j + 1);
            advanceTo(close < 0 ? n : close + tag.size());
            return make(Kind::String, start, line, SqlToken::DollarQuoted | (close < 0 ? SqlToken::Unterminated : 0));
        }
        ++m_pos;
        return make(Kind::Punctuation, start, line);
    }
    if (isIdentStart(c)) {
        // String prefixes: E'..' (escapes), B'..', X'..', N'..', U&'..' and U&"..".
        const char u = upper(c);
        if (c1 == '\'' && (u == 'E' || u == 'B' || u == 'X' || u == 'N'))
            return quoted(Kind::String, m_pos + 1, '\'', u == 'E');
        if (u == 'U' && c1 == '&' && m_pos + 2 < n && (s[m_pos + 2] == '\'' || s[m_pos + 2] == '"'))
            return quoted(s[m_pos + 2] == '\'' ? Kind::String : Kind::QuotedIdentifier, m_pos + 2, s[m_pos + 2], false);
        ++m_pos;
        while (m_pos < n && isIdentCont(s[m_pos]))
            ++m_pos;
        return make(Kind::Word, start, line);
    }
    if (isDigit(c) || (c == '.' && isDigit(c1))) {
        auto digits = [&] {
            while (m_pos < n && (isDigit(s[m_pos]) || s[m_pos] == '_'))
                ++m_pos;
        };
        if (c == '0' && (upper(c1) == 'X' || upper(c1) == 'O' || upper(c1) == 'B')) {
            m_pos += 2;
        } else {
            digits();
            if (m_pos < n && s[m_pos] == '.' && !(m_pos + 1 < n && s[m_pos + 1] == '.')) {
                ++m_pos;
                digits();
            }
            if (m_pos < n && upper(s[m_pos]) == 'E') {
                qsizetype e = m_pos + 1;
                if (e < n && (s[e] == '+' || s[e] == '-'))
                    ++e;
                if (e < n && isDigit(s[e])) {
                    m_pos = e;
                    digits();
                }
            }
        }
        // Hex digits and trailing junk (123abc) stay in the number, as one token.
        while (m_pos < n && isIdentCont(s[m_pos]))
            ++m_pos;
        return make(Kind::Number, start, line);
    }
    if (c == ';') {
        ++m_pos;
        return make(Kind::Semicolon, start, line);
    }
    if (c == ':' && (c1 == ':' || c1 == '=')) {
        m_pos += 2;
        return make(Kind::Operator, start, line);
    }
    if (isOperatorChar(c)) {
        // A run of operator characters, which never swallows the start of a comment.
        ++m_pos;
        while (m_pos < n && isOperatorChar(s[m_pos])
               && !(m_pos + 1 < n && ((s[m_pos] == '-' && s[m_pos + 1] == '-') || (s[m_pos] == '/' && s[m_pos + 1] == '*'))))
            ++m_pos;
        return make(Kind::Operator, start, line);
    }
    ++m_pos; // ( ) [ ] , . : and bytes without meaning
    return make(Kind::Punctuation, start, line);
}

std::optional<SqlLexer::Statement> SqlLexer::nextStatement()
{
    Statement st;
    const char *first = nullptr;
    const char *last = nullptr;
    int parens = 0;
    // psql's rule for routine bodies: in CREATE [OR REPLACE] FUNCTION/PROCEDURE, BEGIN (and CASE
    // inside it) opens a block that END closes, and ';' inside a block does not end the statement.
    int words = 0;
    char lead[4] = {0, 0, 0, 0};
    int blocks = 0;
    for (;;) {
        const SqlToken t = next();
        if (t.kind == Kind::End)
            break;
        if (t.kind == Kind::Comment) {
            st.unterminated = st.unterminated || (first && t.unterminated());
            continue;
        }
        if (t.kind == Kind::Semicolon && parens == 0 && blocks == 0) {
            if (first)
                break;
            continue; // an empty statement
        }
        if (!first) {
            first = t.text.data();
            st.line = t.line;
        }
        last = t.text.data() + t.text.size();
        st.unterminated = st.unterminated || t.unterminated();
        if (t.isPunctuation('('))
            ++parens;
        else if (t.isPunctuation(')') && parens > 0)
            --parens;
        else if (t.kind == Kind::Word) {
            if (words < 4) {
                const bool leadWord = t.isWord("CREATE") || t.isWord("OR") || t.isWord("REPLACE")
                    || t.isWord("FUNCTION") || t.isWord("PROCEDURE");
                lead[words] = leadWord ? upper(t.text.front()) : 0;
            }
            ++words;
            const bool routine = lead[0] == 'C'
                && (lead[1] == 'F' || lead[1] == 'P' || (lead[1] == 'O' && lead[2] == 'R' && (lead[3] == 'F' || lead[3] == 'P')));
            if (routine && parens == 0) {
                if (t.isWord("BEGIN"))
                    ++blocks;
                else if (t.isWord("CASE") && blocks > 0)
                    ++blocks;
                else if (t.isWord("END") && blocks > 0)
                    --blocks;
            }
        }
    }
    if (!first)
        return std::nullopt;
    st.text = QByteArrayView(first, last - first);
    return st;
}

QList<SqlToken> SqlLexer::tokens(QByteArrayView sql)
{
    QList<SqlToken> out;
    SqlLexer lexer(sql);
    for (SqlToken t = lexer.next(); t.kind != Kind::End; t = lexer.next())
        out.append(t);
    return out;
}

QList<SqlLexer::Statement> SqlLexer::statements(QByteArrayView sql)
{
    QList<Statement> out;
    SqlLexer lexer(sql);
    while (auto st = lexer.nextStatement())
        out.append(*st);
    return out;
}

QByteArray SqlLexer::withoutComments(QByteArrayView sql)
{
    QByteArray out;
    out.reserve(sql.size());
    SqlLexer lexer(sql);
    qsizetype copied = 0; // bytes of `sql` already in `out` or dropped
    for (SqlToken t = lexer.next(); t.kind != Kind::End; t = lexer.next()) {
        if (t.kind != Kind::Comment)
            continue;
        const qsizetype at = t.text.data() - sql.data();
        out.append(sql.sliced(copied, at - copied));
        out.append(' ');
        copied = at + t.text.size();
    }
    out.append(sql.sliced(copied));
    return out;
}

namespace {

constexpr int maxBodyDepth = 16; // DO inside DO inside ...: deeper bodies stay strings

/// The Semicolon that fences a DO body off from the statement around it.
SqlToken fence(int line)
{
    SqlToken t;
    t.kind = Kind::Semicolon;
    t.text = QByteArrayView(";");
    t.line = line;
    return t;
}

void walkExecuted(QByteArrayView sql, int firstLine, int depth, const std::function<void(const SqlToken &)> &visit)
{
    SqlLexer lexer(sql, firstLine);
    auto significant = [&lexer] {
        SqlToken t = lexer.next();
        while (t.kind == Kind::Comment)
            t = lexer.next();
        return t;
    };
    for (SqlToken t = significant(); t.kind != Kind::End; t = significant()) {
        visit(t);
        if (!t.isWord("DO") || depth >= maxBodyDepth)
            continue;
        // DO [LANGUAGE name] body [LANGUAGE name]: read that far ahead; the body runs now.
        QVarLengthArray<SqlToken, 6> ahead;
        int body = -1;
        QByteArray language;
        bool shape = true;
        while (ahead.size() < 5) {
            const SqlToken a = significant();
            ahead.append(a);
            if (a.kind == Kind::End || a.kind == Kind::Semicolon)
                break;
            if (a.kind == Kind::String && body < 0) {
                body = int(ahead.size() - 1);
            } else if (a.isWord("LANGUAGE") && language.isEmpty()) {
                const SqlToken name = significant();
                ahead.append(name);
                if (name.kind != Kind::Word && name.kind != Kind::String && name.kind != Kind::QuotedIdentifier) {
                    shape = false;
                    break;
                }
                language = name.value().toLower();
            } else {
                shape = false;
                break;
            }
        }
        const bool expand = shape && body >= 0 && (language.isEmpty() || language == "plpgsql");
        for (int i = 0; i < ahead.size(); ++i) {
            const SqlToken &a = ahead[i];
            if (a.kind == Kind::End)
                return;
            if (expand && i == body) {
                // PL/pgSQL statements lex as SQL; a quoted body ('...') is unescaped first.
                const QByteArray copy = (a.flags & SqlToken::DollarQuoted) ? QByteArray() : a.value();
                const QByteArrayView code = (a.flags & SqlToken::DollarQuoted) ? a.dollarBody() : QByteArrayView(copy);
                visit(fence(a.line));
                walkExecuted(code, a.line, depth + 1, visit);
                visit(fence(a.line + newlines(a.text)));
                continue;
            }
            visit(a);
        }
    }
}

} // namespace

void SqlLexer::forEachExecutedToken(QByteArrayView sql, const std::function<void(const SqlToken &)> &visit)
{
    walkExecuted(sql, 1, 0, visit);
}

} // namespace passlane
