#include "report/migratorreport.h"
#include "common/jsonnumbers.h"

#include "report/html.h"
#include "report/markdown.h"

#include <QJsonArray>

namespace passlane {

namespace {

QString stepLine(const MigratorStep &step)
{
    QStringList parts;
    for (auto it = step.schemas.cbegin(); it != step.schemas.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().size());
    QString release = step.release.toString();
    if (step.tag != QStringLiteral("v") + release)
        release = QStringLiteral("%1 (stand-in %2)").arg(step.tag, release);
    QStringList oob;
    for (int id : step.oob)
        oob << QString::number(id);
    return QStringLiteral("%1 %2%3: %4%5")
        .arg(step.down ? QStringLiteral("down to") : QStringLiteral("up to"), release,
             step.isTarget ? QStringLiteral(" (target)") : QString(),
             parts.isEmpty() ? QStringLiteral("no schema migration") : parts.join(QStringLiteral(", ")),
             oob.isEmpty() ? QString()
                           : (step.down ? QStringLiteral("; then revert OOB ") : QStringLiteral("; then complete OOB "))
                               + oob.join(QStringLiteral(", ")));
}

} // namespace

QJsonObject productMigratorToJson(const ProductMigratorView &view)
{
    QJsonObject o;
    o.insert(QStringLiteral("can_plan"), view.canPlan());
    o.insert(QStringLiteral("no_difference"), view.noDifference());
    QJsonArray steps;
    for (const MigratorStep &s : view.steps) {
        QJsonObject step;
        step.insert(QStringLiteral("tag"), s.tag);
        step.insert(QStringLiteral("release"), s.release.toString());
        step.insert(QStringLiteral("direction"), s.down ? QStringLiteral("down") : QStringLiteral("up"));
        step.insert(QStringLiteral("target"), s.isTarget);
        QJsonObject schemas;
        for (auto it = s.schemas.cbegin(); it != s.schemas.cend(); ++it)
            schemas.insert(it.key(), jsonNumbers(it.value()));
        step.insert(QStringLiteral("schemas"), schemas);
        step.insert(QStringLiteral("oob"), jsonNumbers(s.oob));
        steps.append(step);
    }
    o.insert(QStringLiteral("steps"), steps);
    QJsonArray diffs;
    for (const MigratorDifference &d : view.differences) {
        QJsonObject diff;
        diff.insert(QStringLiteral("kind"), d.kind);
        diff.insert(QStringLiteral("blocking"), d.blocking);
        diff.insert(QStringLiteral("message"), d.message);
        diff.insert(QStringLiteral("schema"), d.schema.isEmpty() ? QJsonValue() : QJsonValue(d.schema));
        diff.insert(QStringLiteral("ids"), jsonNumbers(d.ids));
        diff.insert(QStringLiteral("oob"), jsonNumbers(d.oob));
        diff.insert(QStringLiteral("sql"), d.sql.isEmpty() ? QJsonValue() : QJsonValue(d.sql));
        diffs.append(diff);
    }
    o.insert(QStringLiteral("differences"), diffs);
    return o;
}

ReportSection productMigratorSection(const ProductMigratorView &view)
{
    ReportSection s{QStringLiteral("The product's migrator"), {}, {}};
    if (view.noDifference()) {
        const QString line = QStringLiteral("No difference: the product's `migrator` would run these steps, in this order, "
                                            "with the same OOB waits.");
        s.markdown = line + u'\n';
        s.html = QStringLiteral("<p>") + htmlEscape(line) + QStringLiteral("</p>\n");
        return s;
    }
    const QString intro = view.canPlan()
        ? QStringLiteral("The product's own `migrator` would do this differently:")
        : QStringLiteral("The product's own `migrator` cannot run this plan as it is:");
    s.markdown = QStringLiteral("**") + intro + QStringLiteral("**\n\n");
    s.html = QStringLiteral("<p><b>") + htmlEscape(intro) + QStringLiteral("</b></p>\n<ul>\n");
    bool otherHeader = false;
    for (const MigratorDifference &d : view.differences) {
        if (!d.blocking && !view.canPlan() && !otherHeader) {
            otherHeader = true;
            const QString other = QStringLiteral("Once that is fixed, it would still differ:");
            s.markdown += QStringLiteral("\n") + other + QStringLiteral("\n\n");
            s.html += QStringLiteral("</ul>\n<p>") + htmlEscape(other) + QStringLiteral("</p>\n<ul>\n");
        }
        s.markdown += QStringLiteral("- `%1`%2: %3\n").arg(d.kind, d.blocking ? QStringLiteral(" (blocking)") : QString(),
                                                           markdownEscape(d.message));
        s.html += QStringLiteral("<li><code>%1</code>%2: %3").arg(htmlEscape(d.kind),
                                                                  d.blocking ? QStringLiteral(" <b>(blocking)</b>") : QString(),
                                                                  htmlEscape(d.message));
        if (!d.sql.isEmpty()) {
            s.markdown += u'\n' + markdownCode(d.sql.trimmed(), QStringLiteral("sql"));
            s.html += QStringLiteral("<details><summary>down.sql to run by hand</summary><pre>") + htmlEscape(d.sql.trimmed())
                + QStringLiteral("</pre></details>");
        }
        s.html += QStringLiteral("</li>\n");
    }
    s.html += QStringLiteral("</ul>\n");
    if (!view.steps.isEmpty()) {
        const QString stepsIntro = QStringLiteral("Its steps:");
        s.markdown += u'\n' + stepsIntro + QStringLiteral("\n\n");
        s.html += QStringLiteral("<p>") + htmlEscape(stepsIntro) + QStringLiteral("</p>\n<ol>\n");
        for (const MigratorStep &step : view.steps) {
            s.markdown += QStringLiteral("1. ") + markdownEscape(stepLine(step)) + u'\n';
            s.html += QStringLiteral("<li>") + htmlEscape(stepLine(step)) + QStringLiteral("</li>\n");
        }
        s.html += QStringLiteral("</ol>\n");
    }
    return s;
}

void addProductMigratorReport(ReportWriter &writer, const ProductMigratorView &view)
{
    writer.addJson(QStringLiteral("product_migrator"), productMigratorToJson(view));
    writer.addSection(productMigratorSection(view));
}

} // namespace passlane
