#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace passlane {

/// One statement of a SQL file, as PostgreSQL's lexer would separate it.
struct SqlStatement {
    QString text;        ///< without the terminating semicolon, trimmed
    int line = 1;        ///< 1-based line of the statement's first token in the file
    qsizetype offset = 0; ///< character offset of the first token
};

/// Splits SQL files into statements, honoring quotes ('', E'', ""), dollar quotes ($tag$),
/// line and nested block comments. A final statement without ';' is kept (some real files
/// lack it). Comments are stripped from `text` only when `stripComments` is set.
class SqlScript {
public:
    static QList<SqlStatement> split(const QString &sql, bool stripComments = false);
    static QList<SqlStatement> split(const QByteArray &sql, bool stripComments = false)
    {
        return split(QString::fromUtf8(sql), stripComments);
    }
    /// 1-based line of a 0-based character offset.
    static int lineAt(const QString &sql, qsizetype offset);
};

} // namespace passlane
