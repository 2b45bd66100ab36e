#pragma once

#include <QSyntaxHighlighter>

/// Unified diff colouring: added lines green, removed red, hunk headers and file headers
/// muted. Colours follow the palette: dark themes get lighter tones.
class DiffHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit DiffHighlighter(QTextDocument *parent);
    void setDark(bool dark);

protected:
    void highlightBlock(const QString &text) override;

private:
    bool m_dark = false;
};
