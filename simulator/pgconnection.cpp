#include "pgconnection.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>
#include <QVariant>

#include <libpq-fe.h>

#include <cerrno>

#include <poll.h>

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
    const QString text = dsn.trimmed();
    if (text.isEmpty())
        return Error{QString(), QStringLiteral("empty PostgreSQL connection string")};
    char *error = nullptr;
    PQconninfoOption *parsed = PQconninfoParse(text.toUtf8().constData(), &error);
    if (!parsed) {
        const QString why = error ? QString::fromUtf8(error).trimmed() : QStringLiteral("out of memory");
        PQfreemem(error);
        // Never echo the string itself: it may hold a password.
        return Error{QString(), QStringLiteral("cannot read the PostgreSQL connection string (key=value pairs or a "
                                               "postgresql:// URI): %1").arg(why)};
    }
    PgConnectionInfo info;
    for (const PQconninfoOption *o = parsed; o->keyword; ++o) {
        if (o->dispchar && o->dispchar[0] == '*')
            info.m_secret << QString::fromLatin1(o->keyword);
        if (o->val)
            info.m_options.append({QString::fromLatin1(o->keyword), QString::fromUtf8(o->val)});
    }
    PQconninfoFree(parsed);
    return info;
}

QString PgConnectionInfo::value(QStringView keyword) const
{
    for (const auto &[key, v] : m_options) {
        if (key == keyword)
            return v;
    }
    return {};
}

bool PgConnectionInfo::has(QStringView keyword) const
{
    for (const auto &option : m_options) {
        if (option.first == keyword)
            return true;
    }
    return false;
}

PgConnectionInfo PgConnectionInfo::with(const QString &keyword, const QString &value) const
{
    PgConnectionInfo copy = *this;
    for (qsizetype i = 0; i < copy.m_options.size(); ++i) {
        if (copy.m_options.at(i).first == keyword) {
            if (value.isEmpty())
                copy.m_options.removeAt(i);
            else
                copy.m_options[i].second = value;
            return copy;
        }
    }
    if (!value.isEmpty())
        copy.m_options.append({keyword, value});
    return copy;
}

PgConnectionInfo PgConnectionInfo::withDatabase(const QString &name) const
{
    return with(QStringLiteral("dbname"), name);
}

PgConnectionInfo PgConnectionInfo::withUser(const QString &user, const QString &password) const
{
    // The original role's password is never sent for the other one.
    return with(QStringLiteral("user"), user).with(QStringLiteral("password"), password);
}

QString PgConnectionInfo::dbname() const
{
    const QString db = value(u"dbname");
    return db.isEmpty() ? QStringLiteral("postgres") : db;
}

namespace {

QString quoteConnValue(const QString &v)
{
    return u'\'' + QString(v).replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'")) + u'\'';
}

} // namespace

QString PgConnectionInfo::conninfo() const
{
    QStringList parts;
    bool hasDb = false;
    for (const auto &[key, v] : m_options) {
        parts << key + u'=' + quoteConnValue(v);
        hasDb = hasDb || key == u"dbname";
    }
    if (!hasDb)
        parts << QStringLiteral("dbname=") + quoteConnValue(dbname());
    return parts.join(u' ');
}

QString PgConnectionInfo::display() const
{
    QStringList parts;
    bool hasDb = false;
    for (const auto &[key, v] : m_options) {
        if (m_secret.contains(key) || key == u"password" || key == u"sslpassword")
            continue;
        parts << key + u'=' + v;
        hasDb = hasDb || key == u"dbname";
    }
    if (!hasDb)
        parts << QStringLiteral("dbname=") + dbname();
    return parts.join(u' ');
}

