#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

struct pg_conn;

namespace passlane {

/// Where a PostgreSQL server is: parsed from a libpq conninfo ("host=/tmp port=5432 user=u
/// dbname=postgres") or a URI ("postgresql://user:pw@host:port/db").
struct PgConnectionInfo {
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString dbname = QStringLiteral("postgres");

    static Result<PgConnectionInfo> parse(const QString &dsn);
    PgConnectionInfo withDatabase(const QString &name) const;
    QString conninfo() const;    ///< libpq key=value form (password omitted when empty)
    QString display() const;     ///< for messages: never shows the password
};

/// The outcome of one raw libpq execution (a whole migration file, or one statement).
struct PgExecResult {
    bool ok = true;
    QString message;  ///< primary message
    QString detail;
    QString sqlState;
    int position = 0; ///< 1-based character position in the executed text, 0 when unknown
    QStringList notices; ///< NOTICE/WARNING messages the server sent meanwhile
    QString firstValue;  ///< first column of the first row, when the last statement returned rows
};

/// One connection through Qt Sql's QPSQL driver, under a unique connection name (so sessions on
/// different threads never share one). Catalog and bookkeeping queries go through QSqlQuery;
/// whole migration files go through the driver's libpq handle (PQexec), because QSqlQuery does
/// not expose the error position that names the failing line.
class PgSession {
public:
    /// Opens a session; `readOnly` sets default_transaction_read_only=on in the connection options
    /// and SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY.
    static Result<std::unique_ptr<PgSession>> open(const PgConnectionInfo &info, bool readOnly = false);
    ~PgSession();
    PgSession(const PgSession &) = delete;
    PgSession &operator=(const PgSession &) = delete;

    QSqlDatabase database() const;
    const PgConnectionInfo &info() const { return m_info; }

    /// Runs `sql` (one or many statements, no bound values) through PQexec.
    PgExecResult execRaw(const QByteArray &sql);
    /// Runs one statement through QSqlQuery; fails with the server's message.
    Status exec(const QString &sql);
    /// Rows of a query as text (NULL as a null QString), through QSqlQuery.
    Result<QList<QStringList>> rows(const QString &sql);
    /// First column of the first row, or an empty string.
    Result<QString> scalar(const QString &sql);

    bool isSuperuser();
    static QString quoteIdent(const QString &name);
    static QString quoteLiteral(const QString &value);

private:
    PgSession() = default;
    QString m_name;
    PgConnectionInfo m_info;
    pg_conn *m_conn = nullptr;
    QStringList m_notices;
    friend void passlaneNoticeProcessor(void *arg, const char *message);
};

} // namespace passlane
