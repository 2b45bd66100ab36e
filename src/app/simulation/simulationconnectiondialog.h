#pragma once

#include <QDialog>
#include <QString>

#include <memory>

namespace Ui { class SimulationConnectionDialog; }

/// Where the PostgreSQL backend connects. Everything but the password is remembered in
/// QSettings; the password lives in memory only (or comes from the user's own .pgpass file).
struct PostgresConnection {
    QString host;
    int port = 5432;
    QString user;
    QString database;
    QString password;      ///< in memory only; empty when the password file is used
    bool usePassFile = false;
    bool ownDatabase = false;
    bool superuser = false; ///< run migrations as this role, privileged ones included

    bool isSet() const { return !host.isEmpty() || !user.isEmpty() || !database.isEmpty(); }
    /// libpq conninfo; the password is included only when `withPassword` (for the run itself).
    QString conninfo(bool withPassword) const;
    /// The user's password file (PGPASSFILE, else ~/.pgpass) when it exists; else empty.
    static QString passFile();
};

class SimulationConnectionDialog : public QDialog {
    Q_OBJECT
public:
    explicit SimulationConnectionDialog(const PostgresConnection &initial, QWidget *parent = nullptr);
    ~SimulationConnectionDialog() override;

    PostgresConnection connection() const;

    /// Settings (without password) remembered between sessions.
    static PostgresConnection loadSettings();
    static void saveSettings(const PostgresConnection &c);

public Q_SLOTS:
    /// Connects read-only off the GUI thread and shows the server's answer (or its error).
    void testConnection();

Q_SIGNALS:
    void connectionTested(bool ok);

private:
    std::unique_ptr<Ui::SimulationConnectionDialog> m_ui;
    int m_testGeneration = 0; ///< a newer test, or an edit, makes an older answer stale
};
