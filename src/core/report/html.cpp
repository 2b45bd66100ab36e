#include "report/html.h"

namespace passlane {

QString htmlEscape(QStringView text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'&': out += QLatin1String("&amp;"); break;
        case u'<': out += QLatin1String("&lt;"); break;
        case u'>': out += QLatin1String("&gt;"); break;
        case u'"': out += QLatin1String("&quot;"); break;
        case u'\'': out += QLatin1String("&#39;"); break;
        default: out += c;
        }
    }
    return out;
}

QString reportCss()
{
    return QStringLiteral(R"css(
body { font: 14px/1.45 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif;
       color: #1f2328; margin: 24px auto; max-width: 1100px; padding: 0 16px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.summary { color: #57606a; margin-bottom: 12px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
         background: #ddf4ff; color: #0969da; font-weight: 600; }
.badge.bad { background: #ffebe9; color: #cf222e; }
.badge.ok { background: #dafbe1; color: #1a7f37; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #d0d7de; padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
ul.findings { padding-left: 20px; }
ul.findings li.error { color: #cf222e; }
ul.findings li.warning { color: #9a6700; }
.ids { font: 12px/1.5 ui-monospace, "DejaVu Sans Mono", monospace; color: #57606a; word-break: break-word; }
pre { background: #f6f8fa; border: 1px solid #d0d7de; padding: 8px; overflow-x: auto; font-size: 12px; }
details summary { cursor: pointer; color: #0969da; }
.chart { overflow-x: auto; margin: 8px 0 16px; }
.chart svg { max-width: 100%; height: auto; }
.step { border-left: 3px solid #0969da; padding: 2px 0 2px 12px; margin: 12px 0; }
.step.target { border-left-color: #1a7f37; }
.step.down { border-left-color: #bc4c00; }
.legend { font-size: 12px; color: #57606a; }
.path { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
table.about th, table.about td { border: none; padding: 1px 12px 1px 0; background: none; }
table.migrations { font-size: 12px; }
code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; background: #f6f8fa; padding: 1px 4px; }
.runbook { border-left: 3px solid #1a7f37; padding: 2px 0 2px 12px; margin: 12px 0; page-break-inside: avoid; }
.runbook li { margin: 4px 0; }
)css");
}

QString htmlDocument(const QString &title, const QString &body, const QString &extraCss)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<title>")
        + htmlEscape(title) + QStringLiteral("</title>\n<style>") + reportCss() + extraCss
        + QStringLiteral("</style>\n</head>\n<body>\n") + body + QStringLiteral("\n</body>\n</html>\n");
}

} // namespace passlane
