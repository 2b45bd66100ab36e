#include "simulation/simulationconnectiondialog.h"
#include "ui_simulationconnectiondialog.h"

#include "simulator/pgconnection.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace {
// Each setting once, with its key; the password is deliberately absent.
const QString kHostKey = QStringLiteral("simulation/postgres/host");
const QString kPortKey = QStringLiteral("simulation/postgres/port");
const QString kUserKey = QStringLiteral("simulation/postgres/user");
const QString kDatabaseKey = QStringLiteral("simulation/postgres/database");
const QString kPassFileKey = QStringLiteral("simulation/postgres/usePassFile");

QString quoted(const QString &value)
{
    // libpq conninfo: single quotes, with \ and ' escaped.
    QString v = value;
    v.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}
} // namespace

QString PostgresConnection::conninfo(bool withPassword) const
{
    QStringList parts;
    if (!host.isEmpty())
        parts << QStringLiteral("host=") + quoted(host);
    parts << QStringLiteral("port=%1").arg(port);
    if (!user.isEmpty())
        parts << QStringLiteral("user=") + quoted(user);
    parts << QStringLiteral("dbname=") + quoted(database.isEmpty() ? QStringLiteral("postgres") : database);
    // With the password file, libpq finds the password itself (PGPASSFILE or ~/.pgpass).
    if (!usePassFile && withPassword && !password.isEmpty())
        parts << QStringLiteral("password=") + quoted(password);
    return parts.join(QLatin1Char(' '));
}

QString PostgresConnection::passFile()
{
    const QString env = qEnvironmentVariable("PGPASSFILE");
    const QString path = env.isEmpty() ? QDir::home().filePath(QStringLiteral(".pgpass")) : env;
    return QFileInfo::exists(path) ? path : QString();
}

SimulationConnectionDialog::SimulationConnectionDialog(const PostgresConnection &initial, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SimulationConnectionDialog>())
{
    m_ui->setupUi(this);
    m_ui->hostEdit->setText(initial.host);
    m_ui->portSpin->setValue(initial.port);
    m_ui->userEdit->setText(initial.user);
    m_ui->databaseEdit->setText(initial.database);
    m_ui->passwordEdit->setText(initial.password);
    const QString passFile = PostgresConnection::passFile();
    m_ui->pgpassCheck->setEnabled(!passFile.isEmpty());
    m_ui->pgpassCheck->setChecked(!passFile.isEmpty() && initial.usePassFile);
    m_ui->pgpassCheck->setToolTip(passFile.isEmpty() ? tr("No PGPASSFILE or ~/.pgpass found") : passFile);
    m_ui->ownCheck->setChecked(initial.ownDatabase);
    m_ui->superuserCheck->setChecked(initial.superuser);
    auto syncPassword = [this] { m_ui->passwordEdit->setEnabled(!m_ui->pgpassCheck->isChecked()); };
    connect(m_ui->pgpassCheck, &QCheckBox::toggled, this, syncPassword);
    syncPassword();
    connect(m_ui->testButton, &QPushButton::clicked, this, &SimulationConnectionDialog::testConnection);
    // An answer about other settings would mislead: any edit clears it.
    auto stale = [this] {
        ++m_testGeneration;
        m_ui->testLabel->clear();
        m_ui->testButton->setEnabled(true);
    };
    for (QLineEdit *edit : {m_ui->hostEdit, m_ui->userEdit, m_ui->databaseEdit, m_ui->passwordEdit})
        connect(edit, &QLineEdit::textEdited, this, stale);
    connect(m_ui->portSpin, &QSpinBox::valueChanged, this, stale);
    connect(m_ui->pgpassCheck, &QCheckBox::toggled, this, stale);
}

void SimulationConnectionDialog::testConnection()
{
    const auto info = passlane::PgConnectionInfo::parse(connection().conninfo(true));
    if (!info) {
        m_ui->testLabel->setText(QStringLiteral("<span style='color:#b00000'>%1</span>").arg(info.error().toString().toHtmlEscaped()));
        Q_EMIT connectionTested(false);
        return;
    }
    const int generation = ++m_testGeneration;
    m_ui->testButton->setEnabled(false);
    m_ui->testLabel->setText(tr("Connecting to %1…").arg(info->display().toHtmlEscaped()));
    auto *watcher = new QFutureWatcher<passlane::Result<passlane::PgServerCheck>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_testGeneration)
            return;
        m_ui->testButton->setEnabled(true);
        const auto result = watcher->result();
        if (result)
            m_ui->testLabel->setText(QStringLiteral("<span style='color:#1a7f37'>%1</span>")
                                         .arg(tr("Connected: %1.").arg(result->summary()).toHtmlEscaped()));
        else
            m_ui->testLabel->setText(QStringLiteral("<span style='color:#b00000'>%1</span>")
                                         .arg(result.error().toString().toHtmlEscaped()));
        Q_EMIT connectionTested(result.ok());
    });
    // The check may wait for the server's connect timeout: never on the GUI thread.
    watcher->setFuture(QtConcurrent::run([info = *info] { return passlane::checkServer(info); }));
}

SimulationConnectionDialog::~SimulationConnectionDialog() = default;

PostgresConnection SimulationConnectionDialog::connection() const
{
    PostgresConnection c;
    c.host = m_ui->hostEdit->text().trimmed();
    c.port = m_ui->portSpin->value();
    c.user = m_ui->userEdit->text().trimmed();
    c.database = m_ui->databaseEdit->text().trimmed();
    c.usePassFile = m_ui->pgpassCheck->isChecked();
    c.password = c.usePassFile ? QString() : m_ui->passwordEdit->text();
    c.ownDatabase = m_ui->ownCheck->isChecked();
    c.superuser = m_ui->superuserCheck->isChecked();
    return c;
}

PostgresConnection SimulationConnectionDialog::loadSettings()
{
    QSettings s;
    PostgresConnection c;
    c.host = s.value(kHostKey).toString();
    c.port = s.value(kPortKey, 5432).toInt();
    c.user = s.value(kUserKey).toString();
    c.database = s.value(kDatabaseKey).toString();
    c.usePassFile = s.value(kPassFileKey, true).toBool();
    return c;
}

void SimulationConnectionDialog::saveSettings(const PostgresConnection &c)
{
    QSettings s;
    s.setValue(kHostKey, c.host);
    s.setValue(kPortKey, c.port);
    s.setValue(kUserKey, c.user);
    s.setValue(kDatabaseKey, c.database);
    s.setValue(kPassFileKey, c.usePassFile);
}
