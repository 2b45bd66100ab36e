#include "migrationdetails.h"
#include "ui_migrationdetails.h"

#include "document/document.h"
#include "diffhighlighter.h"
#include "sqlhighlighter.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPalette>
#include <QPlainTextEdit>

using namespace passlane;

MigrationDetails::MigrationDetails(Document *doc, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_ui(std::make_unique<Ui::MigrationDetails>())
{
    m_ui->setupUi(this);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->upEdit->setFont(mono);
    m_ui->downEdit->setFont(mono);
    m_upHighlighter = new SqlHighlighter(m_ui->upEdit->document());
    m_downHighlighter = new SqlHighlighter(m_ui->downEdit->document());
    m_diffEdit = new QPlainTextEdit;
    m_diffEdit->setReadOnly(true);
    m_diffEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diffEdit->setFont(mono);
    m_diffHighlighter = new DiffHighlighter(m_diffEdit->document());
    m_diffTab = m_ui->sqlTabs->addTab(m_diffEdit, tr("Edit diff"));
    m_ui->sqlTabs->setTabEnabled(m_diffTab, false);
    m_ui->sqlTabs->setTabToolTip(m_diffTab, tr("How the migration changed after it first shipped"));
    // Clicking a parent/child link navigates there.
    connect(m_ui->metaLabel, &QLabel::linkActivated, this, [this](const QString &link) {
        bool ok = false;
        const qint64 id = link.toLongLong(&ok);
        if (ok)
            m_doc->selectMigration(m_doc->selectedSchema(), id);
    });
    connect(doc, &Document::selectedMigrationChanged, this, &MigrationDetails::showMigration);
    connect(doc, &Document::catalogChanged, this, [this] {
        // Never keep showing a migration of the previous catalog: show the selection's
        // definition in the new one, or nothing when the new catalog does not have it.
        const auto selected = m_doc->selectedMigration();
        if (selected && m_doc->catalog()->graph.definition(m_doc->selectedSchema(), *selected))
            showMigration(m_doc->selectedSchema(), *selected);
        else
            showNothing();
    });
    showNothing();
}

MigrationDetails::~MigrationDetails() = default;

QString MigrationDetails::upSql() const
{
    return m_ui->upEdit->toPlainText();
}

QString MigrationDetails::downSql() const
{
    return m_ui->downEdit->toPlainText();
}

QString MigrationDetails::title() const
{
    return m_ui->titleLabel->text();
}

QString MigrationDetails::detailsHtml() const
{
    return m_ui->metaLabel->text();
}

QString MigrationDetails::editDiff() const
{
    return m_diffEdit->toPlainText();
}

bool MigrationDetails::hasEditDiff() const
{
    return m_ui->sqlTabs->isTabEnabled(m_diffTab);
}

void MigrationDetails::setDark(bool dark)
{
    m_dark = dark;
    m_upHighlighter->setDark(dark);
    m_downHighlighter->setDark(dark);
    m_diffHighlighter->setDark(dark);
    // Links carry their colour in the HTML: show again in the new palette.
    if (m_id >= 0)
        showMigration(m_schema, m_id);
}

void MigrationDetails::showNothing()
{
    m_schema.clear();
    m_id = -1;
    m_ui->titleLabel->setText(tr("Select a migration in the graph."));
    m_ui->metaLabel->clear();
    m_ui->upEdit->clear();
    m_ui->downEdit->clear();
    m_diffEdit->clear();
    m_ui->sqlTabs->setTabEnabled(m_diffTab, false);
    m_ui->sqlTabs->setTabText(m_diffTab, tr("Edit diff"));
}

void MigrationDetails::showMigration(const QString &schema, qint64 id)
{
    const auto catalog = m_doc->catalog();
    const MigrationPtr m = catalog->graph.definition(schema, id);
    if (!m) {
        showNothing();
        m_ui->titleLabel->setText(tr("Migration %1 is not in the %2 schema.").arg(id).arg(schema));
        return;
    }
    m_schema = schema;
    m_id = id;
    m_ui->titleLabel->setText(QStringLiteral("<b>%1</b><br/>%2").arg(id).arg(m->name.toHtmlEscaped()));

    // The link colour is written into the HTML: a label keeps the colour it was set with.
    const QString linkColor = QApplication::palette().color(QPalette::Link).name();
    auto links = [&linkColor](const QList<qint64> &ids) {
        QStringList parts;
        for (qint64 p : ids)
            parts << QStringLiteral("<a href=\"%1\" style=\"color:%2\">%1</a>").arg(p).arg(linkColor);
        return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(", "));
    };
    QList<qint64> children;
    const auto &definitions = catalog->graph.definitions(schema);
    for (auto it = definitions.cbegin(); it != definitions.cend(); ++it)
        if ((*it)->parents.contains(id))
            children.append(it.key());

    QStringList flags;
    if (m->privileged)
        flags << tr("privileged");
    if (m->createIndexConcurrently)
        flags << tr("creates index concurrently");
    if (m->nonIdempotent)
        flags << tr("non-idempotent");
    if (m->isSquashed())
        flags << tr("squashed");
    const auto introduced = catalog->graph.introducedIn(schema, id);
    QString html = QStringLiteral("<table cellspacing=\"2\">");
    auto row = [&html](const QString &key, const QString &value) {
        QString label = key.toHtmlEscaped();
        label.replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
        html += QStringLiteral("<tr><td><i>%1</i>&nbsp;</td><td>%2</td></tr>").arg(label, value);
    };
    row(tr("Schema"), schema.toHtmlEscaped());
    row(tr("Introduced in"), introduced ? introduced->toString() : tr("unknown"));
    row(tr("Flags"), flags.isEmpty() ? QStringLiteral("—") : flags.join(QStringLiteral(", ")));
    row(tr("Parents"), links(m->parents));
    row(tr("Children"), links(children));
    row(tr("Path"), m->path.toHtmlEscaped());
    html += QStringLiteral("</table>");

    // The catalog's findings about this migration, and the diff of each edit after shipping.
    QStringList findings;
    QStringList diffs;
    QStringList editedIn;
    for (const Finding &f : catalog->findings) {
        if (f.schema != schema || f.id != id)
            continue;
        const QColor color = f.severity == Severity::Error     ? QColor(m_dark ? 0xff8a80 : 0xc62828)
                           : f.severity == Severity::Warning ? QColor(m_dark ? 0xffcc80 : 0xb26a00)
                                                             : QApplication::palette().color(QPalette::WindowText);
        QString where = f.release;
        if (f.releaseCount > 1 && !f.lastRelease.isEmpty())
            where = tr("%1 … %2 (%n release(s))", nullptr, f.releaseCount).arg(f.release, f.lastRelease);
        findings << QStringLiteral("<li><b style=\"color:%1\">%2</b> <code>%3</code>%4<br/>%5</li>")
                        .arg(color.name(), severityName(f.severity), f.kind.toHtmlEscaped(),
                             where.isEmpty() ? QString() : QStringLiteral(" · ") + where.toHtmlEscaped(),
                             f.message.toHtmlEscaped());
        if (!f.diff.isEmpty()) {
            diffs << f.diff;
            editedIn << f.release;
        }
    }
    html += QStringLiteral("<p><b>%1</b></p>").arg(findings.isEmpty() ? tr("No findings") : tr("Findings (%1)").arg(findings.size()));
    if (!findings.isEmpty())
        html += QStringLiteral("<ul style=\"margin-left:0px; -qt-list-indent:1\">%1</ul>").arg(findings.join(QString()));
    m_ui->metaLabel->setText(html);
    m_ui->upEdit->setPlainText(QString::fromUtf8(m->upQuery));
    m_ui->downEdit->setPlainText(QString::fromUtf8(m->downQuery));
    m_diffEdit->setPlainText(diffs.join(QLatin1Char('\n')));
    m_ui->sqlTabs->setTabEnabled(m_diffTab, !diffs.isEmpty());
    m_ui->sqlTabs->setTabText(m_diffTab, diffs.isEmpty() ? tr("Edit diff") : tr("Edit diff (%1)").arg(editedIn.join(QStringLiteral(", "))));
    if (diffs.isEmpty() && m_ui->sqlTabs->currentIndex() == m_diffTab)
        m_ui->sqlTabs->setCurrentIndex(0);
}
