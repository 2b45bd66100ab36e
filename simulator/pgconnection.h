#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

struct pg_conn;

namespace passlane {

/// Where a PostgreSQL server is and how to reach it: every keyword of a libpq conninfo
/// ("host=/tmp port=5432 user=u sslmode=verify-full") or URI ("postgresql://u@h:5432/db?sslmode=require"),
/// parsed by libpq itself (PQconninfoParse), so every option libpq knows is kept and passed on to
/// every connection the tool opens; an unknown keyword is an error, as it is for psql.
struct PgConnectionInfo {
    static Result<PgConnectionInfo> parse(const QString &dsn);

    /// The keyword's value; empty when the connection string does not set it.
    QString value(QStringView keyword) const;
    bool has(QStringView keyword) const;
    /// A copy with one keyword set (an empty value removes it).
    PgConnectionInfo with(const QString &keyword, const QString &value) const;
    PgConnectionInfo withDatabase(const QString &name) const;
    /// Another role on the same server, with its own password (none: libpq's usual sources).
    PgConnectionInfo withUser(const QString &user, const QString &password) const;

    QString host() const { return has(u"host") ? value(u"host") : value(u"hostaddr"); }
    QString user() const { return value(u"user"); }
    QString dbname() const; ///< the database connected to ("postgres" when the string names none)

    QString conninfo() const; ///< libpq key='value' form of every keyword, password included
    QString display() const;  ///< for messages: every keyword except secrets (password, sslpassword)
    /// The keywords in the order libpq lists them.
    const QList<QPair<QString, QString>> &options() const { return m_options; }

private:
    QList<QPair<QString, QString>> m_options;
    QStringList m_secret; ///< keywords libpq marks as secret (dispchar "*")
};

/// The outcome of one raw libpq execution (a whole migration file, or one statement).
struct PgExecResult {
    bool ok = true;
    bool canceled = false;       ///< stopped by a cancel request (the server rolled the statement back)
    bool connectionLost = false; ///< the connection broke (server gone, backend terminated)
    QString message;  ///< primary message
    QString detail;
    QString sqlState;
    int position = 0; ///< 1-based character position in the executed text, 0 when unknown
    QStringList notices; ///< NOTICE/WARNING messages the server sent meanwhile
    QString firstValue;  ///< first column of the first row, when the last statement returned rows
};

/// One connection through Qt Sql's QPSQL driver, under a unique connection name (so sessions on
/// different threads never share one). Catalog and bookkeeping queries go through QSqlQuery;
/// whole migration files go through the driver's libpq handle, because QSqlQuery does not expose
/// the error position that names the failing line, nor a way to cancel a running statement.
class PgSession {
public:
    /// Opens a session with every keyword of `info`; `readOnly` adds default_transaction_read_only=on
    /// to the connection's `options` (after the user's own, so it wins) and sets
    /// SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY.
    static Result<std::unique_ptr<PgSession>> open(const PgConnectionInfo &info, bool readOnly = false);
    ~PgSession();
    PgSession(const PgSession &) = delete;
    PgSession &operator=(const PgSession &) = delete;

    QSqlDatabase database() const;
    const PgConnectionInfo &info() const { return m_info; }

    /// Runs `sql` (one or many statements, no bound values) as one simple query, like PQexec.
    /// While it runs, `canceled` is polled every 50 ms; when it returns true the server is asked to
    /// cancel the statement (PQcancel) and the result has `canceled` set.
    PgExecResult execRaw(const QByteArray &sql, const std::function<bool()> &canceled = {});
    /// Runs one statement through QSqlQuery; fails with the server's message.
    Status exec(const QString &sql);
    /// Rows of a query as text (NULL as a null QString), through QSqlQuery.
    Result<QList<QStringList>> rows(const QString &sql);
    /// First column of the first row, or an empty string.
    Result<QString> scalar(const QString &sql);

    bool isSuperuser();
    /// The password as the server stores it (SCRAM or MD5, per password_encryption), so the clear
    /// text never travels in a statement; empty on failure.
    QString encryptPassword(const QString &password, const QString &user);
    bool connectionLost() const; ///< the libpq connection is broken
    int backendPid() const;      ///< the server process serving this session (pg_backend_pid())
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

/// What a user checks before a run: that the server answers, its version, the role the tool
/// connects as, and what that role may do. The session is read-only and runs SELECTs only.
struct PgServerCheck {
    QString serverVersion; ///< "15.4 (Debian 15.4-1)"
    QString user;
    bool superuser = false;
    bool createDb = false;

    /// "PostgreSQL 15.4 as alice: superuser" (or "may create databases", or neither).
    QString summary() const;
};

Result<PgServerCheck> checkServer(const PgConnectionInfo &info);

} // namespace passlane
