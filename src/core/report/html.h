#pragma once

#include <QString>
#include <QStringView>

namespace passlane {

/// Escapes &, <, >, " and ' for HTML text and attribute values (also valid inside SVG).
QString htmlEscape(QStringView text);

/// The shared stylesheet of Passlane's HTML reports (inline, no external resources).
QString reportCss();

/// A complete, self-contained HTML document: `title` is escaped, `body` is inserted as is.
QString htmlDocument(const QString &title, const QString &body, const QString &extraCss = {});

} // namespace passlane
