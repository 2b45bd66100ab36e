#include "scratchdatabase.h"

#include <QRandomGenerator>
#include <QRegularExpression>

namespace passlane {

bool ScratchDatabase::isScratchName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^passlane_scratch_[0-9a-f]+(_[a-z0-9_]+)?$"));
    return re.match(name).hasMatch();
}

Result<std::unique_ptr<ScratchDatabase>> ScratchDatabase::create(const PgConnectionInfo &server, const QString &suffix,
                                                                 const QString &templateDb)
{
    std::unique_ptr<ScratchDatabase> db(new ScratchDatabase);
    db->m_server = server;
    const quint32 r = QRandomGenerator::global()->generate();
    QString clean = suffix.toLower();
    clean.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    db->m_name = QStringLiteral("passlane_scratch_%1").arg(r, 8, 16, QLatin1Char('0'))
        + (clean.isEmpty() ? QString() : u'_' + clean);
    auto admin = PgSession::open(server);
    if (!admin)
        return admin.error();
    // template0: nothing a site added to template1 leaks into the rehearsal.
    const Status st = admin.value()->exec(
        templateDb.isEmpty()
            ? QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'").arg(PgSession::quoteIdent(db->m_name))
            : QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(PgSession::quoteIdent(db->m_name), PgSession::quoteIdent(templateDb)));
    if (!st)
        return st.error();
    return db;
}

Status ScratchDatabase::drop()
{
    if (m_keep || m_dropped)
        return success();
    if (!isScratchName(m_name))
        return Status(Error{m_name, QStringLiteral("refusing to drop a database the tool did not name")});
    auto admin = PgSession::open(m_server);
    if (!admin)
        return admin.error();
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
