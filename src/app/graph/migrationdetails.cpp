#include "migrationdetails.h"
#include "ui_migrationdetails.h"

#include "document/document.h"
#include "sqlhighlighter.h"

#include <QFontDatabase>

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
    // Clicking a parent/child link navigates there.
    connect(m_ui->metaLabel, &QLabel::linkActivated, this, [this](const QString &link) {
        bool ok = false;
        const qint64 id = link.toLongLong(&ok);
        if (ok)
            m_doc->selectMigration(m_doc->selectedSchema(), id);
    });
    connect(doc, &Document::selectedMigrationChanged, this, &MigrationDetails::showMigration);
    connect(doc, &Document::catalogChanged, this, [this] {
        if (m_doc->selectedMigration()) {
            showMigration(m_doc->selectedSchema(), *m_doc->selectedMigration());
        } else {
            // Nothing selected in the new catalog: never keep showing one of the old catalog.
            m_ui->titleLabel->setText(tr("Select a migration in the graph."));
            m_ui->metaLabel->clear();
            m_ui->upEdit->clear();
            m_ui->downEdit->clear();
        }
    });
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

void MigrationDetails::setDark(bool dark)
{
    m_upHighlighter->setDark(dark);
    m_downHighlighter->setDark(dark);
}

void MigrationDetails::showMigration(const QString &schema, qint64 id)
{
    const auto catalog = m_doc->catalog();
    const MigrationPtr m = catalog->graph.definition(schema, id);
    if (!m) {
        m_ui->titleLabel->setText(tr("Migration %1 is not in the %2 schema.").arg(id).arg(schema));
        m_ui->metaLabel->clear();
        m_ui->upEdit->clear();
        m_ui->downEdit->clear();
        return;
    }
    m_ui->titleLabel->setText(QStringLiteral("<b>%1</b><br/>%2").arg(id).arg(m->name.toHtmlEscaped()));

    auto links = [](const QList<qint64> &ids) {
        QStringList parts;
        for (qint64 p : ids)
            parts << QStringLiteral("<a href=\"%1\">%1</a>").arg(p);
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
    m_ui->metaLabel->setText(html);
    m_ui->upEdit->setPlainText(QString::fromUtf8(m->upQuery));
    m_ui->downEdit->setPlainText(QString::fromUtf8(m->downQuery));
}
