#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace passlane {

/// One statement of a SQL file, ready to send to a server.
struct SqlStatement {
    QString text;         ///< without the terminating semicolon, trimmed
    int line = 1;         ///< 1-based line of the statement's first token in the file
    qsizetype offset = 0; ///< character (UTF-16) offset of the first token
};

/// Splits SQL files into statements for execution, as SqlLexer::nextStatement() splits them
/// (quotes, dollar quotes, nested comments, psql's rule for BEGIN ... END routine bodies). A
/// final statement without ';' is kept (some real files lack it). Comments are replaced by one
/// space in `text` only when `stripComments` is set.
class SqlScript {
public:
    static QList<SqlStatement> split(const QByteArray &sql, bool stripComments = false);
    static QList<SqlStatement> split(const QString &sql, bool stripComments = false)
    {
        return split(sql.toUtf8(), stripComments);
    }
    /// 1-based line of a 0-based character offset.
    static int lineAt(const QString &sql, qsizetype offset);
};

} // namespace passlane
