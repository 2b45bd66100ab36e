#include "scratchdatabase.h"

#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace passlane {

namespace {

QMutex g_randomMutex;
std::function<quint64()> g_randomSource;

quint64 randomPart()
{
    QMutexLocker lock(&g_randomMutex);
    return g_randomSource ? g_randomSource() : QRandomGenerator::system()->generate64();
}

constexpr int kAttempts = 5;

} // namespace

void ScratchDatabase::setRandomSourceForTesting(std::function<quint64()> source)
{
    QMutexLocker lock(&g_randomMutex);
    g_randomSource = std::move(source);
}

bool ScratchDatabase::isScratchName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^passlane_scratch_[0-9a-f]+(_[a-z0-9_]+)?$"));
    return re.match(name).hasMatch();
}

Result<std::unique_ptr<ScratchDatabase>> ScratchDatabase::create(const PgConnectionInfo &server, const QString &suffix,
                                                                 const QString &templateDb, const QString &owner)
{
    QString clean = suffix.toLower();
    clean.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    auto admin = PgSession::open(server);
    if (!admin)
        return admin.error();
    QStringList taken;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        // The name is reserved by CREATE DATABASE itself: it either creates a new database under
        // it, or fails and the name is left alone.
        const QString name = QStringLiteral("passlane_scratch_%1").arg(randomPart(), 16, 16, QLatin1Char('0'))
            + (clean.isEmpty() ? QString() : u'_' + clean).left(63 - 34);
        // template0: nothing a site added to template1 leaks into the rehearsal.
        QString sql = templateDb.isEmpty()
            ? QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'").arg(PgSession::quoteIdent(name))
            : QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(PgSession::quoteIdent(name), PgSession::quoteIdent(templateDb));
        if (!owner.isEmpty())
            sql += QStringLiteral(" OWNER %1").arg(PgSession::quoteIdent(owner));
        const PgExecResult r = admin.value()->execRaw(sql.toUtf8());
        if (!r.ok && r.sqlState == u"42P04") { // duplicate_database: someone else's
            taken << name;
            continue;
        }
        if (!r.ok)
            return Error{server.display(), QStringLiteral("cannot create database %1: %2").arg(name, r.message)};
        std::unique_ptr<ScratchDatabase> db(new ScratchDatabase);
        db->m_server = server;
        db->m_name = name;
        auto oid = admin.value()->scalar(QStringLiteral("SELECT oid::text FROM pg_database WHERE datname = %1")
                                             .arg(PgSession::quoteLiteral(name)));
        db->m_oid = oid ? oid.value() : QString();
        return db;
    }
    return Error{server.display(), QStringLiteral("cannot reserve a scratch database name: %1 already exist(s) "
                                                  "and were left alone").arg(taken.join(QStringLiteral(", ")))};
}

Status ScratchDatabase::drop()
{
    if (m_keep || m_dropped)
        return success();
    if (!isScratchName(m_name) || m_oid.isEmpty())
        return Status(Error{m_name, QStringLiteral("refusing to drop a database the tool did not create")});
    auto admin = PgSession::open(m_server);
    if (!admin)
        return admin.error();
    // The name must still belong to the database this object created.
    auto oid = admin.value()->scalar(QStringLiteral("SELECT oid::text FROM pg_database WHERE datname = %1")
                                         .arg(PgSession::quoteLiteral(m_name)));
    if (!oid)
        return oid.error();
    if (oid.value().isEmpty()) {
        m_dropped = true; // already gone
        return success();
    }
    if (oid.value() != m_oid)
        return Status(Error{m_name, QStringLiteral("refusing to drop %1: it is no longer the database the tool "
                                                   "created (OID %2, now %3)").arg(m_name, m_oid, oid.value())});
    const Status st = admin.value()->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                                              .arg(PgSession::quoteIdent(m_name)));
    if (st)
        m_dropped = true;
    return st;
}

ScratchDatabase::~ScratchDatabase()
{
    drop();
}

} // namespace passlane
