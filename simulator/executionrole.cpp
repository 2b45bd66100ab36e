#include "executionrole.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace passlane {

bool ExecutionRole::isExecutionRoleName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^passlane_exec_[0-9a-f]+$"));
    return re.match(name).hasMatch();
}

Result<std::unique_ptr<ExecutionRole>> ExecutionRole::create(const PgConnectionInfo &server)
{
    auto admin = PgSession::open(server);
    if (!admin)
        return admin.error();
    QRandomGenerator *random = QRandomGenerator::system();
    const QString password = QStringLiteral("%1%2").arg(random->generate64(), 16, 16, QLatin1Char('0'))
                                 .arg(random->generate64(), 16, 16, QLatin1Char('0'));
    for (int attempt = 0; attempt < 5; ++attempt) {
        const QString name = QStringLiteral("passlane_exec_%1").arg(random->generate64(), 16, 16, QLatin1Char('0'));
        const QString hashed = admin.value()->encryptPassword(password, name);
        if (hashed.isEmpty())
            return Error{server.display(), QStringLiteral("cannot hash the password of the execution role")};
        // A day of validity: a role left behind by a killed run cannot log in for long.
        const QString until = QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate);
        const PgExecResult r = admin.value()->execRaw(
            QStringLiteral("CREATE ROLE %1 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS "
                           "PASSWORD %2 VALID UNTIL %3")
                .arg(PgSession::quoteIdent(name), PgSession::quoteLiteral(hashed), PgSession::quoteLiteral(until))
                .toUtf8());
        if (!r.ok && r.sqlState == u"42710") // duplicate_object: someone else's role, left alone
            continue;
        if (!r.ok)
            return Error{server.display(), QStringLiteral("cannot create the execution role: %1").arg(r.message)};
        std::unique_ptr<ExecutionRole> role(new ExecutionRole);
        role->m_server = server;
        role->m_name = name;
        role->m_password = password;
        return role;
    }
    return Error{server.display(), QStringLiteral("cannot reserve an execution role name")};
}

PgConnectionInfo ExecutionRole::connectionTo(const QString &database) const
{
    return m_server.withDatabase(database).withUser(m_name, m_password);
}

Status ExecutionRole::drop(const QStringList &keptDatabases)
{
    if (m_dropped)
        return success();
    for (const QString &db : keptDatabases) {
        auto admin = PgSession::open(m_server.withDatabase(db));
        if (!admin)
            return admin.error();
        const Status st = admin.value()->exec(QStringLiteral("REASSIGN OWNED BY %1 TO CURRENT_USER")
                                                  .arg(PgSession::quoteIdent(m_name)));
        if (!st)
            return st;
        admin.value()->exec(QStringLiteral("DROP OWNED BY %1").arg(PgSession::quoteIdent(m_name)));
    }
    auto admin = PgSession::open(m_server);
    if (!admin)
        return admin.error();
    const Status st = admin.value()->exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(PgSession::quoteIdent(m_name)));
    if (st)
        m_dropped = true;
    return st;
}

ExecutionRole::~ExecutionRole()
{
    drop();
}

} // namespace passlane
