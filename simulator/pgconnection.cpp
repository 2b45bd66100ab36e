#include "pgconnection.h"

#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>
#include <QVariant>

#include <libpq-fe.h>

namespace passlane {

void passlaneNoticeProcessor(void *arg, const char *message)
{
    // Notices ("relation ... already exists, skipping") would flood stderr; keep them instead.
    auto *session = static_cast<PgSession *>(arg);
    if (session->m_notices.size() < 1000)
        session->m_notices.append(QString::fromUtf8(message).trimmed());
}

Result<PgConnectionInfo> PgConnectionInfo::parse(const QString &dsn)
{
    PgConnectionInfo info;
    const QString text = dsn.trimmed();
    if (text.isEmpty())
        return Error{QString(), QStringLiteral("empty PostgreSQL connection string")};
    if (text.startsWith(QLatin1String("postgres://")) || text.startsWith(QLatin1String("postgresql://"))) {
        const QUrl url(text);
        if (!url.isValid())
            return Error{QString(), QStringLiteral("invalid PostgreSQL URI")};
        info.host = url.host();
        info.port = url.port(5432);
        info.user = url.userName();
        info.password = url.password();
        const QString db = url.path().mid(1);
        if (!db.isEmpty())
            info.dbname = db;
        const QUrlQuery query(url);
        if (query.hasQueryItem(QStringLiteral("host")))
            info.host = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
        return info;
    }
    static const QRegularExpression pair(QStringLiteral(R"((\w+)\s*=\s*('(?:[^'\\]|\\.)*'|\S+))"));
    auto it = pair.globalMatch(text);
    bool any = false;
    while (it.hasNext()) {
        const auto m = it.next();
        any = true;
        QString value = m.captured(2);
        if (value.startsWith(u'\'')) {
            value = value.mid(1, value.size() - 2);
            value.replace(QStringLiteral("\\'"), QStringLiteral("'")).replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
        }
        const QString key = m.captured(1).toLower();
        if (key == u"host" || key == u"hostaddr")
            info.host = value;
        else if (key == u"port")
            info.port = value.toInt();
        else if (key == u"user")
            info.user = value;
        else if (key == u"password")
            info.password = value;
        else if (key == u"dbname")
            info.dbname = value;
    }
    if (!any)
        return Error{QString(), QStringLiteral("cannot read PostgreSQL connection string '%1' (expected key=value pairs "
                                               "or a postgresql:// URI)").arg(text)};
    if (info.port <= 0)
        return Error{QString(), QStringLiteral("invalid port in PostgreSQL connection string")};
    return info;
}

PgConnectionInfo PgConnectionInfo::withDatabase(const QString &name) const
{
    PgConnectionInfo copy = *this;
    copy.dbname = name;
    return copy;
}

QString PgConnectionInfo::conninfo() const
{
    QStringList parts;
    auto q = [](const QString &v) -> QString { return u'\'' + QString(v).replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'")) + u'\''; };
    if (!host.isEmpty())
        parts << QStringLiteral("host=") + q(host);
    parts << QStringLiteral("port=%1").arg(port);
    if (!user.isEmpty())
        parts << QStringLiteral("user=") + q(user);
    if (!password.isEmpty())
        parts << QStringLiteral("password=") + q(password);
    parts << QStringLiteral("dbname=") + q(dbname);
    return parts.join(u' ');
}

QString PgConnectionInfo::display() const
{
    return QStringLiteral("host=%1 port=%2 user=%3 dbname=%4").arg(host).arg(port).arg(user, dbname);
}

Result<std::unique_ptr<PgSession>> PgSession::open(const PgConnectionInfo &info, bool readOnly)
{
    std::unique_ptr<PgSession> s(new PgSession);
    s->m_info = info;
    s->m_name = QStringLiteral("passlane-pg-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), s->m_name);
    if (!db.isValid())
        return Error{info.display(), QStringLiteral("the Qt QPSQL driver is not available")};
    db.setHostName(info.host);
    db.setPort(info.port);
    db.setUserName(info.user);
    db.setPassword(info.password);
    db.setDatabaseName(info.dbname);
    QString options = QStringLiteral("application_name=passlane connect_timeout=10");
    if (readOnly)
        options += QStringLiteral(" options='-c default_transaction_read_only=on'");
    db.setConnectOptions(options);
    if (!db.open())
        return Error{info.display(), db.lastError().text()};
    const QVariant handle = db.driver()->handle();
    // Qt registers the pointer as "PGconn*" (older) or under the struct's name "pg_conn*".
    if (handle.isValid() && (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0))
        s->m_conn = *static_cast<PGconn *const *>(handle.data());
    if (!s->m_conn)
        return Error{info.display(), QStringLiteral("the QPSQL driver gave no libpq handle (%1)")
                                         .arg(QString::fromLatin1(handle.typeName()))};
    PQsetNoticeProcessor(s->m_conn, &passlaneNoticeProcessor, s.get());
    if (readOnly) {
        const Status st = s->exec(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
        if (!st)
            return st.error();
    }
    return s;
}

PgSession::~PgSession()
{
    if (m_conn)
        PQsetNoticeProcessor(m_conn, nullptr, nullptr);
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase PgSession::database() const
{
    return QSqlDatabase::database(m_name, false);
}

PgExecResult PgSession::execRaw(const QByteArray &sql)
{
    PgExecResult out;
    m_notices.clear();
    PGresult *res = PQexec(m_conn, sql.constData());
    const ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE || status == PGRES_NONFATAL_ERROR) {
        out.ok = false;
        if (res) {
            out.message = QString::fromUtf8(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY));
            out.detail = QString::fromUtf8(PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL));
            out.sqlState = QString::fromLatin1(PQresultErrorField(res, PG_DIAG_SQLSTATE));
            out.position = QByteArray(PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION)).toInt();
        }
        if (out.message.isEmpty())
            out.message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    }
    if (res && status == PGRES_TUPLES_OK && PQntuples(res) > 0 && PQnfields(res) > 0)
        out.firstValue = QString::fromUtf8(PQgetvalue(res, 0, 0));
    if (res)
        PQclear(res);
    out.notices = m_notices;
    return out;
}

Status PgSession::exec(const QString &sql)
{
    QSqlQuery q(database());
    if (!q.exec(sql))
        return Status(Error{m_info.display(), q.lastError().databaseText().trimmed()});
    return success();
}

Result<QList<QStringList>> PgSession::rows(const QString &sql)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return Error{m_info.display(), q.lastError().databaseText().trimmed()};
    QList<QStringList> out;
    const int columns = q.record().count();
    while (q.next()) {
        QStringList row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i) {
            const QVariant v = q.value(i);
            row.append(v.isNull() ? QString() : v.toString());
        }
        out.append(row);
    }
    return out;
}

Result<QString> PgSession::scalar(const QString &sql)
{
    auto r = rows(sql);
    if (!r)
        return r.error();
    return r->isEmpty() || r->first().isEmpty() ? QString() : r->first().first();
}

bool PgSession::isSuperuser()
{
    auto r = scalar(QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
    return r && (r.value() == u"true" || r.value() == u"t");
}

QString PgSession::quoteIdent(const QString &name)
{
    return u'"' + QString(name).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

QString PgSession::quoteLiteral(const QString &value)
{
    return u'\'' + QString(value).replace(u'\'', QStringLiteral("''")) + u'\'';
}

} // namespace passlane
