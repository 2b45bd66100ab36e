#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

/// PostgreSQL highlighting for migration SQL: keywords, strings, numbers, comments
/// (line and block). Colours follow the palette: dark themes get lighter tones.
class SqlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit SqlHighlighter(QTextDocument *parent);
    void setDark(bool dark);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    QList<Rule> m_rules;
    QTextCharFormat m_comment;
    QRegularExpression m_blockStart{QStringLiteral("/\\*")};
    QRegularExpression m_blockEnd{QStringLiteral("\\*/")};
};
