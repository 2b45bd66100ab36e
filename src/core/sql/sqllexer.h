#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <functional>
#include <optional>

namespace passlane {

/// One lexical token of PostgreSQL SQL. `text` views the lexed bytes (quotes, dollar tags and
/// string prefixes included), so a token is valid only while the text it was lexed from lives.
struct SqlToken {
    enum class Kind : quint8 {
        End,              ///< past the last token (empty text)
        Word,             ///< keyword or unquoted identifier; `a$b` is one word
        QuotedIdentifier, ///< "..." with "" for a quote, or U&"..."
        String,           ///< '...', E'...', B'...', X'...', N'...', U&'...' or $tag$...$tag$
        Number,
        Parameter,        ///< $1
        Operator,         ///< a run of + - * / < > = ~ ! @ # % ^ & | ` ?, or :: and :=
        Punctuation,      ///< ( ) [ ] , . : and any byte SQL gives no meaning to
        Semicolon,
        Comment,          ///< -- to the end of the line, or /* ... */ (block comments nest)
    };
    enum Flag : quint8 {
        Unterminated = 1, ///< a string, quoted identifier, dollar quote or block comment that runs to the end
        Escapes = 2,      ///< E'...': backslash escapes apply
        DollarQuoted = 4, ///< $tag$...$tag$
    };

    Kind kind = Kind::End;
    quint8 flags = 0;
    int line = 1; ///< 1-based line of the token's first byte
    QByteArrayView text;

    bool unterminated() const { return flags & Unterminated; }
    /// A Word equal to `upper` (an upper-case ASCII keyword), compared case-insensitively.
    bool isWord(QByteArrayView upper) const;
    /// Punctuation or Semicolon made of the single byte `c`.
    bool isPunctuation(char c) const
    {
        return (kind == Kind::Punctuation || kind == Kind::Semicolon) && text.size() == 1 && text.front() == c;
    }
    /// Strings: the content with quotes removed and escapes resolved ('' always, backslashes in
    /// E'...'); dollar quotes: the body as written. Quoted identifiers: the name. Others: the text.
    QByteArray value() const;
    /// Dollar quotes: the body between the tags, as a view into `text`; empty otherwise.
    QByteArrayView dollarBody() const;
};

/// PostgreSQL's lexical rules over UTF-8 (or any ASCII-compatible) bytes, in one linear pass:
/// nested block comments, line comments, standard and E'' strings, quoted identifiers, dollar
/// quotes ($$ and $tag$, never $1), words, numbers, operators, punctuation. Standard-conforming
/// strings are assumed (the default since PostgreSQL 9.1). Unterminated constructs run to the end
/// of the text and carry SqlToken::Unterminated; bad input never hangs or throws.
class SqlLexer {
public:
    /// A top-level statement: from its first token to the end of its last one, without the ';'
    /// and without comments before the first token. Comments inside are part of `text`.
    struct Statement {
        QByteArrayView text;
        int line = 1;              ///< line of the first token
        bool unterminated = false; ///< it ends inside a string, identifier, dollar quote or comment
    };

    explicit SqlLexer(QByteArrayView sql, int firstLine = 1);

    /// The next token, comments included; Kind::End (repeatedly) once the text is used up.
    SqlToken next();
    /// The next statement, split as psql splits a script: at ';' outside parentheses and outside
    /// the BEGIN ... END body of CREATE [OR REPLACE] FUNCTION/PROCEDURE. Empty statements are
    /// skipped; a last statement without ';' is kept. std::nullopt at the end.
    std::optional<Statement> nextStatement();

    /// Every token of `sql`, comments included.
    static QList<SqlToken> tokens(QByteArrayView sql);
    /// Every statement of `sql` (see nextStatement()).
    static QList<Statement> statements(QByteArrayView sql);
    /// `sql` with each comment replaced by one space.
    static QByteArray withoutComments(QByteArrayView sql);

    /// Calls `visit` with every token, in order and without comments, of the code that running
    /// `sql` executes: its own tokens, and for a DO block in PL/pgSQL (the default language) the
    /// tokens of the body in place of the body string, fenced by two Semicolon tokens. Bodies of
    /// functions and procedures stay one String token: creating a routine does not run it.
    /// Tokens from a body view a copy that lives only during the call.
    static void forEachExecutedToken(QByteArrayView sql, const std::function<void(const SqlToken &)> &visit);

private:
    void skipSpace();
    SqlToken make(SqlToken::Kind kind, qsizetype start, int line, quint8 flags = 0) const;
    qsizetype scanQuoted(qsizetype from, char quote, bool backslashes, bool *terminated);

    QByteArrayView m_sql;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace passlane
