#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace passlane {

/// Escapes characters that would break a Markdown table cell or start markup (| * _ ` < > [ ] \).
QString markdownEscape(QStringView text);

/// A GitHub-flavoured Markdown table. Cells are escaped; rows shorter than the header are padded.
/// `rightAligned` lists column indexes to right-align (numbers).
QString markdownTable(const QStringList &header, const QList<QStringList> &rows,
                      const QList<int> &rightAligned = {});

/// A fenced code block (the fence grows when the text itself contains ```).
QString markdownCode(const QString &text, const QString &language = {});

} // namespace passlane