Result<std::unique_ptr<PgSession>> PgSession::open(const PgConnectionInfo &info, bool readOnly)
{
    std::unique_ptr<PgSession> s(new PgSession);
    s->m_info = info;
    s->m_name = QStringLiteral("passlane-pg-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), s->m_name);
    if (!db.isValid())
        return Error{info.display(), QStringLiteral("the Qt QPSQL driver is not available")};
    // QPSQL quotes host, database, user and password itself; every other keyword goes into the
    // connect options, where the driver turns ';' into a space: refuse a value it would corrupt.
    QStringList options;
    bool appName = false;
    bool timeout = false;
    QString userOptions;
    for (const auto &[key, value] : info.options()) {
        if (key == u"host")
            db.setHostName(value);
        else if (key == u"dbname")
            db.setDatabaseName(value);
        else if (key == u"user")
            db.setUserName(value);
        else if (key == u"password")
            db.setPassword(value);
        else if (key == u"options")
            userOptions = value;
        else {
            if (value.contains(u';'))
                return Error{info.display(), QStringLiteral("the connection option %1 contains ';', which the Qt "
                                                            "PostgreSQL driver cannot pass on").arg(key)};
            options << key + u'=' + quoteConnValue(value);
            appName = appName || key == u"application_name";
            timeout = timeout || key == u"connect_timeout";
        }
    }
    if (!info.has(u"dbname"))
        db.setDatabaseName(info.dbname());
    if (!appName)
        options << QStringLiteral("application_name=passlane");
    if (!timeout)
        options << QStringLiteral("connect_timeout=10");
    if (readOnly) // after the user's own options: a later -c wins
        userOptions += QStringLiteral(" -c default_transaction_read_only=on");
    if (!userOptions.trimmed().isEmpty()) {
        if (userOptions.contains(u';'))
            return Error{info.display(), QStringLiteral("the connection option options contains ';', which the Qt "
                                                        "PostgreSQL driver cannot pass on")};
        options << QStringLiteral("options=") + quoteConnValue(userOptions.trimmed());
    }
    db.setConnectOptions(options.join(u' '));
    if (!db.open()) {
        // libpq's own words ("server does not support SSL, but SSL was required"), on one line.
        QString why = db.lastError().databaseText().trimmed();
        if (why.isEmpty())
            why = db.lastError().text().trimmed();
        return Error{info.display(), QStringLiteral("cannot connect: %1").arg(why.simplified())};
    }
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

PgExecResult PgSession::execRaw(const QByteArray &sql, const std::function<bool()> &canceled)
{
    PgExecResult out;
    m_notices.clear();
    // PQsendQuery + PQgetResult is what PQexec does inside; done here so a cancel request can be
    // sent while the statement runs. The last result counts, an error one first.
    bool cancelSent = false;
    if (!PQsendQuery(m_conn, sql.constData())) {
        out.ok = false;
        out.message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        out.connectionLost = PQstatus(m_conn) == CONNECTION_BAD;
        return out;
    }
    PGresult *last = nullptr;
    PGresult *failure = nullptr;
    for (;;) {
        while (PQisBusy(m_conn)) {
            pollfd fd{PQsocket(m_conn), POLLIN, 0};
            const int ready = ::poll(&fd, 1, canceled ? 50 : 1000);
            if (ready < 0 && errno != EINTR)
                break;
            if (!PQconsumeInput(m_conn))
                break;
            if (canceled && !cancelSent && canceled()) {
                if (PGcancel *c = PQgetCancel(m_conn)) {
                    char err[256];
                    PQcancel(c, err, sizeof err);
                    PQfreeCancel(c);
                }
                cancelSent = true;
            }
        }
        PGresult *res = PQgetResult(m_conn);
        if (!res)
            break;
        const ExecStatusType status = PQresultStatus(res);
        if (status == PGRES_COPY_IN) {
            // No data source for COPY FROM STDIN: end it with an error, as psql does without input.
            PQputCopyEnd(m_conn, "COPY FROM STDIN is not supported by Passlane");
            PQclear(res);
            continue;
        }
        if (status == PGRES_COPY_OUT) {
            char *buffer = nullptr;
            while (PQgetCopyData(m_conn, &buffer, 0) > 0)
                PQfreemem(buffer);
            PQclear(res);
            continue;
        }
        if (status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE || status == PGRES_NONFATAL_ERROR) {
            if (!failure)
                failure = res;
            else
                PQclear(res);
            continue;
        }
        if (last)
            PQclear(last);
        last = res;
        if (PQstatus(m_conn) == CONNECTION_BAD)
            break;
    }
    if (failure || PQstatus(m_conn) == CONNECTION_BAD) {
        out.ok = false;
        if (failure) {
            out.message = QString::fromUtf8(PQresultErrorField(failure, PG_DIAG_MESSAGE_PRIMARY));
            out.detail = QString::fromUtf8(PQresultErrorField(failure, PG_DIAG_MESSAGE_DETAIL));
            out.sqlState = QString::fromLatin1(PQresultErrorField(failure, PG_DIAG_SQLSTATE));
            out.position = QByteArray(PQresultErrorField(failure, PG_DIAG_STATEMENT_POSITION)).toInt();
        }
        if (out.message.isEmpty())
            out.message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        // 57P01..57P05: the backend was terminated or the server is shutting down; 08xxx: the link broke.
        out.connectionLost = PQstatus(m_conn) == CONNECTION_BAD || out.sqlState.startsWith(QLatin1String("57P"))
            || out.sqlState.startsWith(QLatin1String("08"));
        out.canceled = cancelSent && out.sqlState == u"57014";
    } else if (last && PQresultStatus(last) == PGRES_TUPLES_OK && PQntuples(last) > 0 && PQnfields(last) > 0) {
        out.firstValue = QString::fromUtf8(PQgetvalue(last, 0, 0));
    }
    if (last)
        PQclear(last);
    if (failure)
        PQclear(failure);
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

QString PgSession::encryptPassword(const QString &password, const QString &user)
{
    char *hashed = PQencryptPasswordConn(m_conn, password.toUtf8().constData(), user.toUtf8().constData(), nullptr);
    if (!hashed)
        return {};
    const QString out = QString::fromLatin1(hashed);
    PQfreemem(hashed);
    return out;
}

bool PgSession::connectionLost() const
{
    return !m_conn || PQstatus(m_conn) == CONNECTION_BAD;
}

int PgSession::backendPid() const
{
    return m_conn ? PQbackendPID(m_conn) : 0;
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

QString PgServerCheck::summary() const
{
    QString rights = superuser ? QStringLiteral("superuser")
        : createDb             ? QStringLiteral("may create databases (not a superuser: privileged migrations become manual steps)")
                               : QStringLiteral("may not create databases: scratch copies cannot be made as this role");
    return QStringLiteral("PostgreSQL %1 as %2: %3").arg(serverVersion, user, rights);
}

Result<PgServerCheck> checkServer(const PgConnectionInfo &info)
{
    auto session = PgSession::open(info, true);
    if (!session)
        return session.error();
    auto row = session.value()->rows(QStringLiteral("SELECT current_setting('server_version'), current_user, rolsuper, "
                                                    "rolcreatedb FROM pg_roles WHERE rolname = current_user"));
    if (!row)
        return row.error();
    if (row->isEmpty() || row->first().size() < 4)
        return Error{info.display(), QStringLiteral("the server did not describe the current role")};
    const QStringList &r = row->first();
    auto yes = [](const QString &v) { return v == u"true" || v == u"t"; };
    return PgServerCheck{r.at(0), r.at(1), yes(r.at(2)), yes(r.at(3))};
}

} // namespace passlane
